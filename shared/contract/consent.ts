import { z } from 'zod';
import { unknownPlaceholders } from '../consent/placeholders';
import { id, isoTimestamp, multilineText, plain, requiredText, text } from './fields';
import { locales } from './settings';
import { contactMethods } from './patients';
import { say } from '../messages';

export const consentKinds = ['treatment', 'outbreak', 'sensitive_areas', 'privacy'] as const;
export type ConsentKind = (typeof consentKinds)[number];
export const sensitiveAreas = ['chest_wall', 'breast', 'upper_inner_thigh', 'gluteal'] as const;
export const contactChannels = ['phone', 'email', 'text'] as const;
/**
 * The privacy form's explicit "do not contact me": no channel ticked is an answer only
 * when the patient gives it, never a form left empty. Not a template choice, so a clinic
 * editing the wording cannot remove it.
 */
export const doNotContact = 'do_not_contact';
/** Who may sign for a minor or a patient who cannot consent for themselves. */
export const substituteRelationships = ['parent', 'guardian', 'representative'] as const;
export const signerRelationships = ['self', ...substituteRelationships] as const;
export type SignerRelationship = (typeof signerRelationships)[number];

/** A signature drawn on screen, as PNG: a canvas drawing is far below this. */
export const maxSignatureBytes = 1024 * 1024;
/** A scan of a form signed on paper. */
export const maxScanBytes = 10 * 1024 * 1024;

const base64 = (maxBytes: number, tooBig: string) =>
  z
    .string({ error: say('field.expectedFile') })
    .max(Math.ceil((maxBytes * 4) / 3) + 4, tooBig)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, say('field.notBase64'));

const noUnknownPlaceholders = (s: string) => unknownPlaceholders(s).length === 0;
const placeholderMessage = say('consent.placeholder');
const templateText = (max: number, lines = false) => (lines ? multilineText(max) : text(max)).refine(noUnknownPlaceholders, placeholderMessage);

export const templateLocaleSchema = z.object({
  name: templateText(200).min(1, say('field.formName')),
  title: templateText(300).min(1, say('consent.title')),
  choiceGroup: templateText(300),
  choiceLabels: z.record(z.string(), templateText(200).min(1, say('consent.choiceLabel'))),
  sections: z
    .array(
      z.object({
        heading: templateText(200),
        paragraphs: z.array(templateText(4000, true).min(1, say('consent.emptyParagraph'))).min(1, say('consent.sectionParagraph')).max(20),
      }),
    )
    .min(1, say('field.formNeedsSection'))
    .max(30),
});
export type TemplateLocale = z.infer<typeof templateLocaleSchema>;

