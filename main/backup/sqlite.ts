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

/**
 * The distinct logos named in consent snapshots. JSON is read inside SQLite: parsing
 * every snapshot in JavaScript costs seconds at every start once a clinic has 100,000
 * consents, and the start-up sweep needs this list.
 */
export async function consentLogos(db: Knex): Promise<Array<{ file: string; sha256: string }>> {
  return (await db.raw(
    `SELECT DISTINCT json_extract(snapshot, '$.clinic.logo.file') AS file, json_extract(snapshot, '$.clinic.logo.sha256') AS sha256
       FROM consents WHERE json_extract(snapshot, '$.clinic.logo.file') IS NOT NULL`,
  )) as Array<{ file: string; sha256: string }>;
}

/** Migrations a database has that this version of Rapport does not know (a backup from a newer version). */
export async function unknownMigrations(db: Knex, known: readonly string[]): Promise<string[]> {
  const names = (await db('knex_migrations').pluck('name').catch(() => [])) as string[];
  return names.filter((n) => !known.includes(n));
}
