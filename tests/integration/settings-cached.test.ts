import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedSettings } from '../../main/settings/cached';

/** The app's parsed copy of settings.json (main/settings/cached.ts), on a real file through conf, what electron-store is built on. */
describe('settings parsed once, kept while the file stays the same', () => {
  let dir: string;
  let file: Conf<Record<string, unknown>>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-settings-'));
    file = new Conf({ cwd: dir, projectName: 'rapport' });
    file.set('clinic', { name: 'Harbour Physio', timeZone: 'America/Vancouver' });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads what the file holds, and sees each of its own writes at once', () => {
    const settings = cachedSettings(file);
    expect(settings.get('clinic')).toEqual({ name: 'Harbour Physio', timeZone: 'America/Vancouver' });
    settings.set('clinic', { name: 'Harbour Massage', timeZone: 'America/Toronto' });
    expect(settings.get('clinic')).toEqual({ name: 'Harbour Massage', timeZone: 'America/Toronto' });
    expect(new Conf({ cwd: dir, projectName: 'rapport' }).get('clinic')).toEqual({ name: 'Harbour Massage', timeZone: 'America/Toronto' });
    settings.delete('clinic');
    expect(settings.get('clinic')).toBeUndefined();
    // A restore replaces the whole store.
    settings.store = { clinic: { name: 'Restored' }, backup: { folder: '/media/usb' } };
    expect([settings.get('clinic'), settings.get('backup')]).toEqual([{ name: 'Restored' }, { folder: '/media/usb' }]);
  });

  it('gives each caller its own copy of a value', () => {
    const settings = cachedSettings(file);
    (settings.get('clinic') as { name: string }).name = 'changed by a caller';
    expect(settings.get('clinic')).toEqual({ name: 'Harbour Physio', timeZone: 'America/Vancouver' });
  });

  it('reads a file changed behind its back as it is now (a copy put in place, another program)', () => {
    const settings = cachedSettings(file);
    expect(settings.get('clinic')).toMatchObject({ name: 'Harbour Physio' });
    new Conf({ cwd: dir, projectName: 'rapport' }).set('clinic', { name: 'Written elsewhere' });
    expect(settings.get('clinic')).toEqual({ name: 'Written elsewhere' });
  });

  it('answers as electron-store does before the file exists', async () => {
    await rm(file.path);
    const settings = cachedSettings(file);
    expect(settings.get('clinic')).toBeUndefined();
    settings.set('locale', 'fr-CA');
    expect(settings.get('locale')).toBe('fr-CA');
  });
});