export const templateVersionSchema = z.object({
  id,
  kind: z.enum(consentKinds),
  version: z.number().int().min(1),
  source: z.string(),
  choices: z.array(z.string()),
  locales: z.object({ 'en-CA': templateLocaleSchema, 'fr-CA': templateLocaleSchema }),
  /** A material change: people who signed an earlier version must consent again. */
  material: z.boolean(),
  changeNote: z.string(),
  createdAt: isoTimestamp,
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const consentMethods = ['screen', 'paper', 'verbal'] as const;

export const consentRecordSchema = z.object({
  id,
  patientId: id,
  kind: z.enum(consentKinds),
  templateId: id,
  templateVersion: z.number().int(),
  templateName: z.string(),
  locale: z.enum(locales),
  choices: z.array(z.string()),
  method: z.enum(consentMethods),
  signerName: z.string(),
  /** 'self', or the substitute decision-maker's relationship to the patient. */
  signerRelationship: z.enum(signerRelationships),
  signedAt: isoTimestamp,
  explainedBy: z.string(),
  witnessedBy: z.string(),
  recordedAt: isoTimestamp,
  withdrawnAt: isoTimestamp.nullable(),
  withdrawnReason: z.string(),
  withdrawnBy: z.string(),
  pdfSha256: z.string(),
  hasScan: z.boolean(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentStates = ['on_file', 'missing', 'expired', 'withdrawn', 'reconsent', 'needed_this_visit'] as const;
export type ConsentState = (typeof consentStates)[number];

export const consentStatusSchema = z.object({
  kind: z.enum(consentKinds),
  name: z.string(),
  state: z.enum(consentStates),
  consentId: id.nullable(),
  signedAt: isoTimestamp.nullable(),
  version: z.number().int().nullable(),
  currentVersion: z.number().int(),
  expiresOn: z.string().nullable(),
  /** What was chosen on the consent on file: areas, or contact channels. */
  choices: z.array(z.string()),
  /** Sensitive areas: spoken consent recorded today, per area. */
  verbalToday: z.array(z.string()),
});
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

const signerName = requiredText(200, say('consent.signerName'));
/**
 * Who explained, saw or recorded is the signed-in person, taken in main from the
 * session, never typed (issue 8). Someone else involved, a witness, is chosen from the
 * staff list by id.
 */
const witnessId = id.optional();
const signerRelationship = z.enum(signerRelationships, { error: say('consent.signerRelationship') }).default('self');

/** A substitute decision-maker signing for the patient (a minor, or a patient who cannot consent). */
const substitute = z.object({
  name: requiredText(200, say('consent.substituteName')),
  relationship: z.enum(substituteRelationships, { error: say('consent.substituteRelationship') }),
});

/** A signing session handed to the patient: the forms to sign and who explained them. */
export const patientSessionSchema = z.object({
  patientId: id,
  patientName: z.string(),
  kinds: z.array(z.enum(consentKinds)),
  locale: z.enum(locales),
  explainedBy: z.string(),
  witnessedBy: z.string(),
  /** The staff member who handed the screen over: the one acting while the patient signs. */
  staffId: id.optional(),
  witnessId: id.optional(),
  /**
   * The health history step, before the forms (issue 9 item 3): the intake version on
   * file when the screen was handed over (null: none yet). The step is done once a newer
   * version exists, which survives a reload or a restart without another saved state.
   */
  intake: z.object({ basedOnVersion: z.number().int().min(1).nullable() }).optional(),
  // check-ins: the alliance check-in step (issue 11 item 5), on the version handed over; done once the patient answered it in this session.
  checkin: z.object({ questionnaireId: id, done: z.boolean().default(false) }).optional(),
  // day: the arrival screening answered by the patient, first of all (issue 9 item 4).
  /** The visit whose arrival screening the patient answers; done once one is recorded for it since the session began. */
  arrivalScreening: z.object({ appointmentId: id, result: z.enum(['clear', 'yes']).nullable().default(null) }).optional(),
  /** When the session began: forms signed since then are done (sessions saved before this field have none). */
  startedAt: isoTimestamp.optional(),
  /** Who signs, when not the patient. */
  substitute: substitute.optional(),
  /** The patient's preferred contact, ticked first on the privacy form. */
  preferredContact: z.enum(contactMethods).optional(),
  /** The session's forms already signed in it, in order: the screen resumes at the next one. */
  signed: z.array(z.enum(consentKinds)).default([]),
});
export type PatientSession = z.infer<typeof patientSessionSchema>;

const signatureInput = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('screen'),
    imageBase64: base64(maxSignatureBytes, say('consent.signatureTooBig')).min(1, say('consent.signFirst')),
    signerName,
    signerRelationship,
  }),
  z.object({
    method: z.literal('paper'),
    signerName,
    signerRelationship,
    signedOn: z.iso.date({ error: say('consent.signedOn') }),
    scan: z
      .object({
        mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], { error: say('consent.scanType') }),
        dataBase64: base64(maxScanBytes, say('consent.scanTooBig')).min(1, say('consent.scanEmpty')),
      })
      .optional(),
  }),
]);

const formChoice = z.object({
  patientId: id,
  kind: z.enum(consentKinds),
  locale: z.enum(locales),
  choices: z.array(plain(40)).max(10),
});

