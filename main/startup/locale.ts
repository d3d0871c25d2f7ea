import { readFileSync } from 'node:fs';
import type { MessageLocale } from '../../shared/messages';

/**
 * The language of the start-up windows, chosen before the desk opens: the clinic's, from
 * its settings file, else this computer's (a first start, or the folder gone). The file
 * is only read: opening it through electron-store would create the data folder that a
 * check may be about to report missing.
 */
export async function startupLocale(settingsFile: string, systemLocale: string): Promise<MessageLocale> {
  return storedClinicLocale(settingsFile) ?? (systemLocale.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA');
}

/**
 * The clinic's language as its settings file says, or null (a first start, or the file
 * unreadable). Read at once, so it can be asked before Electron is ready: Chromium's own
 * words (a date picker's month names, a spelling menu) follow the language it starts with.
 */
export function storedClinicLocale(settingsFile: string): MessageLocale | null {
  try {
    const locale = (JSON.parse(readFileSync(settingsFile, 'utf8')) as { clinic?: { locale?: unknown } } | null)?.clinic?.locale;
    return locale === 'fr-CA' || locale === 'en-CA' ? locale : null;
  } catch {
    return null;
  }
}
