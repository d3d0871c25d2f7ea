import type { Knex } from 'knex';

/**
 * State the app must keep across a restart that is neither a setting nor a record:
 * first of all patient mode, so closing and reopening the app does not hand the desk's
 * screens to the patient holding it. Key to JSON value.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('app_state', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
    t.text('updated_at').notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('app_state');
}
