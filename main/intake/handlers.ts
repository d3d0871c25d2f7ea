import type { Handlers } from '../ipc/dispatcher';
import { ok, type Result } from '../../shared/contract/result';
import type { IntakePolicy } from '../../shared/contract/intake';
import type { KeyValueStore } from '../settings/service';
import type { ActingStaff } from '../staff/acting';
import { readIntakePolicy, type IntakeService } from './service';

export function intakeHandlers(deps: {
  intake: IntakeService;
  acting: ActingStaff;
  /** Whether the patient holds the screen: then the patient filled the form in, not the staff member acting. */
  patientHolds: () => boolean;
  store: KeyValueStore;
  /** A settings change with its audit entry, both or neither (main/settings/journal.ts). */
  journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>;
}): Pick<Handlers, Extract<keyof Handlers, `intake.${string}`>> {
  const { intake, acting } = deps;
  return {
    'intake.template': intake.template,
    'intake.saveTemplate': intake.saveTemplate,
    'intake.status': intake.status,
    'intake.current': intake.current,
    'intake.history': intake.history,
    // Who recorded it is the person signed in, or who handed the screen to the patient (issue 8).
    'intake.submit': async (input) => {
      const me = await acting.me();
      return me.ok ? intake.submit({ ...input, filledBy: deps.patientHolds() ? 'patient' : 'staff', staffId: me.value.id }) : me;
    },
    'intake.confirmNoChanges': async (input) => {
      const me = await acting.me();
      return me.ok ? intake.confirmNoChanges({ ...input, staffId: me.value.id }) : me;
    },
    'intake.draft': intake.draft,
    'intake.saveDraft': intake.saveDraft,
    'intake.policy': async () => ok(readIntakePolicy(deps.store.get('intakePolicy'))),
    'intake.updatePolicy': (input: IntakePolicy) =>
      deps.journaled('settings.intake_review_changed', async () => {
        deps.store.set('intakePolicy', { reviewMonths: input.reviewMonths });
        return ok(readIntakePolicy(deps.store.get('intakePolicy')));
      }),
  };
}
