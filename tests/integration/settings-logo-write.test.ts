import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSettingsService, type KeyValueStore } from '../../main/settings/service';
import { solidPng } from '../support/png';

/**
 * The logo is written beside the current one, then switched: a write that fails half
 * way (a full disk, a yanked USB data folder) must leave the logo in use whole. The
 * failure is real file I/O: the first half of the bytes reach the disk, then the write
 * throws, as `ENOSPC` does.
 */

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return { ...real, writeFile: vi.fn(real.writeFile) };
});

const writeFile = vi.mocked(fs.writeFile);

function diskFullAfterHalf() {
  writeFile.mockImplementationOnce(async (file, data) => {
    const bytes = Buffer.from(data as Uint8Array);
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    await real.writeFile(file, bytes.subarray(0, bytes.length >> 1));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
}

function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return { get: (k) => values.get(k), set: (k, v) => void values.set(k, v), delete: (k) => void values.delete(k) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-logo-write-'));
});
afterEach(async () => {
  writeFile.mockReset();
  await rm(dir, { recursive: true, force: true });
});

describe('setLogo when the disk fills during the write', () => {
  it('keeps the current logo whole and in use, leaves no partial file, and says what happened', async () => {
    const settings = createSettingsService({ store: memoryStore(), assetsDir: dir });
    const current = solidPng(64, 32, [15, 95, 110]);
    expect((await settings.setLogo({ mimeType: 'image/png', dataBase64: current.toString('base64') })).ok).toBe(true);

    diskFullAfterHalf();
    const next = solidPng(120, 40, [200, 30, 40]);
    const r = await settings.setLogo({ mimeType: 'image/png', dataBase64: next.toString('base64') }).catch((e: unknown) => ({ thrown: e }));

    expect(Buffer.compare(await readFile(path.join(dir, 'clinic-logo.png')), current), 'the logo in use was overwritten in place').toBe(0);
    expect(await readdir(dir)).toEqual(['clinic-logo.png']);
    const logo = await settings.logo();
    expect(logo && logo !== 'missing' && Buffer.compare(logo.bytes, current)).toBe(0);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not be saved.*ENOSPC.*current logo is unchanged/) } });
  });

  it('keeps a PNG in use when a JPEG replacing it fails to write', async () => {
    const settings = createSettingsService({ store: memoryStore(), assetsDir: dir });
    const current = solidPng(64, 32);
    await settings.setLogo({ mimeType: 'image/png', dataBase64: current.toString('base64') });
    diskFullAfterHalf();
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
      'base64',
    );
    const r = await settings.setLogo({ mimeType: 'image/jpeg', dataBase64: jpeg.toString('base64') }).catch((e: unknown) => ({ thrown: e }));
    expect(await readdir(dir), 'a half-written JPEG is left behind').toEqual(['clinic-logo.png']);
    expect(settings.logoPath()).toBe(path.join(dir, 'clinic-logo.png'));
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('writes nothing but the logo itself when all goes well', async () => {
    const settings = createSettingsService({ store: memoryStore(), assetsDir: dir });
    const first = solidPng(64, 32);
    const second = solidPng(64, 32, [1, 2, 3]);
    await settings.setLogo({ mimeType: 'image/png', dataBase64: first.toString('base64') });
    await settings.setLogo({ mimeType: 'image/png', dataBase64: second.toString('base64') });
    expect(await readdir(dir)).toEqual(['clinic-logo.png']);
    expect(Buffer.compare(await readFile(path.join(dir, 'clinic-logo.png')), second)).toBe(0);
  });
});
