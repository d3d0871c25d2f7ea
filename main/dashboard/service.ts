import type { Knex } from 'knex';
import { adherenceLevels } from '../../shared/contract/followups';
import { returnWindows, type Dashboard, type Period } from '../../shared/contract/dashboard';
import { dayIn } from '../../shared/time';
import { dayBounds } from '../appointments/clock';
import { currentQuestionnaire } from '../checkin/questionnaires';
import { bucketOf, bucketsOf, monthsOf, type Bucket } from './buckets';
import { changeStamp } from './stamp-sqlite';

export interface DashboardDeps {
  db: Knex;
  now: () => Date;
  timeZone: () => string;
}

const round = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: readonly number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
const dayMs = 86_400_000;
/** An instant as stored timestamps are written (toISOString, with milliseconds), so text comparison holds. */
const stored = (instant: string) => new Date(instant).toISOString();

/**
 * The buckets as a table the database joins against: (i, lo, hi), each bucket's first
 * instant and the next one's, in the clinic's time zone. Instants are bucketed in SQL,
 * so a visit at 23:30 falls on the clinic's day, not on UTC's. Plain VALUES: PostgreSQL
 * reads it as SQLite does.
 */
function bucketTable(buckets: readonly Bucket[], timeZone: string): { sql: string; bindings: Array<string | number> } {
  const bindings = buckets.flatMap((b, i) => [i, stored(dayBounds(b.start, timeZone).from), stored(dayBounds(b.end, timeZone).to)]);
  return { sql: `WITH b(i, lo, hi) AS (VALUES ${buckets.map(() => '(?, ?, ?)').join(', ')})`, bindings };
}

/** Rows of a raw SELECT, as knex's sqlite3 and pg clients each return them. */
const rowsOf = <T>(result: T[] | { rows: T[] }): T[] => (Array.isArray(result) ? result : result.rows);

/**
 * Every series of the dashboard for one period (issue 11 item 6), for the whole clinic.
 * Who may see which therapist's row is decided by the handler, after this.
 */
