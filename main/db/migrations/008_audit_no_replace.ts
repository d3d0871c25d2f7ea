import type { Knex } from 'knex';

/**
 * Closes the routes 002's UPDATE and DELETE triggers left open (issue 12, item 3).
 * `INSERT OR REPLACE`, `REPLACE` and an insert that names an existing `seq` remove the
 * old row through conflict resolution, and SQLite fires no DELETE trigger for that
 * unless `recursive_triggers` is on: an event could be rewritten silently. An upsert
 * (`ON CONFLICT … DO UPDATE`) is caught by the UPDATE trigger, but `DO NOTHING` and
 * `INSERT OR IGNORE` would quietly swallow a second event under a used id.
 *
 * One BEFORE INSERT trigger closes all of them: it runs before conflict resolution
 * and refuses any insert whose id or seq is already taken, so the old row is never
 * reached. A pragma would not do: it is per connection, and any other tool opening the
 * file would not set it; the trigger lives in the file.
 *
 * What a trigger cannot stop (DROP TABLE, DROP TRIGGER, editing the file) is left to
 * the hash chain: it cannot be prevented, only detected.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`CREATE TRIGGER audit_events_no_overwrite BEFORE INSERT ON audit_events
    WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id OR seq = NEW.seq)
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be replaced'); END`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS audit_events_no_overwrite');
}
