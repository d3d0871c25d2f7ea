import type { Locale } from '../../shared/contract/settings';

/**
 * The desk's words in French. English is written in the code, beside the screen that
 * shows it (each message's `defaultMessage`); each feature keeps its French in its own
 * `fr.ts`, gathered here at build time, so a new screen brings its words with it.
 * tests/unit/i18n-catalogue.test.ts checks that every message has its French, with the
 * same placeholders, and that no French is left without its message.
 */
const frFiles = import.meta.glob<{ fr: Record<string, string> }>('../*/fr.ts', { eager: true });

export const french: Record<string, string> = Object.assign({}, ...Object.values(frFiles).map((m) => m.fr));

/** English is the code's own words; one object, so the desk's words stay the same object between renders. */
const english: Record<string, string> = {};

export function messagesFor(locale: Locale): Record<string, string> {
  return locale === 'fr-CA' ? french : english;
}
