import type { Handlers } from '../ipc/dispatcher';
import type { PatientSession } from '../../shared/contract/consent';
import type { ActingStaff } from '../staff/acting';
import type { CheckinService } from './service';

export function checkinHandlers(deps: {
  checkin: CheckinService;
  acting: ActingStaff;
  /** The patient-mode session, when the patient holds the screen: then the patient answered, once per session. */
  patientSession: () => Promise<PatientSession | null>;
}): Pick<Handlers, Extract<keyof Handlers, `checkin.${string}`>> {
  const { checkin, acting } = deps;
  return {
    'checkin.questionnaire': checkin.questionnaire,
    'checkin.saveQuestionnaire': async (input) => {
      const me = await acting.me();
      return me.ok ? checkin.saveQuestionnaire({ ...input, staffId: me.value.id }) : me;
    },
    // Who recorded it is the person signed in, or who handed the screen to the patient.
    'checkin.record': async (input) => {
      const me = await acting.me();
      if (!me.ok) return me;
      const session = await deps.patientSession();
      const byPatient = session ? { takenBy: 'patient' as const, patientSince: session.startedAt } : { takenBy: 'phone' as const };
      return checkin.record({ ...input, ...byPatient, staffId: me.value.id });
    },
    'checkin.history': checkin.history,
    // Each therapist's own tasks, decided here in main, never by what the screen asks for.
    'checkin.tasks': async ({ status }) => {
      const me = await acting.me();
      return me.ok ? checkin.tasks({ status, staffId: me.value.id, admin: me.value.roles.includes('admin') }) : me;
    },
    'checkin.closeTask': async (input) => {
      const me = await acting.me();
      return me.ok ? checkin.closeTask({ ...input, staffId: me.value.id, admin: me.value.roles.includes('admin') }) : me;
    },
  };
}
