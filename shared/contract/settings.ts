import { z } from 'zod';
import { optionalEmail, optionalPhone, requiredText, text } from './fields';
import { say } from '../messages';

export const locales = ['en-CA', 'fr-CA'] as const;
export type Locale = (typeof locales)[number];

/** The largest logo we accept, decoded. A letterhead logo needs far less. */
export const maxLogoBytes = 2 * 1024 * 1024;

const timeZone = z
  .string({ error: say('field.expectedText') })
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, say('settings.timeZone'));

/** Clinic profile: not patient data, so it may live in electron-store. */
export const clinicProfileInputSchema = z.object({
  name: requiredText(120, say('settings.clinicName')),
  addressLine1: text(200),
  addressLine2: text(200),
  city: text(100),
  region: text(100),
  postalCode: text(20),
  phone: optionalPhone,
  email: optionalEmail,
  timeZone,
  locale: z.enum(locales, { error: say('settings.locale') }),
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
  sensitiveAreaFrequency: z.enum(['every_visit', 'once'], { error: say('settings.frequency') }),
  /** Months a signed consent stays valid; 0 means until withdrawn. */
  renewalMonths: z.number({ error: say('field.months') }).int(say('field.wholeMonths')).min(0, say('settings.minMonths')).max(120, say('settings.maxMonths')),
});
export type ConsentPolicy = z.infer<typeof consentPolicySchema>;

const base64 = z
  .string({ error: say('field.expectedFile') })
  .max(Math.ceil((maxLogoBytes * 4) / 3) + 4, say('settings.logoSize'))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, say('field.notBase64'));

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
    input: z.object({ mimeType: z.enum(['image/png', 'image/jpeg'], { error: say('settings.logoType') }), dataBase64: base64 }),
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
