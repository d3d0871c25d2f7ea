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

/*
 * Name-ordered rowids.
 *
 * FTS5 hands back matches in rowid order, and with `ORDER BY rowid LIMIT n` it stops
 * after n. Sorting the matches by name instead means reading every match first: for a
 * two-letter prefix in a large clinic that is thousands of rows to fetch and sort on
 * each keystroke. So the rowid of a patient's search row is chosen to follow name
 * order: rowid = block * slotsPerBlock + slot, where the block is an order-preserving
 * code of the first bytes of sort_key (so a name that sorts before another never gets
 * a higher block) and the slot only tells apart rows in one block. The first n matches
 * in name order are then among the matches in blocks up to that of the n-th match in
 * rowid order: the search reads those few rows and sorts only them.
 *
 * Rowids stay below 2^53 so they survive the trip through JavaScript numbers.
 */
export const slotsPerBlock = 4096; // a block is `rowid / 4096` in SQL
const keyBytes = 8;
const base = 33;

/**
 * Order-preserving code of one UTF-8 byte of a sort key (SQLite compares TEXT with
 * memcmp). Space, the \u0001 separator and a–z each get their own symbol; every other
 * byte falls in a group, and the code stops at a grouped byte (the rest counts as
 * zeros), because what follows it no longer decides the order.
 */
function symbol(byte: number): { code: number; last: boolean } {
  if (byte === 0x00) return { code: 1, last: false };
  if (byte === 0x01) return { code: 2, last: false };
  if (byte < 0x20) return { code: 3, last: true };
  if (byte === 0x20) return { code: 4, last: false };
  if (byte < 0x61) return { code: 5, last: true }; // punctuation, digits, capitals
  if (byte <= 0x7a) return { code: 6 + byte - 0x61, last: false };
  return { code: 32, last: true }; // letters outside a–z, in their UTF-8 byte order
}

const encoder = new TextEncoder();

/** The block of a sort key: sortKey(a) < sortKey(b) implies sortBlock(a) <= sortBlock(b). */
export function sortBlock(key: string): number {
  const bytes = encoder.encode(key);
  let code = 0;
  let i = 0;
  for (; i < keyBytes && i < bytes.length; i++) {
    const { code: c, last } = symbol(bytes[i]);
    code = code * base + c;
    if (last) {
      i++;
      break;
    }
  }
  for (; i < keyBytes; i++) code *= base; // shorter keys and stopped codes pad with "end"
  return code;
}

/** Rowids a search row with this sort key may take: [first, first + slotsPerBlock). */
export function rowidBlock(key: string): { first: number; end: number } {
  const first = sortBlock(key) * slotsPerBlock;
  return { first, end: first + slotsPerBlock };
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
  /**
   * `match` split by rank, best first: rows whose last name starts with `lead`, then
   * rows whose first or preferred name does (and last name does not), or, when no name
   * was typed, one tier with every match. The tiers never overlap and together are
   * exactly `match`, so each can be read in name order with its own LIMIT.
   */
  tiers: string[];
  /** The same query as data, for checks that do not go through FTS5 (the benchmark's LIKE scan). */
  clauses: QueryClause[];
}

/** One typed word: any of `terms` in any of `columns`; `prefix` terms match the start of a word. */
export interface QueryClause {
  columns: Array<'last' | 'given' | 'phone' | 'dob'>;
  terms: Array<{ term: string; prefix: boolean; columns?: Array<'last' | 'given' | 'phone' | 'dob'> }>;
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
  const clauses: QueryClause[] = [];
  let lead: string | null = null;
  for (const token of raw.trim().split(/\s+/).filter(Boolean)) {
    const dates = dateTerms(token);
    if (dates) {
      clauses.push({ columns: ['dob'], terms: dates.map((term) => ({ term, prefix: false })) });
      continue;
    }
    if (/^[\d\s()+.-]+$/.test(token) && /\d/.test(token)) {
      let digits = digitsOf(token);
      if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1); // +1 country code
      if (digits.length < 3) continue; // two digits match half the register: wait for more
      // Four digits may be a birth year as well as part of a phone number.
      clauses.push(
        digits.length === 4
          ? { columns: ['phone', 'dob'], terms: [{ term: digits, prefix: true, columns: ['phone'] }, { term: digits, prefix: false, columns: ['dob'] }] }
          : { columns: ['phone'], terms: [{ term: digits, prefix: true }] },
      );
      continue;
    }
    const word = joined(token);
    if (!word) continue;
    lead ??= word;
    clauses.push({ columns: ['last', 'given'], terms: [{ term: word, prefix: true }] });
  }
  if (clauses.length === 0) return { match: null, lead, tiers: [], clauses };

  const expressions = clauses.map(toFts);
  const match = expressions.join(' AND ');
  if (lead === null) return { match, lead, tiers: [match], clauses };
  // The lead word's clause is the first name clause; split it by column for the tiers.
  const leadAt = clauses.findIndex((c) => c.columns[0] === 'last');
  const rest = expressions.filter((_, i) => i !== leadAt);
  const and = (first: string) => [first, ...rest].join(' AND ');
  const word = `${quote(lead)}*`;
  return {
    match,
    lead,
    tiers: [and(`last : ${word}`), and(`(given : ${word} NOT last : ${word})`)],
    clauses,
  };
}

function toFts(clause: QueryClause): string {
  const term = (t: QueryClause['terms'][number]) => `${quote(t.term)}${t.prefix ? '*' : ''}`;
  if (clause.columns.length === 2 && clause.columns[0] === 'last') return `{last given} : ${term(clause.terms[0])}`;
  if (clause.columns[0] === 'dob' && clause.columns.length === 1) return `dob : (${clause.terms.map(term).join(' OR ')})`;
  if (clause.terms.length === 1) return `${clause.columns[0]} : ${term(clause.terms[0])}`;
  return `(${clause.terms.map((t) => `${t.columns![0]} : ${term(t)}`).join(' OR ')})`;
}
