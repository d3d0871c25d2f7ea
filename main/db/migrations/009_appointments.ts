import type { Knex } from 'knex';

/**
 * The front-desk day (issue 9, items 1 and 4): therapists' working hours, rooms,
 * appointment types, appointments, and the infection-screening question sets with the
 * screenings taken against them.
 *
 * Times are ISO UTC instants; the clinic's time zone (settings) turns them into the
 * day and hour the desk sees. Appointments are never deleted: a cancelled visit keeps
 * its reason, who and when. Screening sets are versioned like consent templates: a
 * screening points at the exact version and keeps the question text as it was shown.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('rooms', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.integer('active').notNullable().defaultTo(1);
  });
  await db.schema.createTable('appointment_types', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.integer('minutes').notNullable();
    t.text('consent_forms').notNullable().defaultTo('[]'); // JSON array of consent kinds this visit needs
    t.integer('active').notNullable().defaultTo(1);
  });
  await db.schema.createTable('working_hours', (t) => {
    t.text('staff_id').notNullable().references('staff.id');
    t.integer('weekday').notNullable(); // 1 = Monday … 7 = Sunday (ISO)
    t.text('start_time').notNullable(); // HH:MM, clinic time
    t.text('end_time').notNullable();
    t.primary(['staff_id', 'weekday']);
  });
  await db.schema.createTable('appointments', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('therapist_id').notNullable().references('staff.id');
    t.text('room_id').notNullable().references('rooms.id');
    t.text('type_id').notNullable().references('appointment_types.id');
    t.text('starts_at').notNullable();
    t.text('ends_at').notNullable();
    t.text('status').notNullable(); // booked | checked_in | checked_out | cancelled | no_show
    t.text('cancel_reason');
    t.text('scheduled_at').notNullable(); // when booked or last moved: screenings before it were for another slot
    t.text('created_by');
    t.text('created_at').notNullable();
    t.text('updated_by');
    t.text('updated_at').notNullable();
    t.text('checked_in_at');
    t.text('checked_out_at');
  });
  // The day's list, a therapist's week, a room's bookings, a patient's visits: each a range on one index.
  await db.raw('CREATE INDEX appointments_day ON appointments (starts_at)');
  await db.raw('CREATE INDEX appointments_therapist ON appointments (therapist_id, starts_at)');
  await db.raw('CREATE INDEX appointments_room ON appointments (room_id, starts_at)');
  await db.raw('CREATE INDEX appointments_patient ON appointments (patient_id, starts_at)');

  await db.schema.createTable('screening_sets', (t) => {
    t.text('id').primary();
    t.text('set_key').notNullable();
    t.integer('version').notNullable();
    t.text('content').notNullable(); // JSON: title, source, questions in English and French
    t.text('created_at').notNullable();
    t.text('created_by');
    t.unique(['set_key', 'version']);
  });
  await db.schema.createTable('screenings', (t) => {
    t.text('id').primary();
    t.text('appointment_id').notNullable().references('appointments.id');
    t.text('patient_id').notNullable().references('patients.id');
    t.text('stage').notNullable(); // booking | arrival
    t.text('set_id').notNullable().references('screening_sets.id');
    t.text('language').notNullable();
    t.text('answers').notNullable(); // JSON: question id, text as shown, answer
    t.integer('positive').notNullable();
    t.text('note');
    t.text('taken_by');
    t.integer('by_patient').notNullable().defaultTo(0);
    t.text('taken_at').notNullable();
    t.text('override_reason');
    t.text('override_by');
    t.text('override_at');
    t.text('pdf_sha256'); // of documents/screening-<id>.pdf, made again at each change
  });
  await db.raw('CREATE INDEX screenings_appointment ON screenings (appointment_id, taken_at)');
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['screenings', 'screening_sets', 'appointments', 'working_hours', 'appointment_types', 'rooms']) await db.schema.dropTable(table);
}
