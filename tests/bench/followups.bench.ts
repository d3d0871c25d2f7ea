/**
 * Benchmark (issue 11): the follow-up queue for a clinic of 100,000 patients and two
 * years of visits, p95 at or under 50 ms, through the whole handler path (dispatch →
 * parse → lapsed scan → three lists → channels, last contacts, next visits → output
 * parse). Beside it, measured in the same run on the same file, the floor: the bare
 * indexed SELECT of the open follow-ups due by today.
 *
 * The follow-ups are the ones the rules would have made: each patient's visits go
 * through the pure rules module (main/followups/rules.ts) in memory, and the rows are
 * written in batches; those due more than three weeks ago are mostly closed, with an
 * attempt each. Half the patients have a privacy consent allowing phone and e-mail.
 * The first queue read scans two years for lapsed patients; its time is printed too.
 * Run: `npx tsx tests/bench/followups.bench.ts`. Exits 1 when the target is missed.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { tempApp } from '../support/app';
import { seedTwoYears } from './seed';
import { p, timeRuns } from './timing';

const patients = Number(process.env.BENCH_PATIENTS ?? 100_000);
const visits = Number(process.env.BENCH_VISITS ?? 400_000);
const runs = 200;
const target = 50;
const today = '2026-07-14';
const time = async (fn: () => Promise<unknown>) => (await timeRuns(fn, { runs, warmUp: 20 })).wall;

// The clinic's clock stands at the bench's day; the idle clock too, so seeding for minutes does not lock the desk.
const app = await tempApp({ now: () => new Date(`${today}T16:00:00Z`), monotonic: () => 0 });
let failed = false;
try {
  const { seededPatientsMs, seededMs, followUps, attempts } = await seedTwoYears(app, { patients, visits, today });
  const t = performance.now();
  const first = await app.dispatch('followups.queue', {});
  const firstMs = performance.now() - t;
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const q = first.value as { dueToday: unknown[]; overdue: unknown[]; upcoming: unknown[]; more: Record<string, number> };
  if (process.env.BENCH_TRACE) {
    // Where a read's time goes, query by query.
    const started = new Map<string, number>();
    app.db.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
    app.db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => console.log(`${(performance.now() - started.get(q.__knexQueryUid)!).toFixed(2)} ms ${q.sql.slice(0, 160)}`));
    await app.dispatch('followups.queue', {});
    app.db.removeAllListeners('query');
    app.db.removeAllListeners('query-response');
  }
  const queueMs = await time(() => app.dispatch('followups.queue', {}));
  const floorMs = await time(() => app.db('follow_ups').where('status', 'open').where('due_day', '<=', today).orderBy('due_day').limit(100).select('id', 'patient_id', 'due_day'));
  const [{ open }] = (await app.db('follow_ups').where({ status: 'open' }).count({ open: '*' })) as Array<{ open: number }>;
  const ok = p(queueMs, 0.95) <= target;
  failed = !ok;
  console.log(
    `Follow-ups bench: ${patients.toLocaleString('en')} patients (${(seededPatientsMs / 1000).toFixed(1)} s), ${visits.toLocaleString('en')} visits over two years, ` +
      `${followUps.toLocaleString('en')} follow-ups (${open.toLocaleString('en')} open after the lapsed scan), ${attempts.toLocaleString('en')} attempts (${(seededMs / 1000).toFixed(1)} s); ${runs} runs; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(`First read, scanning two years for lapsed patients: ${firstMs.toFixed(0)} ms; lists: ${q.dueToday.length + q.more.dueToday} due today, ${q.overdue.length + q.more.overdue} overdue, ${q.upcoming.length + q.more.upcoming} upcoming`);
  console.log(
    `${'Follow-up queue (followups.queue)'.padEnd(34)} p50 ${p(queueMs, 0.5).toFixed(2)} ms  p95 ${p(queueMs, 0.95).toFixed(2)} ms (target ≤ ${target})  | bare SELECT p50 ${p(floorMs, 0.5).toFixed(2)} ms p95 ${p(floorMs, 0.95).toFixed(2)} ms  | ×${(p(queueMs, 0.5) / p(floorMs, 0.5)).toFixed(1)} at p50  ${ok ? 'OK' : 'MISSED'}`,
  );
} finally {
  await app.cleanup();
}
process.exit(failed ? 1 : 0);
