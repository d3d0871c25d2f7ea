import type { Knex } from 'knex';

/**
 * The audit log the colleges' record-keeping rules ask of electronic records.
 * Append-only, enforced by the database itself: an edited audit log is worthless.
 * `detail` never holds clinical content, only what changed (field names, ids).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('audit_events', (t) => {
    t.increments('seq');
    t.text('id').notNullable().unique();
    t.text('at').notNullable();
    t.text('actor'); // staff member, once staff sign-in exists; null = this workstation
    t.text('action').notNullable(); // e.g. patient.created
    t.text('entity').notNullable();
    t.text('entity_id').notNullable();
    t.text('detail').notNullable().defaultTo('{}');
    t.index(['entity', 'entity_id']);
  });
  await db.raw(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END`);
  await db.raw(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END`);

  // Records created before the log existed get a "created" event, so every record has one.
  const rows = await db('patients').select('id', 'created_at');
  for (const row of rows as Array<{ id: string; created_at: string }>) {
    await db('audit_events').insert({
      id: crypto.randomUUID(),
      at: row.created_at,
      actor: null,
      action: 'patient.created',
      entity: 'patient',
      entity_id: row.id,
      detail: JSON.stringify({ backfilled: true }),
    });
  }
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('audit_events');
}
