import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/ipc/dispatcher';
import { messages } from '../../shared/messages';
import { clinicProfile, patientInput } from '../support/fixtures';
import { nodeApp } from '../support/node-app';

/**
 * The app quits (or a test ends) while the desk's calls are still running: a save
 * pressed just before closing the window. SQLite has one connection, so the calls
 * queue for it; before, closing the database aborted the queue and those saves were
 * lost, answered with an error that nobody saw.
 */
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((step) => step()));

function folders() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-close-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-test' };
}

const create = (n: number) => ({ patient: patientInput({ firstName: `Closing${n}`, lastName: 'Queue' }), acknowledgeDuplicates: true });

describe('closing the app while calls are running', () => {
  it('lets every save already running land before the database closes', async () => {
    const where = folders();
    const app = await nodeApp(where);
    const saves = Array.from({ length: 8 }, (_, n) => app.dispatch('patients.create', create(n)));
    await app.close();
    const answers = await Promise.all(saves);
    expect(answers.map((a) => a.ok)).toEqual(Array(8).fill(true));

    const reopened = await nodeApp(where);
    try {
      expect(await reopened.db('patients').where('last_name', 'Queue').count({ n: '*' })).toEqual([{ n: 8 }]);
    } finally {
      await reopened.close();
    }
  });

  it('refuses, in the clinic’s language, a call that arrives once closing has begun, and writes nothing', async () => {
    const where = folders();
    const app = await nodeApp(where);
    expect((await app.dispatch('settings.update', { ...clinicProfile(), locale: 'fr-CA' })).ok).toBe(true);
    const running = app.dispatch('patients.create', create(1));
    const closed = app.close();
    const late = await app.dispatch('patients.create', create(2));
    await closed;
    expect(late).toEqual({ ok: false, error: { code: 'internal', message: messages['ipc.closing'].fr } });
    expect((await running).ok).toBe(true);

    const reopened = await nodeApp(where);
    try {
      expect(await reopened.db('patients').where('last_name', 'Queue').pluck('first_name')).toEqual(['Closing1']);
    } finally {
      await reopened.close();
    }
  });

  it('does not wait longer than its limit for a call that never answers', async () => {
    const handlers = new Proxy({}, { get: () => () => new Promise(() => undefined) }) as unknown as Handlers;
    const dispatch = createDispatcher(handlers, () => undefined);
    void dispatch('settings.get', {});
    const started = performance.now();
    await dispatch.drain(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
