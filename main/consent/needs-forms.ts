import type { Knex } from 'knex';
import type { ConsentKind } from '../../shared/contract/consent';
import type { ConsentPolicy } from '../../shared/contract/settings';
import { consentStatus, type ConsentFact, type StatusVersion } from './status';
import { statusVersionsJson, toStatusVersions, type StatusVersionsValue } from './templates';
import { neededBeforeTreatment } from '../../shared/consent/needs';

/** The columns of a consents row that status reads. */
interface ConsentFactRow {
  id: string;
  template_id: string;
  kind: ConsentKind;
  method: ConsentFact['method'];
  choices: string;
  signed_at: string;
  withdrawn_at: string | null;
}

function toFact(row: ConsentFactRow, versionOf: Map<string, StatusVersion>): ConsentFact {
  return {
    id: row.id, kind: row.kind, method: row.method, choices: JSON.parse(row.choices), signedAt: row.signed_at,
    templateVersion: versionOf.get(row.template_id)!.version, withdrawnAt: row.withdrawn_at,
  };
}

/** What status needs of one patient: its consents of some kinds, and every template version. */
export interface PatientFacts {
  consents: ConsentFact[];
  versions: StatusVersion[];
}

/**
 * One patient's consents of these kinds and every template version, as one JSON value,
 * given the SQL of the patient's id: the one read of consent facts, which a statement
 * that already has the patients carries as a column (the search's page, below), so the
 * consent mark costs no statement of its own. Each statement is a trip to SQLite's
 * thread and back, on every keystroke of a search. The kinds are the contract's fixed
 * words, never typed input. The versions' subquery does not depend on the patient, so
 * SQLite works it out once per statement.
 */
export function factsColumn(patientId: string, kinds: readonly ConsentKind[]): string {
  const consents = `(SELECT json_group_array(json_object('id', c.id, 'template_id', c.template_id, 'kind', c.kind, 'method', c.method,
      'choices', c.choices, 'signed_at', c.signed_at, 'withdrawn_at', c.withdrawn_at))
     FROM consents AS c WHERE c.patient_id = ${patientId} AND c.kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;
  return `json_object('consents', json(${consents}), 'versions', json(${statusVersionsJson}))`;
}

/** The value of factsColumn. */
export function parseFacts(json: string): PatientFacts {
  const value = JSON.parse(json) as { consents: ConsentFactRow[]; versions: StatusVersionsValue };
  const versions = toStatusVersions(value.versions);
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  return { consents: value.consents.map((row) => toFact(row, versionOf)), versions };
}

/** These patients' facts (factsColumn), in one statement; every id given has an entry. */
export async function consentFacts(db: Knex, patientIds: string[], kinds: readonly ConsentKind[]): Promise<Map<string, PatientFacts>> {
  if (patientIds.length === 0) return new Map();
  const rows = (await db.raw(`SELECT value AS id, ${factsColumn('value', kinds)} AS facts FROM json_each(?)`, [JSON.stringify(patientIds)])) as Array<{ id: string; facts: string }>;
  return new Map(rows.map((r) => [r.id, parseFacts(r.facts)]));
}

/**
 * The mark on a page of search results for patients who still need forms before
 * treatment: the SQL the page's statement carries for each patient (factsColumn), and
 * the same status the record shows (consentStatus), worked out from it.
 */
export interface FormsMark {
  /** SQL of one value per patient, given the SQL of its id. */
  column(patientId: string): string;
  /** Which of these patients (id → the column's value) need forms. */
  needing(values: ReadonlyMap<string, string>): Promise<Set<string>>;
}

export function formsNeeded(deps: { now: () => Date; policy: () => ConsentPolicy; timeZone: () => Promise<string> }): FormsMark {
  return {
    column: (patientId) => factsColumn(patientId, neededBeforeTreatment),
    async needing(values) {
      const policy = deps.policy();
      const now = deps.now();
      const timeZone = await deps.timeZone();
      const out = new Set<string>();
      for (const [id, json] of values) {
        const { consents, versions } = parseFacts(json);
        // Someone with none of these consents needs forms: no status to work out (and its
        // time-zone arithmetic is most of the mark's cost on a page of new patients).
        if (consents.length === 0 || consentStatus({ consents, versions, policy, now, timeZone, kinds: neededBeforeTreatment }).some((s) => s.state !== 'on_file')) out.add(id);
      }
      return out;
    },
  };
}
