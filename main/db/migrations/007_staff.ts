import type { Knex } from 'knex';
import { genesisHash, rowHash, type ChainedFields } from '../../audit/chain';

/**
 * Staff accounts, and the audit trail chained by hash (issue 8).
 *
 * Staff are never deleted (`active` = 0 retires them): consents and audit entries keep
 * pointing at them. The PIN or password is kept only as an scrypt hash with its own
 * salt; failed attempts and the lock live here, not in memory, so a restart gives no
 * fresh tries (issue 12, item 4).
 *
 * Existing audit rows are chained in their order, so a clinic upgrading keeps one trail.
 * The no-update trigger is lifted for that one pass and put back exactly as 002 made it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('staff', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('initials').notNullable();
    t.text('roles').notNullable(); // JSON array of 'admin' | 'therapist' | 'reception'
    t.integer('active').notNullable().defaultTo(1);
    t.text('secret_hash').notNullable(); // scrypt$N$r$p$salt$hash
    t.text('secret_kind').notNullable(); // pin | password: which keypad the sign-in shows
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.integer('lockouts').notNullable().defaultTo(0);
    t.text('locked_until');
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
  });
  await db.schema.alterTable('audit_events', (t) => {
    t.text('prev_hash');
    t.text('hash');
  });

  await db.raw('DROP TRIGGER audit_events_no_update');
  let prev = genesisHash;
  const rows = (await db('audit_events').orderBy('seq').select('seq', 'id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail')) as ChainedFields[];
  for (const row of rows) {
    const hash = rowHash(prev, row);
    await db('audit_events').where({ seq: row.seq }).update({ prev_hash: prev, hash });
    prev = hash;
  }
  await db.raw(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END`);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('staff');
  await db.raw('DROP TRIGGER audit_events_no_update');
  await db.schema.alterTable('audit_events', (t) => {
    t.dropColumn('prev_hash');
    t.dropColumn('hash');
  });
  await db.raw(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END`);
}
