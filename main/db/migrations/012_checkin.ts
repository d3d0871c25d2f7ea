import type { Knex } from 'knex';

/**
 * The alliance check-in and the therapists' tasks (issue 11 item 5).
 *
 * Questionnaires are versioned like the consent and intake templates: a check-in points
 * at the exact version, and each answer keeps the wording shown, so a later version
 * never changes what a patient was asked. The theme scores are stored with the check-in
 * (scored once, by the version's own definition), for trends and the dashboard.
 * A follow-up is linked by id only: its table belongs to the follow-up work (011).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('questionnaires', (t) => {
    t.text('id').primary();
    t.text('key').notNullable(); // which instrument: ours, or a clinic's own
    t.integer('version').notNullable();
    t.text('definition').notNullable(); // JSON: title, scale, themes, items (EN/FR), scoring
    t.text('change_note').notNullable().defaultTo('');
    t.text('created_by').references('id').inTable('staff');
    t.text('created_at').notNullable();
    t.unique(['key', 'version']);
  });

  await db.schema.createTable('checkins', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.text('questionnaire_id').notNullable().references('id').inTable('questionnaires');
    t.text('locale').notNullable();
    t.text('taken_by').notNullable(); // phone | patient
    t.text('recorded_by').notNullable().references('id').inTable('staff');
    t.text('taken_at').notNullable();
    t.text('followup_id'); // the follow-up it answered, if any
    t.text('appointment_id').references('id').inTable('appointments');
    t.text('scores').notNullable(); // JSON: [{ theme, score }]
    t.index(['patient_id', 'taken_at']);
    t.index(['taken_at']);
  });

  await db.schema.createTable('checkin_answers', (t) => {
    t.text('checkin_id').notNullable().references('id').inTable('checkins');
    t.text('item_id').notNullable();
    t.text('theme').notNullable();
    t.text('text').notNullable(); // the wording shown
    t.integer('value').notNullable();
    t.primary(['checkin_id', 'item_id']);
  });

  await db.schema.createTable('therapist_tasks', (t) => {
    t.text('id').primary();
    t.text('therapist_id').references('id').inTable('staff'); // null: no visit yet, for an admin
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.text('checkin_id').notNullable().references('id').inTable('checkins');
    t.text('reasons').notNullable(); // JSON: the low answers with what was said, the drops
    t.text('status').notNullable(); // open | closed
    t.text('created_at').notNullable();
    t.text('closing_note');
    t.text('closed_by').references('id').inTable('staff');
    t.text('closed_at');
    t.index(['therapist_id', 'status']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('therapist_tasks');
  await db.schema.dropTable('checkin_answers');
  await db.schema.dropTable('checkins');
  await db.schema.dropTable('questionnaires');
}
