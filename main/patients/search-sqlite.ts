import type { Knex } from 'knex';
import type { ParsedQuery, QueryClause, SearchDocument, Term } from './search-index';
import { summaryColumns, type SummaryPhoneRow } from './rows';

/**
 * The patient search index on SQLite: an FTS5 table (patient_search, made by migration
 * 005) holding each patient's folded words, one row per patient, its rowid kept in
 * patients.search_rowid; beside it (migration 017) patient_search_later, the later words
 * of multi-word last names (laterWords) at the same rowid. Everything SQLite-only about
 * search lives here, behind SearchStore; the clinic-server mode implements the same
 * interface on PostgreSQL.
 */
export interface SearchStore {
  /** Writes a patient's rows at `rowid`, replacing what was there, inside the caller's transaction. */
  write(trx: Knex.Transaction, rowid: number, row: IndexRow): Promise<void>;
  /** Takes these patients out of the index, inside the caller's transaction (the purge). */
  remove(trx: Knex.Transaction, patientIds: string[]): Promise<void>;
  /**
   * The first `limit` patients matching the query, best rank first, then in name order
   * (sort key, then id), as summary rows (one per phone number, in position order), each
   * with `extra`: the value of `extra`'s SQL for its patient, given the SQL of its id (the
   * consent mark's facts); with archived patients left out, how many of them match. One
   * statement.
   */
  find(db: Knex, query: Pick<ParsedQuery, 'clauses' | 'rank' | 'lead'>, options: FindOptions): Promise<{ rows: ExtraRow[]; archived: number }>;
  /** Puts the index in its fastest shape to read, when it is not (at start-up). */
  tidy(db: Knex): Promise<void>;
}

export interface FindOptions {
  includeArchived: boolean;
  limit: number;
  extra: (patientId: string) => string;
}

/** A summary row, and the value of FindOptions.extra for its patient. */
export type ExtraRow = SummaryPhoneRow & { extra: string };

/** What is indexed of a patient: its words, and the later words of its last name (search-index.ts, laterWords). */
export type IndexRow = SearchDocument & { later: string; patient_id: string };

/** A patient's rows at `rowid`: in patient_search always, in patient_search_later when the last name has later words. */
export function tableRows(rowid: number, { later, ...row }: IndexRow) {
  const { status, patient_id, sort_key } = row;
  return { search: { rowid, ...row }, later: later ? { rowid, later, status, patient_id, sort_key } : null };
}

/** A piece of SQL and its bindings, in order. */
type Sql = [sql: string, bindings: Knex.RawBinding[]];

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

function term(t: Term): string {
  const columns = t.columns.length === 1 ? t.columns[0] : `{${t.columns.join(' ')}}`;
  return `${columns} : ${quote(t.term)}${t.prefix ? '*' : ''}`;
}

/** The clauses as an FTS5 MATCH expression. */
export function toMatch(clauses: QueryClause[]): string {
  return clauses.map((c) => (c.terms.length === 1 ? term(c.terms[0]) : `(${c.terms.map(term).join(' OR ')})`)).join(' AND ');
}

/** A rank term tested on a matched row's stored words (single spaces between them): 0 when it holds, else 1. */
function rankCase(t: Term): Sql {
  const tests = t.columns.map((c) => (t.prefix ? `(' ' || ${c}) LIKE ?` : `(' ' || ${c} || ' ') LIKE ?`));
  return [`CASE WHEN ${tests.join(' OR ')} THEN 0 ELSE 1 END`, t.columns.map(() => (t.prefix ? `% ${t.term}%` : `% ${t.term} %`))];
}

