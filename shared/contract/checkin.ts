import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './fields';
import { locales } from './settings';
import { say } from '../messages';

/**
 * The alliance check-in (issue 11 item 5). A questionnaire is versioned like the consent
 * and intake templates: items (each on a theme, worded in English and French), one
 * scale, and how it is scored. Rapport ships its own (a clinic feedback check-in, not a
 * validated instrument); a clinic may define its own, e.g. an instrument it holds a
 * licence for. A check-in keeps the exact version and the wording shown.
 */
const key = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, say('checkin.key'));
const bilingual = (max: number, missing: string) => z.object({ 'en-CA': requiredText(max, missing), 'fr-CA': requiredText(max, missing) });

export const scaleSchema = z
  .object({
    min: z.number().int().min(0, say('checkin.scaleMin')).max(10),
    max: z.number().int().min(1).max(10, say('checkin.scaleMax')),
    /** One label per point, min to max, in each language. */
    labels: z.object({ 'en-CA': z.array(requiredText(80, say('checkin.labelPoint'))), 'fr-CA': z.array(requiredText(80, say('checkin.labelPoint'))) }),
  })
  .refine((s) => s.max > s.min, { message: say('checkin.twoPoints'), path: ['max'] })
  .refine((s) => s.labels['en-CA'].length === s.max - s.min + 1 && s.labels['fr-CA'].length === s.max - s.min + 1, { message: say('checkin.labelBoth'), path: ['labels'] });
export type Scale = z.infer<typeof scaleSchema>;

export const themeSchema = z.object({ key, label: bilingual(120, say('checkin.themeName')) });
export const itemSchema = z.object({
  id: key,
  theme: key,
  text: bilingual(400, say('checkin.itemText')),
  /** Agreeing means a worse alliance: the item is turned round (min + max − value) before scoring. */
  reverse: z.boolean().optional(),
});
export type QuestionnaireItem = z.infer<typeof itemSchema>;

export const scoringSchema = z.object({
  /** A theme's score: the mean of its items (on the scale), or their sum. */
  method: z.enum(['mean', 'sum']),
  /** An answer at or below this (after turning reversed items round) is a low answer: a task for the therapist. */
  lowAtOrBelow: z.number().int().min(0).max(10),
  /** A theme score that falls by this share of the previous one or more is a drop: a task. */
  dropShare: z.number().gt(0, say('checkin.aboveZero')).max(1, say('checkin.atMostOne')),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const definitionSchema = z
  .object({
    title: bilingual(200, say('checkin.title')),
    intro: bilingual(1000, say('checkin.intro')),
    /** Where the wording comes from; for a licensed instrument, the licence. Shown with the check-in. */
    source: requiredText(300, say('checkin.source')),
    validated: z.boolean(),
    scale: scaleSchema,
    themes: z.array(themeSchema).min(1, say('checkin.oneTheme')).max(20),
    items: z.array(itemSchema).min(1, say('checkin.oneItem')).max(40),
    scoring: scoringSchema,
  })
  .superRefine((d, ctx) => {
    const themes = new Set(d.themes.map((t) => t.key));
    const ids = new Set<string>();
    d.items.forEach((item, i) => {
      if (!themes.has(item.theme)) ctx.addIssue({ code: 'custom', path: ['items', i, 'theme'], message: say('checkin.chooseTheme') });
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: say('checkin.ownId') });
      ids.add(item.id);
    });
    d.themes.forEach((t, i) => {
      if (!d.items.some((item) => item.theme === t.key)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'key'], message: say('checkin.themeItem') });
    });
  });
export type QuestionnaireDefinition = z.infer<typeof definitionSchema>;

