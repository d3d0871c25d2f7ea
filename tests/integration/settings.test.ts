import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import type { App } from '../../main/app/context';
import { nodeApp } from '../support/node-app';
import { dataPaths } from '../../main/app/paths';
import { maxLogoBytes } from '../../shared/contract/settings';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';
import { prepareLogo } from '../../main/images/prepare';

/**
 * The clinic profile lives in electron-store (here `conf`, which electron-store is built
 * on), the logo in the data folder's assets, and patient data in neither.
 */

let dir: string;
let app: App;
const paths = () => dataPaths(path.join(dir, 'data'), {});
const settingsFile = () => path.join(dir, 'settings', 'config.json');

/** The app as Electron's main would build it, on this test's folders; a second call is a restart. */
async function start(): Promise<App> {
  return nodeApp({ dataDir: paths().root, settingsDir: path.join(dir, 'settings'), version: '0.0.0-test' });
}

async function restart() {
  await app.close();
  app = await start();
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-settings-'));
  app = await start();
});
afterEach(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

async function ok<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const png = (size = 16) => solidPng(size, size, [0x1f, 0x6f, 0x8f]);

/** A whole 1 × 1 JPEG (JFIF, baseline): what the letterhead embeds as it is. */
const jpegBytes = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
  'base64',
);

const profile = clinicProfile({ locale: 'fr-CA' });

async function assetFiles(): Promise<string[]> {
  return existsSync(paths().assets) ? (await readdir(paths().assets)).sort() : [];
}

describe('the generated PNG used below', () => {
  it('is well formed: every chunk CRC matches and the pixels inflate to 16 rows', () => {
    const bytes = png();
    let at = 8;
    const types: string[] = [];
    while (at < bytes.length) {
      const len = bytes.readUInt32BE(at);
      const body = bytes.subarray(at + 4, at + 8 + len);
      expect(bytes.readUInt32BE(at + 8 + len)).toBe(crc32(body));
      types.push(body.subarray(0, 4).toString('ascii'));
      if (types.at(-1) === 'IDAT') expect(inflateSync(body.subarray(4)).length).toBe(16 * (16 * 4 + 1));
      at += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});

describe('clinic profile', () => {
  it('starts empty, in Toronto time and English, with no logo', async () => {
    expect(await ok('settings.get', {})).toEqual({
      name: '',
      addressLine1: '',
      addressLine2: '',
      city: '',
      region: '',
      postalCode: '',
      phone: '',
      email: '',
      timeZone: 'America/Toronto',
      locale: 'en-CA',
      logo: null,
    });
  });

  it('saves what was typed, trimmed, and reads it back', async () => {
    const saved = await ok('settings.update', { ...profile, name: '  Harbour Massage Therapy  ', city: ' Vancouver' });
    expect(saved).toEqual({ ...profile, logo: null });
    expect(await ok('settings.get', {})).toEqual({ ...profile, logo: null });
    const again = await ok('settings.update', { ...profile, name: 'Harbour Physio', locale: 'en-CA' });
    expect(again).toMatchObject({ name: 'Harbour Physio', locale: 'en-CA', city: 'Vancouver' });
  });

  it('keeps the profile and the logo across a restart on the same folders', async () => {
    await ok('settings.update', profile);
    const logo = png();
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: logo.toString('base64') });
    await restart();
    expect(await ok('settings.get', {})).toEqual({ ...profile, logo: `data:image/png;base64,${logo.toString('base64')}` });
    const raw = JSON.parse(await readFile(settingsFile(), 'utf8'));
    expect(raw.clinic).toMatchObject({ name: profile.name, timeZone: profile.timeZone, logoFile: 'clinic-logo.png' });
  });

  // A clinic that speaks English: a French one is answered in French (ipc-malformed.test.ts).
  const inEnglish = { ...profile, locale: 'en-CA' as const };

  it('refuses an unknown time zone, naming the field, and keeps what was saved', async () => {
    await ok('settings.update', inEnglish);
    const before = await readFile(settingsFile(), 'utf8');
    const r = await app.dispatch('settings.update', { ...profile, timeZone: 'Mars/Olympus' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String), fields: { timeZone: 'Choose a time zone from the list' } },
    });
    expect(await readFile(settingsFile(), 'utf8')).toBe(before);
    expect(await ok('settings.get', {})).toMatchObject({ timeZone: profile.timeZone });
  });

  it.each([
    ['an empty clinic name', { name: ' ' }, 'name', 'Enter the clinic name'],
    ['a bad e-mail', { email: 'desk@harbour' }, 'email', 'Enter an e-mail like name@example.com'],
    ['a short phone', { phone: '555' }, 'phone', 'A phone number has 7 to 15 digits'],
    ['an unsupported locale', { locale: 'de-DE' }, 'locale', 'Choose English or French (Canada)'],
  ])('refuses %s, naming the field', async (_label, change, key, message) => {
    await ok('settings.update', inEnglish);
    const before = await readFile(settingsFile(), 'utf8');
    const r = await app.dispatch('settings.update', { ...profile, ...change });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { [key]: message } } });
    expect(await readFile(settingsFile(), 'utf8')).toBe(before);
  });

  it('ignores a logo path smuggled into an update', async () => {
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: png().toString('base64') });
    const r = await app.dispatch('settings.update', { ...profile, logoFile: '../../../../etc/passwd', logo: 'data:image/png;base64,AAAA' });
    expect(r.ok).toBe(true);
    expect(JSON.parse(await readFile(settingsFile(), 'utf8')).clinic.logoFile).toBe('clinic-logo.png');
    expect(await ok('settings.get', {})).toMatchObject({ logo: `data:image/png;base64,${png().toString('base64')}` });
  });
});

