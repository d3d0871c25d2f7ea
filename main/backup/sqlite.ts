import { pathToFileURL } from 'node:url';
import knexFactory, { type Knex } from 'knex';

/**
 * The SQLite-only parts of backups (VACUUM INTO, PRAGMA checks), kept in one place so
 * a server dialect can bring its own (pg_dump) behind the same functions.
 */

/** A second, read-only connection: the app's own connection keeps serving the desk meanwhile. */
export function openReadOnly(filename: string): Knex {
  return knexFactory({
    client: 'sqlite3',
    // knex always adds OPEN_READWRITE to the flags; a URI's mode=ro narrows it to read-only.
    connection: { filename: `${pathToFileURL(filename).href}?mode=ro`, flags: ['OPEN_URI'] },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}

/**
 * A consistent copy while the app keeps writing: VACUUM INTO reads one snapshot (WAL
 * lets writers go on beside it) and writes a compact file with no WAL of its own.
 */
export async function snapshotInto(database: string, target: string): Promise<void> {
  const db = openReadOnly(database);
  try {
    await db.raw('VACUUM INTO ?', [target]);
  } finally {
    await db.destroy();
  }
}

/** What is wrong with a database file, in SQLite's words; empty when nothing is. */
export async function databaseProblems(db: Knex, check: 'integrity_check' | 'quick_check' = 'integrity_check'): Promise<string[]> {
  const rows = (await db.raw(`PRAGMA ${check}`)) as Array<Record<string, string>>;
  const found = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  // The quick check at every start stays quick; a backup gets the full one.
  if (check === 'quick_check') return found;
  const orphans = (await db.raw('PRAGMA foreign_key_check')) as Array<{ table: string }>;
  return [...found, ...orphans.map((o) => `a row in ${o.table} points at a record that is not there`)];
}
