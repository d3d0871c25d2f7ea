import { createRequire } from 'node:module';
import type { Knex } from 'knex';

/**
 * knex's SQLite client, whose transactions begin IMMEDIATE instead of DEFERRED.
 *
 * A deferred transaction reads first and asks for the write lock at its first write. If
 * another writer committed in between, SQLite cannot let it write on its stale snapshot
 * and answers SQLITE_BUSY at once, without waiting out busy_timeout: a save that needed
 * only to wait a moment fails. BEGIN IMMEDIATE takes the write lock first, waiting up to
 * busy_timeout for it, so every read inside the transaction sees what it will write on.
 * Rapport's transactions are all writes, and one connection serves the app, so nothing
 * is lost by taking the lock at the start.
 *
 * knex has no option for this (its SQLite transaction always sends `BEGIN;`), so this
 * subclasses its client and transaction, reached by path: knex is pinned to an exact
 * version in package.json, and tests/integration/write-lock.test.ts fails if a knex
 * update stops this from taking effect.
 */
const require = createRequire(import.meta.url);

interface TransactionBase {
  query(conn: unknown, sql: string): Promise<unknown>;
}
type TransactionClass = new (...args: unknown[]) => TransactionBase;
type ClientClass = new (config: Knex.Config) => object;

const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js') as TransactionClass;
const SqliteClient = require('knex/lib/dialects/sqlite3/index.js') as ClientClass;

class ImmediateTransaction extends SqliteTransaction {
  /** Only an outermost transaction begins; a nested one is a SAVEPOINT inside it. */
  begin(conn: unknown) {
    return this.query(conn, 'BEGIN IMMEDIATE;');
  }
}

class ImmediateSqliteClient extends SqliteClient {
  transaction(...args: unknown[]) {
    return new ImmediateTransaction(this, ...args);
  }
}

export const immediateSqlite = ImmediateSqliteClient as unknown as typeof Knex.Client;
