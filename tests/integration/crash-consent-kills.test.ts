import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { openDatabase } from '../../main/db/connection';
import { referencedDocuments } from '../../main/backup/documents';
import { sha256 } from '../../main/pdf/hash';
import { quarantineFolder } from '../../main/startup/sweep';
import { nodeApp } from '../support/node-app';
import { clinicProfile } from '../support/fixtures';
import { clinicDay } from '../support/clinic-day';

/**
 * Crash safety: a child process writes patients and signed consents and is killed with
 * SIGKILL at random moments, CRASH_KILLS times (200 here; `npm run soak` runs 2,000).
 * After every kill: the database passes integrity_check, every write the child reported
 * committed is there, every consent row's files are on disk with their hashes; and after
 * the next start, no document or temporary file is left without its row (the start-up
 * sweep moved it to quarantine).
 */

const kills = Number(process.env.CRASH_KILLS ?? 200);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(s: number) {
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** What the child said it committed: each id only once its write returned. */
interface Committed {
  patients: string[];
  consents: string[];
  visits: string[];
  cancelled: string[];
}

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
  /** Resolves once this child has reported `n` commits. */
  commits(n: number): Promise<void>;
  /** Resolves when the child starts its `n`-th consent write. */
  signing(n: number): Promise<void>;
}

