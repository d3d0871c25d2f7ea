import type { IntakeStatus } from '../../../shared/contract/intake';
import type { StepStatus } from '../../../shared/contract/today';
import type { TodayStepModule } from './types';

/**
 * The health history (issue 9 item 3): missing for a new patient, missing when it is
 * older than the clinic's review period ("any changes since your last visit?"), done
 * when current. One query for the whole day (main/intake/status.ts).
 */
export function intakeStep(statusOf: (patientIds: readonly string[]) => Promise<Map<string, IntakeStatus>>): TodayStepModule {
  return {
    step: 'intake',
    async check({ appointments, say }) {
      const statuses = await statusOf(appointments.map((a) => a.patientId));
      const out = new Map<string, Omit<StepStatus, 'step'>>();
      for (const a of appointments) {
        const state = statuses.get(a.patientId)?.state ?? 'none';
        // After the visit there is nothing left to ask today; the next visit shows it again.
        if (state === 'current') out.set(a.id, { state: 'done', detail: say('today.intake.current') });
        else if (a.status === 'checked_out') out.set(a.id, { state: 'not_needed', detail: '' });
        else out.set(a.id, { state: 'missing', detail: state === 'none' ? say('today.intake.new') : say('today.intake.due') });
      }
      return out;
    },
  };
}
