import type { Handlers } from '../ipc/dispatcher';
import type { PatientService } from './service';

export function patientHandlers(patients: PatientService): Pick<Handlers, Extract<keyof Handlers, `patients.${string}`>> {
  return {
    'patients.search': patients.search,
    'patients.get': patients.get,
    'patients.findDuplicates': patients.findDuplicates,
    'patients.create': patients.create,
    'patients.update': patients.update,
    'patients.archive': patients.archive,
    'patients.restore': patients.restore,
  };
}
