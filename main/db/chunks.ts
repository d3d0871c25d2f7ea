/**
 * `items` in runs of at most `size`: a statement binds a bounded number of values (SQLite
 * 32,766), so long lists of ids or rows go to the database a run at a time.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
