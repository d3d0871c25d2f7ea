import { digitsOf, joined, phoneDigits, words } from '../../shared/text/fold';

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

/**
 * "6045551234" → "6045551234 045551234 … 234": a prefix query on a suffix finds any run
 * of digits. The digits as written, not phoneDigits(): "+1 604 555 1234" keeps its
 * "16045551234" for someone typing the 1, and its suffixes include the 10 digits.
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
 * code of the start of sort_key (so a name that sorts before another never gets a
 * higher block) and the slot only tells apart rows in one block. The first n matches
 * in name order are then among the matches in blocks up to that of the n-th match in
 * rowid order: the search reads those few rows and sorts only them.
 *
 * Rowids stay below 2^53 so they survive the trip through JavaScript numbers.
 */
export const slotsPerBlock = 4096; // a block is `rowid / 4096` in SQL
/** Blocks are 0 … blockCount - 1: the highest rowid stays below Number.MAX_SAFE_INTEGER, the search's "no limit". */
const blockCount = 2 ** 41 - 1;

/*
 * The block code.
 *
 * SQLite compares TEXT with memcmp, and UTF-8 byte order is code point order, so the
 * code reads sort_key code point by code point, the way an arithmetic coder does:
 * it starts with all blocks, [0, blockCount), and each code point narrows the range to
 * its own slice, the slices laid out in code point order; the block is where the range
 * starts when the key (or the range) runs out. Keys that sort earlier get earlier
 * slices, so the code never goes backwards, whatever the script. (A fixed number of
 * symbols per character cannot do this: a–z alone take 5 bits, a Chinese character
 * 15, so a code that lumps "everything after z" together puts every Chinese, Korean,
 * Greek or Cyrillic name in one block.)
 *
 * How wide a slice is decides how far into a name the code sees before the range is
 * one block wide. Slices follow what sort keys hold (folded words, a space between
 * words, \u0001 between last and first name): each range of code points below gets a
 * share of the range by weight, then each code point an equal part of that share.
 * Letters of the script just read get the "home" weight, so a Cyrillic letter after a
 * Cyrillic letter costs about as much as a Latin one after a Latin one; a name's first
 * letter is read as if after a Latin one. Korean names reach the index as jamo
 * (fold() decomposes Hangul syllables), three ranges of a few dozen letters each.
 * Code points no name holds share what is left at weight 1 per range.
 */
type Script = 'latin' | 'greek' | 'cyrillic' | 'armenian' | 'hebrew' | 'arabic' | 'indic' | 'thai' | 'georgian' | 'jamo' | 'ethiopic' | 'kana' | 'han';

/**
 * One slice per letter, as wide as the letter is common in names, so the code reads
 * further into a name, as a Huffman code would. Any weights keep the order; these only
 * decide where blocks split. Per mille, roughly, from English and French names for
 * a–z and from Russian and Ukrainian ones for а–я (fold() has made й и and ё е).
 */
const latinPerMille = [82, 18, 32, 38, 110, 12, 22, 38, 68, 8, 14, 56, 32, 74, 66, 16, 3, 72, 54, 52, 30, 12, 12, 3, 18, 6];
const cyrillicPerMille = [90, 16, 45, 17, 30, 85, 9, 16, 85, 4, 35, 44, 32, 67, 110, 28, 47, 55, 63, 26, 3, 10, 5, 14, 7, 4, 1, 19, 17, 3, 6, 20];

function letters(first: number, perMille: number[], script: Script): Array<readonly [number, number, number, number, Script]> {
  return perMille.map((w, i) => [first + i, first + i, 2, w, script] as const);
}

