import type { Knex } from 'knex';

/**
 * The dashboard's reads (issue 11 item 6). "Do new patients come back?" needs each
 * patient's visits that took place, in order: with the status in the index beside the
 * patient and the time, it is read from the index alone, never from the table's rows
 * (tests/bench/dashboard.bench.ts measures the difference). Adherence is added up by
 * when it was recorded, with its level, from its own index too.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX appointments_visits ON appointments (patient_id, starts_at, status)');
  await db.raw('CREATE INDEX adherence_recorded ON adherence_records (recorded_at, level)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX adherence_recorded');
  await db.raw('DROP INDEX appointments_visits');
}
