import type { Knex } from 'knex';
import type { IntakeState, IntakeStatus } from '../../shared/contract/intake';

/** The day `months` calendar months before `now`, as an ISO instant (31 March − 1 month is 28/29 February, 3 March's 1 month is 3 February). */
export function monthsBefore(now: Date, months: number): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds())).toISOString();
}

/**
 * Intake status for a set of patients in ONE query (the Today screen asks for a whole
 * day at once, issue 9 item 2): none, due for review (last filled in or confirmed
 * unchanged more than `reviewMonths` ago), or current. Both the newest version and the
 * newest "no changes" count as confirmed; SQLite and PostgreSQL both run it (knex builder).
 */
export async function intakeStatuses(db: Knex | Knex.Transaction, patientIds: readonly string[], { now, reviewMonths }: { now: Date; reviewMonths: number }): Promise<Map<string, IntakeStatus>> {
  const ids = [...new Set(patientIds)];
  const out = new Map<string, IntakeStatus>(ids.map((id) => [id, { patientId: id, state: 'none', lastConfirmedAt: null, version: null }]));
  if (ids.length === 0) return out;
  const confirmations = db
    .select('patient_id', 'recorded_at as at', 'version')
    .from('intakes')
    .whereIn('patient_id', ids)
    .unionAll((q) => q.select('patient_id', 'reviewed_at as at', db.raw('NULL as version')).from('intake_reviews').whereIn('patient_id', ids));
  const rows = (await db.select('patient_id').max({ at: 'at' }).max({ version: 'version' }).from(confirmations.as('c')).groupBy('patient_id')) as Array<{ patient_id: string; at: string; version: number }>;
  const cutoff = monthsBefore(now, reviewMonths);
  for (const r of rows) {
    const state: IntakeState = r.at <= cutoff ? 'due_for_review' : 'current';
    out.set(r.patient_id, { patientId: r.patient_id, state, lastConfirmedAt: r.at, version: Number(r.version) });
  }
  return out;
}
