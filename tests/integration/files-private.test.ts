import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { dataPaths, settingsStoreOptions } from '../../main/app/paths';
import { createApp } from '../../main/app/context';
import { systemPrinter } from '../../main/printing';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';
import { sampleLogoPng } from '../support/consent-sample';

/**
 * The data folder on a shared PC (issue 12, item 5): the folder and everything in it
 * are for the account running Rapport alone. Built the way Electron's main builds it:
 * settings.json from the same store options, beside the database.
 */

const posix = process.platform !== 'win32';
let dir: string;
let umask: number;
beforeEach(async () => {
  // The usual desktop umask, under which a plain mkdir gives 0755 and a file 0644.
  umask = process.umask(0o022);
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-modes-'));
});
afterEach(async () => {
  process.umask(umask);
  await rm(dir, { recursive: true, force: true });
});

async function open(root: string) {
  const paths = dataPaths(root, {});
  // electron-store passes its options to conf, renaming `name` to `configName`.
  const { name, ...options } = settingsStoreOptions(paths);
  return createApp({
    paths,
    store: new Conf({ ...options, configName: name, projectName: 'rapport' }),
    version: '0.0.0-test',
    resourcesDir: path.resolve('resources'),
    printer: systemPrinter(),
    openPath: async () => false,
  });
}

/** Every path under root (root included) with its permission bits. */
async function modes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (p: string) => {
    const info = await stat(p);
    out[path.relative(root, p) || '.'] = (info.mode & 0o777).toString(8);
    if (info.isDirectory()) for (const n of await readdir(p)) await walk(path.join(p, n));
  };
  await walk(root);
  return out;
}

async function fillClinic(root: string) {
  const app = await open(root);
  const must = async (channel: string, input: unknown) => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string };
  };
  // A first run: the clinic and its first admin, who is then signed in (issue 8).
  await must('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: 'Priya Natarajan, RMT', initials: 'PN', secret: '246813' } });
  await must('settings.setLogo', { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') });
  const patient = await must('patients.create', { patient: patientInput() });
  await must('consent.sign', {
    patientId: patient.id, kind: 'treatment', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'screen', imageBase64: solidPng(240, 60, [16, 36, 58]).toString('base64'), signerName: 'Zoë O’Brien-Müller' },
  });
  return app;
}

describe.runIf(posix)('data folder modes on Linux and macOS', () => {
  it('a new data folder is 0700 and the database, its WAL, documents, logo and settings are 0600', async () => {
    const root = path.join(dir, 'Rapport');
    const app = await fillClinic(root);
    const found = await modes(root);
    await app.close();

    const names = Object.keys(found);
    expect(names).toEqual(expect.arrayContaining(['.', 'rapport.sqlite3', 'rapport.sqlite3-wal', 'rapport.sqlite3-shm', 'settings.json', 'documents', 'assets', 'assets/clinic-logo.png']));
    expect(names.filter((n) => n.startsWith('documents/') && n.endsWith('.pdf')).length).toBeGreaterThan(0);
    for (const [name, mode] of Object.entries(found)) {
      const isFolder = name === '.' || name === 'documents' || name === 'assets';
      expect(`${name} ${mode}`).toBe(`${name} ${isFolder ? '700' : '600'}`);
    }
  });

  it('an existing folder left open by an older version is tightened at start-up', async () => {
    const root = path.join(dir, 'Rapport');
    await (await fillClinic(root)).close();
    // As an older Rapport (or a restore from backup) left it: readable by everyone.
    for (const name of Object.keys(await modes(root))) {
      const p = path.join(root, name);
      await chmod(p, (await stat(p)).isDirectory() ? 0o755 : 0o644);
    }
    await writeFile(path.join(root, 'documents', 'scan-from-before.pdf'), '%PDF-1.4', { mode: 0o644 });
    expect(Object.values(await modes(root))).toContain('644');

    const app = await open(root);
    const found = await modes(root);
    await app.close();
    expect(Object.values(found).filter((m) => m !== '700' && m !== '600'), JSON.stringify(found)).toEqual([]);
    // No record names it, so the start-up sweep (main/startup/sweep.ts) has moved it to quarantine: private there too.
    const stray = Object.keys(found).find((n) => n.endsWith('scan-from-before.pdf'));
    expect(stray && found[stray]).toBe('600');
    expect(found['.']).toBe('700');
  });
});
