import { writeAtomically } from '../files/atomic';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../shared/contract/result';
import { maxLogoBytes, type ClinicProfile, type ClinicProfileInput, type ConsentPolicy } from '../../shared/contract/settings';
import type { ParsedInput } from '../../shared/contract';
import { isKind } from '../images/magic';
import { prepareLogo } from '../images/prepare';
import { say } from '../../shared/messages';

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

export const defaultConsentPolicy: ConsentPolicy = { sensitiveAreaFrequency: 'every_visit', renewalMonths: 12 };


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

  /**
   * The logo's bytes for the letterhead; null when the clinic has none; 'missing' when
   * the settings name a logo whose file is gone, which a form must not silently drop.
   */
  async function logo(): Promise<{ bytes: Buffer; type: 'png' | 'jpeg' } | null | 'missing'> {
    const file = logoPath();
    if (!file) return null;
    const bytes = await readFile(file).catch(() => null);
    return bytes ? { bytes, type: file.endsWith('.png') ? 'png' : 'jpeg' } : 'missing';
  }

  /** Whole or not at all: a failed write (a full disk) or a power cut leaves the current logo as it was. */
  async function writeBeside(file: string, bytes: Buffer): Promise<Result<true>> {
    try {
      await writeAtomically(assetsDir, file, bytes);
      return ok(true);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return err('internal', say('settings.logoNotSaved', { reason: why }));
    }
  }

  /** The profile as forms print it: without the logo's data URL, which only the screen shows. */
  function details(): Omit<ClinicProfile, 'logo'> {
    const { logoFile: _file, ...rest } = stored();
    return rest;
  }

  async function profile(): Promise<ClinicProfile> {
    const image = await logo();
    return { ...details(), logo: image && image !== 'missing' ? `data:image/${image.type};base64,${image.bytes.toString('base64')}` : null };
  }

  function consentPolicy(): ConsentPolicy {
    const raw = store.get('consentPolicy') as Partial<ConsentPolicy> | undefined;
    const stored = raw && typeof raw === 'object' ? raw : {};
    // Only the policy's own keys: an older settings file also held the clinic-wide staff PIN, gone since staff accounts (issue 8).
    return { sensitiveAreaFrequency: stored.sensitiveAreaFrequency ?? defaultConsentPolicy.sensitiveAreaFrequency, renewalMonths: stored.renewalMonths ?? defaultConsentPolicy.renewalMonths };
  }

  return {
    profile,
    details,
    logo,
    logoPath,
    consentPolicy,
    getConsentPolicy: async () => ok(consentPolicy()),
    updateConsentPolicy: async (input: ConsentPolicy) => {
      store.set('consentPolicy', { sensitiveAreaFrequency: input.sensitiveAreaFrequency, renewalMonths: input.renewalMonths });
      return ok(consentPolicy());
    },
    get: async (): Promise<Result<ClinicProfile>> => ok(await profile()),

    update: async (input: ClinicProfileInput): Promise<Result<ClinicProfile>> => {
      store.set('clinic', { ...stored(), ...input });
      return ok(await profile());
    },

    setLogo: async (input: ParsedInput<'settings.setLogo'>): Promise<Result<ClinicProfile>> => {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) return err('invalid_input', say('settings.logoEmpty'), { dataBase64: say('settings.logoEmpty') });
      if (bytes.length > maxLogoBytes) {
        return err('invalid_input', say('settings.logoSize'), { dataBase64: say('settings.logoSize') });
      }
      const ext = input.mimeType === 'image/png' ? 'png' : 'jpg';
      if (!isKind(bytes, input.mimeType)) {
        const message = say(ext === 'png' ? 'settings.notPng' : 'settings.notJpeg');
        return err('invalid_input', message, { dataBase64: message });
      }
      // The letterhead's own check, now rather than at the next consent form: a corrupt
      // image accepted here would stop every consent PDF until someone changed the logo.
      const usable = prepareLogo(bytes);
      if (!usable.ok) {
        const message = say('settings.logoUnusable', { reason: usable.reason });
        return err('invalid_input', message, { dataBase64: message });
      }
      const file = `clinic-logo.${ext}`;
      const saved = await writeBeside(file, bytes);
      if (!saved.ok) return saved;
      const previous = stored().logoFile;
      store.set('clinic', { ...stored(), logoFile: file });
      if (previous && previous !== file) await rm(path.join(assetsDir, path.basename(previous)), { force: true });
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