function startChild(bundle: string, dataDir: string, settingsDir: string, reported: Committed): Run {
  // Plain node on a prebuilt bundle: a start costs ~0.3 s instead of tsx's ~2 s.
  const child = spawn(process.execPath, [bundle, dataDir, settingsDir], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let count = 0;
  let signs = 0;
  const waiting: Array<[number, () => void]> = [];
  const waitingSigns: Array<[number, () => void]> = [];
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') return resolve();
      if (line === 'S') {
        signs += 1;
        for (const [n, wake] of waitingSigns) if (signs >= n) wake();
        return;
      }
      if (line.startsWith('P ')) reported.patients.push(line.slice(2));
      else if (line.startsWith('C ')) reported.consents.push(line.slice(2));
      else if (line.startsWith('V ')) reported.visits.push(line.slice(2));
      else if (line.startsWith('X ')) reported.cancelled.push(line.slice(2));
      count += 1;
      for (const [n, wake] of waiting) if (count >= n) wake();
    });
  });
  const exited = new Promise<void>((resolve, reject) =>
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code}): ${stderr.slice(0, 2000)}`)))),
  );
  const commits = (n: number) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiting.push([n, resolve])));
  const signing = (n: number) => (signs >= n ? Promise.resolve() : new Promise<void>((resolve) => waitingSigns.push([n, resolve])));
  return { child, ready, exited, commits, signing };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Files in the documents folder that no row names. */
async function orphansIn(dataDir: string): Promise<string[]> {
  const db = openDatabase(path.join(dataDir, 'rapport.sqlite3'));
  try {
    const known = new Set((await referencedDocuments(db)).map((r) => r.file));
    return (await readdir(path.join(dataDir, 'documents'))).filter((f) => !known.has(f));
  } finally {
    await db.destroy();
  }
}

describe('crash safety under SIGKILL', () => {
  it(`keeps every committed write and leaves no orphan after ${kills} kills`, { timeout: Math.max(600_000, kills * 3_000) }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-crash-'));
    const dataDir = path.join(dir, 'data');
    const settingsDir = path.join(dir, 'settings');
    const bundle = path.join(process.cwd(), 'dist/test/crash-consent-child.mjs');
    await build({
      entryPoints: ['tests/integration/crash-consent-child.ts'],
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __crashRequire } from 'node:module';\nconst require = __crashRequire(import.meta.url);" },
    });
    // The clinic is set up once, before the kills: a consent needs a letterhead, a visit a therapist, a room and a type.
    const setup = await nodeApp({ dataDir, settingsDir, version: '0.0.0-crash' });
    expect((await setup.dispatch('settings.update', clinicProfile())).ok).toBe(true);
    await clinicDay(setup);
    await setup.close();

    const next = random(seed);
    const committed: Committed = { patients: [], consents: [], visits: [], cancelled: [] };
    let previousOrphans: string[] = [];
    // By name: a kill during start-up, before the sweep, leaves the last kill's orphans for the next start.
    const orphansSeen = new Set<string>();
    let startedAt = performance.now();
    try {
      for (let k = 0; k < kills; k++) {
        const run = startChild(bundle, dataDir, settingsDir, committed);
        // A fifth of the kills land during start-up (migrations, the sweep); the rest after
        // 0 to 3 commits at a random moment of the next write, or inside a consent write
        // (render, files, row), where a kill leaves files without their row. Counting
        // events rather than milliseconds keeps the kills on writes however busy the machine is.
        const mode = next();
        if (mode < 0.2) {
          await Promise.race([sleep(next() * 600), run.ready]);
        } else {
          await Promise.race([run.ready, run.exited]);
          // The orphans the last kill left were swept at this start, not left lying around.
          const stillThere = (await readdir(path.join(dataDir, 'documents'))).filter((f) => previousOrphans.includes(f));
          expect(stillThere, `kill ${k}: orphans from the previous kill were not swept (seed ${seed})`).toEqual([]);
          if (mode < 0.6) {
            await Promise.race([run.commits(Math.floor(next() * 4)), run.exited]);
            await sleep(next() * 150);
          } else {
            await Promise.race([run.signing(1 + Math.floor(next() * 2)), run.exited]);
            await sleep(next() * 300);
          }
        }
        run.child.kill('SIGKILL');
        await run.exited;

        const db = openDatabase(path.join(dataDir, 'rapport.sqlite3'));
        try {
          expect(await db.raw('PRAGMA integrity_check'), `kill ${k} (seed ${seed})`).toEqual([{ integrity_check: 'ok' }]);
          const patients = new Set((await db('patients').pluck('id')) as string[]);
          const consents = (await db('consents').select('id', 'pdf_sha256', 'signature_sha256')) as Array<{ id: string; pdf_sha256: string; signature_sha256: string }>;
          expect(committed.patients.filter((id) => !patients.has(id)), `kill ${k}: reported patients missing`).toEqual([]);
          const consentIds = new Set(consents.map((c) => c.id));
          expect(committed.consents.filter((id) => !consentIds.has(id)), `kill ${k}: reported consents missing`).toEqual([]);
          const visits = new Map(((await db('appointments').select('id', 'status')) as Array<{ id: string; status: string }>).map((v) => [v.id, v.status]));
          expect(committed.visits.filter((id) => !visits.has(id)), `kill ${k}: reported visits missing`).toEqual([]);
          expect(committed.cancelled.filter((id) => visits.get(id) !== 'cancelled'), `kill ${k}: reported cancellations undone`).toEqual([]);
          for (const ref of await referencedDocuments(db)) {
            const bytes = await readFile(path.join(dataDir, 'documents', ref.file)).catch(() => null);
            expect(bytes && sha256(bytes), `kill ${k}: ${ref.file}`).toBe(ref.sha256);
          }
        } finally {
          await db.destroy();
        }
        previousOrphans = await orphansIn(dataDir);
        for (const name of previousOrphans) orphansSeen.add(name);
      }
      const seconds = (performance.now() - startedAt) / 1000;

      // The next start sweeps what the last kill left.
      const last = await nodeApp({ dataDir, settingsDir, version: '0.0.0-crash' });
      await last.close();
      expect(await orphansIn(dataDir)).toEqual([]);
      const quarantined = (await readdir(path.join(dataDir, quarantineFolder), { recursive: true }).catch(() => [] as string[])).filter((f) => f.includes('.'));
      console.log(
        `crash test: ${kills} kills in ${seconds.toFixed(0)} s (seed ${seed}); ${committed.patients.length} patients and ${committed.consents.length} consents, ${committed.visits.length} visits (${committed.cancelled.length} cancelled) reported committed, all present; ${orphansSeen.size} orphaned files left by kills, all swept (${quarantined.length} in quarantine)`,
      );
      expect(committed.consents.length, 'the child got to write consents between kills').toBeGreaterThan(kills / 4);
      expect(committed.visits.length, 'the child got to book visits between kills').toBeGreaterThan(kills / 8);
      expect(quarantined.map((f) => path.basename(f)).sort()).toEqual([...orphansSeen].sort());
    } finally {
      startedAt = 0;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
