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
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generatePatients } from '../../scripts/lib/people';
import { addDays, followUpsFor, type VisitFact } from '../../main/followups/rules';
import { readRules } from '../../main/followups/service';
import { dayIn } from '../../shared/time';
import { tempApp } from '../support/app';
import { clinicDay } from '../support/clinic-day';
import { seedPatients } from './seed';

const patients = Number(process.env.BENCH_PATIENTS ?? 100_000);
const visits = Number(process.env.BENCH_VISITS ?? 400_000);
const runs = 200;
const target = 50;
const today = '2026-07-14';
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function insertMany(db: Awaited<ReturnType<typeof tempApp>>['db'], table: string, rows: Array<Record<string, unknown>>) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const per = Math.floor(30_000 / columns.length);
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      await trx.raw(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`, chunk.flatMap((r) => columns.map((c) => (r[c] ?? null) as string | number | null)));
    }
  });
}

// The clinic's clock stands at the bench's day; the idle clock too, so seeding for minutes does not lock the desk.
const app = await tempApp({ now: () => new Date(`${today}T16:00:00Z`), monotonic: () => 0 });
let failed = false;
try {
  let t = performance.now();
  const c = await clinicDay(app);
  const zone = app.services.settings.details().timeZone;
  const ids = await seedPatients(app.db, generatePatients(patients, 20200311), { newId: randomUUID, at: () => '2024-01-01T00:00:00.000Z' });
  const seededPatientsMs = performance.now() - t;

  // Two years of visits up to today, spread over the patients; a few booked ahead.
  t = performance.now();
  const start = Date.parse(`${addDays(today, -730)}T14:00:00Z`);
  const span = Date.parse(`${today}T14:00:00Z`) - start;
  const byPatient = new Map<string, VisitFact[]>();
  const visitRows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < visits; i++) {
    const patientId = ids[(i * 7919) % ids.length];
    const at = new Date(start + Math.floor((i / visits) * span) + (i % 8) * 3_600_000).toISOString();
    const status = i % 23 === 0 ? 'cancelled' : 'checked_out';
    const id = randomUUID();
    visitRows.push({ id, patient_id: patientId, therapist_id: i % 2 ? c.amelie.id : c.aiko.id, room_id: i % 2 ? c.room1.id : c.room2.id, type_id: c.massage.id, starts_at: at, ends_at: at, status, scheduled_at: at, created_at: at, updated_at: at });
    const list = byPatient.get(patientId) ?? [];
    list.push({ id, day: dayIn(zone, at), status });
    byPatient.set(patientId, list);
  }
  for (let i = 0; i < 3000; i++) {
    const at = new Date(Date.parse(`${addDays(today, 1 + (i % 20))}T14:00:00Z`) + (i % 8) * 3_600_000).toISOString();
    visitRows.push({ id: randomUUID(), patient_id: ids[(i * 104_729) % ids.length], therapist_id: c.amelie.id, room_id: c.room1.id, type_id: c.massage.id, starts_at: at, ends_at: at, status: 'booked', scheduled_at: at, created_at: at, updated_at: at });
  }
  await insertMany(app.db, 'appointments', visitRows);

  // The follow-ups the rules make, closed when long past (an attempt each), open when recent.
  const rules = await readRules(app.db);
  const followRows: Array<Record<string, unknown>> = [];
  const attemptRows: Array<Record<string, unknown>> = [];
  const recent = addDays(today, -21);
  let n = 0;
  for (const [patientId, list] of byPatient) {
    for (const w of followUpsFor({ visits: list, plans: [], rules })) {
      const id = randomUUID();
      const closed = w.dueDay < recent && n++ % 20 !== 0;
      followRows.push({
        id, patient_id: patientId, kind: w.kind, rule_id: w.ruleId, source_id: w.sourceId, source_visit_id: w.sourceVisitId, due_day: w.dueDay,
        status: closed ? 'done' : 'open', attempts: closed ? 1 : 0, outcome: closed ? 'reached' : null, channel: closed ? 'phone' : null, created_at: `${w.dueDay}T12:00:00.000Z`,
      });
      if (closed) attemptRows.push({ id: randomUUID(), follow_up_id: id, patient_id: patientId, channel: 'phone', outcome: 'reached', note: '', at: `${w.dueDay}T15:00:00.000Z` });
    }
  }
  await insertMany(app.db, 'follow_ups', followRows);
  await insertMany(app.db, 'contact_attempts', attemptRows);
  const privacy = (await app.db('consent_templates').where({ kind: 'privacy' }).first('id')) as { id: string };
  await insertMany(
    app.db,
    'consents',
    ids.filter((_, i) => i % 2 === 0).map((patientId) => ({
      id: randomUUID(), patient_id: patientId, template_id: privacy.id, kind: 'privacy', locale: 'en-CA', choices: '["phone","email"]', method: 'paper', signer_name: 'Patient',
      signed_at: '2024-06-01T15:00:00.000Z', explained_by: 'Desk', recorded_at: '2024-06-01T15:00:00.000Z', snapshot: '{}', pdf_sha256: 'x',
    })),
  );
  await app.db.raw('ANALYZE');
  const seededMs = performance.now() - t;

  t = performance.now();
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
      `${followRows.length.toLocaleString('en')} follow-ups (${open.toLocaleString('en')} open after the lapsed scan), ${attemptRows.length.toLocaleString('en')} attempts (${(seededMs / 1000).toFixed(1)} s); ${runs} runs; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(`First read, scanning two years for lapsed patients: ${firstMs.toFixed(0)} ms; lists: ${q.dueToday.length + q.more.dueToday} due today, ${q.overdue.length + q.more.overdue} overdue, ${q.upcoming.length + q.more.upcoming} upcoming`);
  console.log(
    `${'Follow-up queue (followups.queue)'.padEnd(34)} p50 ${p(queueMs, 0.5).toFixed(2)} ms  p95 ${p(queueMs, 0.95).toFixed(2)} ms (target ≤ ${target})  | bare SELECT p50 ${p(floorMs, 0.5).toFixed(2)} ms p95 ${p(floorMs, 0.95).toFixed(2)} ms  | ×${(p(queueMs, 0.5) / p(floorMs, 0.5)).toFixed(1)} at p50  ${ok ? 'OK' : 'MISSED'}`,
  );
} finally {
  await app.cleanup();
}
process.exit(failed ? 1 : 0);
