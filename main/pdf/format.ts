/** The languages Rapport's PDFs are written in. */
export type PdfLocale = 'en-CA' | 'fr-CA';

/**
 * ICU puts narrow and ordinary no-break spaces in times ("2:30 p.m.", "14 h 30").
 * They are swapped for plain spaces so that a search of the PDF's text, or a test
 * reading it back, finds the time as a person would type it.
 */
const unicodeSpaces = /[\u00a0\u2007\u202f]/g;

/**
 * Making an Intl.DateTimeFormat costs far more than using one (a twentieth of a render,
 * measured with --cpu-prof), and a form formats the same few dates on every page: one
 * formatter per language, style and zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(date: Date, locale: PdfLocale, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter.format(date).replace(unicodeSpaces, ' ');
}

/**
 * "March 14, 2025 at 2:30 p.m. Pacific Daylight Time" in the clinic's zone and language:
 * the zone as people say it (never its IANA id, "America/Vancouver"), so a reader knows
 * the clock it was read from.
 */
export function formatSignedAt(iso: string, locale: PdfLocale, timeZone: string): string {
  return format(new Date(iso), locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'long', timeZone });
}

/** "March 14, 2025": the day in the clinic's zone, for a paper form, whose time of day nobody entered. */
export function formatSignedDay(iso: string, locale: PdfLocale, timeZone: string): string {
  return format(new Date(iso), locale, { dateStyle: 'long', timeZone });
}

/**
 * A birth date is a calendar date, not an instant: formatted in UTC so no time zone
 * can move it a day. Anything that is not YYYY-MM-DD is printed as given.
 */
export function formatDateOfBirth(date: string, locale: PdfLocale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return format(d, locale, { dateStyle: 'long', timeZone: 'UTC' });
}

/** The first block of a UUID, upper case: enough for staff to match a paper copy to a record. */
export function shortRecordId(id: string): string {
  const head = id.split('-')[0] ?? id;
  return head.toUpperCase();
}

/** Zones already found good: asking ICU again makes a formatter (see `formatters`) on every render. */
const knownZones = new Set<string>();
export function isValidTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  knownZones.add(tz);
  return true;
}

export function isIsoInstant(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(new Date(s).getTime());
}

/**
 * "Mar 14, 2025" / "14 mars 2025": short enough for a table cell. An instant is shown as
 * its day in the clinic's zone; a calendar day (YYYY-MM-DD) as it is, in UTC, so no zone
 * moves it. Anything else is printed as given.
 */
export function formatShortDay(value: string, locale: PdfLocale, timeZone: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(calendar ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return format(d, locale, { dateStyle: 'medium', timeZone: calendar ? 'UTC' : timeZone });
}
