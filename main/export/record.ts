import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ConsentRecord } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import type { DocumentStore } from '../consent/documents';
import { sha256 } from '../pdf/hash';
import { writeAtomically } from '../files/atomic';
import { privateFolderMode } from '../files/private';
import { recordLocale, renderRecordPdf, type RecordLocale } from './pdf';
import { say } from '../../shared/messages';
import { chunks } from '../db/chunks';
import { referencedDocuments } from '../backup/documents';
import { patientOwnedTables, patientStateKeys, type OwnedTable } from '../retention/owned';

/** What record.json holds: every row of this patient's, and nothing of anyone else's. */
export interface PatientExport {
  format: 'rapport-patient-export/2';
  exportedAt: string;
  clinic: string;
  /** The details and the consents as the screens know them. */
  patient: Patient;
  consents: ConsentRecord[];
  /**
   * Everything else the clinic holds about them (visits, health histories, screenings,
   * goals, plans, follow-ups, check-ins, tasks…), table by table as the purge finds it
   * from the schema's foreign keys: a table added later is exported with no list to keep.
   * Keyed by table in camelCase, each row with camelCase fields, its JSON read as JSON and
   * a staff member, room or type of visit given by name.
   */
  held: Record<string, Array<Record<string, unknown>>>;
  /** Typing kept and not yet submitted (a health history begun on the patient's screen): its key, when it was last saved, what it holds. */
  drafts: Array<{ key: string; savedAt: string; value: unknown }>;
  /** Each stored document in the folder (signed consents, screening records, summaries), with the SHA-256 the database kept. */
  documents: Array<{ file: string; sha256: string }>;
  /** The audit entries about this patient, their consents and every row of theirs: when, what, who (staff names), never other patients. */
  trail: Array<{ at: string; action: string; by: string | null }>;
}

export interface ExportDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  documents: DocumentStore;
  /** Where export folders are made: `exports/` in the data folder, private like the rest. */
  exportsDir: string;
  fontsDir: string;
  getPatient: (id: string) => Promise<Patient | null>;
  consentHistory: (patientId: string) => Promise<Result<{ consents: ConsentRecord[] }>>;
  clinicName: () => string;
  /** The clinic's language of forms: the PDF's language when the record does not say English or French. */
  clinicLocale: () => RecordLocale;
}

/** Shown apart in their own shape (`patient`, `consents`), so not again as rows. */
const shownApart = new Set(['patients', 'patient_phones', 'consents']);

