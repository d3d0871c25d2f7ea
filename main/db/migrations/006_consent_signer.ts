import type { Knex } from 'knex';

/**
 * Who signed, when it was not the patient: a parent, guardian or representative signs for
 * a minor or a patient who cannot consent for themselves, and the record must say so.
 * Every consent recorded before this was signed by the patient ('self').
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('consents', (t) => {
    t.text('signer_relationship').notNullable().defaultTo('self');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('consents', (t) => {
    t.dropColumn('signer_relationship');
  });
}
