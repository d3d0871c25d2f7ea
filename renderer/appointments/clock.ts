import { useIntl } from 'react-intl';

export interface WallClock {
  time(hhmm: string): string;
  shortDay(day: string): string;
  longDay(day: string): string;
}

function wallClock(locale: string): WallClock {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return {
    time: (hhmm) => time.format(new Date(`1970-01-01T${hhmm}:00Z`)),
    shortDay: (day) => short.format(new Date(`${day}T12:00:00Z`)),
    longDay: (day) => long.format(new Date(`${day}T12:00:00Z`)),
  };
}

// One set of formatters per language: a grid has a few hundred cells.
const clocks = new Map<string, WallClock>();

/**
 * A visit's wall-clock time and day as the desk reads them, in the desk's language
 * ("09:30" in English, "09 h 30" in French; "Tue, Jul 14" / "mar. 14 juill."). Main
 * gives them already in the clinic's time zone ("09:30", "2026-07-14"), so they are
 * read as UTC here and never shifted again by this computer's zone.
 */
export function useWallClock(): WallClock {
  const { locale } = useIntl();
  let clock = clocks.get(locale);
  if (!clock) clocks.set(locale, (clock = wallClock(locale)));
  return clock;
}
