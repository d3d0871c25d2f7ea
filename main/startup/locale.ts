import { readFile } from 'node:fs/promises';
import type { MessageLocale } from '../../shared/messages';

/**
 * The language of the start-up windows, chosen before the desk opens: the clinic's, from
 * its settings file, else this computer's (a first start, or the folder gone). The file
 * is only read: opening it through electron-store would create the data folder that a
 * check may be about to report missing.
 */
export async function startupLocale(settingsFile: string, systemLocale: string): Promise<MessageLocale> {
  try {
    const stored = JSON.parse(await readFile(settingsFile, 'utf8')) as { clinic?: { locale?: unknown } } | null;
    const locale = stored?.clinic?.locale;
    if (locale === 'fr-CA' || locale === 'en-CA') return locale;
  } catch {
    // No settings yet, or unreadable: the computer's language.
  }
  return systemLocale.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}
