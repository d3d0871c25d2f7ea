import type { Handlers } from '../ipc/dispatcher';
import type { PatientSession } from '../../shared/contract/consent';
import type { ActingStaff } from '../staff/acting';
import type { CheckinService } from './service';
import { createDrafts } from './drafts';
import { ok } from '../../shared/contract/result';

export function checkinHandlers(deps: {
  checkin: CheckinService;
  acting: ActingStaff;
  /** The patient-mode session, when the patient holds the screen: then the patient answered, once per session. Kept in memory by patient mode: no query. */
  patientSession: () => PatientSession | null;
}): Pick<Handlers, Extract<keyof Handlers, `checkin.${string}`>> {
  const { checkin, acting } = deps;
  const drafts = createDrafts();
  /** Whose draft: the patient-mode session holding the screen, else the person signed in. */
  const ownerOf = (session: PatientSession | null, staffId: string) => (session ? `patient:${session.startedAt}` : `staff:${staffId}`);
  const owner = async () => {
    const me = await acting.me();
    return me.ok ? ownerOf(deps.patientSession(), me.value.id) : null;
  };
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
      const session = deps.patientSession();
      const byPatient = session ? { takenBy: 'patient' as const, patientSince: session.startedAt } : { takenBy: 'phone' as const };
      const done = await checkin.record({ ...input, ...byPatient, staffId: me.value.id });
      // Recorded (or already recorded in this patient-mode session): the draft has served.
      if (done.ok || done.error.code === 'conflict') drafts.drop(ownerOf(session, me.value.id), input.patientId);
      return done;
    },
    'checkin.draft': async ({ patientId, questionnaireId }) => {
      const who = await owner();
      return ok({ answers: who ? drafts.get(who, patientId, questionnaireId) : [] });
    },
    'checkin.saveDraft': async ({ patientId, questionnaireId, answers }) => {
      const who = await owner();
      return ok({ answers: who ? drafts.put(who, patientId, questionnaireId, answers) : [] });
    },
    'checkin.dropDraft': async ({ patientId }) => {
      const who = await owner();
      return ok({ dropped: who ? drafts.drop(who, patientId) : false });
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
