import { z } from 'zod';
import { id, isoDate, isoTimestamp, multilineText, requiredText, text } from './fields';
import { contactChannels } from './consent';
import { say } from '../messages';

/**
 * Alliance follow-ups (issue 11, items 1–4): goals agreed with the patient, homecare
 * plans and adherence, the clinic's follow-up rules, and the queue of follow-ups the
 * desk works through. Days are the clinic's calendar days (YYYY-MM-DD).
 */

export const ruleIds = ['first_visit_call', 'homecare_adherence', 'alliance_checkin', 'lapsed'] as const;
export type RuleId = (typeof ruleIds)[number];
/** What a follow-up is for; 'alliance_checkin' ones are taken by the check-in (issue 11 item 5). */
export const followUpKinds = ['call', 'adherence', 'alliance_checkin', 'lapsed', 'manual'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];
export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export const outcomes = ['reached', 'voicemail', 'no_answer', 'wrong_number', 'declined'] as const;
export type Outcome = (typeof outcomes)[number];
/** How an attempt was made: a consented channel, or in person at a visit. */
export const attemptChannels = [...contactChannels, 'visit'] as const;
export const goalStatuses = ['active', 'met', 'changed', 'dropped'] as const;
export const adherenceLevels = ['all', 'most', 'some', 'none'] as const;
export const barriers = ['time', 'pain', 'forgot', 'unsure_how', 'no_change_felt', 'equipment', 'other'] as const;

/** The longest a rule may wait: past a year, a follow-up no longer follows anything. */
export const maxDelayDays = 365;

export const ruleSettingSchema = z.object({
  id: z.enum(ruleIds),
  enabled: z.boolean(),
  delayDays: z.number(),
  params: z.object({ visits: z.array(z.number().int()).optional(), every: z.number().int().optional() }),
});
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

const delayDays = z
  .number({ error: say('followups.days') })
  .int(say('followups.wholeDays'))
  .min(0, say('followups.minDays'))
  .max(maxDelayDays, say('followups.maxDays', { max: maxDelayDays }));

export const lastContactSchema = z.object({ at: isoTimestamp, channel: z.enum(attemptChannels), outcome: z.enum(outcomes), by: z.string() });

