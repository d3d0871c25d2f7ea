import type { Knex } from 'knex';
import type { ParsedInput, Output } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Duplicate, Patient } from '../../shared/contract/patients';
import { joined, phoneDigits } from '../../shared/text/fold';
import { appendAudit } from '../audit/log';
import { toPatient, toSummary, summaryColumns, type PatientRow, type PhoneRow, type SummaryRow } from './rows';
import { parseQuery, rowidBlock, searchDocument, slotsPerBlock, sortKey } from './search-index';

export interface PatientDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
}

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

/**
 * One rank tier of a search: the first `limit` matches of an FTS5 expression in
 * (sort_key, patient_id) order, as summary rows.
 *
 * Search rowids follow name order by block (see rowidBlock in search-index.ts), so the
 * first `limit` matches in rowid order, which FTS5 finds by walking its doclists and
 * stopping at the LIMIT, bound the answer: every match in a later block sorts after all
 * of them. Only the matches up to the end of the limit-th match's block are read and
 * sorted, a few dozen rows however many thousand match a two-letter prefix.
 *
 * `status` is UNINDEXED and checked on those few rows: cheaper than intersecting with
 * the doclist of a word every active patient has.
 * Bindings: expression, expression, limit - 1, limit.
 */
function tierSql(includeArchived: boolean): string {
  const active = includeArchived ? '' : `AND status = 'active'`;
  return `
    SELECT ${summaryColumns.join(', ')},
           (SELECT number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY position LIMIT 1) AS phone
      FROM (SELECT patient_id, sort_key FROM patient_search
             WHERE patient_search MATCH ? ${active}
               AND rowid < coalesce(
                     (SELECT (rowid / ${slotsPerBlock} + 1) * ${slotsPerBlock} FROM patient_search
                       WHERE patient_search MATCH ? ${active} ORDER BY rowid LIMIT 1 OFFSET ?),
                     ${Number.MAX_SAFE_INTEGER})
             ORDER BY sort_key, patient_id
             LIMIT ?) AS hit
      JOIN patients p ON p.id = hit.patient_id
     ORDER BY hit.sort_key, hit.patient_id`;
}
const tierQueries = { active: tierSql(false), all: tierSql(true) };

export function phoneRows(patientId: string, phones: PatientInput['phones']): PhoneRow[] {
  return phones.map((p, position) => ({ patient_id: patientId, position, label: p.label, number: p.number, digits: phoneDigits(p.number) }));
}

export function searchRow(p: PatientInput, patientId: string, archived: boolean) {
  return { ...searchDocument({ ...p, archived }), patient_id: patientId };
}

/**
 * No free rowid in a name's search block: 4,096 records whose names agree as far as the
 * block code reads (search-index.ts), in practice the same name 4,096 times. Thrown
 * inside a write transaction so it rolls back, and answered as blockFullError.
 */
class SearchBlockFull extends Error {
  override name = 'SearchBlockFull';
}

const blockFullError = err(
  'internal',
  'The patient search index has no room left for this name, so nothing was saved. Please tell your Rapport support contact.',
);

