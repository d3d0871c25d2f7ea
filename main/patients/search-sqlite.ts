import type { Knex } from 'knex';
import type { ParsedQuery, QueryClause, SearchDocument, Term } from './search-index';

/**
 * The patient search index on SQLite: an FTS5 table (patient_search, made by migration
 * 005) holding each patient's folded words, one row per patient, its rowid kept in
 * patients.search_rowid. Everything SQLite-only about search lives here, behind
 * SearchStore; the clinic-server mode implements the same interface on PostgreSQL.
 */
export interface SearchStore {
  /** Writes a patient's row at `rowid`, replacing what was there, inside the caller's transaction. */
  write(trx: Knex.Transaction, rowid: number, row: SearchDocument & { patient_id: string }): Promise<void>;
  /**
   * Ids of the first `limit` patients matching the query, best rank first, then in name
   * order (sort key, then id); with archived patients left out, how many of them match.
   */
  find(db: Knex, query: Pick<ParsedQuery, 'clauses' | 'rank' | 'lead'>, options: { includeArchived: boolean; limit: number }): Promise<{ ids: string[]; archived: number }>;
}

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

function term(t: Term): string {
  const columns = t.columns.length === 1 ? t.columns[0] : `{${t.columns.join(' ')}}`;
  return `${columns} : ${quote(t.term)}${t.prefix ? '*' : ''}`;
}

/** The clauses as an FTS5 MATCH expression. */
export function toMatch(clauses: QueryClause[]): string {
  return clauses.map((c) => (c.terms.length === 1 ? term(c.terms[0]) : `(${c.terms.map(term).join(' OR ')})`)).join(' AND ');
}

/** A rank term tested on a matched row's stored words (single spaces between them): `[sql, bindings]`. */
function rankCase(t: Term): [string, string[]] {
  const tests = t.columns.map((c) => (t.prefix ? `(' ' || ${c}) LIKE ?` : `(' ' || ${c} || ' ') LIKE ?`));
  return [`CASE WHEN ${tests.join(' OR ')} THEN 0 ELSE 1 END`, t.columns.map(() => (t.prefix ? `% ${t.term}%` : `% ${t.term} %`))];
}

/** The matches in `order`, at most `limit`, as one ordered SELECT of ids. */
const byOrder = (order: string) => `SELECT patient_id FROM patient_search WHERE patient_search MATCH ? ORDER BY ${order} LIMIT ?`;

export const sqliteSearch: SearchStore = {
  async write(trx, rowid, row) {
    await trx('patient_search').where({ rowid }).delete();
    await trx('patient_search').insert({ rowid, ...row });
  },

  async find(db, query, { includeArchived, limit }) {
    const match = toMatch(query.clauses);
    const live = (m: string) => (includeArchived ? m : `(${m}) NOT status : archived`);
    // One name word typed: ranked by its last-name test alone (parseQuery), read in name order.
    const ids = query.clauses.length === 1 && query.lead !== null
      ? await byName(db, query.lead, live, includeArchived, limit)
      : await ranked(db, query, live(match), limit);
    if (includeArchived) return { ids, archived: 0 };
    const [{ n }] = (await db.raw('SELECT count(*) AS n FROM patient_search WHERE patient_search MATCH ?', [`(${match}) AND status : archived`])) as Array<{ n: number }>;
    return { ids, archived: n };
  },
};

/**
 * Any query: every match is read and sorted by rank and name key; the rank terms are
 * tested with LIKE on the matched rows' own words, never on the whole table. Measured
 * at 100,000 patients (`npm run bench`) beside the bare FTS5 query.
 */
async function ranked(db: Knex, { rank }: Pick<ParsedQuery, 'rank'>, match: string, limit: number): Promise<string[]> {
  const cases = rank.map(rankCase);
  const rows = (await db.raw(byOrder([...cases.map(([sql]) => sql), 'sort_key', 'patient_id'].join(', ')), [
    match,
    ...cases.flatMap(([, bindings]) => bindings),
    limit,
  ])) as Array<{ patient_id: string }>;
  return rows.map((r) => r.patient_id);
}

/**
 * One name word, the commonest query and the costliest to rank: two typed letters match
 * thousands of names. Its first rank is a last name with a word starting with it, in
 * name order, and most of those are the patients whose name key starts with it: read
 * from the key's B-tree 20 at a time, merged with the few whose later word (or particles
 * joined, "delacruz") matches, found by FTS5 as "a word, but not the first". Only when
 * those are fewer than a page are the given-name matches read and sorted. The same
 * answer as ranked(), at the cost of the rows shown.
 */
async function byName(db: Knex, word: string, live: (match: string) => string, includeArchived: boolean, limit: number): Promise<string[]> {
  const last = term({ columns: ['last'], term: word, prefix: true });
  const rows = (await db.raw(
    `SELECT patient_id FROM (
       SELECT * FROM (SELECT id AS patient_id, sort_key FROM patients
                       WHERE sort_key >= ? AND sort_key < ? ${includeArchived ? '' : 'AND archived_at IS NULL'}
                       ORDER BY sort_key, id LIMIT ?)
       UNION ALL
       SELECT * FROM (SELECT patient_id, sort_key FROM patient_search WHERE patient_search MATCH ? ORDER BY sort_key, patient_id LIMIT ?))
     ORDER BY sort_key, patient_id LIMIT ?`,
    [word, `${word}\u{10FFFF}`, limit, live(`${last} NOT last : ^ ${quote(word)}*`), limit, limit],
  )) as Array<{ patient_id: string }>;
  const ids = rows.map((r) => r.patient_id);
  if (ids.length === limit) return ids;
  const given = term({ columns: ['given'], term: word, prefix: true });
  const rest = (await db.raw(byOrder('sort_key, patient_id'), [live(`${given} NOT ${last}`), limit - ids.length])) as Array<{ patient_id: string }>;
  return [...ids, ...rest.map((r) => r.patient_id)];
}
