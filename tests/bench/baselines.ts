import type { Knex } from 'knex';
import { parseQuery, slotsPerBlock } from '../../main/patients/search-index';
import { joined } from '../../shared/text/fold';

/**
 * The naive search, for comparison: the same folded words as the FTS table, held in a
 * plain table (bench_naive, made by run.ts) and scanned with LIKE, every row, every
 * keystroke. It reads the typed query through the same parser (its clauses, not its
 * FTS5 text) and ranks exactly as the service promises: the last name starts with the
 * first word typed, then the first or preferred name does, then the rest; then
 * sort_key, then id. The benchmark checks that it returns the same ids in the same
 * order as the real search, which is what makes the timing comparison fair.
 */
export async function likeSearch(db: Knex, query: string, limit: number, includeArchived = false): Promise<string[]> {
  const { clauses, lead } = parseQuery(query);
  if (clauses.length === 0) return [];
  const where: string[] = [];
  const bindings: string[] = [];
  for (const clause of clauses) {
    const alternatives: string[] = [];
    for (const t of clause.terms) {
      for (const column of t.columns ?? clause.columns) {
        // Columns are words separated by single spaces; a word starts after a space.
        if (t.prefix) {
          alternatives.push(`(' ' || ${column}) LIKE ?`);
          bindings.push(`% ${t.term}%`);
        } else {
          alternatives.push(`(' ' || ${column} || ' ') LIKE ?`);
          bindings.push(`% ${t.term} %`);
        }
      }
    }
    where.push(`(${alternatives.join(' OR ')})`);
  }
  if (!includeArchived) where.push(`status = 'active'`);
  const leadPattern = `% ${lead ?? '\u0000'}%`;
  const rows = (await db.raw(
    `SELECT patient_id FROM bench_naive
      WHERE ${where.join(' AND ')}
      ORDER BY CASE WHEN (' ' || last) LIKE ? THEN 0 WHEN (' ' || given) LIKE ? THEN 1 ELSE 2 END, sort_key, patient_id
      LIMIT ?`,
    [...bindings, leadPattern, leadPattern, limit],
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

/** Rows whose rowid block goes backwards in (sort_key, patient_id) order: must be none. */
export async function rowidOrderBroken(db: Knex): Promise<number> {
  const rows = (await db.raw('SELECT rowid AS r FROM patient_search ORDER BY sort_key, patient_id')) as Array<{ r: number }>;
  let broken = 0;
  let block = -Infinity;
  for (const { r } of rows) {
    const b = Math.floor(r / slotsPerBlock);
    if (b < block) broken++;
    block = Math.max(block, b);
  }
  return broken;
}