export const followUpSchema = z.object({
  id,
  patientId: id,
  patientName: z.string(),
  phone: z.string(),
  email: z.string(),
  kind: z.enum(followUpKinds),
  ruleId: z.string(),
  /** Number of the visit it follows (the alliance check-in after visit 3), when from a visit. */
  visitNumber: z.number().int().nullable(),
  /** Clinic day of the visit or plan it follows. */
  sourceDay: z.string().nullable(),
  /** Why, as the desk typed it (hand-made follow-ups). */
  reason: z.string(),
  dueDay: z.string(),
  status: z.enum(followUpStatuses),
  attempts: z.number().int(),
  lastContact: lastContactSchema.nullable(),
  /** The channels the privacy consent allows now. None: the follow-up waits for the next visit. */
  channels: z.array(z.enum(contactChannels)),
  /** The next booked visit's day, if any: where a follow-up with no channel is taken. */
  nextVisitDay: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const queueSchema = z.object({
  today: z.string(),
  dueToday: z.array(followUpSchema),
  overdue: z.array(followUpSchema),
  upcoming: z.array(followUpSchema),
  /** How many were left off each list (the oldest overdue come first), counted up to 1,000. */
  more: z.object({ dueToday: z.number().int(), overdue: z.number().int(), upcoming: z.number().int() }),
});

const declineSchema = z.object({ at: isoTimestamp, by: z.string() });

const goalFields = {
  words: requiredText(500, say('followups.goalWords')),
  patientCommits: multilineText(1000),
  therapistCommits: multilineText(1000),
  targetDate: isoDate.nullable(),
};

export const goalSchema = z.object({
  id,
  patientId: id,
  words: z.string(),
  patientCommits: z.string(),
  therapistCommits: z.string(),
  setOn: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(goalStatuses),
  source: z.enum(['staff', 'intake']),
  history: z.array(
    z.object({ at: isoTimestamp, by: z.string(), status: z.enum(goalStatuses), words: z.string(), targetDate: z.string().nullable(), note: z.string() }),
  ),
});
export type Goal = z.infer<typeof goalSchema>;

export const planItemSchema = z.object({
  what: requiredText(200, say('followups.planWhat')),
  howOften: requiredText(100, say('followups.planHowOften')),
  howLong: requiredText(100, say('followups.planHowLong')),
});

export const adherenceSchema = z.object({
  id,
  planId: id,
  level: z.enum(adherenceLevels),
  barriers: z.array(z.enum(barriers)),
  barrierNote: z.string(),
  at: isoTimestamp,
  by: z.string(),
});

export const planSchema = z.object({
  id,
  patientId: id,
  items: z.array(z.object({ what: z.string(), howOften: z.string(), howLong: z.string() })),
  note: z.string(),
  givenOn: z.string(),
  givenAt: isoTimestamp,
  givenBy: z.string(),
  current: z.boolean(),
  adherence: z.array(adherenceSchema),
});
export type Plan = z.infer<typeof planSchema>;

const byPatient = z.object({ patientId: id });

export const followupsContract = {
  'followups.queue': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: queueSchema,
  },
  /** One attempt: its outcome, a note, and maybe the next try. Reached closes it; declined stops all outreach. */
  'followups.record': {
    input: z.object({
      followUpId: id,
      channel: z.enum(attemptChannels, { error: say('followups.chooseChannel') }),
      outcome: z.enum(outcomes, { error: say('followups.chooseOutcome') }),
      note: multilineText(2000).default(''),
      nextTryDay: isoDate.nullable().default(null),
    }),
    output: followUpSchema,
  },
  /** A follow-up set by hand ("call Thursday about the orthotics"). */
  'followups.create': {
    input: z.object({ patientId: id, dueDay: isoDate, reason: requiredText(300, say('followups.reason')) }),
    output: followUpSchema,
  },
  'followups.patient': {
    input: byPatient,
    output: z.object({ followUps: z.array(followUpSchema), declined: declineSchema.nullable() }),
  },
  'followups.undoDecline': { input: byPatient, output: z.object({ declined: declineSchema.nullable() }) },
  'followups.rules': { input: z.object({}), output: z.array(ruleSettingSchema) },
  'followups.saveRule': {
    input: z.object({
      id: z.enum(ruleIds, { error: say('followups.chooseRule') }),
      enabled: z.boolean(),
      delayDays,
      visits: z.array(z.number().int().min(1, say('followups.visitFrom')).max(100, say('followups.visitMax'))).max(10).optional(),
      every: z.number().int().min(0, say('followups.everyMin')).max(100, say('followups.everyMax')).optional(),
    }),
    output: z.array(ruleSettingSchema),
  },
  /** Opens the clinic's own mail program with a prepared message (mailto:); nothing is sent by Rapport. */
  'followups.openMail': { input: z.object({ followUpId: id }), output: z.object({ opened: z.boolean() }) },

  /** The patient's goals; with none yet, the intake's "what you hope to get" to start from. */
  'followups.goals': { input: byPatient, output: z.object({ goals: z.array(goalSchema), fromIntake: z.string().nullable() }) },
  /** New goal (no id), or a review of one: its words, commitments, target, status, and what was said. */
  'followups.saveGoal': {
    input: z.object({
      id: id.optional(),
      patientId: id,
      ...goalFields,
      status: z.enum(goalStatuses, { error: say('followups.chooseGoalStatus') }).default('active'),
      note: multilineText(1000).default(''),
      followUpId: id.optional(),
      /** The words are the intake's answer, taken as they were. */
      fromIntake: z.boolean().default(false),
    }),
    output: goalSchema,
  },
  'followups.plans': { input: byPatient, output: z.array(planSchema) },
  /** A new homecare plan; the current one, if any, is kept as history. Few items help adherence. */
  'followups.givePlan': {
    input: z.object({
      patientId: id,
      appointmentId: id.optional(),
      items: z.array(planItemSchema).min(1, say('followups.planMin')).max(8, say('followups.planMax')),
      note: multilineText(1000).default(''),
    }),
    output: planSchema,
  },
  'followups.recordAdherence': {
    input: z.object({
      planId: id,
      followUpId: id.optional(),
      level: z.enum(adherenceLevels, { error: say('followups.chooseAdherence') }),
      barriers: z.array(z.enum(barriers)).max(barriers.length).default([]),
      barrierNote: text(500).default(''),
    }),
    output: planSchema,
  },
} as const;