describe('logo', () => {
  it('stores a PNG in the data folder, not in the settings file, and returns it as a data URL', async () => {
    const logo = png();
    const value = await ok<{ logo: string }>('settings.setLogo', { mimeType: 'image/png', dataBase64: logo.toString('base64') });
    expect(value.logo).toBe(`data:image/png;base64,${logo.toString('base64')}`);
    const file = path.join(dir, 'data', 'assets', 'clinic-logo.png');
    expect(Buffer.compare(await readFile(file), logo)).toBe(0);
    expect(await readFile(settingsFile(), 'utf8')).not.toContain(logo.toString('base64').slice(0, 40));
    // Updating the profile later keeps the logo.
    expect(await ok('settings.update', profile)).toMatchObject({ logo: value.logo });
  });

  it('replaces a PNG with a JPEG and removes the old file', async () => {
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: png().toString('base64') });
    const value = await ok<{ logo: string }>('settings.setLogo', { mimeType: 'image/jpeg', dataBase64: jpegBytes.toString('base64') });
    expect(value.logo).toBe(`data:image/jpeg;base64,${jpegBytes.toString('base64')}`);
    expect(await assetFiles()).toEqual(['clinic-logo.jpg']);
  });

  it('refuses a JPEG declared as a PNG, and keeps the current logo', async () => {
    const current = png();
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: current.toString('base64') });
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: jpegBytes.toString('base64') });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String), fields: { dataBase64: 'This file is not a PNG image' } },
    });
    expect(await assetFiles()).toEqual(['clinic-logo.png']);
    expect(Buffer.compare(await readFile(path.join(paths().assets, 'clinic-logo.png')), current)).toBe(0);
    expect(await ok('settings.get', {})).toMatchObject({ logo: `data:image/png;base64,${current.toString('base64')}` });
  });

  it('refuses a PNG declared as a JPEG', async () => {
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/jpeg', dataBase64: png().toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dataBase64: 'This file is not a JPEG image' } } });
    expect(await assetFiles()).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dataBase64: 'The logo file is empty' } } });
    expect(await assetFiles()).toEqual([]);
    expect(await ok('settings.get', {})).toMatchObject({ logo: null });
  });

  it('refuses contents that are not base64', async () => {
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dataBase64: 'The file contents are not base64' } } });
    expect(await assetFiles()).toEqual([]);
  });

  it('refuses an oversized logo in the schema, before decoding it', async () => {
    const big = Buffer.concat([png(), Buffer.alloc(3 * 1024 * 1024)]);
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: big.toString('base64') });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String), fields: { dataBase64: 'The logo must be 2 MB or smaller' } },
    });
    expect(await assetFiles()).toEqual([]);
  });

  it('accepts exactly 2 MB and refuses one byte more', async () => {
    const head = png();
    const exact = Buffer.concat([head, Buffer.alloc(maxLogoBytes - head.length)]);
    expect(await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: exact.toString('base64') })).toMatchObject({
      logo: expect.stringMatching(/^data:image\/png;base64,/),
    });
    const over = Buffer.concat([exact, Buffer.from([0])]);
    const r = await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: over.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dataBase64: 'The logo must be 2 MB or smaller' } } });
    expect((await readFile(path.join(paths().assets, 'clinic-logo.png'))).length).toBe(maxLogoBytes);
  });

  /** A PNG with one chunk's bytes replaced: its checksum kept right, so only decoding finds it. */
  function withChunk(bytes: Buffer, type: string, data: Buffer): Buffer {
    const at = bytes.indexOf(type) - 4;
    const length = bytes.readUInt32BE(at);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([bytes.subarray(0, at), head, body, crc, bytes.subarray(at + 12 + length)]);
  }

  it.each([
    ['a PNG whose pixel data is not deflate', 'image/png', () => withChunk(png(), 'IDAT', Buffer.from('not deflate at all')), /^This image cannot be used as the logo: the PNG pixel data is corrupt\./],
    ['a PNG with a damaged checksum', 'image/png', () => { const b = Buffer.from(png()); b[b.indexOf('IDAT') + 6] ^= 0xff; return b; }, /^This image cannot be used as the logo: the PNG's IDAT chunk is corrupt\./],
    ['a PNG cut short', 'image/png', () => png(64).subarray(0, 60), /^This image cannot be used as the logo: the PNG is cut short/],
    ['a PNG far too large to decode', 'image/png', () => withChunk(png(), 'IHDR', Buffer.from([0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 6, 0, 0, 0])), /the image is too large \(20000 × 20000 pixels\)/],
    ['a JPEG with no frame header (only its start and end markers)', 'image/jpeg', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]), /^This image cannot be used as the logo: the JPEG (has no frame header|is cut short)\./],
    ['a JPEG cut short', 'image/jpeg', () => jpegBytes.subarray(0, 30), /^This image cannot be used as the logo: the JPEG is cut short\./],
  ] as const)('refuses %s at upload, and keeps the current logo', async (_label, mimeType, bytes, message) => {
    const current = png();
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: current.toString('base64') });
    const r = await app.dispatch('settings.setLogo', { mimeType, dataBase64: bytes().toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { dataBase64: expect.stringMatching(message) } } });
    if (!r.ok) expect(r.error.message).toBe(r.error.fields?.dataBase64);
    expect(await assetFiles()).toEqual(['clinic-logo.png']);
    expect(Buffer.compare(await readFile(path.join(paths().assets, 'clinic-logo.png')), current)).toBe(0);
    expect(await ok('settings.get', {})).toMatchObject({ logo: `data:image/png;base64,${current.toString('base64')}` });
  });

  it('a logo it accepts is one the consent PDF can print', async () => {
    await ok('settings.update', clinicProfile());
    for (const [mimeType, bytes] of [['image/png', solidPng(120, 40)], ['image/jpeg', jpegBytes]] as const) {
      await ok('settings.setLogo', { mimeType, dataBase64: bytes.toString('base64') });
      const logo = await app.services.settings.logo();
      expect(logo && logo !== 'missing' && prepareLogo(logo.bytes).ok, mimeType).toBe(true);
    }
  });

  it('removeLogo deletes the file and clears the profile, and stays removed after a restart', async () => {
    await ok('settings.update', profile);
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: png().toString('base64') });
    expect(await assetFiles()).toEqual(['clinic-logo.png']);
    expect(await ok('settings.removeLogo', {})).toEqual({ ...profile, logo: null });
    expect(await assetFiles()).toEqual([]);
    await restart();
    expect(await ok('settings.get', {})).toEqual({ ...profile, logo: null });
    // Removing when there is none is harmless.
    expect(await ok('settings.removeLogo', {})).toEqual({ ...profile, logo: null });
  });
});

