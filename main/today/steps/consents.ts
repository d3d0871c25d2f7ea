import type { ConsentKind } from '../../../shared/contract/consent';
import type { ConsentPolicy } from '../../../shared/contract/settings';
import { consentKinds } from '../../../shared/contract/consent';
import type { StepStatus } from '../../../shared/contract/today';
import { consentStatus } from '../../consent/status';
import { consentFacts } from '../../consent/needs-forms';
import type { TodayStepModule } from './types';
import type { MessageId } from '../../../shared/messages';

const names = { treatment: 'today.consents.treatment', outbreak: 'today.consents.outbreak', sensitive_areas: 'today.consents.sensitiveAreas', privacy: 'today.consents.privacy' } as const satisfies Record<ConsentKind, MessageId>;

/** The consents this type of visit needs, as the record's consent status has them at the visit's time. */
export function consentStep(policy: () => ConsentPolicy): TodayStepModule {
  return {
    step: 'consents',
    async check({ db, appointments, timeZone, say }) {
      const out = new Map<string, Omit<StepStatus, 'step'>>();
      const needing = appointments.filter((a) => a.consentForms.length > 0);
      const facts = await consentFacts(db, [...new Set(needing.map((a) => a.patientId))], consentKinds);
      for (const a of appointments) {
        if (a.consentForms.length === 0) {
          out.set(a.id, { state: 'not_needed', detail: '' });
          continue;
        }
        const { consents, versions } = facts.get(a.patientId)!;
        // No consent yet: every form is missing, with no status (and its time-zone arithmetic) to work out.
        const missing = consents.length === 0
          ? a.consentForms
          : consentStatus({ consents, versions, policy: policy(), now: new Date(a.startsAt), timeZone, kinds: a.consentForms })
              .filter((s) => s.state !== 'on_file')
              .map((s) => s.kind);
        out.set(a.id, missing.length === 0 ? { state: 'done', detail: say('today.consents.onFile') } : { state: 'missing', detail: missing.map((k) => say(names[k])).join(', ') });
      }
      return out;
    },
  };
}
