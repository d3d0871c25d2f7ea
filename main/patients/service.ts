import type { Knex } from 'knex';
import type { ParsedInput, Output } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Duplicate, Patient } from '../../shared/contract/patients';
import { digitsOf, joined, phoneDigits } from '../../shared/text/fold';
import { appendAudit } from '../audit/log';
import { byPatient, toPatient, toSummary, summaryColumns, type PatientRow, type PhoneRow } from './rows';
import { laterWords, parseQuery, searchDocument, sortKey } from './search-index';
import { sqliteSearch, type ExtraRow, type SearchStore } from './search-sqlite';
import type { FormsMark } from '../consent/needs-forms';
import { say } from '../../shared/messages';

export interface PatientDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  /** The search index's own storage; SQLite's FTS5 unless told otherwise. */
  store?: SearchStore;
  /** The mark on search results for patients who still need consent forms before treatment (main/consent/needs-forms.ts). */
  needsForms?: FormsMark;
}

/** No mark: for a service tested without the consent module. */
const noMark: FormsMark = { column: () => 'NULL', needing: async () => new Set() };

export type PatientInput = ParsedInput<'patients.create'>['patient'];

/**
 * The columns a patient form writes; the rest (ids, times, archive state) belong to the service.
 * Exported with the other row builders below so the benchmark seeds rows exactly as the service writes them.
 */
export function patientColumns(p: PatientInput) {
  return {
    first_name: p.firstName,
    last_name: p.lastName,
    preferred_name: p.preferredName,
    pronouns: p.pronouns,
    date_of_birth: p.dateOfBirth,
    email: p.email,
    address: JSON.stringify(p.address),
    emergency_contact: JSON.stringify(p.emergencyContact),
    family_physician: JSON.stringify(p.familyPhysician),
    preferred_contact: p.preferredContact,
    language: p.language,
    notes: p.notes,
    sort_key: sortKey(p),
  };
}

