import type { Handlers } from '../ipc/dispatcher';
import type { PatientMode } from './service';

export function patientModeHandlers(patientMode: PatientMode): Pick<Handlers, Extract<keyof Handlers, `patientMode.${string}`>> {
  return {
    'patientMode.enter': patientMode.enter,
    'patientMode.current': patientMode.current,
    'patientMode.exit': patientMode.exit,
  };
}
