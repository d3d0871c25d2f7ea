import type { Knex } from 'knex';
import type { PatientSession } from '../../shared/contract/consent';

/** Where the patient-mode session survives a restart: one row of app_state. */
export function sessionStore(db: Knex, now: () => Date) {
  return {
    load: async (): Promise<unknown> => {
      const row = await db('app_state').where({ key: 'patient_mode' }).first('value');
      return row ? JSON.parse(row.value) : null;
    },
    save: async (session: PatientSession | null): Promise<void> => {
      await db('app_state')
        .insert({ key: 'patient_mode', value: JSON.stringify(session), updated_at: now().toISOString() })
        .onConflict('key')
        .merge();
    },
  };
}
