import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Patient } from '../../shared/contract/patients';
import type { BackupStatus, BackupSummary } from '../../shared/contract/backup';
import type { AppHost } from '../../main/app/host';
import { manifestBytes, manifestName, readManifest } from '../../main/backup/manifest';
import { openDatabase } from '../../main/db/connection';
import { sha256 } from '../../main/pdf/hash';
import { nodeHost } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';
import { sampleLogoPng, sampleSignaturePng } from '../support/consent-sample';

/**
 * Backups on real files: taken while the desk keeps writing, restored into a fresh data
 * folder, and compared with the originals; a backup with one flipped byte is refused.
 */

let dir: string;
let backups: string;
const hosts: AppHost[] = [];

async function host(name: string, now?: () => Date): Promise<AppHost> {
  const h = await nodeHost({ dataDir: path.join(dir, name, 'data'), settingsDir: path.join(dir, name, 'settings'), version: '0.0.0-test', ...(now ? { now } : {}) });
  hosts.push(h);
  return h;
}

async function must<T>(h: AppHost, channel: string, input: unknown): Promise<T> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A clinic with a logo, settings, patients and signed consents on file. */
async function clinic(h: AppHost): Promise<Patient[]> {
  await must(h, 'settings.update', clinicProfile());
  await must(h, 'settings.setLogo', { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') });
  await must(h, 'settings.updateConsentPolicy', { sensitiveAreaFrequency: 'once', renewalMonths: 24 });
  const people: Patient[] = [];
  for (const [i, first] of ['Zoë', 'Łukasz', 'Thị Minh'].entries()) {
    const p = await must<Patient>(h, 'patients.create', { patient: patientInput({ firstName: first, dateOfBirth: `198${i}-01-0${i + 1}` }), acknowledgeDuplicates: true });
    await must(h, 'consent.sign', {
      patientId: p.id,
      kind: 'treatment',
      locale: i === 1 ? 'fr-CA' : 'en-CA',
      choices: [],
      templateVersion: 1,
      signature: { method: 'screen', imageBase64: sampleSignaturePng().toString('base64'), signerName: first },
      explainedBy: 'Priya Natarajan, RMT',
      witnessedBy: '',
    });
    people.push(p);
  }
  return people;
}

async function waitForBackup(h: AppHost): Promise<BackupStatus> {
  await h.current().services.backup.idle();
  return must<BackupStatus>(h, 'backup.status', {});
}

const rows = async (h: AppHost, table: string) => ((await h.current().db(table).select('*').orderBy(1)) as unknown[]).map((r) => JSON.stringify(r));
const files = async (folder: string) => {
  const out: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) out[name] = (await readFile(path.join(folder, name))).toString('base64');
  return out;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-backup-'));
  backups = path.join(dir, 'usb-stick');
  await mkdir(backups);
});
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a backup taken while the desk keeps writing, restored into a fresh folder', () => {
  it('holds the data as it was at one moment, documents and settings included', async () => {
    const a = await host('clinic');
    await clinic(a);
    await must(a, 'backup.setFolder', { folder: backups });

    // Writes go on while the backup runs: every one either is in the backup or is not,
    // and those in it are exactly the ones committed first (one consistent moment).
    const created: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing || i < 5; i++) {
        const p = await must<Patient>(a, 'patients.create', { patient: patientInput({ firstName: `Walk-in ${i}`, lastName: 'Tremblay', dateOfBirth: '1970-01-01' }), acknowledgeDuplicates: true });
        created.push(p.id);
      }
    })();
    const before = created.length;
    const started = await must<BackupStatus>(a, 'backup.start', {});
    expect(started.running).not.toBeNull();
    const done = await waitForBackup(a);
    writing = false;
    await writer;
    expect(done).toMatchObject({ warning: 'none', lastError: null, running: null });
    const { backups: list } = await must<{ backups: BackupSummary[] }>(a, 'backup.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ consents: 3, documents: 7 }); // 3 PDFs, 3 signatures, 1 logo
    if (process.platform !== 'win32') {
      // Health records on a stick: for the account that runs Rapport alone, like the data folder.
      const at = path.join(backups, list[0].name);
      expect(((await stat(at)).mode & 0o777).toString(8)).toBe('700');
      for (const f of ['manifest.json', 'settings.json', 'rapport.sqlite3']) expect(((await stat(path.join(at, f))).mode & 0o777).toString(8), f).toBe('600');
    }

    const b = await host('fresh');
    await must(b, 'backup.setFolder', { folder: backups });
    const restored = await must<{ restored: BackupSummary }>(b, 'backup.restore', { name: list[0].name });
    expect(restored.restored.patients).toBe(list[0].patients);

    // The same host answers on the restored data, without a restart.
    const inB = new Set((await b.current().db('patients').pluck('id')) as string[]);
    const walkIns = created.filter((id) => inB.has(id));
    expect(walkIns.length).toBeGreaterThanOrEqual(before);
    expect(walkIns, 'the walk-ins in the backup are the first ones written').toEqual(created.slice(0, walkIns.length));
    expect(list[0].patients).toBe(3 + walkIns.length);
    const search = await must<{ results: unknown[] }>(b, 'patients.search', { query: 'zoe' });
    expect(search.results).toHaveLength(1);
    for (const table of ['consents', 'consent_templates']) expect(await rows(b, table), table).toEqual(await rows(a, table));
    const patientRows = async (h: AppHost) => ((await h.current().db('patients').whereIn('id', [...inB]).orderBy('id')) as unknown[]).map((r) => JSON.stringify(r));
    expect(await patientRows(b)).toEqual(await patientRows(a));

    // Documents: exactly the ones the records name, byte for byte; the logo and settings too.
    expect(await files(b.current().paths.documents)).toEqual(await files(a.current().paths.documents));
    expect(await files(b.current().paths.assets)).toEqual(await files(a.current().paths.assets));
    expect(await must(b, 'settings.get', {})).toEqual(await must(a, 'settings.get', {}));
    expect(await must(b, 'settings.consentPolicy', {})).toEqual(await must(a, 'settings.consentPolicy', {}));
    const doc = await b.current().db('consents').first('id');
    expect(await must(b, 'consent.document', { consentId: doc.id })).toBeTruthy();
    // The restore is in the restored audit log.
    expect(await b.current().db('audit_events').where({ action: 'backup.restored' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('sets the current data aside whole, so the restore can be undone', async () => {
    const a = await host('clinic');
    await clinic(a);
    await must(a, 'backup.setFolder', { folder: backups });
    await a.current().services.backup.runOnce();
    const { backups: list } = await must<{ backups: BackupSummary[] }>(a, 'backup.list', {});
    const later = await must<Patient>(a, 'patients.create', { patient: patientInput({ firstName: 'Later', lastName: 'Arrival' }), acknowledgeDuplicates: true });

    await must(a, 'backup.restore', { name: list[0].name });
    expect(await must(a, 'patients.get', { id: later.id }).catch((e: Error) => e.message)).toMatch(/not_found/);
    expect(await must<BackupStatus>(a, 'backup.status', {})).toMatchObject({ canUndoRestore: true, folder: backups });

    await must(a, 'backup.undoRestore', {});
    expect(await must<Patient>(a, 'patients.get', { id: later.id })).toMatchObject({ firstName: 'Later' });
    expect(await must<BackupStatus>(a, 'backup.status', {})).toMatchObject({ canUndoRestore: false });
    expect((await a.dispatch('backup.undoRestore', {})).ok).toBe(false);
  });
});

describe('a damaged backup', () => {
  async function oneBackup() {
    const a = await host('clinic');
    await clinic(a);
    await must(a, 'backup.setFolder', { folder: backups });
    await a.current().services.backup.runOnce();
    const { backups: list } = await must<{ backups: BackupSummary[] }>(a, 'backup.list', {});
    return { a, name: list[0].name, at: path.join(backups, list[0].name) };
  }
  async function flip(file: string, where: (size: number) => number) {
    const bytes = await readFile(file);
    const i = where(bytes.length);
    bytes[i] ^= 0x01;
    await writeFile(file, bytes);
  }

  it.each([
    ['the database', 'rapport.sqlite3', (n: number) => Math.floor(n / 2)],
    ['a signed PDF', 'documents/*.pdf', (n: number) => n - 100],
    ['the logo', 'assets/*', (n: number) => n - 1],
    ['the settings', 'settings.json', () => 5],
    ['the list of contents', manifestName, (n: number) => n - 10],
  ])('with one flipped byte in %s is refused at restore, and nothing changes', async (_what, pattern, where) => {
    const { a, name, at } = await oneBackup();
    const [folder, glob] = pattern.includes('/') ? pattern.split('/') : ['.', pattern];
    const target = glob.startsWith('*') ? (await readdir(path.join(at, folder))).find((f) => f.endsWith(glob.slice(1)))! : glob;
    expect((await a.dispatch('backup.verify', { name })).ok).toBe(true);
    await flip(path.join(at, folder, target), where);

    const patientsBefore = await rows(a, 'patients');
    const verify = await a.dispatch('backup.verify', { name });
    expect(verify).toMatchObject({ ok: false, error: { code: 'integrity', fields: { name: expect.any(String) } } });
    const restore = await a.dispatch('backup.restore', { name });
    expect(restore).toMatchObject({ ok: false, error: { code: 'integrity' } });
    expect(await rows(a, 'patients')).toEqual(patientsBefore);
    expect(await must<BackupStatus>(a, 'backup.status', {})).toMatchObject({ canUndoRestore: false });
  });

  it('made by a newer Rapport (a migration this version does not know) is refused before anything is swapped', async () => {
    const { a, name, at } = await oneBackup();
    const file = path.join(at, 'rapport.sqlite3');
    const db = openDatabase(file);
    await db('knex_migrations').insert({ name: '099_from_the_future', batch: 9, migration_time: new Date() });
    await db.raw('PRAGMA journal_mode = DELETE');
    await db.destroy();
    // A consistent backup in every other way: the manifest is rewritten to match.
    const manifest = (await readManifest(at))!;
    const bytes = await readFile(file);
    const entry = manifest.files.find((f) => f.path === 'rapport.sqlite3')!;
    Object.assign(entry, { bytes: bytes.length, sha256: sha256(bytes) });
    await writeFile(path.join(at, manifestName), manifestBytes(manifest));
    expect(await a.dispatch('backup.restore', { name })).toMatchObject({ ok: false, error: { code: 'integrity', message: expect.stringMatching(/newer version of Rapport/) } });
  });

  it('whose database file was swapped for another one is refused (the file list is checksummed)', async () => {
    const { a, name, at } = await oneBackup();
    await cp(a.current().paths.database, path.join(at, 'rapport.sqlite3'));
    expect(await a.dispatch('backup.restore', { name })).toMatchObject({ ok: false, error: { code: 'integrity' } });
  });
});
