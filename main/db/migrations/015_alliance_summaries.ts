import type { Knex } from 'knex';

/**
 * The alliance summaries made (issue 11 item 7). Each is a PDF in the documents folder,
 * `alliance-summary-<id>.pdf`, whose SHA-256 is kept here like a signed consent's: the
 * file printed or opened is checked against it, a backup copies it, and the start-up
 * sweep knows it is not an orphan. A summary is a dated document: never changed, a new
 * one is made instead.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('alliance_summaries', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('locale').notNullable(); // en-CA | fr-CA: the language it was written in
    t.text('sha256').notNullable();
    t.text('made_by').references('staff.id');
    t.text('made_at').notNullable();
    t.index(['patient_id', 'made_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('alliance_summaries');
}
