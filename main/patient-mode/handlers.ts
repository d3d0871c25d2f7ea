import type { Handlers } from '../ipc/dispatcher';
import type { ActingStaff } from '../staff/acting';
import type { PatientMode } from './service';

export function patientModeHandlers(patientMode: PatientMode, acting: ActingStaff): Pick<Handlers, Extract<keyof Handlers, `patientMode.${string}`>> {
  return {
    // Who explained the forms is the person handing the screen over; a witness comes from the staff list.
    'patientMode.enter': async (input) => {
      const names = await acting.names(input.witnessId);
      return names.ok ? patientMode.enter({ ...input, ...names.value }) : names;
    },
    'patientMode.current': patientMode.current,
    'patientMode.exit': patientMode.exit,
  };
}
