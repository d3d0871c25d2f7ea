import type { Knex } from 'knex';
import type { Appointment } from '../../../shared/contract/appointments';
import type { StepStatus, TodayStep } from '../../../shared/contract/today';
import type { MessageId, Values } from '../../../shared/messages';

/** What every step is given: the day's visits (not cancelled), the clock, and the clinic's language. */
export interface StepContext {
  db: Knex;
  appointments: Appointment[];
  now: Date;
  timeZone: string;
  /**
   * A detail in the clinic's language. A success is not re-said by the dispatcher (only
   * errors are), and the sheet shows a detail as it comes, so a step words it here.
   */
  say(id: MessageId, values?: Values): string;
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
