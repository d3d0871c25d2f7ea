import type { ConsentLocale } from './types';

/**
 * ICU puts narrow and ordinary no-break spaces in times ("2:30 p.m.", "14 h 30").
 * They are swapped for plain spaces so that a search of the PDF's text, or a test
 * reading it back, finds the time as a person would type it.
 */
const unicodeSpaces = /[\u00a0\u2007\u202f]/g;

/** "March 14, 2025 at 2:30 p.m. (America/Vancouver)" in the clinic's zone and language. */
export function formatSignedAt(iso: string, locale: ConsentLocale, timeZone: string): string {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
  return `${when.replace(unicodeSpaces, ' ')} (${timeZone})`;
}

/**
 * A birth date is a calendar date, not an instant: formatted in UTC so no time zone
 * can move it a day. Anything that is not YYYY-MM-DD is printed as given.
 */
export function formatDateOfBirth(date: string, locale: ConsentLocale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d).replace(unicodeSpaces, ' ');
}

/** The first block of a UUID, upper case: enough for staff to match a paper copy to a record. */
export function shortRecordId(id: string): string {
  const head = id.split('-')[0] ?? id;
  return head.toUpperCase();
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isIsoInstant(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(new Date(s).getTime());
}
