import type { Handlers } from '../ipc/dispatcher';
import { ok, type Result } from '../../shared/contract/result';
import type { ScreeningService } from './service';

type ScreeningChannels = Extract<keyof Handlers, `screening.${string}`>;

export function screeningHandlers(deps: {
  screening: ScreeningService;
  /** A settings change with its audit entry, both or neither (main/settings/journal.ts). */
  journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>;
  /** Recording as patient mode allows it: the session's arrival screening once (PatientMode.screenOnce). */
  record: ScreeningService['record'];
}): Pick<Handlers, ScreeningChannels> {
  const { screening } = deps;
  return {
    'screening.current': async () => ok(await screening.current()),
    'screening.saveSet': screening.saveSet,
    'screening.policy': async () => ok(screening.policy()),
    'screening.updatePolicy': (policy) => deps.journaled('settings.screening_policy_changed', async () => ok(screening.setPolicy(policy))),
    'screening.forAppointment': async ({ appointmentId }) => ok(await screening.forAppointment(appointmentId)),
    'screening.record': deps.record,
    'screening.addNote': screening.addNote,
    'screening.override': screening.override,
    'screening.document': async ({ screeningId }) => {
      const doc = await screening.document(screeningId);
      return doc.ok ? ok({ fileName: doc.value.fileName, pdfBase64: doc.value.bytes.toString('base64'), sha256: doc.value.sha256 }) : doc;
    },
  };
}
