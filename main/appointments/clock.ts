import { Temporal } from 'temporal-polyfill';
import { say } from '../../shared/messages';
import { dayIn } from '../../shared/time';

/**
 * The clinic's wall clock ↔ UTC instants, through Temporal's time-zone rules, so the
 * days the clocks change are right: a time the clock skips (spring forward) or shows
 * twice (fall back) is refused with a reason the desk can act on, never guessed.
 */

export type Clocked = { ok: true; instant: string } | { ok: false; message: string };

export function instantAt(day: string, time: string, timeZone: string): Clocked {
  const wall = Temporal.PlainDateTime.from(`${day}T${time}`);
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (!earlier.toPlainDateTime().equals(wall)) {
    return { ok: false, message: say('appointments.clocksForward', { day, time }) };
  }
  if (earlier.epochMilliseconds !== later.epochMilliseconds) {
    return { ok: false, message: say('appointments.clocksBack', { day, time }) };
  }
  return { ok: true, instant: earlier.toInstant().toString() };
}

/** Where a day starts and the next one starts, as UTC instants (23 or 25 hours apart on a change). */
export function dayBounds(day: string, timeZone: string): { from: string; to: string } {
  const date = Temporal.PlainDate.from(day);
  return {
    from: date.toZonedDateTime({ timeZone }).toInstant().toString(),
    to: date.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant().toString(),
  };
}

/**
 * The instant each day starts, from `from` to `to`, as stored instants are written
 * (toISOString), for many days at once: one Temporal conversion (10–20 µs), then each
 * next start guessed 24 hours on and checked with Intl (about 1 µs) on both sides of it;
 * Temporal again only on a day the clocks change.
 */
export function dayStarts(from: string, to: string, timeZone: string): string[] {
  const startOf = (day: string) => Date.parse(dayBounds(day, timeZone).from);
  const out = [startOf(from)];
  for (let day = from; day < to; ) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const guess = out[out.length - 1] + 86_400_000;
    out.push(dayIn(timeZone, new Date(guess)) === next && dayIn(timeZone, new Date(guess - 1)) === day ? guess : startOf(next));
    day = next;
  }
  return out.map((ms) => new Date(ms).toISOString());
}

/** The clinic's day and HH:MM of an instant. */
export function wallClock(instant: string, timeZone: string): { day: string; time: string } {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return { day: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

/**
 * wallClock for the many instants of a day or week in one zone. Visits share a few start
 * and end times (on the hour, the half hour), and each Temporal conversion costs about
 * 10–20 µs: converting each instant once took the Today sheet of 60 visits from 120
 * conversions to about a dozen (README, the day's benchmark).
 */
export function wallClocks(timeZone: string): (instant: string) => { day: string; time: string } {
  const seen = new Map<string, { day: string; time: string }>();
  return (instant) => {
    let wall = seen.get(instant);
    if (!wall) seen.set(instant, (wall = wallClock(instant, timeZone)));
    return wall;
  };
}

/** Monday to Sunday of the week that holds `day`. */
export function weekOf(day: string): string[] {
  const date = Temporal.PlainDate.from(day);
  const monday = date.subtract({ days: date.dayOfWeek - 1 });
  return Array.from({ length: 7 }, (_, i) => monday.add({ days: i }).toString());
}

export const weekday = (day: string) => Temporal.PlainDate.from(day).dayOfWeek;

export const addMinutes = (time: string, minutes: number) => Temporal.PlainTime.from(time).add({ minutes }).toString({ smallestUnit: 'minute' });

export const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

export const wallMinutes = (start: string, end: string) => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
};