describe('the settings file', () => {
  it('never holds patient data', async () => {
    await ok('settings.update', profile);
    const patient = patientInput({
      firstName: 'Quillonia',
      lastName: 'Vandersteenhoven',
      preferredName: 'Quill',
      dateOfBirth: '1961-08-19',
      phones: [{ label: 'mobile', number: '778 555 0917' }],
      email: 'quillonia.v@example.net',
      notes: 'Sciatica flare-up',
    });
    const created = await ok<{ id: string; updatedAt: string }>('patients.create', { patient });
    await ok('patients.search', { query: 'Vandersteenhoven', includeArchived: false, limit: 20 });
    await ok('patients.archive', { id: created.id, reason: 'Relocated overseas', expectedUpdatedAt: created.updatedAt });
    await ok('settings.setLogo', { mimeType: 'image/png', dataBase64: png().toString('base64') });
    await restart();
    await ok('settings.update', { ...profile, name: 'Harbour Physio' });

    const settingsFiles = await readdir(path.join(dir, 'settings'), { recursive: true });
    expect(settingsFiles.length).toBeGreaterThan(0);
    const raw = (await Promise.all(settingsFiles.map((f) => readFile(path.join(dir, 'settings', f), 'utf8').catch(() => '')))).join('\n');
    expect(raw).toContain('Harbour Physio'); // the file we read is the one the store writes
    for (const value of ['Quillonia', 'Vandersteenhoven', 'quillonia', 'vandersteenhoven', '1961-08-19', '5550917', '555 0917', 'quillonia.v@example.net', 'Sciatica', 'Relocated', created.id]) {
      expect(raw, value).not.toContain(value);
    }
  });
});
