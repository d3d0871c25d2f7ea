import { digitsOf, joined, phoneDigits, words } from '../../shared/text/fold';

/**
 * What the search index holds for a patient, and how a typed query becomes clauses to
 * match and terms to rank by. Pure and free of any SQL dialect: search-sqlite.ts turns
 * them into an FTS5 query, and a PostgreSQL module can turn the same data into its own.
 */

export interface IndexedPerson {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string; // YYYY-MM-DD
  phones: ReadonlyArray<{ number: string }>;
  archived: boolean;
}

/** One patient's row in the index: folded words separated by single spaces. */
export interface SearchDocument {
  last: string;
  given: string;
  phone: string;
  dob: string;
  status: 'active' | 'archived';
  sort_key: string;
}

/**
 * Words of a name, plus the name typed joined from each word on: "de la Cruz" →
 * "de la cruz delacruz lacruz", so "delacruz", "lacruz", "cruz" and "de la c" all find it
 * (particles written apart: van der Berg, Mac Giolla, D'Été).
 */
function nameWords(...names: string[]): string {
  const out = new Set<string>();
  for (const name of names) {
    const parts = words(name);
    parts.forEach((p) => out.add(p));
    for (let i = 0; i + 1 < parts.length; i++) out.add(parts.slice(i).join(''));
  }
  return [...out].join(' ');
}

/**
 * What a reader of the name key in order misses of the last name: every word but the
 * first, and the name joined from each word on ("de la Cruz" → "la cruz delacruz lacruz",
 * "Cruz Reyes" → "reyes cruzreyes"). The key starts with the first word, so a word typed
 * is found by the key's B-tree when the first word starts with it, and by these otherwise.
 * Kept apart from SearchDocument (a table of their own on SQLite, search-sqlite.ts).
 */
export function laterWords(lastName: string): string {
  const parts = words(lastName);
  const out = new Set(parts.slice(1));
  for (let i = 0; i + 1 < parts.length; i++) out.add(parts.slice(i).join(''));
  return [...out].join(' ');
}

/**
 * "6045551234" → "6045551234 045551234 … 234": a prefix query on a suffix finds any run
 * of digits, and a whole-word query finds the numbers that end with the digits. The
 * digits as written, not phoneDigits(): "+1 604 555 1234" keeps its "16045551234" for
 * someone typing the 1, and its suffixes include the 10 digits.
 */
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

/** Name order for lists and results: folded last name, then first name. */
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

export type SearchColumn = 'last' | 'given' | 'phone' | 'dob';

/** A word in some columns: the whole word, or (prefix) any word starting with it. */
export interface Term {
  columns: SearchColumn[];
  term: string;
  prefix: boolean;
}

/** One typed word: a row matches when any of its terms does. */
export interface QueryClause {
  terms: Term[];
}

export interface ParsedQuery {
  /** A row matches when every clause does; none when nothing searchable was typed. */
  clauses: QueryClause[];
  /**
   * Best match first: rows matching rank[0] come first, and among them and among the
   * rest, rows matching rank[1]; then name order. When a name was typed, rows whose
   * last name starts with its first word; when digits were, numbers that end with the
   * first run of them (receptionists type the end of a number).
   */
  rank: Term[];
  /** The first name-like word, folded. */
  lead: string | null;
  /** The first run of phone digits typed, as stored for comparison. */
  digits: string | null;
}

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
  const clauses: QueryClause[] = [];
  let lead: string | null = null;
  let digits: string | null = null;
  for (const token of raw.trim().split(/\s+/).filter(Boolean)) {
    const dates = dateTerms(token);
    if (dates) {
      clauses.push({ terms: dates.map((term) => ({ columns: ['dob'], term, prefix: false })) });
      continue;
    }
    if (/^[\d\s()+.-]+$/.test(token) && /\d/.test(token)) {
      const typed = phoneDigits(token); // "+1 604 555 0142" finds "(604) 555-0142"
      if (typed.length < 3) continue; // two digits match half the register: wait for more
      digits ??= typed;
      const phone: Term = { columns: ['phone'], term: typed, prefix: true };
      // Four digits may be a birth year as well as part of a phone number.
      clauses.push({ terms: typed.length === 4 ? [phone, { columns: ['dob'], term: typed, prefix: false }] : [phone] });
      continue;
    }
    const word = joined(token);
    if (!word) continue;
    lead ??= word;
    clauses.push({ terms: [{ columns: ['last', 'given'], term: word, prefix: true }] });
  }
  const rank: Term[] = [];
  if (lead) rank.push({ columns: ['last'], term: lead, prefix: true });
  if (digits) rank.push({ columns: ['phone'], term: digits, prefix: false });
  return { clauses, rank, lead, digits };
}
