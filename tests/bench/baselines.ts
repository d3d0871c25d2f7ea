import type { Knex } from 'knex';
import { parseQuery } from '../../main/patients/search-index';
import { toMatch } from '../../main/patients/search-sqlite';
import { joined } from '../../shared/text/fold';

/**
 * The naive search, for comparison: the same folded words as the FTS table, held in a
 * plain table (bench_naive, made by run.ts) and scanned with LIKE, every row, every
 * keystroke. It reads the typed query through the same parser (its clauses, not the
 * FTS5 text) and ranks exactly as the service promises: the last name starts with the
 * first word typed, then the first or preferred name does; a number ending with the
 * first digits typed, then the rest; then sort_key, then id. The benchmark checks that
 * it returns the same ids in the same order as the real search, which is what makes
 * the timing comparison fair.
 */
export async function likeSearch(db: Knex, query: string, limit: number, includeArchived = false): Promise<string[]> {
  const { clauses, lead, digits } = parseQuery(query);
  if (clauses.length === 0) return [];
  const where: string[] = [];
  const bindings: string[] = [];
  for (const clause of clauses) {
    const alternatives: string[] = [];
    for (const t of clause.terms) {
      for (const column of t.columns) {
        // Columns are words separated by single spaces; a word starts after a space.
        alternatives.push(t.prefix ? `(' ' || ${column}) LIKE ?` : `(' ' || ${column} || ' ') LIKE ?`);
        bindings.push(t.prefix ? `% ${t.term}%` : `% ${t.term} %`);
      }
    }
    where.push(`(${alternatives.join(' OR ')})`);
  }
  if (!includeArchived) where.push(`status = 'active'`);
  const leadPattern = `% ${lead ?? '\u0000'}%`;
  const endsPattern = `% ${digits ?? '\u0000'} %`;
  const rows = (await db.raw(
    `SELECT patient_id FROM bench_naive
      WHERE ${where.join(' AND ')}
      ORDER BY CASE WHEN (' ' || last) LIKE ? THEN 0 WHEN (' ' || given) LIKE ? THEN 1 ELSE 2 END,
               CASE WHEN (' ' || phone || ' ') LIKE ? THEN 0 ELSE 1 END, sort_key, patient_id
      LIMIT ?`,
    [...bindings, leadPattern, leadPattern, endsPattern, limit],
  )) as Array<{ patient_id: string }>;
  return rows.map((r) => r.patient_id);
}

/**
 * The control: one plain FTS5 query for every match of what was typed, ordered by the
 * name key, ids only, straight through knex. No ranking, no archived count, no
 * summaries, no handler path: what the index itself costs, beside the app's search.
 */
export async function plainFts(db: Knex, query: string, limit: number): Promise<string[]> {
  const { clauses } = parseQuery(query);
  if (clauses.length === 0) return [];
  const rows = (await db.raw(
    `SELECT patient_id FROM patient_search WHERE patient_search MATCH ? AND status = 'active' ORDER BY sort_key, patient_id LIMIT ?`,
    [toMatch(clauses), limit],
  )) as Array<{ patient_id: string }>;
  return rows.map((r) => r.patient_id);
}

/**
 * The floor: one B-tree range lookup on the indexed name key, 20 rows in index order.
 * No ranking, no other fields; what any search on this database costs at least.
 */
export async function prefixFloor(db: Knex, query: string, limit: number): Promise<string[]> {
  const key = joined(query);
  const rows = (await db.raw(
    'SELECT id FROM patients WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key LIMIT ?',
    [key, `${key}\u{10FFFF}`, limit],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
