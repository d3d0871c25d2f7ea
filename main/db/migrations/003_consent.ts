import type { Knex } from 'knex';

/**
 * Consent templates and signed consents. Templates are versioned and never edited in
 * place: a consent points at the exact version the patient read. Consents are never
 * deleted: withdrawal is recorded on the row and the row stays in the history.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('consent_templates', (t) => {
    t.text('id').primary();
    t.text('kind').notNullable();
    t.integer('version').notNullable();
    t.text('source').notNullable();
    t.text('choices').notNullable(); // JSON array of choice keys
    t.text('locales').notNullable(); // JSON: { 'en-CA': {...}, 'fr-CA': {...} }
    t.boolean('material').notNullable().defaultTo(false);
    t.text('change_note').notNullable().defaultTo('');
    t.text('created_at').notNullable();
    t.unique(['kind', 'version']);
  });

  await db.schema.createTable('consents', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.text('template_id').notNullable().references('id').inTable('consent_templates');
    t.text('kind').notNullable();
    t.text('locale').notNullable();
    t.text('choices').notNullable(); // JSON array
    t.text('method').notNullable(); // screen | paper | verbal
    t.text('signer_name').notNullable();
    t.text('signed_at').notNullable();
    t.text('explained_by').notNullable();
    t.text('witnessed_by').notNullable().defaultTo('');
    t.text('recorded_at').notNullable();
    // What the form showed when signed, so the PDF re-renders to the same bytes
    // even after the clinic moves or the patient changes name.
    t.text('snapshot').notNullable();
    t.text('pdf_sha256').notNullable();
    t.text('signature_sha256'); // screen signatures: the PNG beside the PDF
    t.text('scan_file'); // paper: the scan's file name in the documents folder
    t.text('scan_sha256');
    t.text('withdrawn_at');
    t.text('withdrawn_reason').notNullable().defaultTo('');
    t.text('withdrawn_by').notNullable().defaultTo('');
    t.index(['patient_id', 'kind', 'signed_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('consents');
  await db.schema.dropTable('consent_templates');
}
