import type { Knex } from 'knex';
import type { PatientSession } from '../../shared/contract/consent';
import { appendAudit } from '../audit/log';

/**
 * Where the patient-mode session survives a restart: one row of app_state, saved in ONE
 * transaction with the audit entry of its entry or exit (issue 12, item 2).
 */
export function sessionStore(db: Knex, now: () => Date, newId: () => string) {
  return {
    load: async (): Promise<unknown> => {
      const row = await db('app_state').where({ key: 'patient_mode' }).first('value');
      return row ? JSON.parse(row.value) : null;
    },
    save: (session: PatientSession | null, { action, patientId, actor }: { action: string; patientId: string; actor?: string }): Promise<void> =>
      db.transaction(async (trx) => {
        const at = now().toISOString();
        await trx('app_state').insert({ key: 'patient_mode', value: JSON.stringify(session), updated_at: at }).onConflict('key').merge();
        // The actor: who unlocked, when given; otherwise whoever makes this call.
        await appendAudit(trx, newId, { at, action, entity: 'patient', entityId: patientId, actor });
      }),
  };
}
