import type { Knex } from 'knex';
import { dayIn } from '../../shared/time';
import { chunks } from '../db/chunks';

/**
 * Check-in totals per clinic day (tables of migration 018), so the dashboard adds up a
 * few hundred rows instead of every check-in of the period with its scores.
 *
 * Each check-in is added in the transaction that records it (`countCheckin`). The totals
 * are for one time zone, the one stamped in app_state; before they are read,
 * `freshCheckinTotals` makes them whole again from the check-ins themselves when that
 * zone is not the clinic's any more, or when the check-ins they count are not the
 * check-ins there are (none were counted yet; a purge took some away). That check is
 * one small statement; a rebuild takes about a second for 70,000 check-ins.
 */
export interface CountedCheckin {
  questionnaireKey: string;
  takenAt: string;
  therapistId: string | null;
  scores: ReadonlyArray<{ theme: string; score: number }>;
}

const stampKey = 'dashboard.checkin_totals';
/** Hundredths: theme scores and means carry two decimals, and integer sums are exact. */
const hundredths = (x: number) => Math.round(x * 100);
const overall = (scores: CountedCheckin['scores']) => hundredths(scores.reduce((s, x) => s + x.score, 0) / scores.length);

type Row = { questionnaire_key: string; day: string; n: number; total: number };
type ThemeRow = Row & { theme: string };
type TherapistRow = Row & { therapist_id: string };

function rowsOf(checkin: CountedCheckin, day: string): { themes: ThemeRow[]; therapist: TherapistRow } {
  const key = { questionnaire_key: checkin.questionnaireKey, day };
  return {
    themes: checkin.scores.map((s) => ({ ...key, theme: s.theme, n: 1, total: hundredths(s.score) })),
    therapist: { ...key, therapist_id: checkin.therapistId ?? '', n: 1, total: overall(checkin.scores) },
  };
}

/** Adds rows to the totals, summing into the rows already there (SQLite and PostgreSQL alike). */
async function add(q: Knex, table: string, keys: string[], rows: Row[]): Promise<void> {
  for (const run of chunks(rows, 100)) {
    await q(table).insert(run).onConflict(keys).merge({ n: q.raw('?? + excluded.n', [`${table}.n`]), total: q.raw('?? + excluded.total', [`${table}.total`]) });
  }
}

/** One check-in into its clinic day's totals (it has at least one score), inside the transaction that records it. */
export async function countCheckin(trx: Knex.Transaction, zone: string, checkin: CountedCheckin): Promise<void> {
  const { themes, therapist } = rowsOf(checkin, dayIn(zone, checkin.takenAt));
  await add(trx, 'checkin_theme_days', ['questionnaire_key', 'day', 'theme'], themes);
  await add(trx, 'checkin_therapist_days', ['questionnaire_key', 'day', 'therapist_id'], [therapist]);
}

/** The totals made whole for `zone`, rebuilt from the check-ins when they are not (see above). */
export async function freshCheckinTotals(db: Knex, zone: string, at: string): Promise<void> {
  const whole = async (q: Knex) => {
    const [row] = (await q.raw(
      `SELECT (SELECT count(*) FROM checkins) AS taken, (SELECT COALESCE(SUM(n), 0) FROM checkin_therapist_days) AS counted,
              (SELECT value FROM app_state WHERE key = ?) AS stamp`,
      [stampKey],
    )) as Array<{ taken: number; counted: number; stamp: string | null }>;
    return Number(row.taken) === Number(row.counted) && row.stamp === JSON.stringify(zone);
  };
  if (await whole(db)) return;
  await db.transaction(async (trx) => {
    if (await whole(trx)) return;
    const checkins = (await trx('checkins as c')
      .join('questionnaires as q', 'q.id', 'c.questionnaire_id')
      .select('q.key', 'c.taken_at', 'c.therapist_id', 'c.scores')) as Array<{ key: string; taken_at: string; therapist_id: string | null; scores: string }>;
    const themes = new Map<string, ThemeRow>();
    const therapists = new Map<string, TherapistRow>();
    const into = <T extends Row>(map: Map<string, T>, id: string, row: T) => {
      const known = map.get(id);
      if (known) {
        known.n += row.n;
        known.total += row.total;
      } else map.set(id, row);
    };
    for (const c of checkins) {
      const rows = rowsOf({ questionnaireKey: c.key, takenAt: c.taken_at, therapistId: c.therapist_id, scores: JSON.parse(c.scores) }, dayIn(zone, c.taken_at));
      for (const t of rows.themes) into(themes, JSON.stringify([t.questionnaire_key, t.day, t.theme]), t);
      into(therapists, JSON.stringify([c.key, rows.therapist.day, rows.therapist.therapist_id]), rows.therapist);
    }
    await trx('checkin_theme_days').delete();
    await trx('checkin_therapist_days').delete();
    await add(trx, 'checkin_theme_days', ['questionnaire_key', 'day', 'theme'], [...themes.values()]);
    await add(trx, 'checkin_therapist_days', ['questionnaire_key', 'day', 'therapist_id'], [...therapists.values()]);
    await trx('app_state').insert({ key: stampKey, value: JSON.stringify(zone), updated_at: at }).onConflict('key').merge();
  });
}
