import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { checkStartup, classifyFolder, problemTitles, type StartupProbes } from '../../main/startup/checks';
import { startupLocale, storedClinicLocale } from '../../main/startup/locale';
import { resay, sayIn } from '../../shared/messages';
import { lockName, nodeProbes } from '../../main/startup/probes';
import { restoreBeforeStart } from '../../main/startup/recover';
import { runStartupChecks } from '../../main/startup/run';
import { quarantineFolder } from '../../main/startup/sweep';
import { dataPaths, settingsStoreOptions } from '../../main/app/paths';
import { backupKey } from '../../main/backup/service';
import { nodeApp } from '../support/node-app';
import { patientInput } from '../support/fixtures';

/**
 * Start-up checks on real folders: each fault gives its own message that says what to do,
 * and none of them changes the data. Faults that need a real file system (a read-only
 * mount, a full disk) use small tmpfs mounts, as CI runs as root.
 */

let dir: string;
const mounts: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-startup-'));
});
afterEach(async () => {
  for (const m of mounts.splice(0)) execFileSync('umount', [m]);
  await rm(dir, { recursive: true, force: true });
});

const probes = (backupFolder: string | null = null) => nodeProbes({ backupFolder: () => backupFolder });
const pathsIn = (root: string) => dataPaths(root, {});

/** A tmpfs of `size` at `at`; null where this user may not mount (then the test says so). */
function tmpfs(at: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'ignore' });
    mounts.push(at);
    return true;
  } catch {
    return false;
  }
}
const canMount = process.getuid?.() === 0;

async function appWithData(root: string) {
  const app = await nodeApp({ dataDir: root, settingsDir: path.join(root, 'settings'), version: '0.0.0-test' });
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  expect(created.ok).toBe(true);
  await app.close();
}

describe('the data folder', () => {
  it('a first start (folder not there yet, its parent is) is no problem', async () => {
    const r = await checkStartup(pathsIn(path.join(dir, 'Rapport')), probes());
    expect(r.problems).toEqual([]);
  });

  it('missing with its drive (the parent is gone too) stops with a message naming the folder', async () => {
    const root = path.join(dir, 'unplugged-drive', 'Rapport');
    const r = await checkStartup(pathsIn(root), probes());
    expect(r.problems).toEqual([expect.objectContaining({ code: 'folder_missing', severity: 'stop', message: expect.stringContaining(root) })]);
    expect(r.problems[0].message).toMatch(/connect that drive/);
  });

  it.skipIf(!canMount)('read-only (a read-only mount) stops, and says to ask for write access', async () => {
    const root = path.join(dir, 'ro');
    await mkdir(root);
    expect(tmpfs(root, 'size=8m,ro')).toBe(true);
    const r = await checkStartup(pathsIn(root), probes());
    expect(r.problems).toEqual([expect.objectContaining({ code: 'folder_read_only', severity: 'stop' })]);
    expect(r.problems[0].message).toMatch(/write access/);
  });

  it.each([
    ['C:\\Users\\desk\\OneDrive - Harbour\\Rapport', 'cloud'],
    ['/Users/desk/Library/CloudStorage/GoogleDrive-desk@harbour.example/My Drive/Rapport', 'cloud'],
    ['/home/desk/Dropbox/Rapport', 'cloud'],
    ['/Users/desk/Library/Mobile Documents/com~apple~CloudDocs/Rapport', 'cloud'],
    ['\\\\clinic-server\\share\\Rapport', 'network'],
    ['C:\\ProgramData\\Rapport', 'local'],
    ['/home/desk/.config/Rapport', 'local'],
    ['/home/desk/Dropboxes-old/Rapport', 'local'],
  ] as const)('%s is %s', (folder, kind) => {
    expect(classifyFolder(folder, null)).toBe(kind);
  });

  it('a network file system (NFS, SMB, FUSE by statfs type) is not local', () => {
    for (const type of [0x6969, 0x517b, 0xfe534d42, 0x65735546]) expect(classifyFolder('/mnt/data', type)).toBe('network');
    expect(classifyFolder('/mnt/data', 0xef53 /* ext4 */)).toBe('local');
  });

  it('in a synced folder, refuses and says to move it to this computer’s disk', async () => {
    const root = path.join(dir, 'OneDrive', 'Rapport');
    await mkdir(root, { recursive: true });
    const r = await checkStartup(pathsIn(root), probes());
    expect(r.problems).toEqual([expect.objectContaining({ code: 'folder_synced', severity: 'stop' })]);
    expect(r.problems[0].message).toMatch(/Move the Rapport folder/);
  });
});

