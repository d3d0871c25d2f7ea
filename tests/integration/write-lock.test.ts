import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { patientInput } from '../support/fixtures';
import { nodeApp } from '../support/node-app';

/**
 * Another program (a backup tool, a second copy of Rapport refused by the lock, a sync
 * client) may hold the database's write lock for a moment. A save must wait for it, up
 * to busy_timeout (5 s), not fail at once: Rapport's write transactions begin IMMEDIATE
 * (main/db/immediate.ts). With knex's own DEFERRED begin, the first test fails: the save
 * reads first (the audit chain's last row), and SQLite refuses to upgrade that read to a
 * write once the other program has written.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function startApp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const app = await nodeApp({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-test' });
  cleanups.push(() => app.close());
  return app;
}

/** A second connection, as another process would hold the file. */
function otherProgram(file: string) {
  const db = new sqlite3.Database(file);
  cleanups.push(() => new Promise<void>((resolve) => db.close(() => resolve())));
  return (sql: string) => new Promise<void>((resolve, reject) => db.run(sql, (e) => (e ? reject(e) : resolve())));
}

const patientCount = async (app: Awaited<ReturnType<typeof startApp>>) => Number((await app.db('patients').count({ n: '*' }))[0]!.n);

describe('a write while another program holds the database', () => {
  it('waits while the other program writes for a moment, then saves', async () => {
    const app = await startApp();
    const run = otherProgram(app.paths.database);
    await run('BEGIN IMMEDIATE');
    await run("INSERT INTO app_state (key, value, updated_at) VALUES ('written-by-another-program', '1', '2026-11-30T00:00:00Z')");
    const release = new Promise<void>((resolve) => setTimeout(() => void run('COMMIT').then(resolve), 800));

    const started = performance.now();
    const saved = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Ana', lastName: 'Costa' }), acknowledgeDuplicates: true });
    const waited = performance.now() - started;
    await release;

    expect(saved.ok).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(await patientCount(app)).toBe(1);
    expect(await app.db('app_state').where({ key: 'written-by-another-program' }).first()).toBeTruthy();
  });

  it('answers busy only after waiting out the timeout, and nothing is written', async () => {
    const app = await startApp();
    const run = otherProgram(app.paths.database);
    await run('BEGIN IMMEDIATE');
    await run("INSERT INTO app_state (key, value, updated_at) VALUES ('written-by-another-program', '1', '2026-11-30T00:00:00Z')");

    const started = performance.now();
    const refused = await app.dispatch('patients.create', { patient: patientInput(), acknowledgeDuplicates: true });
    const waited = performance.now() - started;
    await run('ROLLBACK');

    expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(waited).toBeGreaterThanOrEqual(4500);
    expect(await patientCount(app)).toBe(0);
  }, 20_000);
});
