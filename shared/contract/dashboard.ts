import { z } from 'zod';
import { id } from './fields';
import { say } from '../messages';

/**
 * The dashboard (issue 11 item 6): the series a clinic owner reads at the end of the
 * week, over a period of whole weeks (Monday to Sunday) or months, the current one last
 * and counted up to today. Days are the clinic's calendar days (YYYY-MM-DD).
 */

export const periodUnits = ['week', 'month'] as const;
export type PeriodUnit = (typeof periodUnits)[number];
/**
 * A year back at most: adding up two years of a large clinic holds the one database
 * connection for seconds (tests/bench/dashboard.bench.ts), and the desk would wait.
 */
export const maxPeriod = { week: 52, month: 12 } as const;
/** The return windows after a first visit, in days. */
export const returnWindows = [30, 60, 90] as const;

export const periodSchema = z
  .object({
    unit: z.enum(periodUnits, { error: say('dashboard.chooseUnit') }),
    count: z.number({ error: say('dashboard.count') }).int(say('dashboard.count')).min(1, say('dashboard.countMin')),
  })
  .superRefine((p, ctx) => {
    const max = maxPeriod[p.unit];
    if (p.count > max) ctx.addIssue({ code: 'custom', path: ['count'], message: say(p.unit === 'week' ? 'dashboard.maxWeeks' : 'dashboard.maxMonths', { max }) });
  });
export type Period = z.infer<typeof periodSchema>;

const count = z.number().int().min(0);
/** A mean on the check-in's scale; null when no check-in fell in the bucket. */
const score = z.number().nullable();
const bucket = { start: z.string(), end: z.string() };

export const dashboardSchema = z.object({
  today: z.string(),
  unit: z.enum(periodUnits),
  /** The period's buckets, oldest first: first and last clinic day of each (the last one ends today). */
  buckets: z.array(z.object(bucket)),
  /** Follow-ups due in the bucket (up to today), and how many of them are done. Cancelled ones were never due. */
  followUps: z.array(z.object({ ...bucket, due: count, done: count })),
  /** Adherence recorded in the bucket, by level. */
  adherence: z.array(z.object({ ...bucket, all: count, most: count, some: count, none: count })),
  /** The clinic's current check-in (its key; every version of it): theme labels, scale, and the mean score per theme per bucket. */
  checkins: z.object({
    scale: z.object({ min: z.number(), max: z.number() }),
    themes: z.array(z.object({ key: z.string(), label: z.object({ 'en-CA': z.string(), 'fr-CA': z.string() }) })),
    series: z.array(z.object({ ...bucket, checkins: count, scores: z.array(z.object({ theme: z.string(), score })) })),
  }),
  /**
   * Per therapist, the mean of each check-in's theme scores per bucket. Only whom the
   * signed-in person may see: an admin every therapist, a therapist their own row,
   * reception none (null).
   */
  byTherapist: z.array(z.object({ therapistId: id, name: z.string(), series: z.array(z.object({ ...bucket, checkins: count, score })) })).nullable(),
  /**
   * Patients whose first visit fell in each month of the period, and how many came back
   * within 30, 60 and 90 days of it. Null while that window is still open for some of the month's patients.
   */
  returning: z.array(z.object({ month: z.string(), patients: count, within: z.array(z.object({ days: z.number().int(), returned: count.nullable() })) })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardContract = {
  /** Every series of the dashboard for one period, in one read. */
  'dashboard.read': { input: periodSchema, output: dashboardSchema },
} as const;
