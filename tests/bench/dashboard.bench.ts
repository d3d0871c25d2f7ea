/**
 * Benchmark (issue 11 item 6): the dashboard for a clinic of 100,000 patients and two
 * years of visits, p95 at or under 50 ms, through the whole handler path (dispatch →
 * parse → every series → the per-therapist cut → output parse), each read just after a
 * write. Beside it, in the same run on the same file: a plain scan, `SELECT count(*) FROM
 * appointments`, the bare indexed SELECT the follow-up bench uses as its floor, and what
 * the totals of migration 018 replace: every patient's first visit found from all the
 * appointments, one query of the five series the dashboard added up before.
 *
 * The clinic is the follow-up bench's (tests/bench/seed.ts: visits, the follow-ups the
 * rules make, consents), plus what the dashboard reads and that clinic lacks: new
 * patients arriving every month (a first visit, and most coming back), a homecare plan
 * for one patient in four with adherence recorded twice, and check-ins on the clinic's
 * questionnaire after about one visit in six.
 * Run: `npx tsx tests/bench/dashboard.bench.ts`. Exits 1 when the target is missed.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createRandom, generatePatients } from '../../scripts/lib/people';
import { addDays } from '../../main/followups/rules';
import { currentQuestionnaire } from '../../main/checkin/questionnaires';
import { tempApp } from '../support/app';
import { insertMany, seedPatients, seedTwoYears, visitRow } from './seed';
import { p, timeRuns } from './timing';

const patients = Number(process.env.BENCH_PATIENTS ?? 100_000);
const visits = Number(process.env.BENCH_VISITS ?? 400_000);
const runs = Number(process.env.BENCH_RUNS ?? 100);
const target = 50;
const today = '2026-07-14';
/** Wall times; the CPU times go to `cpu` when given. */
async function time(fn: () => Promise<unknown>, n = runs, before?: () => Promise<unknown>, cpu: number[] = []): Promise<number[]> {
  const timed = await timeRuns(fn, { runs: n, warmUp: 5, before });
  cpu.push(...timed.cpu);
  return timed.wall;
}

// The same clinic every run.
const { next: random } = createRandom(20260714);

