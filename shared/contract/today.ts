import { z } from 'zod';
import { isoDate } from './fields';
import { appointmentSchema } from './appointments';

/**
 * The Today screen (issue 9, item 2): every visit of a day with what each still needs.
 * Each step is one small module in main/today/steps answering for the whole day at
 * once; intake, the safety checklist and follow-ups plug in as further steps.
 */
export const todaySteps = ['booking_screening', 'arrival_screening', 'consents', 'intake', 'checklist', 'followups'] as const;
export type TodayStep = (typeof todaySteps)[number];

/** done: quiet. missing: loud, and the next thing to do. blocked: a screening said no. not_needed: nothing to do. */
export const stepStates = ['done', 'missing', 'blocked', 'not_needed'] as const;
export type StepState = (typeof stepStates)[number];

export const stepStatusSchema = z.object({
  step: z.enum(todaySteps),
  state: z.enum(stepStates),
  /** What is missing or done, in a few words ("Sensitive areas", "taken 2 h before"). */
  detail: z.string(),
});
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const todayRowSchema = z.object({
  appointment: appointmentSchema,
  steps: z.array(stepStatusSchema),
  /** The first step still to do, in the order of the row: what one keystroke opens. */
  next: z.enum(todaySteps).nullable(),
});
export type TodayRow = z.infer<typeof todayRowSchema>;

export const todayContract = {
  'today.day': {
    input: z.object({ day: isoDate }),
    output: z.object({ day: z.string(), rows: z.array(todayRowSchema) }),
  },
} as const;