export const consentContract = {
  'consent.templates': {
    input: z.object({}),
    output: z.object({ templates: z.array(templateVersionSchema) }),
  },
  'consent.templateHistory': {
    input: z.object({ kind: z.enum(consentKinds) }),
    output: z.object({ versions: z.array(templateVersionSchema) }),
  },
  'consent.saveTemplate': {
    input: z.object({
      kind: z.enum(consentKinds),
      /** The version the editor opened: a newer one saved meanwhile is a conflict. */
      basedOnVersion: z.number().int().min(1),
      locales: z.object({ 'en-CA': templateLocaleSchema, 'fr-CA': templateLocaleSchema }),
      material: z.boolean(),
      changeNote: requiredText(500, say('field.changeNote')),
    }),
    output: templateVersionSchema,
  },
  'consent.status': {
    input: z.object({ patientId: id }),
    output: z.object({ items: z.array(consentStatusSchema) }),
  },
  'consent.history': {
    input: z.object({ patientId: id }),
    output: z.object({ consents: z.array(consentRecordSchema) }),
  },
  'consent.preview': {
    input: formChoice,
    output: z.object({ pdfBase64: z.string(), templateVersion: z.number().int() }),
  },
  'consent.sign': {
    input: formChoice.extend({
      /** The version on screen while the patient read it; a newer one is a conflict. */
      templateVersion: z.number().int().min(1),
      signature: signatureInput,
      witnessId,
    }),
    output: consentRecordSchema,
  },
  'consent.recordVerbal': {
    input: z.object({
      patientId: id,
      areas: z.array(z.enum(sensitiveAreas)).min(1, say('consent.areasToday')),
    }),
    output: consentRecordSchema,
  },
  'consent.withdraw': {
    input: z.object({
      consentId: id,
      reason: requiredText(500, say('consent.withdrawReason')),
    }),
    output: consentRecordSchema,
  },
  'consent.document': {
    input: z.object({ consentId: id }),
    output: z.object({ pdfBase64: z.string(), sha256: z.string() }),
  },
  'consent.print': {
    /** A stored consent (by id), or a blank form to sign on paper: one of the two. */
    input: z
      .object({ consentId: id.optional(), blankForm: formChoice.optional(), printer: plain(200).optional() })
      .refine((p) => (p.consentId === undefined) !== (p.blankForm === undefined), { message: say('consent.printWhich'), path: ['consentId'] }),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  },
  'consent.openInViewer': {
    input: z.object({ consentId: id }),
    output: z.object({ opened: z.boolean() }),
  },
  'printing.printers': {
    input: z.object({}),
    output: z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })) }),
  },
  'patientMode.enter': {
    input: z.object({
      patientId: id,
      kinds: z.array(z.enum(consentKinds)).max(consentKinds.length),
      locale: z.enum(locales),
      witnessId,
      substitute: substitute.optional(),
      /** The patient fills in (or updates) their health history first. */
      intake: z.boolean().optional(),
      // check-ins: the patient answers the clinic's check-in.
      checkin: z.boolean().optional(),
      /** day: the patient answers this visit's arrival screening first. */
      arrivalScreening: id.optional(),
    })
    .refine((p) => p.kinds.length > 0 || p.intake === true || p.checkin === true || p.arrivalScreening !== undefined, { message: say('consent.chooseForm'), path: ['kinds'] }),
    output: patientSessionSchema,
  },
  'patientMode.current': {
    input: z.object({}),
    output: z.object({ session: patientSessionSchema.nullable() }),
  },
  'patientMode.exit': {
    /** Any active staff member's own PIN; without `staffId`, the one who started patient mode. */
    input: z.object({ pin: plain(200), staffId: id.optional() }),
    /** Each time the patient-facing window lost the screen (Alt+Tab, a minimise), for staff to see when they unlock. */
    output: z.object({ unlocked: z.literal(true), screenLeft: z.array(z.object({ at: z.string(), seconds: z.number().nonnegative() })) }),
  },
} as const;
