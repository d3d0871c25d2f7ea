import type { Handlers } from '../ipc/dispatcher';
import type { Result } from '../../shared/contract/result';
import type { ActingStaff } from '../staff/acting';
import type { PatientMode } from './service';

export function patientModeHandlers(
  patientMode: PatientMode,
  acting: ActingStaff,
  intakeVersion: (patientId: string) => Promise<number | null>,
  // day: whether the patient may answer this visit's arrival screening (theirs, not over).
  screenable: (appointmentId: string, patientId: string) => Promise<Result<unknown>>,
  // check-ins: the questionnaire version in use when the screen is handed over.
  questionnaireId?: () => Promise<string>,
): Pick<Handlers, Extract<keyof Handlers, `patientMode.${string}`>> {
  return {
    // Who explained the forms is the person handing the screen over; a witness comes from the staff list.
    'patientMode.enter': async ({ intake, checkin, arrivalScreening, ...input }) => {
      const names = await acting.names(input.witnessId);
      if (!names.ok) return names;
      // The version on file now: the step is done once the patient has saved the next one.
      const step = intake ? { intake: { basedOnVersion: await intakeVersion(input.patientId) } } : {};
      if (arrivalScreening) {
        const visit = await screenable(arrivalScreening, input.patientId);
        if (!visit.ok) return visit;
      }
      const screening = arrivalScreening ? { arrivalScreening: { appointmentId: arrivalScreening, result: null } } : {};
      const checkinStep = checkin && questionnaireId ? { checkin: { questionnaireId: await questionnaireId(), done: false } } : {};
      return patientMode.enter({ ...input, ...names.value, ...step, ...screening, ...checkinStep });
    },
    'patientMode.current': patientMode.current,
    'patientMode.exit': patientMode.exit,
  };
}
