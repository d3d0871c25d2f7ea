import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { MessageLocale } from '../../shared/messages';

/**
 * The language of the start-up windows, chosen before the desk opens: the clinic's, from
 * its settings file, else this computer's (a first start, or the folder gone). The file
 * is only read: opening it through electron-store would create the data folder that a
 * check may be about to report missing.
 */
export async function startupLocale(settingsFile: string, systemLocale: string): Promise<MessageLocale> {
  const stored = await readFile(settingsFile, 'utf8').then(clinicLocaleIn, () => null);
  return stored ?? (systemLocale.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA');
}

/**
 * The clinic's language as its settings file says, or null (a first start, or the file
 * unreadable). Read at once, before Electron is ready: Chromium's own words (a date
 * picker's month names, a spelling menu) follow the language it is started with.
 */
export function storedClinicLocale(settingsFile: string): MessageLocale | null {
  try {
    return clinicLocaleIn(readFileSync(settingsFile, 'utf8'));
  } catch {
    return null;
  }
}

function clinicLocaleIn(text: string): MessageLocale | null {
  try {
    const locale = (JSON.parse(text) as { clinic?: { locale?: unknown } } | null)?.clinic?.locale;
    return locale === 'fr-CA' || locale === 'en-CA' ? locale : null;
  } catch {
    return null;
  }
}
