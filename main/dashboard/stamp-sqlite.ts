import type { Knex } from 'knex';

/**
 * SQLite's own word for "nothing was written since": `total_changes()` counts every row
 * this connection inserted, updated or deleted (main holds the only writing connection,
 * main/db/connection.ts), and `data_version` moves when another connection commits.
 * Equal stamps mean the same data. SQLite-only, kept in its own module like search: the
 * PostgreSQL server mode will need its own (for example a counter its triggers move).
 */
export async function changeStamp(db: Knex): Promise<string> {
  const [{ n }] = (await db.raw('SELECT total_changes() AS n')) as Array<{ n: number }>;
  const [{ data_version: version }] = (await db.raw('PRAGMA data_version')) as Array<{ data_version: number }>;
  return `${n}:${version}`;
}
