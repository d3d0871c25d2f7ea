import type { Locale } from '../../shared/contract/settings';

/**
 * The languages a patient is given forms and questions in, each named in its own
 * language (the patient or the desk picks one they read). Used by every hand-over and
 * by-phone form: consents, health history, check-in.
 */
export const localeLabels = { 'en-CA': 'English', 'fr-CA': 'Français' } as const satisfies Record<Locale, string>;

/** The same languages as a select's options. */
export const localeOptions = Object.entries(localeLabels).map(([value, label]) => ({ value, label }));