export function createExportService(deps: ExportDeps) {
  const { db, documents } = deps;

  /** The rows of each table that belongs to the patient, parents before children (a visit before its ticks). */
  async function heldOf(patientId: string): Promise<PatientExport['held']> {
    const owned = (await patientOwnedTables(db)).filter((t) => !shownApart.has(t.table)).reverse();
    const names = await namesFor(owned);
    const held: PatientExport['held'] = {};
    for (const t of owned) {
      const rows = (await db(t.table).whereRaw(...t.where([patientId])).orderBy('rowid').select('*')) as Array<Record<string, unknown>>;
      held[camel(t.table)] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => {
        const named = t.references.find((k) => k.from === column);
        return [camel(column), (named && names.get(named.table)?.get(value)) ?? readable(value)];
      })));
    }
    return held;
  }

  /** For each clinic table these point at that has a name (staff, rooms, types of visit): its names by key. */
  async function namesFor(owned: OwnedTable[]) {
    const names = new Map<string, Map<unknown, string>>();
    const ownedTables = new Set([...owned.map((t) => t.table), ...shownApart]);
    for (const k of owned.flatMap((t) => t.references)) {
      if (names.has(k.table) || ownedTables.has(k.table) || !(await db.schema.hasColumn(k.table, 'name'))) continue;
      const rows = (await db(k.table).select(`${k.to} as key`, 'name')) as Array<{ key: unknown; name: string }>;
      names.set(k.table, new Map(rows.map((r) => [r.key, r.name])));
    }
    return names;
  }

  /** The audit entries about this patient or any row of theirs: when, what, who (staff names), never other patients. */
  async function trailOf(patientId: string, rowIds: string[]) {
    const rows: Array<{ seq: number; at: string; action: string; name: string | null }> = [];
    for (const ids of chunks([patientId, ...rowIds], 500)) {
      rows.push(...((await db('audit_events as a')
        .leftJoin('staff as s', 's.id', 'a.actor')
        .whereIn('a.entity_id', ids)
        .select('a.seq', 'a.at', 'a.action', 's.name')) as typeof rows));
    }
    return rows.sort((a, b) => a.seq - b.seq).map((r) => ({ at: r.at, action: r.action, by: r.name }));
  }

  /**
   * Writes the export into a hidden folder, then names it: a folder that exists is whole.
   * A signed document that is missing or changed stops the export (nothing half-done),
   * saying which, so it is restored from a backup first.
   */
  async function exportPatient({ patientId }: { patientId: string }): Promise<Result<{ folder: string; files: Array<{ name: string; sha256: string; bytes: number }> }>> {
    const patient = await deps.getPatient(patientId);
    if (!patient) return err('not_found', say('patients.noSuchId'));
    const history = await deps.consentHistory(patientId);
    if (!history.ok) return history;
    const docs = (await referencedDocuments(db, [patientId])).map(({ file, sha256 }) => ({ file, sha256 }));
    const contents: Array<{ name: string; bytes: Buffer }> = [];
    for (const d of docs) {
      const read = await documents.readVerified(d.file, d.sha256);
      if (!read.ok) {
        return err('integrity', say(read.reason === 'missing' ? 'export.documentMissing' : 'export.documentChanged', { file: d.file }));
      }
      contents.push({ name: path.join('documents', d.file), bytes: read.bytes });
    }
    const exportedAt = deps.now().toISOString();
    const held = await heldOf(patientId);
    const rowIds = Object.values(held).flatMap((rows) => rows.map((r) => r.id)).filter((id): id is string => typeof id === 'string');
    const record: PatientExport = {
      format: 'rapport-patient-export/2',
      exportedAt,
      clinic: deps.clinicName(),
      patient,
      consents: history.value.consents,
      held,
      drafts: ((await db('app_state').whereIn('key', patientStateKeys(patientId)).orderBy('key').select('key', 'value', 'updated_at')) as Array<{ key: string; value: string; updated_at: string }>)
        .map((d) => ({ key: d.key, savedAt: d.updated_at, value: readable(d.value) })),
      documents: docs,
      trail: await trailOf(patientId, [...history.value.consents.map((c) => c.id), ...rowIds]),
    };
    const pdf = await renderRecordPdf(record, deps.fontsDir, recordLocale(patient.language, deps.clinicLocale()));
    if (!pdf.ok) return pdf;
    contents.unshift({ name: 'record.json', bytes: Buffer.from(`${JSON.stringify(record, null, 2)}\n`) }, { name: 'record.pdf', bytes: pdf.value });

    // Named by date and record id, never by the patient's name (as the documents are).
    const name = `patient-${exportedAt.replace(/[:.]/g, '-')}-${patientId}`;
    const staging = path.join(deps.exportsDir, `.${name}.partial`);
    const folder = path.join(deps.exportsDir, name);
    await mkdir(path.join(staging, 'documents'), { recursive: true, mode: privateFolderMode });
    try {
      for (const c of contents) await writeAtomically(path.join(staging, path.dirname(c.name)), path.basename(c.name), c.bytes);
      await db.transaction(async (trx) => {
        await rename(staging, folder);
        await appendAudit(trx, deps.newId, { at: exportedAt, action: 'patient.exported', entity: 'patient', entityId: patientId, detail: { files: contents.length } });
      });
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
      throw e;
    }
    return ok({ folder, files: contents.map((c) => ({ name: c.name, sha256: sha256(c.bytes), bytes: c.bytes.length })) });
  }

  return { exportPatient };
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A column's JSON (a plan's items, a check-in's scores) as JSON, when it reads back to the
 * very same text: what the app wrote with JSON.stringify. Any other text stays as typed.
 */
function readable(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return JSON.stringify(parsed) === value ? parsed : value;
  } catch {
    return value;
  }
}
