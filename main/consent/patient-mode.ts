import type { Channel } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import type { PatientSession } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';

/** What the screen may still ask while the patient holds it: the forms, and the way out. */
const allowedInPatientMode = new Set<Channel>(['patientMode.current', 'patientMode.exit', 'consent.templates', 'consent.sign', 'settings.get']);

/**
 * Patient mode is held here in main, not in the screen: a reload, a Back press or a
 * stray shortcut in the renderer cannot end it, and while it is on every channel but
 * signing the session's own forms is refused. Only the staff PIN ends it.
 */
export function createPatientMode(deps: {
  getPatient: (id: string) => Promise<Patient | null>;
  checkPin: (pin: string) => Result<{ unlocked: true }>;
  pinIsSet: () => boolean;
}) {
  let session: PatientSession | null = null;

  return {
    async enter(input: Omit<PatientSession, 'patientName'>): Promise<Result<PatientSession>> {
      if (!deps.pinIsSet()) {
        return err('forbidden', 'Set a staff PIN in Settings first: it is the only way out of patient mode.', { kinds: 'No staff PIN is set' });
      }
      const patient = await deps.getPatient(input.patientId);
      if (!patient) return err('not_found', 'This patient record no longer exists.');
      if (patient.archivedAt) return err('conflict', 'This patient is archived. Restore the record before recording consent.');
      session = { ...input, patientName: `${patient.firstName} ${patient.lastName}` };
      return ok(session);
    },
    current: async (): Promise<Result<{ session: PatientSession | null }>> => ok({ session }),
    exit: async ({ pin }: { pin: string }): Promise<Result<{ unlocked: true }>> => {
      const checked = deps.checkPin(pin);
      if (checked.ok) session = null;
      return checked;
    },
    /** Null when the call may go ahead; otherwise the refusal the caller gets. */
    refuse(channel: Channel, input: unknown): Result<never> | null {
      if (!session) return null;
      const refusal = err('forbidden', 'Patient mode is on: a staff member must unlock it with the PIN first.');
      if (!allowedInPatientMode.has(channel)) return refusal;
      if (channel === 'consent.sign') {
        const sign = input as { patientId: string; kind: PatientSession['kinds'][number] };
        if (sign.patientId !== session.patientId || !session.kinds.includes(sign.kind)) return refusal;
      }
      return null;
    },
  };
}
export type PatientMode = ReturnType<typeof createPatientMode>;
