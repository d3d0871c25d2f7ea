import { z } from 'zod';
import { id, isoTimestamp, requiredText, text } from './fields';
import { say } from '../messages';

/**
 * Infection screening (issue 9, item 4): a versioned question set, taken at booking (by
 * staff, on the phone) and on arrival (by staff, or by the patient in their language).
 * Any "yes" stops the visit; only a therapist or an admin can let it go ahead, in
 * writing. A screening keeps the question text exactly as it was shown.
 */

export const screeningLanguages = ['en', 'fr'] as const;
export type ScreeningLanguage = (typeof screeningLanguages)[number];
export const screeningStages = ['booking', 'arrival'] as const;
export type ScreeningStage = (typeof screeningStages)[number];

const bilingual = (max: number, missing: string) => z.object({ en: requiredText(max, missing), fr: requiredText(max, missing) });

export const screeningQuestionSchema = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, say('screening.questionId')),
  en: requiredText(600, say('screening.writeQuestion')),
  fr: requiredText(600, say('screening.writeQuestion')),
});

export const screeningSetContentSchema = z.object({
  title: bilingual(120, say('screening.setTitle')),
  source: requiredText(600, say('screening.source')),
  /** Shown before any question: the signs that need emergency services, not a clinic. */
  emergency: bilingual(1000, say('screening.emergency')),
  questions: z
    .array(screeningQuestionSchema)
    .min(1, say('screening.addQuestion'))
    .max(30)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, say('screening.uniqueIds')),
});
export type ScreeningSetContent = z.infer<typeof screeningSetContentSchema>;

export const screeningSetSchema = screeningSetContentSchema.extend({ id, key: z.string(), version: z.number().int(), createdAt: isoTimestamp });
export type ScreeningSet = z.infer<typeof screeningSetSchema>;

export const screeningSchema = z.object({
  id,
  appointmentId: id,
  patientId: id,
  stage: z.enum(screeningStages),
  setId: id,
  setVersion: z.number().int(),
  source: z.string(),
  language: z.enum(screeningLanguages),
  /** Each question as it was shown, in the language it was shown in, with the answer. */
  answers: z.array(z.object({ questionId: z.string(), text: z.string(), answer: z.boolean() })),
  positive: z.boolean(),
  note: z.string().nullable(),
  takenBy: z.string().nullable(),
  byPatient: z.boolean(),
  takenAt: isoTimestamp,
  override: z.object({ reason: z.string(), by: z.string().nullable(), at: isoTimestamp }).nullable(),
});
export type Screening = z.infer<typeof screeningSchema>;

export const screeningPolicySchema = z.object({
  bookingRequired: z.boolean(),
  /** A booking screening counts when taken this many hours or fewer before the visit. */
  bookingWithinHours: z.number({ error: say('screening.hours') }).int(say('screening.wholeHours')).min(1, say('screening.minHour')).max(14 * 24, say('screening.maxDays')),
  arrivalRequired: z.boolean(),
});
export type ScreeningPolicy = z.infer<typeof screeningPolicySchema>;
export const defaultScreeningPolicy: ScreeningPolicy = { bookingRequired: true, bookingWithinHours: 48, arrivalRequired: true };

export const screeningContract = {
  'screening.current': { input: z.object({}), output: screeningSetSchema },
  'screening.saveSet': { input: screeningSetContentSchema, output: screeningSetSchema },
  'screening.policy': { input: z.object({}), output: screeningPolicySchema },
  'screening.updatePolicy': { input: screeningPolicySchema, output: screeningPolicySchema },
  'screening.forAppointment': {
    input: z.object({ appointmentId: id }),
    output: z.object({ screenings: z.array(screeningSchema), blocked: z.boolean() }),
  },
  'screening.record': {
    input: z.object({
      appointmentId: id,
      stage: z.enum(screeningStages),
      setId: id,
      language: z.enum(screeningLanguages).default('en'),
      answers: z.array(z.object({ questionId: z.string().max(40), answer: z.boolean({ error: say('screening.yesNo') }) })).max(30),
      /** What was said: required when any answer is yes and staff are taking it. */
      note: text(4000).default(''),
    }),
    output: screeningSchema,
  },
  /** The conversation after a positive screening the patient answered on the screen. */
  'screening.addNote': { input: z.object({ screeningId: id, note: requiredText(4000, say('screening.note')) }), output: screeningSchema },
  'screening.override': {
    input: z.object({ screeningId: id, reason: requiredText(2000, say('screening.overrideReason')) }),
    output: screeningSchema,
  },
  /** The record as a PDF (documents/), checked against the hash kept when it was made. */
  'screening.document': {
    input: z.object({ screeningId: id }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
  },
} as const;
