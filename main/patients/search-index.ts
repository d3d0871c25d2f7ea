import { digitsOf, joined, words } from '../../shared/text/fold';

/**
 * What the search index holds for a patient, and how a typed query becomes an FTS5
 * expression. Pure, so the rules are tested without a database.
 */

export interface IndexedPerson {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string; // YYYY-MM-DD
  phones: ReadonlyArray<{ number: string }>;
  archived: boolean;
}

export interface SearchDocument {
  last: string;
  given: string;
  phone: string;
  dob: string;
  status: 'active' | 'archived';
  sort_key: string;
}

/** Words of a name plus the name typed as one word: "O'Brien-Müller" → "o brien muller obrienmuller". */
function nameWords(...names: string[]): string {
  const out = new Set<string>();
  for (const name of names) {
    const parts = words(name);
    parts.forEach((p) => out.add(p));
    if (parts.length > 1) out.add(joined(name));
  }
  return [...out].join(' ');
}

/** "6045551234" → "6045551234 045551234 … 234": a prefix query on a suffix finds any run of digits. */
function phoneSuffixes(numbers: ReadonlyArray<{ number: string }>): string {
  const out = new Set<string>();
  for (const { number } of numbers) {
    const digits = digitsOf(number);
    for (let i = 0; i + 3 <= digits.length; i++) out.add(digits.slice(i));
  }
  return [...out].join(' ');
}

/** "1985-03-14" → "1985 198503 19850314": a year, a month or the whole date. */
function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y} ${y}${m} ${y}${m}${d}`;
}

export function sortKey(p: Pick<IndexedPerson, 'firstName' | 'lastName'>): string {
  return `${words(p.lastName).join(' ')}\u0001${words(p.firstName).join(' ')}`;
}

export function searchDocument(p: IndexedPerson): SearchDocument {
  return {
    last: nameWords(p.lastName),
    given: nameWords(p.firstName, p.preferredName),
    phone: phoneSuffixes(p.phones),
    dob: dateWords(p.dateOfBirth),
    status: p.archived ? 'archived' : 'active',
    sort_key: sortKey(p),
  };
}

export interface ParsedQuery {
  /** FTS5 MATCH expression, or null when nothing searchable was typed. */
  match: string | null;
  /** The first name-like word, for ranking: a last name starting with it ranks first. */
  lead: string | null;
}

const quote = (word: string) => `"${word}"`;

/** Recognises a typed birth date: 1985-03-14, 1985/03/14, 14/03/1985, 03/14/1985, 1985-03. */
function dateTerms(token: string): string[] | null {
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(token);
  if (m) {
    const [, y, mo, d] = m;
    return [d ? `${y}${mo.padStart(2, '0')}${d.padStart(2, '0')}` : `${y}${mo.padStart(2, '0')}`];
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(token);
  if (m) {
    const [, a, b, y] = m;
    const ymd = (mo: string, d: string) => `${y}${mo.padStart(2, '0')}${d.padStart(2, '0')}`;
    // Canadian forms are written both ways; when both readings are dates, take both.
    const readings = new Set<string>();
    if (Number(b) <= 12 && Number(a) <= 31) readings.add(ymd(b, a));
    if (Number(a) <= 12 && Number(b) <= 31) readings.add(ymd(a, b));
    return readings.size ? [...readings] : null;
  }
  return null;
}

export function parseQuery(raw: string): ParsedQuery {
  const clauses: string[] = [];
  let lead: string | null = null;
  for (const token of raw.trim().split(/\s+/).filter(Boolean)) {
    const dates = dateTerms(token);
    if (dates) {
      clauses.push(`dob : (${dates.map(quote).join(' OR ')})`);
      continue;
    }
    if (/^[\d\s()+.\-]+$/.test(token) && /\d/.test(token)) {
      let digits = digitsOf(token);
      if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1); // +1 country code
      if (digits.length < 3) continue; // two digits match half the register: wait for more
      // Four digits may be a birth year as well as part of a phone number.
      clauses.push(
        digits.length === 4 ? `(phone : ${quote(digits)}* OR dob : ${quote(digits)})` : `phone : ${quote(digits)}*`,
      );
      continue;
    }
    const word = joined(token);
    if (!word) continue;
    lead ??= word;
    clauses.push(`{last given} : ${quote(word)}*`);
  }
  return { match: clauses.length ? clauses.join(' AND ') : null, lead };
}

