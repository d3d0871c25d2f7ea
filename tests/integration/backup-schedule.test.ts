import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BackupStatus } from '../../shared/contract/backup';
import { backupFolderName, backupsToKeep } from '../../main/backup/rotation';
import type { App } from '../../main/app/context';
import { nodeApp } from '../support/node-app';
import { patientInput } from '../support/fixtures';

/** Rotation (7 daily, 4 weekly, 12 monthly) and what the frame's status line says. */

const day = 24 * 3600 * 1000;
const at = (iso: string) => new Date(iso);

describe('rotation', () => {
  it('of a year and a half of daily backups keeps the last 7 days, 4 weeks and 12 months', () => {
    const start = at('2025-06-01T18:00:00Z').getTime();
    const names = Array.from({ length: 550 }, (_, i) => backupFolderName(new Date(start + i * day)));
    const newest = names.at(-1)!; // 2026-12-02
    const keep = backupsToKeep(names);
    expect([...names].reverse().slice(0, 7).every((n) => keep.has(n))).toBe(true);
    // The newest of each of the last 12 months (the current month's is today's).
    for (const month of ['2026-01', '2026-02', '2026-06', '2026-11']) {
      const last = names.filter((n) => n.startsWith(`rapport-${month.replace('-', '')}`)).at(-1)!;
      expect(keep.has(last), month).toBe(true);
    }
    // Sundays of the weeks before this one (weeks start on Monday).
    for (const sunday of ['rapport-20261129T180000Z', 'rapport-20261122T180000Z', 'rapport-20261115T180000Z']) expect(keep.has(sunday), sunday).toBe(true);
    expect([...keep].every((n) => n >= 'rapport-20260101')).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBe(19); // 7 days + 2 older Sundays + 10 older month-ends
    expect(keep.has(newest)).toBe(true);
  });

  it('keeps the newest of a day with several backups, and ignores folders that are not backups', () => {
    const keep = backupsToKeep(['rapport-20261130T080000Z', 'rapport-20261130T170000Z', 'holiday photos', 'rapport-2026']);
    expect([...keep]).toEqual(['rapport-20261130T170000Z']);
  });
});

describe('the status line and the daily backups', () => {
  let dir: string;
  let app: App;
  let now: Date;
  let backups: string;
  const status = async () => {
    const r = await app.dispatch('backup.status', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as BackupStatus;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-backup-status-'));
    backups = path.join(dir, 'stick');
    await mkdir(backups);
    now = at('2026-11-01T18:00:00Z');
    app = await nodeApp({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-test', now: () => now });
    await app.dispatch('patients.create', { patient: patientInput() });
  });
  afterEach(async () => {
    await chmod(backups, 0o755).catch(() => undefined);
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says what to do: no folder, never, fresh, stale after two days, folder missing', async () => {
    expect(await status()).toMatchObject({ warning: 'no_folder', folder: null, lastGoodAt: null });
    expect(await app.dispatch('backup.start', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { folder: expect.any(String) } } });
    expect(await app.dispatch('backup.setFolder', { folder: path.join(dir, 'data', 'inside') })).toMatchObject({ ok: false, error: { fields: { folder: expect.stringMatching(/outside the data folder/) } } });
    expect(await app.dispatch('backup.setFolder', { folder: path.join(dir, 'nowhere') })).toMatchObject({ ok: false, error: { fields: { folder: expect.stringMatching(/cannot be found/) } } });
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    expect(await status()).toMatchObject({ warning: 'never', folder: backups, folderAvailable: true });

    await app.services.backup.runOnce();
    expect(await status()).toMatchObject({ warning: 'none', lastGoodAt: now.toISOString(), lastError: null });
    now = new Date(now.getTime() + 2 * day - 60_000);
    expect((await status()).warning).toBe('none');
    now = new Date(now.getTime() + 120_000);
    expect((await status()).warning).toBe('stale');

    await rename(backups, `${backups}-taken-home`);
    expect(await status()).toMatchObject({ warning: 'folder_missing', folderAvailable: false });
    expect(await app.dispatch('backup.list', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await rename(`${backups}-taken-home`, backups);
  });

  it('a backup folder that turned read-only shows the failure in plain words, and leaves nothing half-written', async () => {
    // Root ignores permission bits, so as root (CI) the stick is a tmpfs remounted read-only.
    const root = process.getuid?.() === 0;
    if (root) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', backups]);
    try {
      expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
      if (root) execFileSync('mount', ['-o', 'remount,ro', backups]);
      else await chmod(backups, 0o555);
      await app.services.backup.runOnce();
      expect(await status()).toMatchObject({ warning: 'failed', lastError: expect.stringMatching(/cannot write to the backup folder/), lastGoodAt: null });
      expect(await readdir(backups)).toEqual([]);
    } finally {
      if (root) execFileSync('umount', [backups]);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('a backup drive that fills up says so, and the partial backup is removed', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', backups]);
    try {
      expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
      await app.services.backup.runOnce();
      expect(await status()).toMatchObject({ warning: 'failed', lastError: expect.stringMatching(/drive is full/) });
      expect(await readdir(backups)).toEqual([]);
    } finally {
      execFileSync('umount', [backups]);
    }
  });

  it('a run every day for ten days leaves 7 daily backups plus the older week and month ends', async () => {
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    for (let i = 0; i < 10; i++) {
      await app.services.backup.runOnce();
      now = new Date(now.getTime() + day);
    }
    const names = (await readdir(backups)).sort();
    // Nov 1–10 2026: the last 7 days (4th–10th), and Sunday the 1st, the newest of its week.
    expect(names).toEqual(['rapport-20261101T180000Z', ...Array.from({ length: 7 }, (_, i) => `rapport-202611${String(i + 4).padStart(2, '0')}T180000Z`)]);
    expect(await app.db('audit_events').where({ action: 'backup.created' }).count({ n: '*' })).toEqual([{ n: 10 }]);
  });

  it('backs up on its own once a day while the app runs, and not more often', async () => {
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    const stop = app.services.backup.schedule(20);
    try {
      const deadline = Date.now() + 20_000;
      while (!(await status()).lastGoodAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await status()).toMatchObject({ lastGoodAt: now.toISOString(), warning: 'none' });
      now = new Date(now.getTime() + day - 60_000);
      await new Promise((r) => setTimeout(r, 200));
      await app.services.backup.idle();
      expect(await readdir(backups)).toHaveLength(1);
      now = new Date(now.getTime() + 120_000);
      while ((await readdir(backups)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await app.services.backup.idle();
      expect(await readdir(backups)).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('backs up when the app closes', async () => {
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    const closing = app;
    await closing.close({ backup: true });
    expect(await readdir(backups)).toEqual([expect.stringMatching(/^rapport-20261101T180000Z$/)]);
    app = await nodeApp({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-test', now: () => now });
    expect(await status()).toMatchObject({ warning: 'none', lastGoodAt: now.toISOString() });
  });

  it('"back up now" reports progress until it ends, and refuses a second run meanwhile', async () => {
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    const started = await app.dispatch('backup.start', {});
    expect(started).toMatchObject({ ok: true, value: { running: { phase: expect.any(String), fraction: expect.any(Number) } } });
    expect(await app.dispatch('backup.start', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await app.services.backup.idle();
    expect(await status()).toMatchObject({ running: null, warning: 'none' });
  });
});