export const questionnaireSchema = z.object({
  id,
  /** Which instrument: a clinic's own has its own key; each key has versions 1, 2, … */
  key,
  version: z.number().int().min(1),
  definition: definitionSchema,
  changeNote: z.string(),
  createdAt: isoTimestamp,
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const takenBy = ['phone', 'patient'] as const;

export const answerSchema = z.object({
  itemId: z.string(),
  theme: z.string(),
  /** The wording as shown, in the language asked. */
  text: z.string(),
  value: z.number(),
});
export type CheckinAnswer = z.infer<typeof answerSchema>;

export const themeScoreSchema = z.object({ theme: z.string(), label: z.string(), score: z.number() });
export type ThemeScore = z.infer<typeof themeScoreSchema>;

export const checkinSchema = z.object({
  id,
  patientId: id,
  questionnaireId: id,
  questionnaireKey: z.string(),
  questionnaireVersion: z.number().int(),
  locale: z.enum(locales),
  takenBy: z.enum(takenBy),
  recordedBy: z.string(),
  takenAt: isoTimestamp,
  followupId: id.nullable(),
  appointmentId: id.nullable(),
  answers: z.array(answerSchema),
  scores: z.array(themeScoreSchema),
});
export type Checkin = z.infer<typeof checkinSchema>;

/** Why a task was made: a low answer (with what was said), or a theme that fell against the previous check-in. */
export const taskReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('low'), theme: z.string(), itemId: z.string(), text: z.string(), value: z.number() }),
  z.object({ kind: z.literal('drop'), theme: z.string(), previous: z.number(), score: z.number() }),
]);
export type TaskReason = z.infer<typeof taskReasonSchema>;

export const taskStatuses = ['open', 'closed'] as const;
export const taskSchema = z.object({
  id,
  patientId: id,
  patientName: z.string(),
  /** Null when the patient has no visit yet: admins see these. */
  therapistId: id.nullable(),
  therapistName: z.string().nullable(),
  checkinId: id,
  takenAt: isoTimestamp,
  reasons: z.array(taskReasonSchema),
  status: z.enum(taskStatuses),
  createdAt: isoTimestamp,
  closingNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: isoTimestamp.nullable(),
});
export type TherapistTask = z.infer<typeof taskSchema>;

const draftAnswer = z.object({ itemId: key, value: z.number().int().min(0).max(10) });

export const checkinContract = {
  'checkin.questionnaire': {
    /** The version in use; or one version by id (the one handed to the patient, if a newer one was saved since). */
    input: z.object({ id: id.optional() }),
    output: questionnaireSchema,
  },
  'checkin.saveQuestionnaire': {
    /** The next version of a questionnaire (basedOnVersion null: a new one); the saved one becomes the clinic's check-in. */
    input: z.object({
      key,
      basedOnVersion: z.number().int().min(1).nullable(),
      definition: definitionSchema,
      changeNote: requiredText(500, say('field.changeNote')),
    }),
    output: questionnaireSchema,
  },
  'checkin.record': {
    input: z.object({
      patientId: id,
      /** The version on screen; answers belong to its items only. */
      questionnaireId: id,
      locale: z.enum(locales),
      answers: z
        .array(z.object({ itemId: key, value: z.number({ error: say('checkin.chooseAnswer') }).int(say('checkin.answerOnScale')) }))
        .min(1, say('checkin.answerOne'))
        .max(40),
      followupId: id.optional(),
      appointmentId: id.optional(),
    }),
    output: z.object({ checkin: checkinSchema, tasks: z.array(taskSchema) }),
  },
  /**
   * The answers ticked so far (issue 11 item 4 of the follow-up brief): kept in main's
   * memory for this session and patient, so a reload of the window loses nothing; never
   * written to disk or the browser's storage (it is health data). Cleared once recorded,
   * or when the form is left.
   */
  'checkin.draft': {
    input: z.object({ patientId: id, questionnaireId: id }),
    output: z.object({ answers: z.array(draftAnswer) }),
  },
  'checkin.saveDraft': {
    input: z.object({ patientId: id, questionnaireId: id, answers: z.array(draftAnswer).max(40) }),
    output: z.object({ answers: z.array(draftAnswer) }),
  },
  'checkin.dropDraft': {
    input: z.object({ patientId: id }),
    output: z.object({ dropped: z.boolean() }),
  },
  'checkin.history': {
    input: z.object({ patientId: id }),
    output: z.object({ checkins: z.array(checkinSchema) }),
  },
  'checkin.tasks': {
    /** The signed-in therapist's tasks (an admin's also include those with no therapist). */
    input: z.object({ status: z.enum(taskStatuses) }),
    output: z.object({ tasks: z.array(taskSchema) }),
  },
  'checkin.closeTask': {
    input: z.object({ taskId: id, note: requiredText(2000, say('checkin.taskNote')) }),
    output: taskSchema,
  },
} as const;