export function createPatientService({ db, now, newId }: PatientDeps) {
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

  /**
   * Keeps the FTS row in step with the patient, inside the same transaction. The row's
   * rowid follows name order (see rowidBlock in search-index.ts): it keeps its rowid
   * while the name stays in the same block, and moves, with patients.search_rowid,
   * when a new name sorts elsewhere. Throws SearchBlockFull, before writing anything,
   * when the new name's block has no free rowid; the caller rolls back and answers
   * with blockFullError.
   */
  async function writeSearchRow(trx: Knex.Transaction, p: PatientInput, id: string, archived: boolean, rowid?: number) {
    const doc = searchRow(p, id, archived);
    const block = rowidBlock(doc.sort_key);
    const target = rowid !== undefined && rowid >= block.first && rowid < block.end ? rowid : await freeRowid(trx, block);
    if (target === null) throw new SearchBlockFull();
    if (rowid !== undefined) await trx('patient_search').where({ rowid }).delete();
    await trx('patient_search').insert({ rowid: target, ...doc });
    if (rowid !== undefined && target !== rowid) await trx('patients').where({ id }).update({ search_rowid: target });
    return target;
  }

  /**
   * The next free rowid in a block; when the block's top is taken, the first gap
   * (renames and archiving leave some); null when all 4,096 are taken. Read from the
   * unique index on patients.search_rowid: a rowid range scan of the FTS5 table itself
   * is far slower.
   */
  async function freeRowid(trx: Knex.Transaction, block: { first: number; end: number }): Promise<number | null> {
    const inBlock = (q: Knex.QueryBuilder) => q.where('search_rowid', '>=', block.first).andWhere('search_rowid', '<', block.end);
    const [top] = (await trx('patients').max({ r: 'search_rowid' }).modify(inBlock)) as Array<{ r: number | null }>;
    if (top.r === null) return block.first;
    if (top.r + 1 < block.end) return top.r + 1;
    const used = (await trx('patients').select('search_rowid').modify(inBlock).orderBy('search_rowid')) as Array<{ search_rowid: number }>;
    let candidate = block.first;
    for (const { search_rowid } of used) {
      if (search_rowid !== candidate) return candidate;
      candidate++;
    }
    return candidate < block.end ? candidate : null;
  }

  /** Runs a write transaction; a full search block rolls it back and becomes a Result. */
  async function writing<T>(work: (trx: Knex.Transaction) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await db.transaction(work);
    } catch (e) {
      if (e instanceof SearchBlockFull) return blockFullError;
      throw e;
    }
  }

  function summariesByIds(ids: string[]) {
    return db<SummaryRow>('patients as p')
      .select(...summaryColumns)
      .select(
        db.raw('(SELECT number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY position LIMIT 1) AS phone'),
      )
      .whereIn('p.id', ids) as unknown as Promise<SummaryRow[]>;
  }

  async function search(input: ParsedInput<'patients.search'>): Promise<Result<Output<'patients.search'>>> {
    const parsed = parseQuery(input.query);
    if (!parsed.match) {
      if (input.query.trim() !== '') return ok({ results: [] }); // only punctuation or a stray digit
      // Nothing typed yet: the people the desk worked with last.
      const recent = await db('patients as p')
        .select('p.id')
        .modify((q) => (input.includeArchived ? q : q.whereNull('p.archived_at')))
        .orderBy('p.updated_at', 'desc')
        .limit(input.limit);
      const rows = await summariesByIds(recent.map((r: { id: string }) => r.id));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ok({ results: recent.map((r: { id: string }) => toSummary(byId.get(r.id)!)) });
    }
    // Best match first: the last name starts with the first word typed, then the
    // first or preferred name does, then anything else (phone, birth date); then by
    // name, then id. Each tier is read on its own, in name order, and only for the
    // places the tiers before it left.
    const sql = input.includeArchived ? tierQueries.all : tierQueries.active;
    const results: SummaryRow[] = [];
    for (const tier of parsed.tiers) {
      const wanted = input.limit - results.length;
      if (wanted === 0) break;
      results.push(...((await db.raw(sql, [tier, tier, wanted - 1, wanted])) as SummaryRow[]));
    }
    return ok({ results: results.map(toSummary) });
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
    const rows = await summariesByIds([...reasons.keys()]);
    return rows
      .map((r) => ({ ...toSummary(r), reasons: [...reasons.get(r.id)!] }))
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  }

  async function create(input: ParsedInput<'patients.create'>): Promise<Result<Patient>> {
    const p = input.patient;
    if (!input.acknowledgeDuplicates) {
      const duplicates = await findDuplicates({ ...p, phones: p.phones.map((ph) => ph.number) });
      if (duplicates.length) {
        return err('conflict', 'This looks like a patient already on file. Check the matches, or create the record anyway.');
      }
    }
    const id = newId();
    const at = now().toISOString();
    const written = await writing(async (trx) => {
      const searchRowid = await writeSearchRow(trx, p, id, false);
      await trx('patients').insert({ id, ...patientColumns(p), search_rowid: searchRowid, created_at: at, updated_at: at });
      await writePhones(trx, id, p.phones);
      await appendAudit(trx, newId, { at, action: 'patient.created', entity: 'patient', entityId: id });
      return ok(null);
    });
    if (!written.ok) return written;
    return ok((await load(db, id))!);
  }

  async function update(input: ParsedInput<'patients.update'>): Promise<Result<Patient>> {
    return writing(async (trx) => {
      const before = await load(trx, input.id);
      if (!before) return err('not_found', 'This patient record no longer exists.');
      if (before.updatedAt !== input.expectedUpdatedAt) {
        return err('conflict', 'Someone changed this record after you opened it. Reload it to see their changes, then edit again.');
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

  async function setArchived(id: string, archived: boolean, reason: string): Promise<Result<Patient>> {
    return writing(async (trx) => {
      const before = await load(trx, id);
      if (!before) return err('not_found', 'This patient record no longer exists.');
      if ((before.archivedAt !== null) === archived) return ok(before);
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
    get: async ({ id }: { id: string }) => {
      const patient = await load(db, id);
      return patient ? ok(patient) : err('not_found', 'No patient record has this id.');
    },
    findDuplicates: async (input: ParsedInput<'patients.findDuplicates'>) => ok({ duplicates: await findDuplicates(input) }),
    create,
    update,
    archive: ({ id, reason }: { id: string; reason: string }) => setArchived(id, true, reason),
    restore: ({ id }: { id: string }) => setArchived(id, false, ''),
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
