import type { Knex } from 'knex';

/**
 * Migration 014's appointments_visits (patient, start, status) serves every read that
 * 009's appointments_patient (patient, start) served, so every booking, move and
 * check-out was keeping two indexes for one job. The older one goes.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('DROP INDEX appointments_patient');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX appointments_patient ON appointments (patient_id, starts_at)');
}
