import type { Knex } from 'knex';
import { adherenceLevels } from '../../shared/contract/followups';
import { returnWindows, type Dashboard, type Period } from '../../shared/contract/dashboard';
import { dayIn } from '../../shared/time';
import { dayBounds, dayStarts } from '../appointments/clock';
import { currentQuestionnaire } from '../checkin/questionnaires';
import { bucketOf, bucketsOf, monthsOf, type Bucket } from './buckets';
import { freshCheckinTotals } from './totals';

export interface DashboardDeps {
  db: Knex;
  now: () => Date;
  timeZone: () => string;
}

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
    // Per due day and status, kept by migration 018's triggers; cancelled ones were never due.
    const rows = (await db('follow_up_days')
      .whereIn('status', ['open', 'done'])
      .whereBetween('due_day', [buckets[0].start, today])
      .select('due_day', 'status', 'n')) as Array<{ due_day: string; status: string; n: number }>;
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
   * scale's scores do not compare), from the per-day totals (totals.ts), each scored for
   * the therapist it is about (checkin/service.ts).
   */
  async function checkins(buckets: Bucket[], zone: string) {
    const current = await currentQuestionnaire(db);
    await freshCheckinTotals(db, zone, now().toISOString());
    const within = (table: string) => db(table).where('questionnaire_key', current.key).whereBetween('day', [buckets[0].start, buckets[buckets.length - 1].end]);
    const themeRows = (await within('checkin_theme_days').select('day', 'theme', 'n', 'total')) as Array<{ day: string; theme: string; n: number; total: number }>;
    const therapistRows = (await within('checkin_therapist_days').select('day', 'therapist_id', 'n', 'total')) as Array<{ day: string; therapist_id: string; n: number; total: number }>;
    const { themes, scale } = current.definition;
    const sum = () => ({ n: 0, total: 0 });
    const byTheme = buckets.map(() => new Map(themes.map((t) => [t.key, sum()])));
    const counts = buckets.map(() => 0);
    const byTherapist = new Map<string, Array<ReturnType<typeof sum>>>();
    const into = (at: ReturnType<typeof sum> | undefined, r: { n: number; total: number }) => {
      if (!at) return;
      at.n += Number(r.n);
      at.total += Number(r.total);
    };
    for (const r of themeRows) into(byTheme[bucketOf(buckets, r.day)].get(r.theme), r);
    for (const r of therapistRows) {
      const i = bucketOf(buckets, r.day);
      counts[i] += Number(r.n);
      if (!r.therapist_id) continue;
      const series = byTherapist.get(r.therapist_id) ?? buckets.map(sum);
      into(series[i], r);
      byTherapist.set(r.therapist_id, series);
    }
    const meanOf = ({ n, total }: ReturnType<typeof sum>) => (n ? Math.round(total / n) / 100 : null);
    const names = new Map(
      ((await db('staff').whereIn('id', [...byTherapist.keys()]).select('id', 'name')) as Array<{ id: string; name: string }>).map((s) => [s.id, s.name]),
    );
    return {
      checkins: {
        scale: { min: scale.min, max: scale.max },
        themes: themes.map((t) => ({ key: t.key, label: t.label })),
        series: buckets.map((bucket, i) => ({ ...bucket, checkins: counts[i], scores: themes.map((t) => ({ theme: t.key, score: meanOf(byTheme[i].get(t.key)!) })) })),
      },
      byTherapist: [...byTherapist]
        .map(([therapistId, series]) => ({
          therapistId,
          name: names.get(therapistId) ?? '',
          series: buckets.map((bucket, i) => ({ ...bucket, checkins: series[i].n, score: meanOf(series[i]) })),
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
    // Each day's new patients (first_visits, kept by migration 018's triggers), and of them
    // how many came back by the end of the day `days` later: the start of the day after it.
    const from = Date.parse(`${months[0]}-01`);
    const dayAt = (i: number) => new Date(from + i * dayMs).toISOString().slice(0, 10);
    const days = Math.round((Date.parse(today) - from) / dayMs) + 1;
    const starts = dayStarts(dayAt(0), dayAt(days + Math.max(...returnWindows)), zone);
    const windows = returnWindows.map((_, k) => `w${k}`);
    const rows = rowsOf(
      (await db.raw(
        `WITH d(month, lo, hi, ${windows.join(', ')}) AS (VALUES ${Array.from({ length: days }, () => `(?, ?, ?, ${windows.map(() => '?').join(', ')})`).join(', ')})
         SELECT d.month AS month, COUNT(*) AS patients, ${windows.map((w) => `COUNT(CASE WHEN f.next_at < d.${w} THEN 1 END) AS ${w}`).join(', ')}
           FROM d JOIN first_visits f ON f.first_at >= d.lo AND f.first_at < d.hi
          GROUP BY d.month`,
        Array.from({ length: days }, (_, i) => [dayAt(i).slice(0, 7), starts[i], starts[i + 1], ...returnWindows.map((w) => starts[i + w + 1])]).flat(),
      )) as Array<Record<string, number | string>>,
    );
    const tally = new Map(rows.map((r) => [String(r.month), r]));
    return months.map((month) => {
      const t = tally.get(month);
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      return {
        month,
        patients: Number(t?.patients ?? 0),
        within: returnWindows.map((days, k) => ({ days, returned: Date.parse(last) + days * dayMs < Date.parse(today) ? Number(t?.[`w${k}`] ?? 0) : null })),
      };
    });
  }

  return {
    /**
     * Added up afresh at every read, from totals kept as visits, follow-ups and check-ins
     * are written (migration 018), so no answer is ever stale: tens of milliseconds for a
     * year of a 100,000-patient clinic (tests/bench/dashboard.bench.ts, README).
     */
    async read(period: Period): Promise<Dashboard & { byTherapist: NonNullable<Dashboard['byTherapist']> }> {
      const zone = timeZone();
      const today = dayIn(zone, now());
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
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