describe('the disk', () => {
  it.skipIf(!canMount)('nearly full warns and opens; full stops', async () => {
    const nearly = path.join(dir, 'nearly');
    const full = path.join(dir, 'full');
    await mkdir(nearly);
    await mkdir(full);
    expect(tmpfs(nearly, 'size=300m')).toBe(true);
    expect(tmpfs(full, 'size=40m')).toBe(true);
    const warned = await checkStartup(pathsIn(nearly), probes());
    expect(warned.problems).toEqual([expect.objectContaining({ code: 'disk_nearly_full', severity: 'warn' })]);
    expect(warned.release).not.toBeNull();
    await warned.release!();
    const stopped = await checkStartup(pathsIn(full), probes());
    expect(stopped.problems).toEqual([expect.objectContaining({ code: 'disk_full', severity: 'stop' })]);
  });
});

describe('another copy of Rapport', () => {
  it('holding the data folder stops the second; the lock goes when the first releases it', async () => {
    const root = path.join(dir, 'data');
    await mkdir(root);
    const first = await checkStartup(pathsIn(root), probes());
    expect(first.problems).toEqual([]);
    // The second copy is another process: this test's parent stands in for its pid.
    const second = await checkStartup(pathsIn(root), nodeProbes({ backupFolder: () => null, pid: process.ppid }));
    // The lock file names this process, which is alive: the second is refused.
    expect(second.problems).toEqual([expect.objectContaining({ code: 'already_open', severity: 'stop' })]);
    expect(second.problems[0].message).toMatch(/already open/);
    await first.release!();
    expect((await checkStartup(pathsIn(root), probes())).problems).toEqual([]);
  });

  it('that crashed (its lock names a process that is gone) does not block the next start', async () => {
    const root = path.join(dir, 'data');
    await mkdir(root);
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    await writeFile(path.join(root, lockName), JSON.stringify({ pid: gone.pid, host: os.hostname(), since: '2026-11-30T08:00:00Z' }));
    const r = await checkStartup(pathsIn(root), probes());
    expect(r.problems).toEqual([]);
    expect(JSON.parse(await readFile(path.join(root, lockName), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});

describe('a damaged database', () => {
  async function damage(file: string) {
    // Overwrite the middle pages (the tables' B-trees), as a failing disk would.
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    await handle.write(Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    await handle.close();
  }

  it('fails the quick check and offers the last good backup, which brings the data back', async () => {
    const root = path.join(dir, 'data');
    const backups = path.join(dir, 'backups');
    await mkdir(backups);
    const app = await nodeApp({ dataDir: root, settingsDir: path.join(root, 'settings'), version: '0.0.0-test' });
    for (let i = 0; i < 200; i++) await app.dispatch('patients.create', { patient: patientInput({ firstName: `P${i}` }), acknowledgeDuplicates: true });
    expect((await app.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
    await app.services.backup.runOnce();
    await app.close();
    const paths = pathsIn(root);
    await damage(paths.database);

    const r = await checkStartup(paths, probes(backups));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'database_damaged', severity: 'stop', offer: expect.objectContaining({ kind: 'restore_backup' }) })]);
    expect(r.problems[0].message).toMatch(/restore the last good backup/);
    // The lock is not held by a start that stopped.
    expect(await stat(path.join(root, lockName)).catch(() => null)).toBeNull();

    const store = new Conf<Record<string, unknown>>({ cwd: path.join(root, 'settings'), projectName: 'rapport' });
    expect(store.get(backupKey)).toMatchObject({ folder: backups });
    const offer = r.problems[0].offer!;
    expect(await restoreBeforeStart(paths, store, offer.name)).toEqual({ ok: true });
    expect((await checkStartup(paths, probes(backups))).problems).toEqual([]);
    const reopened = await nodeApp({ dataDir: root, settingsDir: path.join(root, 'settings'), version: '0.0.0-test' });
    expect(await reopened.db('patients').count({ n: '*' })).toEqual([{ n: 200 }]);
    await reopened.close();
    // The damaged file was set aside, not deleted.
    const aside = await readdir(path.join(root, 'set-aside'));
    expect(aside).toHaveLength(1);
  });

  it('as the shell runs it: the window is asked, "restore" brings the backup back and the start goes on', async () => {
    const root = path.join(dir, 'data');
    const backups = path.join(dir, 'backups');
    await mkdir(backups);
    const app = await nodeApp({ dataDir: root, settingsDir: path.join(root, 'settings'), version: '0.0.0-test' });
    for (let i = 0; i < 200; i++) await app.dispatch('patients.create', { patient: patientInput({ firstName: `P${i}` }), acknowledgeDuplicates: true });
    await app.dispatch('backup.setFolder', { folder: backups });
    await app.services.backup.runOnce();
    await app.close();
    const paths = pathsIn(root);
    await damage(paths.database);
    const openStore = () => new Conf<Record<string, unknown>>({ cwd: path.join(root, 'settings'), projectName: 'rapport' });

    const asked: string[] = [];
    const quit = await runStartupChecks({ paths, probes: probes(backups), openStore, ask: async (p) => (asked.push(p.code), 'quit') });
    expect(quit).toEqual({ go: false });
    expect(asked).toEqual(['database_damaged']);
    expect(await stat(path.join(root, lockName)).catch(() => null), 'no lock left by a start that stopped').toBeNull();

    const go = await runStartupChecks({ paths, probes: probes(backups), openStore, ask: async (p) => (asked.push(p.code), 'restore') });
    expect(go).toMatchObject({ go: true });
    expect(asked).toEqual(['database_damaged', 'database_damaged']);
    await (go as { release(): Promise<void> }).release();
  });

  it('with no backup, says so and says not to delete anything', async () => {
    const root = path.join(dir, 'data');
    await appWithData(root);
    await writeFile(pathsIn(root).database, 'this is not a database, it is a text file');
    const r = await checkStartup(pathsIn(root), probes());
    expect(r.problems).toEqual([expect.objectContaining({ code: 'database_damaged', offer: null })]);
    expect(r.problems[0].message).toMatch(/Do not delete anything/);
  });
});

describe('files a crash left without a record', () => {
  it('are moved to quarantine at the next start, the records’ files stay, and the log holds a count only', async () => {
    const root = path.join(dir, 'data');
    await appWithData(root);
    const docs = pathsIn(root).documents;
    await writeFile(path.join(docs, '0b7e9a52-1111-4a4a-8a8a-123456789abc.pdf'), '%PDF-1.7 half a consent');
    await writeFile(path.join(docs, '.0b7e9a52-2222.pdf.a1b2c3.tmp'), 'a write that never finished');
    const logged: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const app = await nodeApp({ dataDir: root, settingsDir: path.join(root, 'settings'), version: '0.0.0-test' });
      await app.close();
    } finally {
      console.warn = warn;
    }
    expect(await readdir(docs)).toEqual([]);
    const [when] = await readdir(path.join(root, quarantineFolder));
    expect((await readdir(path.join(root, quarantineFolder, when))).sort()).toEqual(['.0b7e9a52-2222.pdf.a1b2c3.tmp', '0b7e9a52-1111-4a4a-8a8a-123456789abc.pdf']);
    expect(logged).toEqual(['[rapport] start-up: 2 file(s) without a record moved to quarantine']);
  });
});

describe('the checks in order', () => {
  /** Fake probes: every answer healthy unless a test says otherwise. */
  const healthy = (over: Partial<StartupProbes> = {}): StartupProbes => ({
    folder: async () => 'ok',
    canWrite: async () => true,
    kind: async () => 'local',
    freeBytes: async () => 10 * 1024 ** 3,
    lock: async () => ({ ok: true, release: async () => {} }),
    databaseExists: async () => true,
    quickCheck: async () => [],
    lastGoodBackup: async () => null,
    ...over,
  });
  const paths = { root: '/data/Rapport', database: '/data/Rapport/rapport.sqlite3' };

  it('a read-only folder is reported before anything tries the lock or the database', async () => {
    let touched = false;
    const r = await checkStartup(paths, healthy({ canWrite: async () => false, lock: async () => ((touched = true), { ok: true, release: async () => {} }), quickCheck: async () => ((touched = true), []) }));
    expect(r.problems.map((p) => p.code)).toEqual(['folder_read_only']);
    expect(touched).toBe(false);
  });

  it('a nearly full disk is a warning beside a healthy start; a held lock is not checked for damage', async () => {
    expect((await checkStartup(paths, healthy({ freeBytes: async () => 100 * 1024 ** 2 }))).problems.map((p) => [p.code, p.severity])).toEqual([['disk_nearly_full', 'warn']]);
    let checked = false;
    const held = await checkStartup(paths, healthy({ lock: async () => ({ ok: false, holder: 'since 08:00' }), quickCheck: async () => ((checked = true), []) }));
    expect(held.problems.map((p) => p.code)).toEqual(['already_open']);
    expect(checked).toBe(false);
  });
});

describe('the start-up windows’ language', () => {
  it('is the clinic’s from its settings file, else the computer’s, and the folder is not created to find out', async () => {
    const root = path.join(dir, 'Données (clinique) d’Élise');
    const paths = pathsIn(root);
    expect(await startupLocale(paths.settings, 'fr-FR')).toBe('fr-CA');
    expect(await startupLocale(paths.settings, 'en-US')).toBe('en-CA');
    expect(storedClinicLocale(paths.settings), 'no clinic language yet: Chromium keeps the computer’s').toBeNull();
    expect(await stat(root).catch(() => null), 'reading the language made no folder').toBeNull();
    await mkdir(root);
    // As electron-store writes it (it hands its `name` to conf as `configName`).
    const { name, ...options } = settingsStoreOptions(paths);
    new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'rapport' }).set('clinic', { name: 'Clinique', locale: 'fr-CA' });
    expect(await startupLocale(paths.settings, 'en-US')).toBe('fr-CA');
    expect(storedClinicLocale(paths.settings)).toBe('fr-CA');
    await writeFile(paths.settings, '{ "clinic": { "locale": "fr-CA" ');
    expect(await startupLocale(paths.settings, 'en-GB'), 'a damaged file: the computer’s').toBe('en-CA');
    expect(storedClinicLocale(paths.settings)).toBeNull();
  });

  it('a French clinic reads each window in French, the folder and the holder as they are', async () => {
    const root = path.join(dir, 'Données (clinique) d’Élise');
    await mkdir(root);
    const held = await checkStartup(pathsIn(root), probes());
    const second = await checkStartup(pathsIn(root), nodeProbes({ backupFolder: () => null, pid: process.ppid }));
    await held.release?.();
    const gone = await checkStartup(pathsIn(path.join(dir, 'unplugged', 'drive', 'Rapport')), probes());
    await writeFile(pathsIn(root).database, 'this is not a database');
    const damaged = await checkStartup(pathsIn(root), probes());
    const said = [...second.problems, ...gone.problems, ...damaged.problems].map((p) => ({ code: p.code, title: sayIn('fr-CA', problemTitles[p.code]), text: resay(p.message, 'fr-CA') }));
    expect(said.map((s) => s.code)).toEqual(['already_open', 'folder_missing', 'database_damaged']);
    expect(said[0].title).toBe('Rapport est déjà ouvert');
    expect(said[0].text).toMatch(/^Rapport est déjà ouvert avec ces données \(.+\)\. Utilisez cette fenêtre/);
    expect(said[1].title).toBe('Le dossier de données de Rapport est introuvable');
    expect(said[1].text).toContain(`introuvable (${path.join(dir, 'unplugged', 'drive', 'Rapport')}). S’il est sur un autre disque, branchez ce disque`);
    expect(said[2].text).toMatch(/^La base de données de Rapport est endommagée .* Ne supprimez rien : copiez tout le dossier/);
    // The English each began as, for the logs and these tests, is gone from what the window shows.
    for (const s of said) expect(s.text).not.toMatch(/Rapport is|cannot|Nothing has been changed|Do not delete/);
  });
});
