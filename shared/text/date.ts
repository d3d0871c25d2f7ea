/**
 * Birth dates as people type them at the desk, turned into YYYY-MM-DD.
 *
 * Canada writes dates both ways (14/03/1985 in Quebec, 03/14/1985 on US-made forms),
 * so a numeric date whose day and month are both 12 or less cannot be read without
 * asking: we say so and give both readings, never guess (issue 7, item 14).
 */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** Day-first reading first: that is how the hint asks for it. */
  | { kind: 'ambiguous'; readings: [string, string] }
  | { kind: 'invalid' };

/** English and French month names and their usual abbreviations, folded (no accents, lower case). */
const monthNames: Record<string, number> = {};
const names = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'fevrier', 'fev', 'fevr'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre'],
];
names.forEach((list, i) => list.forEach((n) => (monthNames[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO day, or null when no such day exists (1990-02-31). */
function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Whole years of age on a day (both YYYY-MM-DD, the day the clinic's: in a Vancouver
 * evening UTC is already on tomorrow, and on a birthday); null for a date that does not
 * exist or an age no patient has. A minor's forms are often signed by a parent, and the
 * record shows the age beside the birth date to confirm it by.
 */
export function ageOn(dateOfBirth: string, day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m || !isoOf(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const years = Number(day.slice(0, 4)) - Number(m[1]);
  const age = day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
  return age >= 0 && age < 130 ? age : null;
}

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');

export function parseDate(typed: string): DateReading {
  const s = fold(typed.trim()).replace(/\s+/g, ' ');
  if (s === '') return { kind: 'empty' };
  const found = (iso: string | null): DateReading => (iso ? { kind: 'date', iso } : { kind: 'invalid' });

  // Year first is never ambiguous: 1985-03-14, 1985/3/14, 19850314.
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s);
  if (m) return found(isoOf(Number(m[1]), Number(m[2]), Number(m[3])));

  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = isoOf(year, b, a);
    const monthFirst = isoOf(year, a, b);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return { kind: 'ambiguous', readings: [dayFirst, monthFirst] };
    return found(dayFirst ?? monthFirst);
  }

  // A written month: "4 May 1988", "4 mai 1988", "1er mai 1988", "May 4, 1988", "4-May-1988".
  const parts = s.replace(/(\d)(er|st|nd|rd|th)\b/g, '$1').split(/[\s,./-]+/).filter(Boolean);
  if (parts.length === 3) {
    const month = parts.map((p) => monthNames[p.replace(/\.$/, '')]);
    const at = month.findIndex(Boolean);
    const numbers = parts.filter((_, i) => i !== at);
    if (at >= 0 && at < 2 && numbers.every((n) => /^\d+$/.test(n))) {
      const [day, year] = numbers;
      if (/^\d{4}$/.test(year) && day.length <= 2) return found(isoOf(Number(year), month[at], Number(day)));
    }
  }
  return { kind: 'invalid' };
}
