import type { Knex } from 'knex';

const tookPlace = "('checked_in', 'checked_out')";

/** The statements that put one patient's first two visits that took place in first_visits. */
const refresh = (patient: string) => `
    DELETE FROM first_visits WHERE patient_id = ${patient};
    INSERT INTO first_visits (patient_id, first_at, next_at)
      SELECT ${patient}, f.first_at, (SELECT MIN(n.starts_at) FROM appointments n
                                       WHERE n.patient_id = ${patient} AND n.status IN ${tookPlace} AND n.starts_at > f.first_at)
        FROM (SELECT MIN(a.starts_at) AS first_at FROM appointments a WHERE a.patient_id = ${patient} AND a.status IN ${tookPlace}) f
       WHERE f.first_at IS NOT NULL;`;

/**
 * What the dashboard adds up, kept as it is written, so a read adds up hundreds of rows
 * instead of a year of a clinic's visits, follow-ups and check-ins
 * (tests/bench/dashboard.bench.ts: 320 ms at 100,000 patients before).
 *
 * - `first_visits`: each patient's first visit that took place and the next one, for
 *   "do new patients come back?". Kept by triggers on appointments, so every path that
 *   writes a visit (booking, moving, checking in and out, cancelling, a purge, an
 *   import) keeps it right with nothing to remember. It holds instants, not days, so it
 *   does not depend on the clinic's time zone. No foreign key: a patient's row goes
 *   with their last visit that took place, before the patient can be deleted.
 * - `follow_up_days`: how many follow-ups fall due on each day, by status, for "do we
 *   do our follow-ups?". Kept by triggers on follow_ups, for the same reason; a due day
 *   is already the clinic's day.
 * - `checkins.therapist_id`: whom a check-in is about, decided once when it is taken
 *   (the visit it names, or else the latest visit that took place before it), the
 *   therapist its task goes to. Filled here for the check-ins already taken, by the same rule.
 * - `checkin_theme_days` and `checkin_therapist_days`: check-in totals per clinic day.
 *   A clinic day needs the clinic's time zone, which lives in the settings, not here:
 *   main/dashboard/totals.ts fills them at the first read and keeps them at each check-in.
 *   Totals are in hundredths, so sums are exact.
 *
 * Triggers are SQLite's; the clinic-server mode writes the same ones for PostgreSQL.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE TABLE first_visits (patient_id TEXT PRIMARY KEY, first_at TEXT NOT NULL, next_at TEXT)');
  await db.raw('CREATE INDEX first_visits_first ON first_visits (first_at, next_at)');
  await db.raw(`
    INSERT INTO first_visits (patient_id, first_at, next_at)
      SELECT f.patient_id, f.first_at, (SELECT MIN(n.starts_at) FROM appointments n
                                         WHERE n.patient_id = f.patient_id AND n.status IN ${tookPlace} AND n.starts_at > f.first_at)
        FROM (SELECT patient_id, MIN(starts_at) AS first_at FROM appointments WHERE status IN ${tookPlace} GROUP BY patient_id) f`);
  // A booking (status booked) changes nothing here: the trigger's WHEN skips it.
  await db.raw(`CREATE TRIGGER first_visits_insert AFTER INSERT ON appointments WHEN NEW.status IN ${tookPlace} BEGIN ${refresh('NEW.patient_id')} END`);
  await db.raw(`
    CREATE TRIGGER first_visits_update AFTER UPDATE OF status, starts_at, patient_id ON appointments
      WHEN OLD.status IN ${tookPlace} OR NEW.status IN ${tookPlace}
    BEGIN ${refresh('OLD.patient_id')} ${refresh('NEW.patient_id')} END`);
  await db.raw(`CREATE TRIGGER first_visits_delete AFTER DELETE ON appointments WHEN OLD.status IN ${tookPlace} BEGIN ${refresh('OLD.patient_id')} END`);

  await db.raw('CREATE TABLE follow_up_days (due_day TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (due_day, status))');
  await db.raw('INSERT INTO follow_up_days (due_day, status, n) SELECT due_day, status, COUNT(*) FROM follow_ups GROUP BY due_day, status');
  const count = (row: 'NEW' | 'OLD', by: 1 | -1) =>
    `INSERT INTO follow_up_days (due_day, status, n) VALUES (${row}.due_day, ${row}.status, ${by}) ON CONFLICT (due_day, status) DO UPDATE SET n = n + ${by};`;
  await db.raw(`CREATE TRIGGER follow_up_days_insert AFTER INSERT ON follow_ups BEGIN ${count('NEW', 1)} END`);
  await db.raw(`CREATE TRIGGER follow_up_days_update AFTER UPDATE OF due_day, status ON follow_ups BEGIN ${count('OLD', -1)} ${count('NEW', 1)} END`);
  await db.raw(`CREATE TRIGGER follow_up_days_delete AFTER DELETE ON follow_ups BEGIN ${count('OLD', -1)} END`);

  await db.raw('ALTER TABLE checkins ADD COLUMN therapist_id TEXT REFERENCES staff(id)');
  await db.raw(`
    UPDATE checkins SET therapist_id = COALESCE(
      (SELECT a.therapist_id FROM appointments a WHERE a.id = checkins.appointment_id),
      (SELECT v.therapist_id FROM appointments v
        WHERE v.patient_id = checkins.patient_id AND v.status IN ${tookPlace} AND v.starts_at <= checkins.taken_at
        ORDER BY v.starts_at DESC LIMIT 1))`);

  await db.schema.createTable('checkin_theme_days', (t) => {
    t.text('questionnaire_key').notNullable();
    t.text('day').notNullable();
    t.text('theme').notNullable();
    t.integer('n').notNullable();
    t.integer('total').notNullable(); // hundredths
    t.primary(['questionnaire_key', 'day', 'theme']);
  });
  await db.schema.createTable('checkin_therapist_days', (t) => {
    t.text('questionnaire_key').notNullable();
    t.text('day').notNullable();
    t.text('therapist_id').notNullable(); // '' for a check-in about no one yet
    t.integer('n').notNullable();
    t.integer('total').notNullable(); // hundredths of each check-in's mean score
    t.primary(['questionnaire_key', 'day', 'therapist_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('checkin_therapist_days');
  await db.schema.dropTable('checkin_theme_days');
  await db.schema.alterTable('checkins', (t) => t.dropColumn('therapist_id'));
  for (const table of ['follow_up_days', 'first_visits']) {
    for (const write of ['insert', 'update', 'delete']) await db.raw(`DROP TRIGGER ${table}_${write}`);
    await db.raw(`DROP TABLE ${table}`);
  }
}
