import type { Knex } from 'knex';
import type { Appointment } from '../../../shared/contract/appointments';
import type { StepStatus, TodayStep } from '../../../shared/contract/today';

/** What every step is given: the day's visits (not cancelled) and the clock. */
export interface StepContext {
  db: Knex;
  appointments: Appointment[];
  now: Date;
  timeZone: string;
}

/**
 * One step of a visit's day (a screening, the consents, and later intake, the safety
 * checklist, follow-ups): for every visit of the day at once, in one or two queries,
 * its status. A visit with no answer counts as not needed.
 */
export interface TodayStepModule {
  step: TodayStep;
  check(ctx: StepContext): Promise<Map<string, Omit<StepStatus, 'step'>>>;
}