/** Field names that differ, for the audit log: which fields changed, never their values. */
function changedFields(before: Patient, after: PatientInput): string[] {
  return (Object.keys(after) as Array<keyof PatientInput>).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export function phoneRows(patientId: string, phones: PatientInput['phones']): PhoneRow[] {
  return phones.map((p, position) => ({ patient_id: patientId, position, label: p.label, number: p.number, digits: phoneDigits(p.number) }));
}

/** The number a search result shows: one ending with the typed digits, else one holding them, else the first. */
function shownNumber(numbers: string[], digits: string | null): string {
  const matching = digits ? numbers.filter((n) => digitsOf(n).includes(digits)) : [];
  return matching.find((n) => digitsOf(n).endsWith(digits!)) ?? matching[0] ?? numbers[0] ?? '';
}

export function searchRow(p: PatientInput, patientId: string, archived: boolean) {
  return { ...searchDocument({ ...p, archived }), later: laterWords(p.lastName), patient_id: patientId };
}

export function createPatientService({ db, now, newId, store = sqliteSearch, needsForms = noMark }: PatientDeps) {
  async function load(q: Knex | Knex.Transaction, id: string): Promise<Patient | null> {
    const row = (await q<PatientRow>('patients').where({ id }).first()) as PatientRow | undefined;
    if (!row) return null;
    const phones = (await q<PhoneRow>('patient_phones').where({ patient_id: id })) as PhoneRow[];
    return toPatient(row, phones);
  }

  async function writePhones(trx: Knex.Transaction, id: string, phones: PatientInput['phones']) {
    await trx('patient_phones').where({ patient_id: id }).delete();
    if (phones.length === 0) return;
    await trx('patient_phones').insert(phoneRows(id, phones));
  }

  /** Keeps the patient's search row in step, inside the same transaction; the row keeps its rowid for life. */
  async function writeSearchRow(trx: Knex.Transaction, p: PatientInput, id: string, archived: boolean, rowid: number) {
    await store.write(trx, rowid, searchRow(p, id, archived));
  }

  /** These patients' summary rows and phone numbers, with the mark's value, in this order, in one query. */
  async function summaryRows(ids: string[]): Promise<Array<{ row: Omit<ExtraRow, 'number'>; numbers: string[] }>> {
    if (ids.length === 0) return [];
    const rows = (await db('patients as p')
      .leftJoin('patient_phones as ph', 'ph.patient_id', 'p.id')
      .select(...summaryColumns, 'ph.number', db.raw(`${needsForms.column('p.id')} AS extra`))
      .whereIn('p.id', ids)
      .orderBy(['p.id', 'ph.position'])) as ExtraRow[];
    const found = byPatient(rows);
    return ids.map((id) => found.get(id)!);
  }

  async function search(input: ParsedInput<'patients.search'>): Promise<Result<Output<'patients.search'>>> {
    const parsed = parseQuery(input.query);
    let found: Array<{ row: Omit<ExtraRow, 'number'>; numbers: string[] }> = [];
    let archivedMatches = 0;
    if (parsed.clauses.length > 0) {
      // Archived records are hidden unless asked for; the screen says when some match,
      // so nobody registers them again (issue 7.11).
      const page = await store.find(db, parsed, { ...input, extra: needsForms.column });
      found = [...byPatient(page.rows).values()];
      archivedMatches = page.archived;
    } else if (input.query.trim() === '') {
      // Nothing typed yet: the people the desk worked with last.
      const ids = (await db('patients')
        .modify((q) => (input.includeArchived ? q : q.whereNull('archived_at')))
        .orderBy('updated_at', 'desc')
        .limit(input.limit)
        .pluck('id')) as string[];
      found = await summaryRows(ids);
    } // else only punctuation or a stray digit: nothing to look for yet
    const needing = await needsForms.needing(new Map(found.map(({ row }) => [row.id, row.extra])));
    const results = found.map(({ row, numbers }) => ({ ...toSummary(row, shownNumber(numbers, parsed.digits)), needsForms: needing.has(row.id) }));
    return ok({ results, archivedMatches });
  }

  async function findDuplicates(input: ParsedInput<'patients.findDuplicates'>): Promise<Duplicate[]> {
    const reasons = new Map<string, Set<Duplicate['reasons'][number]>>();
    const add = (id: string, reason: Duplicate['reasons'][number]) => {
      if (id === input.excludeId) return;
      (reasons.get(id) ?? reasons.set(id, new Set()).get(id)!).add(reason);
    };
    if (input.dateOfBirth && input.firstName && input.lastName) {
      const sameDay = await db('patients').select('id', 'first_name', 'last_name').where({ date_of_birth: input.dateOfBirth });
      const first = joined(input.firstName);
      const last = joined(input.lastName);
      for (const r of sameDay as Array<{ id: string; first_name: string; last_name: string }>) {
        if (joined(r.first_name) === first && joined(r.last_name) === last) add(r.id, 'name_and_birth_date');
      }
    }
    const digits = input.phones.map(phoneDigits).filter((d) => d.length >= 7);
    if (digits.length) {
      const samePhone = await db('patient_phones').distinct('patient_id').whereIn('digits', digits);
      for (const r of samePhone as Array<{ patient_id: string }>) add(r.patient_id, 'phone');
    }
    if (reasons.size === 0) return [];
    return (await summaryRows([...reasons.keys()]))
      .map(({ row, numbers }) => ({ ...toSummary(row, shownNumber(numbers, null)), reasons: [...reasons.get(row.id)!] }))
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  }

  async function create(input: ParsedInput<'patients.create'>): Promise<Result<Patient>> {
    const p = input.patient;
    if (!input.acknowledgeDuplicates) {
      const duplicates = await findDuplicates({ ...p, phones: p.phones.map((ph) => ph.number) });
      if (duplicates.length) {
        return err('conflict', say('patients.duplicate'));
      }
    }
    const id = newId();
    const at = now().toISOString();
    await db.transaction(async (trx) => {
      const [{ top }] = (await trx('patients').max({ top: 'search_rowid' })) as Array<{ top: number | null }>;
      const searchRowid = (top ?? 0) + 1;
      await trx('patients').insert({ id, ...patientColumns(p), search_rowid: searchRowid, created_at: at, updated_at: at });
      await writePhones(trx, id, p.phones);
      await writeSearchRow(trx, p, id, false, searchRowid);
      await appendAudit(trx, newId, { at, action: 'patient.created', entity: 'patient', entityId: id });
    });
    return ok((await load(db, id))!);
  }

  async function update(input: ParsedInput<'patients.update'>): Promise<Result<Patient>> {
    return db.transaction(async (trx) => {
      const before = await load(trx, input.id);
      if (!before) return err('not_found', say('patients.gone'));
      // Refused here, not only hidden on screen: an archived record is read-only until restored.
      if (before.archivedAt) return err('conflict', say('patients.archivedNoEdit'));
      if (before.updatedAt !== input.expectedUpdatedAt) {
        return err('conflict', say('patients.stale'));
      }
      const changed = changedFields(before, input.patient);
      if (changed.length === 0) return ok(before);
      const at = laterThan(before.updatedAt);
      const { search_rowid } = await trx('patients').select('search_rowid').where({ id: input.id }).first();
      await trx('patients').where({ id: input.id }).update({ ...patientColumns(input.patient), updated_at: at });
      await writePhones(trx, input.id, input.patient.phones);
      await writeSearchRow(trx, input.patient, input.id, before.archivedAt !== null, search_rowid);
      await appendAudit(trx, newId, { at, action: 'patient.updated', entity: 'patient', entityId: input.id, detail: { fields: changed } });
      return ok((await load(trx, input.id))!);
    });
  }

  /** A timestamp after `previous`, so two saves in one millisecond still read as two versions. */
  function laterThan(previous: string): string {
    const t = Math.max(now().getTime(), new Date(previous).getTime() + 1);
    return new Date(t).toISOString();
  }

  /** Who archived the record, from the audit trail (the row keeps only when). */
  async function archivedBy(trx: Knex.Transaction, id: string): Promise<string> {
    const event = (await trx('audit_events as a')
      .leftJoin('staff as s', 's.id', 'a.actor')
      .where({ 'a.entity': 'patient', 'a.entity_id': id, 'a.action': 'patient.archived' })
      .orderBy('a.seq', 'desc')
      .first('s.name')) as { name: string | null } | undefined;
    return event?.name ?? say('patients.someoneBefore');
  }

  /**
   * Archive or restore, on the version the screen saw. Archiving an archived record (a
   * second window, a double click) is refused saying when and by whom, not done twice.
   */
  async function setArchived(id: string, archived: boolean, reason: string, expectedUpdatedAt?: string): Promise<Result<Patient>> {
    return db.transaction(async (trx) => {
      const before = await load(trx, id);
      if (!before) return err('not_found', say('patients.gone'));
      if (archived && before.archivedAt) {
        return err('conflict', say('patients.alreadyArchived', { day: before.archivedAt.slice(0, 10), who: await archivedBy(trx, id) }));
      }
      if (!archived && !before.archivedAt) return err('conflict', say('patients.notArchived'));
      if (expectedUpdatedAt !== undefined && before.updatedAt !== expectedUpdatedAt) {
        return err('conflict', say('patients.staleArchive'));
      }
      const at = laterThan(before.updatedAt);
      const { search_rowid } = await trx('patients').select('search_rowid').where({ id }).first();
      await trx('patients')
        .where({ id })
        .update({ archived_at: archived ? at : null, archive_reason: archived ? reason : '', updated_at: at });
      await writeSearchRow(trx, before, id, archived, search_rowid);
      await appendAudit(trx, newId, {
        at,
        action: archived ? 'patient.archived' : 'patient.restored',
        entity: 'patient',
        entityId: id,
      });
      return ok((await load(trx, id))!);
    });
  }

  return {
    search,
    /** At start-up: the search index in its fastest shape to read (search-sqlite.ts, tidy). */
    tidyIndex: () => store.tidy(db),
    get: async ({ id }: { id: string }) => {
      const patient = await load(db, id);
      return patient ? ok(patient) : err('not_found', say('patients.noSuchId'));
    },
    findDuplicates: async (input: ParsedInput<'patients.findDuplicates'>) => ok({ duplicates: await findDuplicates(input) }),
    create,
    update,
    archive: ({ id, reason, expectedUpdatedAt }: ParsedInput<'patients.archive'>) => setArchived(id, true, reason, expectedUpdatedAt),
    restore: ({ id, expectedUpdatedAt }: ParsedInput<'patients.restore'>) => setArchived(id, false, '', expectedUpdatedAt),
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
