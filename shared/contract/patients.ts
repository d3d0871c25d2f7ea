import { z } from 'zod';
import { id, isoDate, isoTimestamp, multilineText, optionalEmail, optionalPhone, plain, requiredText, text } from './fields';
import { say } from '../messages';

export const phoneLabels = ['mobile', 'home', 'work', 'other'] as const;
export const contactMethods = ['phone', 'text', 'email'] as const;

export const phoneSchema = z.object({
  label: z.enum(phoneLabels, { error: say('patients.phoneLabel') }),
  number: optionalPhone.refine((s) => s !== '', say('patients.phoneNumber')),
});

const dateOfBirth = isoDate.refine((s) => {
  const today = new Date().toISOString().slice(0, 10);
  return s >= '1900-01-01' && s <= today;
}, say('patients.birthRange'));

export const patientInputSchema = z
  .object({
    firstName: requiredText(100, say('patients.firstName')),
    lastName: requiredText(100, say('patients.lastName')),
    preferredName: text(100),
    pronouns: text(40),
    dateOfBirth,
    phones: z.array(phoneSchema).max(4, say('patients.phonesMax')),
    email: optionalEmail,
    address: z.object({
      line1: text(200),
      line2: text(200),
      city: text(100),
      region: text(100),
      postalCode: text(20),
      country: text(100),
    }),
    emergencyContact: z.object({
      name: text(200),
      relationship: text(100),
      phone: optionalPhone,
    }),
    familyPhysician: z.object({
      name: text(200),
      clinic: text(200),
      phone: optionalPhone,
    }),
    preferredContact: z.enum(contactMethods, { error: say('patients.contactMethod') }),
    language: text(60),
    notes: multilineText(4000),
  })
  .superRefine((p, ctx) => {
    // A follow-up call plan is only as good as the channel it can use.
    if (p.preferredContact === 'email' && p.email === '') {
      ctx.addIssue({ code: 'custom', path: ['email'], message: say('patients.emailPreferred') });
    }
    if (p.preferredContact === 'text' && !p.phones.some((ph) => ph.label === 'mobile')) {
      ctx.addIssue({ code: 'custom', path: ['phones'], message: say('patients.textNeedsMobile') });
    }
    if (p.preferredContact === 'phone' && p.phones.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['phones'], message: say('patients.phonePreferred') });
    }
  });
export type PatientInput = z.input<typeof patientInputSchema>;

export const patientSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string(),
  pronouns: z.string(),
  dateOfBirth: z.string(),
  phones: z.array(z.object({ label: z.enum(phoneLabels), number: z.string() })),
  email: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }),
  familyPhysician: z.object({ name: z.string(), clinic: z.string(), phone: z.string() }),
  preferredContact: z.enum(contactMethods),
  language: z.string(),
  notes: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  archivedAt: isoTimestamp.nullable(),
  archiveReason: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = patientSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  pronouns: true,
  dateOfBirth: true,
  archivedAt: true,
}).extend({ phone: z.string() });
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const searchResultSchema = patientSummarySchema.extend({
  /** Consents needed before treatment are missing, expired, withdrawn or out of date. */
  needsForms: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchInputSchema = z.object({
  query: plain(200),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(20),
});

export const duplicateCheckSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: z.union([z.literal(''), isoDate]),
  phones: z.array(plain(40)).max(4),
  excludeId: id.optional(),
});

export const duplicateSchema = patientSummarySchema.extend({
  reasons: z.array(z.enum(['name_and_birth_date', 'phone'])),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

export const patientsContract = {
  'patients.search': {
    input: searchInputSchema,
    output: z.object({
      /** `phone` is the number the typed digits matched, else the first. */
      results: z.array(searchResultSchema),
      /** Archived patients that match too, when they are hidden (0 when they are shown). */
      archivedMatches: z.number().int().min(0),
    }),
  },
  'patients.get': {
    input: z.object({ id }),
    output: patientSchema,
  },
  'patients.findDuplicates': {
    input: duplicateCheckSchema,
    output: z.object({ duplicates: z.array(duplicateSchema) }),
  },
  'patients.create': {
    input: z.object({
      patient: patientInputSchema,
      /** The receptionist has seen the possible duplicates and creates the record anyway. */
      acknowledgeDuplicates: z.boolean().default(false),
    }),
    output: patientSchema,
  },
  'patients.update': {
    input: z.object({
      id,
      patient: patientInputSchema,
      /** The version the form was opened on; a newer one on disk is a conflict, not an overwrite. */
      expectedUpdatedAt: isoTimestamp,
    }),
    output: patientSchema,
  },
  'patients.archive': {
    input: z.object({ id, reason: requiredText(500, say('patients.archiveReason')), expectedUpdatedAt: isoTimestamp }),
    output: patientSchema,
  },
  'patients.restore': {
    input: z.object({ id, expectedUpdatedAt: isoTimestamp }),
    output: patientSchema,
  },
} as const;