/** [first, last] code points, weight after a letter of another script, weight after one of this script, script. */
const weighted: ReadonlyArray<readonly [number, number, number, number?, Script?]> = [
  [0x01, 0x01, 96], // between last and first names
  [0x20, 0x20, 32], // between words
  [0x30, 0x39, 12], // digits
  ...letters(0x61, latinPerMille, 'latin'), // a–z
  [0xdf, 0x2af, 4, 24, 'latin'], // letters fold() keeps: ŋ, ə…
  [0x3b1, 0x3c9, 16, 768, 'greek'], // α–ω
  [0x3ca, 0x3ff, 1, 8, 'greek'],
  ...letters(0x430, cyrillicPerMille, 'cyrillic'), // а–я
  [0x450, 0x45f, 2, 48, 'cyrillic'], // ѐ–џ: і, є, ђ, љ…
  [0x460, 0x52f, 1, 8, 'cyrillic'],
  [0x561, 0x587, 4, 768, 'armenian'],
  [0x5d0, 0x5ea, 8, 768, 'hebrew'],
  [0x620, 0x64a, 16, 704, 'arabic'],
  [0x660, 0x6ff, 4, 64, 'arabic'], // Persian and Urdu letters, digits
  [0x900, 0xdff, 16, 768, 'indic'],
  [0xe01, 0xe2e, 4, 768, 'thai'],
  [0x10d0, 0x10ff, 4, 768, 'georgian'],
  [0x1100, 0x1112, 24, 288, 'jamo'], // leading consonants
  [0x1161, 0x1175, 2, 288, 'jamo'], // vowels
  [0x11a8, 0x11c2, 2, 192, 'jamo'], // trailing consonants
  [0x1200, 0x137f, 4, 768, 'ethiopic'],
  [0x3041, 0x30ff, 16, 768, 'kana'],
  [0x3400, 0x4dbf, 2, 48, 'han'], // extension A
  [0x4e00, 0x9fff, 64, 704, 'han'],
  [0x20000, 0x3ffff, 1, 16, 'han'], // extensions B–H
];

interface Slice {
  first: number;
  last: number;
  script?: Script;
}

/** The ranges in order, covering 0 … 0x10FFFF, and each context's cumulative weights. */
const slices: Slice[] = [];
const weightsIn = new Map<Script, number[]>();
{
  const away: number[] = [];
  const home: number[] = [];
  let next = 0;
  const add = (first: number, last: number, a: number, h = a, script?: Script) => {
    slices.push({ first, last, script });
    away.push(a);
    home.push(h);
  };
  for (const [first, last, a, h, script] of weighted) {
    if (first > next) add(next, first - 1, 1);
    add(first, last, a, h, script);
    next = last + 1;
  }
  add(next, 0x10ffff, 1);
  const scripts = new Set(slices.flatMap((s) => (s.script ? [s.script] : [])));
  for (const script of scripts) {
    const cumulative = [0];
    slices.forEach((s, i) => cumulative.push(cumulative[i] + (s.script === script ? home[i] : away[i])));
    weightsIn.set(script, cumulative);
  }
}

function sliceOf(codePoint: number): number {
  let lo = 0;
  let hi = slices.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slices[mid].last < codePoint) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** floor(n * a / b), exactly, for n < 2^53 and a <= b < 2^26. */
function part(n: number, a: number, b: number): number {
  const q = Math.floor(n / b);
  return q * a + Math.floor(((n - q * b) * a) / b);
}

/** The block of a sort key: sortKey(a) < sortKey(b) implies sortBlock(a) <= sortBlock(b). */
export function sortBlock(key: string): number {
  let start = 0;
  let width = blockCount;
  let context: Script = 'latin';
  for (const ch of key) {
    if (width <= 1) break;
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate (words() drops them) reaches SQLite as U+FFFD
    const i = sliceOf(c);
    const { first, last, script } = slices[i];
    const cumulative = weightsIn.get(context)!;
    const total = cumulative[cumulative.length - 1];
    // The slice's share of the range, then this code point's equal part of the slice.
    const sliceStart = part(width, cumulative[i], total);
    const sliceWidth = part(width, cumulative[i + 1], total) - sliceStart;
    const size = last - first + 1;
    const from = part(sliceWidth, c - first, size);
    start += sliceStart + from;
    width = part(sliceWidth, c - first + 1, size) - from;
    if (script) context = script;
  }
  return start;
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
      const digits = phoneDigits(token); // "+1 604 555 0142" finds "(604) 555-0142"
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
