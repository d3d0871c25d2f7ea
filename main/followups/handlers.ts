import type { Handlers } from '../ipc/dispatcher';
import type { FollowUpService } from './service';
import type { CareService } from './care';

type FollowUpChannels = Extract<keyof Handlers, `followups.${string}`>;

export function followUpHandlers(followUps: FollowUpService, care: CareService): Pick<Handlers, FollowUpChannels> {
  return {
    'followups.queue': followUps.queue,
    'followups.record': followUps.record,
    'followups.create': followUps.create,
    'followups.patient': followUps.patient,
    'followups.undoDecline': followUps.undoDecline,
    'followups.rules': followUps.rules,
    'followups.saveRule': followUps.saveRule,
    'followups.openMail': followUps.openMail,
    'followups.goals': care.goals,
    'followups.saveGoal': care.saveGoal,
    'followups.plans': care.plans,
    'followups.givePlan': care.givePlan,
    'followups.recordAdherence': care.recordAdherence,
  };
}
