import type { Knex } from 'knex';
import type { SearchDocument, Term, Tier } from './search-index';

/**
 * The patient search index on SQLite: an FTS5 table (patient_search, made by migration
 * 005) holding each patient's folded words, one row per patient, its rowid kept in
 * patients.search_rowid. Everything SQLite-only about search lives here, behind
 * SearchStore; the clinic-server mode implements the same interface on PostgreSQL.
 *
 * A tier is read with `ORDER BY sort_key, patient_id LIMIT n`: FTS5 hands every match
 * to the sort. Measured at 100,000 patients (`npm run bench`), that stays within the
 * search targets even for a two-letter prefix, so nothing cleverer is kept.
 */
export interface SearchStore {
  /** Writes a patient's row at `rowid`, replacing what was there, inside the caller's transaction. */
  write(trx: Knex.Transaction, rowid: number, row: SearchDocument & { patient_id: string }): Promise<void>;
  /** Ids of the first `limit` patients matching `tier`, in name order (sort key, then id). */
  find(db: Knex, tier: Tier, options: { includeArchived: boolean; limit: number }): Promise<string[]>;
  /** How many archived patients match `tier`. */
  countArchived(db: Knex, tier: Tier): Promise<number>;
}

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

function term(t: Term): string {
  const columns = t.columns.length === 1 ? t.columns[0] : `{${t.columns.join(' ')}}`;
  return `${columns} : ${quote(t.term)}${t.prefix ? '*' : ''}`;
}

const anyOf = (terms: Term[]) => (terms.length === 1 ? term(terms[0]) : `(${terms.map(term).join(' OR ')})`);

/** A tier as an FTS5 MATCH expression. */
export function toMatch(tier: Tier): string {
  const all = tier.all.map((c) => anyOf(c.terms)).join(' AND ');
  return tier.not.length ? `(${all}) NOT ${anyOf(tier.not)}` : all;
}

export const sqliteSearch: SearchStore = {
  async write(trx, rowid, row) {
    await trx('patient_search').where({ rowid }).delete();
    await trx('patient_search').insert({ rowid, ...row });
  },

  async find(db, tier, { includeArchived, limit }) {
    const rows = (await db.raw(
      `SELECT patient_id FROM patient_search
        WHERE patient_search MATCH ? ${includeArchived ? '' : `AND status = 'active'`}
        ORDER BY sort_key, patient_id LIMIT ?`,
      [toMatch(tier), limit],
    )) as Array<{ patient_id: string }>;
    return rows.map((r) => r.patient_id);
  },

  async countArchived(db, tier) {
    const [row] = (await db.raw(`SELECT count(*) AS n FROM patient_search WHERE patient_search MATCH ? AND status = 'archived'`, [
      toMatch(tier),
    ])) as Array<{ n: number }>;
    return row.n;
  },
};