export const sqliteSearch: SearchStore = {
  async write(trx, rowid, row) {
    const { search, later } = tableRows(rowid, row);
    await trx('patient_search').where({ rowid }).delete();
    await trx('patient_search_later').where({ rowid }).delete();
    await trx('patient_search').insert(search);
    if (later) await trx('patient_search_later').insert(later);
  },

  /**
   * FTS5 writes each change as a new small segment of the index and merges them only in
   * part as it goes (automerge), so an index built a patient at a time is read from a
   * dozen or more segments, and each word of each search is looked up in every one. At
   * 100,000 patients, 19 segments made a search 15-20 % slower than one (npm run bench),
   * so each start merges them into one. It rewrites the index: about 0.4 s at 100,000
   * patients, a few ms at a usual clinic's size; FTS5 does nothing when the index is
   * already one segment.
   */
  async tidy(db) {
    try {
      for (const table of ['patient_search', 'patient_search_later']) await db.raw(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    } catch (e) {
      // A rewrite that ran out of disk is rolled back, but leaves the write-ahead log as
      // large as the room it found: give that room back, or the next save has none.
      await db.raw('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      throw e;
    }
  },

  async remove(trx, patientIds) {
    await trx('patient_search').whereIn('patient_id', patientIds).delete();
    await trx('patient_search_later').whereIn('patient_id', patientIds).delete();
  },

  /**
   * The page (patient_id, tier, sort_key), the archived count, the summaries and the extra
   * value in one statement: each statement costs a trip to SQLite's thread and back, and
   * under load a wait for a core, which the p95 pays per trip. The count row is the left
   * side of the join, so it comes back even when nothing active matches. The extra value
   * is worked out once per patient (MATERIALIZED), not once per phone number.
   */
  async find(db, query, { includeArchived, limit, extra }) {
    const match = toMatch(query.clauses);
    const live = (m: string) => (includeArchived ? m : `(${m}) NOT status : archived`);
    // One name word typed: ranked by its last-name test alone (parseQuery), read in name order.
    const [page, pageBindings] = query.clauses.length === 1 && query.lead !== null
      ? byName(query.lead, live, includeArchived, limit)
      : ranked(query, live(match), limit);
    const [count, countBindings]: Sql = includeArchived
      ? ['SELECT 0 AS archived', []]
      : ['SELECT count(*) AS archived FROM patient_search WHERE patient_search MATCH ?', [`(${match}) AND status : archived`]];
    const rows = (await db.raw(
      `WITH found (patient_id, tier, sort_key) AS (${page}),
            page AS MATERIALIZED (SELECT found.*, ${extra('found.patient_id')} AS extra FROM found)
       SELECT c.archived, ${summaryColumns.join(', ')}, ph.number, page.extra
         FROM (${count}) AS c
         LEFT JOIN page ON 1
         LEFT JOIN patients AS p ON p.id = page.patient_id
         LEFT JOIN patient_phones AS ph ON ph.patient_id = p.id
        ORDER BY page.tier, page.sort_key, page.patient_id, ph.position`,
      [...pageBindings, ...countBindings],
    )) as Array<ExtraRow & { archived: number }>;
    return { rows: rows[0].id === null ? [] : rows, archived: rows[0].archived };
  },
};

/**
 * Any query: every match is read and sorted by rank and name key; the rank terms are
 * tested with LIKE on the matched rows' own words, never on the whole table. Measured
 * at 100,000 patients (`npm run bench`) beside the bare FTS5 query.
 */
function ranked({ rank }: Pick<ParsedQuery, 'rank'>, match: string, limit: number): Sql {
  // Each rank term halves the order: (first term, second term) as one number, 0 best.
  const cases = rank.map(rankCase);
  const order = cases.length ? cases.map(([sql], i) => `${2 ** (cases.length - 1 - i)} * ${sql}`).join(' + ') : '0';
  return [
    `SELECT patient_id, ${order} AS tier, sort_key FROM patient_search WHERE patient_search MATCH ? ORDER BY tier, sort_key, patient_id LIMIT ?`,
    [...cases.flatMap(([, bindings]) => bindings), match, limit],
  ];
}

/**
 * One name word, the commonest query and the costliest to rank: two typed letters match
 * thousands of names. Its first rank is a last name with a word starting with it, in
 * name order, and most of those are the patients whose name key starts with it: read
 * from the key's B-tree 20 at a time, merged with the few whose later word (or particles
 * joined, "delacruz") matches, found in patient_search_later, which holds only those
 * words, less the ones the B-tree gave. (A NOT on the first word in patient_search cost
 * more: FTS5 keeps one list per word for all columns, so "ma" there walks every given
 * name too.) The given names come after, and SQLite reads them only when those fill less
 * than a page (a UNION ALL stops at its LIMIT); their name keys are read from an index
 * of patients (search_rowid, sort_key, id), narrower than patient_search's own rows (named:
 * SQLite prefers the unique index on search_rowid, then reads each patient's whole row).
 * The same answer as ranked(), at the cost of the rows shown.
 */
function byName(word: string, live: (match: string) => string, includeArchived: boolean, limit: number): Sql {
  const last = term({ columns: ['last'], term: word, prefix: true });
  const given = term({ columns: ['given'], term: word, prefix: true });
  const keyRange = [word, `${word}\u{10FFFF}`];
  return [
    `SELECT patient_id, 0, sort_key FROM (
       SELECT * FROM (SELECT id AS patient_id, sort_key FROM patients
                       WHERE sort_key >= ? AND sort_key < ? ${includeArchived ? '' : 'AND archived_at IS NULL'}
                       ORDER BY sort_key, id LIMIT ?)
       UNION ALL
       SELECT * FROM (SELECT patient_id, sort_key FROM patient_search_later
                       WHERE patient_search_later MATCH ? AND NOT (sort_key >= ? AND sort_key < ?)
                       ORDER BY sort_key, patient_id LIMIT ?)
       ORDER BY sort_key, patient_id LIMIT ?)
     UNION ALL
     SELECT * FROM (SELECT p.id, 1, p.sort_key FROM patient_search AS s CROSS JOIN patients AS p INDEXED BY patients_search_order ON p.search_rowid = s.rowid
                     WHERE patient_search MATCH ? ORDER BY p.sort_key, p.id LIMIT ?)
     LIMIT ?`,
    [...keyRange, limit, live(`later : ${quote(word)}*`), ...keyRange, limit, limit, live(`${given} NOT ${last}`), limit, limit],
  ];
}