const app = await tempApp({ now: () => new Date(`${today}T16:00:00Z`), monotonic: () => 0 });
let failed = false;
try {
  const clinic = await seedTwoYears(app, { patients, visits, today });
  const { c } = clinic;
  let t = performance.now();
  const start = Date.parse(`${addDays(today, -730)}T14:00:00Z`);
  const span = Date.parse(`${today}T14:00:00Z`) - start;
  const at = (ms: number) => new Date(Math.min(ms, Date.parse(`${today}T15:00:00Z`))).toISOString();

  // New patients every month: a first visit anywhere in the two years; four in five come back 1 to 120 days later.
  const newcomers = await seedPatients(app.db, generatePatients(Math.round(patients / 5), 20260714), { newId: randomUUID, at: () => '2024-07-01T00:00:00.000Z' });
  const visitRows: Array<Record<string, unknown>> = [];
  const row = (patientId: string, startsAt: string, therapistId: string) => visitRow(c, { patientId, therapistId, roomId: c.room1.id, at: startsAt, status: 'checked_out' });
  for (const patientId of newcomers) {
    const first = start + Math.floor(random() * span);
    const therapistId = random() < 0.5 ? c.amelie.id : c.aiko.id;
    visitRows.push(row(patientId, at(first), therapistId));
    if (random() < 0.8) visitRows.push(row(patientId, at(first + Math.floor(1 + random() * 120) * 86_400_000), therapistId));
  }
  await insertMany(app.db, 'appointments', visitRows);

  // Homecare plans for one patient in four, adherence recorded twice on each.
  const planRows: Array<Record<string, unknown>> = [];
  const adherenceRows: Array<Record<string, unknown>> = [];
  const levels = ['all', 'most', 'some', 'none'];
  for (let i = 0; i < clinic.ids.length; i += 4) {
    const given = start + Math.floor(random() * span);
    const id = randomUUID();
    planRows.push({ id, patient_id: clinic.ids[i], items: '[]', given_on: at(given).slice(0, 10), given_at: at(given) });
    for (let k = 1; k <= 2; k++) {
      adherenceRows.push({ id: randomUUID(), patient_id: clinic.ids[i], plan_id: id, level: levels[Math.floor(random() * 4)], recorded_at: at(given + k * 7 * 86_400_000 + Math.floor(random() * 86_400_000)) });
    }
  }
  await insertMany(app.db, 'homecare_plans', planRows);
  await insertMany(app.db, 'adherence_records', adherenceRows);

  // Check-ins on the clinic's questionnaire, every theme scored 1 to 5; half name the visit they were about.
  const questionnaire = await currentQuestionnaire(app.db);
  const admin = (await app.db('staff').where({ initials: 'PN' }).first('id')) as { id: string };
  const visitIds = (await app.db('appointments').where({ status: 'checked_out' }).select('id', 'patient_id', 'starts_at')) as Array<{ id: string; patient_id: string; starts_at: string }>;
  const checkinRows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < visitIds.length; i += 6) {
    const v = visitIds[i];
    const scores = questionnaire.definition.themes.map((theme) => ({ theme: theme.key, score: 1 + Math.floor(random() * 5) }));
    checkinRows.push({
      id: randomUUID(), patient_id: v.patient_id, questionnaire_id: questionnaire.id, locale: 'en-CA', taken_by: 'phone', recorded_by: admin.id,
      taken_at: at(Date.parse(v.starts_at) + 86_400_000), appointment_id: i % 12 === 0 ? v.id : null, scores: JSON.stringify(scores),
    });
  }
  await insertMany(app.db, 'checkins', checkinRows);
  await app.db.raw('ANALYZE');
  const extraMs = performance.now() - t;
  const [{ n: appointments }] = (await app.db('appointments').count({ n: '*' })) as Array<{ n: number }>;

  t = performance.now();
  const first = await app.dispatch('dashboard.read', { unit: 'month', count: 12 });
  const firstMs = performance.now() - t;
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  if (process.env.BENCH_TRACE) {
    // Where a read's time goes, query by query.
    const started = new Map<string, number>();
    app.db.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
    app.db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => console.log(`${(performance.now() - started.get(q.__knexQueryUid)!).toFixed(2)} ms ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`));
    await app.dispatch('dashboard.read', { unit: 'month', count: 12 });
    app.db.removeAllListeners('query');
    app.db.removeAllListeners('query-response');
  }
  const d = first.value as { returning: Array<{ patients: number }>; checkins: { series: Array<{ checkins: number }> }; adherence: Array<Record<string, unknown>> };

  console.log(
    `Dashboard bench: ${patients.toLocaleString('en')} patients and ${newcomers.length.toLocaleString('en')} newcomers, ${Number(appointments).toLocaleString('en')} appointments over two years, ${clinic.followUps.toLocaleString('en')} follow-ups, ` +
      `${adherenceRows.length.toLocaleString('en')} adherence records, ${checkinRows.length.toLocaleString('en')} check-ins (seeded in ${((clinic.seededPatientsMs + clinic.seededMs + extraMs) / 1000).toFixed(1)} s); ${runs} runs; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(`First read (12 months, the check-in totals built from the seeded check-ins): ${firstMs.toFixed(0)} ms; ${d.returning.reduce((s, m) => s + m.patients, 0).toLocaleString('en')} new patients, ${d.checkins.series.reduce((s, b) => s + b.checkins, 0).toLocaleString('en')} check-ins in it`);
  const scanMs = await time(() => app.db('appointments').count({ n: '*' }));
  // What the kept totals replace: every patient's first visit found from all the appointments, as the dashboard did before migration 018.
  const firstVisitsMs = await time(() => app.db.raw("SELECT patient_id, MIN(starts_at) FROM appointments WHERE status IN ('checked_in', 'checked_out') GROUP BY patient_id"), 20);
  const floorMs = await time(() => app.db('follow_ups').where('status', 'open').where('due_day', '<=', today).orderBy('due_day').limit(100).select('id', 'patient_id', 'due_day'));
  const line = (label: string, xs: number[], goal?: number) =>
    `${label.padEnd(44)} p50 ${p(xs, 0.5).toFixed(2)} ms  p95 ${p(xs, 0.95).toFixed(2)} ms${goal ? ` (target ≤ ${goal})  ${p(xs, 0.95) <= goal ? 'OK' : 'MISSED'}` : ''}`;
  for (const period of [
    { unit: 'week', count: 12 },
    { unit: 'month', count: 12 },
    { unit: 'week', count: 52 },
  ] as const) {
    // Each read just after a write (the rules' rows rewritten as they were), as at a desk that writes all day.
    const cpu: number[] = [];
    const ms = await time(() => app.dispatch('dashboard.read', period), runs, () => app.db('followup_rules').update({ updated_at: app.db.ref('updated_at') }), cpu);
    if (p(ms, 0.95) > target) failed = true;
    console.log(line(`Dashboard (dashboard.read, ${period.count} ${period.unit}s)`, ms, target));
    console.log(`${'  CPU time'.padEnd(44)} p50 ${p(cpu, 0.5).toFixed(2)} ms  p95 ${p(cpu, 0.95).toFixed(2)} ms; wall p50 ${(p(ms, 0.5) / p(firstVisitsMs, 0.5)).toFixed(2)}× the first-visits baseline`);
  }
  console.log(line('Baseline: SELECT count(*) FROM appointments', scanMs));
  console.log(line('Baseline: first visits from all appointments', firstVisitsMs));
  console.log(line('Baseline: the follow-up queue’s bare SELECT', floorMs));
} finally {
  await app.cleanup();
}
process.exit(failed ? 1 : 0);
