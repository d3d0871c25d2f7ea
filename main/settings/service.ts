import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../shared/contract/result';
import { maxLogoBytes, type ClinicProfile, type ClinicProfileInput } from '../../shared/contract/settings';
import type { ParsedInput } from '../../shared/contract';

/**
 * The slice of electron-store (and of `conf`, which it is built on) that settings use.
 * Only the clinic profile lives there: patient data never does.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

type StoredProfile = Omit<ClinicProfile, 'logo'> & { logoFile: string | null };

export const defaultProfile: StoredProfile = {
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
  logoFile: null,
};

const magic: Record<'image/png' | 'image/jpeg', { bytes: number[]; ext: string }> = {
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
};

export interface SettingsDeps {
  store: KeyValueStore;
  /** Folder for the logo file: beside the database, not inside the settings file. */
  assetsDir: string;
}

export function createSettingsService({ store, assetsDir }: SettingsDeps) {
  function stored(): StoredProfile {
    const raw = store.get('clinic');
    return { ...defaultProfile, ...(raw && typeof raw === 'object' ? raw : {}) };
  }

  /** Where the logo is on disk, or null; the PDF letterhead reads it from here. */
  function logoPath(): string | null {
    const file = stored().logoFile;
    return file ? path.join(assetsDir, path.basename(file)) : null;
  }

  async function profile(): Promise<ClinicProfile> {
    const { logoFile, ...rest } = stored();
    let logo: string | null = null;
    if (logoFile) {
      const bytes = await readFile(logoPath()!).catch(() => null);
      if (bytes) logo = `data:image/${logoFile.endsWith('.png') ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`;
    }
    return { ...rest, logo };
  }

  return {
    profile,
    logoPath,
    get: async (): Promise<Result<ClinicProfile>> => ok(await profile()),

    update: async (input: ClinicProfileInput): Promise<Result<ClinicProfile>> => {
      store.set('clinic', { ...stored(), ...input });
      return ok(await profile());
    },

    setLogo: async (input: ParsedInput<'settings.setLogo'>): Promise<Result<ClinicProfile>> => {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) return err('invalid_input', 'The logo file is empty', { dataBase64: 'The logo file is empty' });
      if (bytes.length > maxLogoBytes) {
        return err('invalid_input', 'The logo must be 2 MB or smaller', { dataBase64: 'The logo must be 2 MB or smaller' });
      }
      const { bytes: signature, ext } = magic[input.mimeType];
      if (!signature.every((b, i) => bytes[i] === b)) {
        const message = `This file is not a ${ext === 'png' ? 'PNG' : 'JPEG'} image`;
        return err('invalid_input', message, { dataBase64: message });
      }
      await mkdir(assetsDir, { recursive: true });
      const file = `clinic-logo.${ext}`;
      // Write beside, then switch the setting: a failed write never leaves a half logo in use.
      await writeFile(path.join(assetsDir, file), bytes);
      const previous = stored().logoFile;
      store.set('clinic', { ...stored(), logoFile: file });
      if (previous && previous !== file) await rm(path.join(assetsDir, previous), { force: true });
      return ok(await profile());
    },

    removeLogo: async (): Promise<Result<ClinicProfile>> => {
      const previous = stored().logoFile;
      store.set('clinic', { ...stored(), logoFile: null });
      if (previous) await rm(path.join(assetsDir, path.basename(previous)), { force: true });
      return ok(await profile());
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
