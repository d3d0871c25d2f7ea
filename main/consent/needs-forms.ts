import type { Knex } from 'knex';
import type { ConsentKind } from '../../shared/contract/consent';
import type { ConsentPolicy } from '../../shared/contract/settings';
import { consentStatus, type ConsentFact, type StatusVersion } from './status';
import { parseStatusVersions, statusVersionsJson } from './templates';
import { neededBeforeTreatment } from '../../shared/consent/needs';

/** The columns of a consents row that status reads. */
export interface ConsentFactRow {
  id: string;
  patient_id: string;
  template_id: string;
  kind: ConsentKind;
  method: ConsentFact['method'];
  choices: string;
  signed_at: string;
  withdrawn_at: string | null;
}

export function toFact(row: ConsentFactRow, versionOf: Map<string, StatusVersion>): ConsentFact {
  return {
    id: row.id, kind: row.kind, method: row.method, choices: JSON.parse(row.choices), signedAt: row.signed_at,
    templateVersion: versionOf.get(row.template_id)!.version, withdrawnAt: row.withdrawn_at,
  };
}

/**
 * Which of these patients still need forms before treatment: the same status the
 * record shows (consentStatus), for a page of search results at once, in two queries.
 */
export function formsNeeded(deps: { db: Knex; now: () => Date; policy: () => ConsentPolicy; timeZone: () => Promise<string> }) {
  return async (patientIds: string[]): Promise<Set<string>> => {
    if (patientIds.length === 0) return new Set();
    const facts = await consentFacts(deps.db, patientIds, neededBeforeTreatment);
    if (!facts) return new Set(patientIds);
    const { versions, byPatient } = facts;
    const policy = deps.policy();
    const now = deps.now();
    const timeZone = await deps.timeZone();
    // Someone with none of these consents needs forms: no status to work out (and its
    // time-zone arithmetic is most of this function's cost on a page of new patients).
    return new Set(
      patientIds.filter((id) => {
        const consents = byPatient.get(id);
        if (!consents) return true;
        return consentStatus({ consents, versions, policy, now, timeZone, kinds: neededBeforeTreatment }).some((s) => s.state !== 'on_file');
      }),
    );
  };
}

/**
 * The consents of these kinds the patients have, grouped by patient, with the template
 * versions status needs, in one statement for a page of patients or a day of visits:
 * each row carries the versions (a subquery SQLite works out once per statement), since
 * each statement is a trip to SQLite's thread and back, on every keystroke of a search
 * (the mark of a page of results, on the search benchmark's database, taking turns in one
 * process with the two reads of the whole templates it replaces: 0.81 → 0.63 ms at the
 * median, 1.26 → 0.97 ms at p95).
 * Null when none of them has any.
 */
export async function consentFacts(db: Knex, patientIds: string[], kinds: readonly ConsentKind[]): Promise<{ versions: StatusVersion[]; byPatient: Map<string, ConsentFact[]> } | null> {
  const columns = ['id', 'patient_id', 'template_id', 'kind', 'method', 'choices', 'signed_at', 'withdrawn_at'];
  const rows = (await db('consents')
    .select(columns)
    .select(db.raw(`${statusVersionsJson} AS versions`))
    .whereIn('patient_id', patientIds)
    .whereIn('kind', kinds)) as Array<ConsentFactRow & { versions: string }>;
  if (rows.length === 0) return null;
  const versions = parseStatusVersions(rows[0].versions);
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const byPatient = new Map<string, ConsentFact[]>();
  for (const row of rows) (byPatient.get(row.patient_id) ?? byPatient.set(row.patient_id, []).get(row.patient_id)!).push(toFact(row, versionOf));
  return { versions, byPatient };
}
