import { z } from 'zod';
import { optionalEmail, optionalPhone, requiredText, text } from './fields';

export const locales = ['en-CA', 'fr-CA'] as const;
export type Locale = (typeof locales)[number];

/** The largest logo we accept, decoded. A letterhead logo needs far less. */
export const maxLogoBytes = 2 * 1024 * 1024;

const timeZone = z
  .string({ error: 'Expected text' })
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Choose a time zone from the list');

/** Clinic profile: not patient data, so it may live in electron-store. */
export const clinicProfileInputSchema = z.object({
  name: requiredText(120, 'Enter the clinic name'),
  addressLine1: text(200),
  addressLine2: text(200),
  city: text(100),
  region: text(100),
  postalCode: text(20),
  phone: optionalPhone,
  email: optionalEmail,
  timeZone,
  locale: z.enum(locales, { error: 'Choose English or French (Canada)' }),
});
export type ClinicProfileInput = z.input<typeof clinicProfileInputSchema>;

/** As stored: a new installation has an empty profile until someone fills it in. */
export const clinicProfileSchema = z.object({
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  phone: z.string(),
  email: z.string(),
  timeZone: z.string(),
  locale: z.enum(locales),
  /** The logo as a data: URL for display, or null when the clinic has none. */
  logo: z.string().nullable(),
});
export type ClinicProfile = z.infer<typeof clinicProfileSchema>;

/**
 * How this clinic handles consent. Sensitive-area rules differ by province (Ontario
 * asks written consent at every treatment), so the frequency is the clinic's choice.
 */
export const consentPolicySchema = z.object({
  sensitiveAreaFrequency: z.enum(['every_visit', 'once'], { error: 'Choose every visit or once' }),
  /** Months a signed consent stays valid; 0 means until withdrawn. */
  renewalMonths: z.number({ error: 'Enter a number of months' }).int('Whole months only').min(0, 'Zero or more months').max(120, 'At most 120 months'),
});
export type ConsentPolicy = z.infer<typeof consentPolicySchema>;

const base64 = z
  .string({ error: 'Expected the file contents' })
  .max(Math.ceil((maxLogoBytes * 4) / 3) + 4, 'The logo must be 2 MB or smaller')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file contents are not base64');

export const settingsContract = {
  'settings.get': {
    input: z.object({}),
    output: clinicProfileSchema,
  },
  'settings.update': {
    input: clinicProfileInputSchema,
    output: clinicProfileSchema,
  },
  'settings.setLogo': {
    input: z.object({ mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'Use a PNG or JPEG image' }), dataBase64: base64 }),
    output: clinicProfileSchema,
  },
  'settings.removeLogo': {
    input: z.object({}),
    output: clinicProfileSchema,
  },
  'settings.consentPolicy': {
    input: z.object({}),
    output: consentPolicySchema,
  },
  'settings.updateConsentPolicy': {
    input: consentPolicySchema,
    output: consentPolicySchema,
  },
  'app.info': {
    input: z.object({}),
    output: z.object({ version: z.string(), dataDirectory: z.string(), patientCount: z.number().int() }),
  },
} as const;
