/**
 * Benchmark (issue 8): verifying an untouched audit trail of 100,000 chained rows, read
 * from a real SQLite file, must take under a second (median of 5). Shown beside the
 * floor: reading the same rows without hashing, so the ratio is the cost of SHA-256.
 * Run: `npx tsx tests/bench/audit-chain.bench.ts`. Exits 1 over the budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../main/db/connection';
import { migrateToLatest } from '../../main/db/migrations';
import { chainRows } from '../../main/audit/chain';
import { verifyChain } from '../../main/audit/verify';
import { p } from './timing';

const rows = 100_000;
const budgetMs = 1000;
const runs = 5;
const median = (xs: number[]) => p(xs, 0.5);

const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-bench-audit-'));
const db = openDatabase(path.join(dir, 'rapport.sqlite3'));
try {
  await migrateToLatest(db);
  const actions = ['patient.viewed', 'patient.updated', 'consent.signed', 'session.signed_in', 'consent.printed'];
  const staff = Array.from({ length: 6 }, () => randomUUID());
  const start = Date.parse('2026-01-05T14:00:00.000Z');
  const chained = chainRows(
    null,
    Array.from({ length: rows }, (_, i) => ({
      id: randomUUID(),
      at: new Date(start + i * 47_000).toISOString(),
      actor: staff[i % staff.length],
      action: actions[i % actions.length],
      entity: 'patient',
      entity_id: randomUUID(),
      detail: i % 3 ? '{}' : '{"fields":["phones","notes"]}',
    })),
  );
  await db.transaction(async (trx) => {
    const columns = Object.keys(chained[0]);
    const perChunk = Math.floor(32_000 / columns.length);
    for (let i = 0; i < chained.length; i += perChunk) {
      const chunk = chained.slice(i, i + perChunk);
      await trx.raw(
        `INSERT INTO audit_events (${columns.join(',')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`,
        chunk.flatMap((r) => columns.map((c) => (r as Record<string, string | number | null>)[c])),
      );
    }
  });

  const verify: number[] = [];
  const floor: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const used = process.cpuUsage();
    const report = await verifyChain(db);
    verify.push(performance.now() - t);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
    if (!report.ok || report.checked !== rows) throw new Error(`the untouched trail did not verify: ${JSON.stringify(report)}`);
    t = performance.now();
    for (let seq = 0; ; seq += 5000) {
      const page = await db('audit_events').where('seq', '>', seq).orderBy('seq').limit(5000).select('seq', 'id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash');
      if (page.length < 5000) break;
    }
    floor.push(performance.now() - t);
  }
  const m = median(verify);
  // CPU time too: on a shared, loaded machine the wall clock also counts other programs' turns.
  console.log(
    `audit chain: verify ${rows.toLocaleString('en')} rows  median ${m.toFixed(0)} ms (budget ${budgetMs} ms, CPU ${median(cpu).toFixed(0)} ms); ` +
      `reading them alone ${median(floor).toFixed(0)} ms; ratio ${(m / median(floor)).toFixed(2)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  if (m > budgetMs) {
    console.error(`audit chain verification over budget: ${m.toFixed(0)} ms > ${budgetMs} ms`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
}
