import type { Knex } from 'knex';

/**
 * Intake (health history), issue 9 item 3. Templates are versioned like consent
 * templates. A patient's intake is a list of versions, never edited in place: each
 * points at the template version it used and keeps the questions as shown. A review
 * ("no changes since your last visit") is its own row, with who and when.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('intake_templates', (t) => {
    t.text('id').primary();
    t.integer('version').notNullable().unique();
    t.text('source').notNullable();
    t.text('questions').notNullable(); // JSON array of { key, type, options?, required? }
    t.text('locales').notNullable(); // JSON: { 'en-CA': {...}, 'fr-CA': {...} }
    t.text('change_note').notNullable().defaultTo('');
    t.text('created_at').notNullable();
  });

  await db.schema.createTable('intakes', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.integer('version').notNullable();
    t.text('template_id').notNullable().references('id').inTable('intake_templates');
    t.text('locale').notNullable();
    t.text('questions').notNullable(); // JSON: the questions as shown, in that locale
    t.text('answers').notNullable(); // JSON: question key → answer
    t.text('filled_by').notNullable(); // patient | staff
    t.text('recorded_by').notNullable().references('id').inTable('staff');
    t.text('recorded_at').notNullable();
    // Two desks saving a change at once cannot both make version n + 1.
    t.unique(['patient_id', 'version']);
  });

  await db.schema.createTable('intake_reviews', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.text('intake_id').notNullable().references('id').inTable('intakes');
    t.text('reviewed_by').notNullable().references('id').inTable('staff');
    t.text('reviewed_at').notNullable();
    t.index(['patient_id', 'reviewed_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('intake_reviews');
  await db.schema.dropTable('intakes');
  await db.schema.dropTable('intake_templates');
}