export function createDashboardService({ db, now, timeZone }: DashboardDeps) {
  async function followUps(buckets: Bucket[], today: string): Promise<Dashboard['followUps']> {
    // The queue's index (status, due_day); cancelled ones were never due.
    const rows = (await db('follow_ups')
      .whereIn('status', ['open', 'done'])
      .where('due_day', '>=', buckets[0].start)
      .where('due_day', '<=', today)
      .groupBy('due_day', 'status')
      .select('due_day', 'status')
      .count({ n: '*' })) as Array<{ due_day: string; status: string; n: number | string }>;
    const out = buckets.map((b) => ({ ...b, due: 0, done: 0 }));
    for (const r of rows) {
      const at = out[bucketOf(buckets, r.due_day)];
      at.due += Number(r.n);
      if (r.status === 'done') at.done += Number(r.n);
    }
    return out;
  }

  async function adherence(buckets: Bucket[], zone: string): Promise<Dashboard['adherence']> {
    const b = bucketTable(buckets, zone);
    const rows = rowsOf(
      (await db.raw(
        `${b.sql} SELECT b.i AS i, r.level AS level, COUNT(*) AS n FROM b JOIN adherence_records r ON r.recorded_at >= b.lo AND r.recorded_at < b.hi GROUP BY b.i, r.level`,
        b.bindings,
      )) as Array<{ i: number; level: string; n: number }>,
    );
    const out = buckets.map((bucket) => ({ ...bucket, all: 0, most: 0, some: 0, none: 0 }));
    for (const r of rows) if ((adherenceLevels as readonly string[]).includes(r.level)) out[Number(r.i)][r.level as (typeof adherenceLevels)[number]] += Number(r.n);
    return out;
  }

  /**
   * The check-ins on the clinic's current instrument (every version of it: another
   * scale's scores do not compare), with the therapist each is about: the visit it was
   * about, or else the patient's latest visit that took place before it (as the task goes).
   */
  async function checkins(buckets: Bucket[], zone: string) {
    const current = await currentQuestionnaire(db);
    const b = bucketTable(buckets, zone);
    const rows = rowsOf(
      (await db.raw(
        `${b.sql} SELECT b.i AS i, c.scores AS scores,
           COALESCE(a.therapist_id, (SELECT v.therapist_id FROM appointments v
             WHERE v.patient_id = c.patient_id AND v.status IN ('checked_in', 'checked_out') AND v.starts_at <= c.taken_at
             ORDER BY v.starts_at DESC LIMIT 1)) AS therapist_id
         FROM b JOIN checkins c ON c.taken_at >= b.lo AND c.taken_at < b.hi
         JOIN questionnaires q ON q.id = c.questionnaire_id AND q.key = ?
         LEFT JOIN appointments a ON a.id = c.appointment_id`,
        [...b.bindings, current.key],
      )) as Array<{ i: number; scores: string; therapist_id: string | null }>,
    );
    const { themes, scale } = current.definition;
    const byTheme = buckets.map(() => new Map<string, number[]>(themes.map((t) => [t.key, []])));
    const counts = buckets.map(() => 0);
    const byTherapist = new Map<string, number[][]>();
    for (const r of rows) {
      const i = Number(r.i);
      const scores = JSON.parse(r.scores) as Array<{ theme: string; score: number }>;
      counts[i]++;
      for (const s of scores) byTheme[i].get(s.theme)?.push(s.score);
      const overall = mean(scores.map((s) => s.score));
      if (r.therapist_id && overall !== null) {
        const series = byTherapist.get(r.therapist_id) ?? buckets.map(() => []);
        series[i].push(overall);
        byTherapist.set(r.therapist_id, series);
      }
    }
    const names = new Map(
      ((await db('staff').whereIn('id', [...byTherapist.keys()]).select('id', 'name')) as Array<{ id: string; name: string }>).map((s) => [s.id, s.name]),
    );
    return {
      checkins: {
        scale: { min: scale.min, max: scale.max },
        themes: themes.map((t) => ({ key: t.key, label: t.label })),
        series: buckets.map((bucket, i) => ({ ...bucket, checkins: counts[i], scores: themes.map((t) => ({ theme: t.key, score: mean(byTheme[i].get(t.key)!) })) })),
      },
      byTherapist: [...byTherapist]
        .map(([therapistId, series]) => ({
          therapistId,
          name: names.get(therapistId) ?? '',
          series: buckets.map((bucket, i) => ({ ...bucket, checkins: series[i].length, score: mean(series[i]) })),
        }))
        .sort((x, y) => x.name.localeCompare(y.name)),
    };
  }

  /**
   * A visit is one that took place (checked in or out): booked, cancelled and no-show ones are not.
   * Each month's new patients (first visit that took place in it) and whether they came
   * back within 30, 60, 90 days. A month's window is known once it has closed for its
   * last day's patients; until then it is null, not a share that can only grow.
   */
  async function returning(buckets: Bucket[], today: string, zone: string): Promise<Dashboard['returning']> {
    const months = monthsOf(buckets[0].start, today);
    const lo = stored(dayBounds(`${months[0]}-01`, zone).from);
    const hi = stored(dayBounds(today, zone).to);
    const rows = rowsOf(
      (await db.raw(
        `SELECT f.first AS first, (SELECT MIN(n.starts_at) FROM appointments n
             WHERE n.patient_id = f.patient_id AND n.status IN ('checked_in', 'checked_out') AND n.starts_at > f.first) AS next
         FROM (SELECT a.patient_id AS patient_id, MIN(a.starts_at) AS first FROM appointments a
               WHERE a.status IN ('checked_in', 'checked_out') GROUP BY a.patient_id) f
         WHERE f.first >= ? AND f.first < ?`,
        [lo, hi],
      )) as Array<{ first: string; next: string | null }>,
    );
    const tally = new Map(months.map((m) => [m, { patients: 0, returned: returnWindows.map(() => 0) }]));
    for (const r of rows) {
      const first = dayIn(zone, r.first);
      const t = tally.get(first.slice(0, 7));
      if (!t) continue;
      t.patients++;
      if (!r.next) continue;
      const gap = (Date.parse(dayIn(zone, r.next)) - Date.parse(first)) / dayMs;
      returnWindows.forEach((days, k) => {
        if (gap <= days) t.returned[k]++;
      });
    }
    return months.map((month) => {
      const t = tally.get(month)!;
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      return {
        month,
        patients: t.patients,
        within: returnWindows.map((days, k) => ({ days, returned: Date.parse(last) + days * dayMs < Date.parse(today) ? t.returned[k] : null })),
      };
    });
  }

  type Whole = Dashboard & { byTherapist: NonNullable<Dashboard['byTherapist']> };
  async function compute(period: Period, today: string, zone: string): Promise<Whole> {
    const buckets = bucketsOf(period, today);
    const seen = await checkins(buckets, zone);
    return {
      today,
      unit: period.unit,
      buckets,
      followUps: await followUps(buckets, today),
      adherence: await adherence(buckets, zone),
      checkins: seen.checkins,
      byTherapist: seen.byTherapist,
      returning: await returning(buckets, today, zone),
    };
  }

  /**
   * Answers already worked out, by period, day, zone and the database's change stamp.
   * A year of a large clinic's visits, follow-ups and check-ins is hundreds of thousands
   * of rows to add up (about a second at 100,000 patients, tests/bench/dashboard.bench.ts);
   * the owner reading the dashboard, switching periods and coming back gets them again
   * in a millisecond, and any write anywhere makes the next read add up afresh.
   */
  const memo = new Map<string, Whole>();
  return {
    async read(period: Period): Promise<Whole> {
      const zone = timeZone();
      const today = dayIn(zone, now());
      const stamp = await changeStamp(db);
      const key = JSON.stringify([period.unit, period.count, today, zone, stamp]);
      const known = memo.get(key);
      if (known) return known;
      const whole = await compute(period, today, zone);
      // Kept only if nothing was written while it was added up: then it is one state's answer.
      if ((await changeStamp(db)) === stamp) {
        if (memo.size >= 8) memo.delete(memo.keys().next().value!);
        memo.set(key, whole);
      }
      return whole;
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
