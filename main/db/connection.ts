import { closeSync, openSync } from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import { privateFileMode } from '../files/private';
import { immediateSqlite } from './immediate';

export type Db = Knex;

/**
 * Opens the clinic database. One connection: SQLite serialises writers anyway, and a
 * single connection means a transaction never waits on the pool for itself.
 */
export function openDatabase(filename: string): Db {
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the mode of
  // the database file, so all three are private to this account from the first write.
  closeSync(openSync(filename, 'a', privateFileMode));
  return knexFactory({
    // knex's sqlite3 client, with write transactions that wait for the lock (see immediate.ts).
    client: immediateSqlite,
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { exec(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        // FULL sync: clinics lose power, and a booked visit must survive it. A 64 MB page
        // cache instead of SQLite's 2 MB: a search reads rows all over the search index, and
        // each page not cached is a system call (at 100,000 patients, sorting a page of a
        // thousand matches took 1.4 ms with 2 MB and 0.6 ms with 64 MB; `npm run bench`).
        conn.exec(
          'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536;',
          (error) => done(error, conn),
        );
      },
    },
  });
}
