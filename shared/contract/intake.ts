import { z } from 'zod';
import { id, isoTimestamp, requiredText, text } from './fields';
import { locales } from './settings';
import { say } from '../messages';

/**
 * Intake (health history), issue 9 item 3. A template is a list of typed questions with
 * their wording per language; a patient's intake is a list of versions, each stored
 * against the exact template version with the questions as they were shown.
 */
export const questionTypes = ['checklist', 'choice', 'text', 'areas'] as const;
const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, say('intake.key'));

export const intakeQuestionSchema = z.object({
  key,
  type: z.enum(questionTypes),
  /** The option keys of a checklist or a choice; their labels are per language. */
  options: z.array(key).max(40).optional(),
  required: z.boolean().optional(),
});
export type IntakeQuestion = z.infer<typeof intakeQuestionSchema>;

const wording = z.object({
  label: requiredText(400, say('intake.question')),
  options: z.record(z.string(), requiredText(200, say('intake.optionLabel'))),
});

export const intakeLocaleSchema = z.object({
  name: requiredText(200, say('field.formName')),
  title: requiredText(300, say('intake.title')),
  intro: text(2000),
  questions: z.record(z.string(), wording),
});
export type IntakeLocale = z.infer<typeof intakeLocaleSchema>;

export const intakeTemplateSchema = z.object({
  id,
  version: z.number().int().min(1),
  source: z.string(),
  questions: z.array(intakeQuestionSchema),
  locales: z.object({ 'en-CA': intakeLocaleSchema, 'fr-CA': intakeLocaleSchema }),
  changeNote: z.string(),
  createdAt: isoTimestamp,
});
export type IntakeTemplate = z.infer<typeof intakeTemplateSchema>;

/** An area of concern with its 0–10 pain rating. */
export const painAreaSchema = z.object({
  area: requiredText(100, say('intake.area')),
  pain: z.number({ error: say('intake.pain') }).int(say('intake.painWhole')).min(0, say('intake.painRange')).max(10, say('intake.painRange')),
  // Its own message: byShape parses it apart, out of reach of the caller's zod locale.
}, { error: say('intake.areaShape') });
export type PainArea = z.infer<typeof painAreaSchema>;

/**
 * Picks the schema by the value's shape, and reports that schema's issues at their own
 * place. A zod union would report a bad value deep in a list as "invalid" at the list
 * (an aborted check in every option), and the form could not point at the field.
 */
function byShape<T>(pick: (value: unknown) => z.ZodType<T>) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = pick(value).safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value });
    return z.NEVER;
  });
}

export type Answer = string | Array<string | PainArea>;

/** An option key ticked, or an area with its pain. */
const listItem = byShape<string | PainArea>((v) => (typeof v === 'object' && v !== null ? painAreaSchema : z.string({ error: say('intake.expectedOption') }).max(40, say('intake.notOption'))));

/**
 * One answer: text, a choice's option key, the options ticked, or the areas with their
 * pain. Main checks each question's shape against the template (main/intake/answers.ts).
 */
export const answerSchema = byShape<Answer>((v) => (Array.isArray(v) ? z.array(listItem).max(40, say('intake.tooManyItems')) : text(4000)));
export const answersSchema = z.record(key, answerSchema).refine((a) => Object.keys(a).length <= 60, say('intake.tooManyAnswers'));
export type Answers = Record<string, Answer>;

/** A question as it was shown to the person answering: its wording in their language, kept with the answers. */
export const shownQuestionSchema = z.object({
  key: z.string(),
  type: z.enum(questionTypes),
  label: z.string(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type ShownQuestion = z.infer<typeof shownQuestionSchema>;

export const intakeFilledBy = ['patient', 'staff'] as const;

export const intakeVersionSchema = z.object({
  id,
  patientId: id,
  /** 1, 2, …: each change the patient reports makes the next version. */
  version: z.number().int().min(1),
  templateId: id,
  templateVersion: z.number().int(),
  locale: z.enum(locales),
  questions: z.array(shownQuestionSchema),
  answers: answersSchema,
  filledBy: z.enum(intakeFilledBy),
  recordedBy: z.string(),
  recordedAt: isoTimestamp,
});
export type IntakeVersion = z.infer<typeof intakeVersionSchema>;

export const intakeReviewSchema = z.object({
  id,
  intakeId: id,
  reviewedBy: z.string(),
  reviewedAt: isoTimestamp,
});
export type IntakeReview = z.infer<typeof intakeReviewSchema>;

export const intakeStates = ['none', 'due_for_review', 'current'] as const;
export type IntakeState = (typeof intakeStates)[number];

export const intakeStatusSchema = z.object({
  patientId: id,
  state: z.enum(intakeStates),
  /** When the intake was last filled in or confirmed unchanged. */
  lastConfirmedAt: isoTimestamp.nullable(),
  version: z.number().int().nullable(),
});
export type IntakeStatus = z.infer<typeof intakeStatusSchema>;

export const intakePolicySchema = z.object({
  /** Months after which an intake not confirmed since is due for review. */
  reviewMonths: z.number({ error: say('field.months') }).int(say('field.wholeMonths')).min(1, say('intake.minMonth')).max(60, say('intake.maxMonths')),
});
export type IntakePolicy = z.infer<typeof intakePolicySchema>;

const submitInput = z.object({
  patientId: id,
  /** The template version on screen; a newer one saved meanwhile is a conflict. */
  templateVersion: z.number().int().min(1),
  locale: z.enum(locales),
  answers: answersSchema,
  /** The version this one updates (null for the first): a version saved meanwhile is a conflict. */
  basedOnVersion: z.number().int().min(1).nullable(),
});

export const intakeContract = {
  'intake.template': {
    input: z.object({}),
    output: intakeTemplateSchema,
  },
  'intake.saveTemplate': {
    input: z.object({
      basedOnVersion: z.number().int().min(1),
      questions: z.array(intakeQuestionSchema).min(1, say('intake.oneQuestion')).max(60),
      locales: z.object({ 'en-CA': intakeLocaleSchema, 'fr-CA': intakeLocaleSchema }),
      changeNote: requiredText(500, say('field.changeNote')),
    }),
    output: intakeTemplateSchema,
  },
  'intake.status': {
    input: z.object({ patientIds: z.array(id).max(500, say('intake.maxPatients')) }),
    output: z.object({ statuses: z.array(intakeStatusSchema) }),
  },
  'intake.current': {
    input: z.object({ patientId: id }),
    output: z.object({ intake: intakeVersionSchema.nullable(), lastReview: intakeReviewSchema.nullable(), status: intakeStatusSchema }),
  },
  'intake.history': {
    input: z.object({ patientId: id }),
    output: z.object({ versions: z.array(intakeVersionSchema), reviews: z.array(intakeReviewSchema) }),
  },
  'intake.submit': {
    input: submitInput,
    output: intakeVersionSchema,
  },
  'intake.confirmNoChanges': {
    input: z.object({ patientId: id, intakeVersion: z.number().int().min(1) }),
    output: intakeReviewSchema,
  },
  'intake.draft': {
    input: z.object({ patientId: id }),
    output: z.object({ answers: answersSchema.nullable() }),
  },
  'intake.saveDraft': {
    input: z.object({ patientId: id, answers: answersSchema }),
    output: z.object({ saved: z.literal(true) }),
  },
  'intake.policy': {
    input: z.object({}),
    output: intakePolicySchema,
  },
  'intake.updatePolicy': {
    input: intakePolicySchema,
    output: intakePolicySchema,
  },
} as const;
