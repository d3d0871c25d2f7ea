/**
 * Calendar days in the clinic's time zone. A consent signed at 17:30 in Vancouver is
 * signed that day, not the next (as UTC would have it), and it expires on a day.
 */

// One formatter per zone: making one costs more than formatting with it, and a read may ask for thousands of days.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, instant: string | Date): string {
  let format = formatters.get(timeZone);
  if (!format) formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}

/** YYYY-MM-DD plus whole months; the 31st plus a month is the last day of that month. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Noon of a calendar day in a time zone, as a UTC instant: a day whose hour is not known. */
export function zonedNoon(day: string, timeZone: string): string {
  const guess = new Date(`${day}T12:00:00.000Z`);
  // The zone's offset at that moment: what its clock reads, minus UTC's.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (local - guess.getTime())).toISOString();
}
