import { z } from 'zod';
import { isoDate, isoTimestamp } from './fields';
import { say } from '../messages';

/**
 * The contact log (issue 9, item 6): for a date range, everyone who was in the clinic —
 * patients with arrival and departure times and phone, the staff on shift — for public
 * health, as CSV and PDF; and its purge once the clinic's retention period is past.
 */
export const contactPersonSchema = z.object({
  name: z.string(),
  role: z.enum(['patient', 'staff']),
  phone: z.string(),
  /** Each stay in the clinic, in the clinic's time zone ("2026-07-14 10:02–11:01"). */
  times: z.array(z.string()),
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

export const contactLogPolicySchema = z.object({
  retentionDays: z.number({ error: say('followups.days') }).int(say('followups.wholeDays')).min(14, say('contactlog.minDays')).max(3650, say('contactlog.maxDays')),
});
export type ContactLogPolicy = z.infer<typeof contactLogPolicySchema>;
export const defaultContactLogPolicy: ContactLogPolicy = { retentionDays: 90 };

export const contactLogContract = {
  'contactlog.export': {
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((r) => r.from <= r.to, { message: say('contactlog.endAfterStart'), path: ['to'] })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 92 * 86_400_000, { message: say('contactlog.threeMonths'), path: ['to'] }),
    output: z.object({ people: z.array(contactPersonSchema), fileName: z.string(), csv: z.string(), pdfBase64: z.string() }),
  },
  'contactlog.policy': { input: z.object({}), output: contactLogPolicySchema },
  'contactlog.updatePolicy': { input: contactLogPolicySchema, output: contactLogPolicySchema },
  /** Exactly what the purge would remove: the arrival and departure times of the visits before the cutoff. */
  'contactlog.purgePreview': {
    input: z.object({}),
    output: z.object({ before: isoTimestamp, visits: z.number().int(), firstDay: z.string().nullable(), lastDay: z.string().nullable() }),
  },
  /** The purge of what the preview said: refused if the cutoff or the count changed since. */
  'contactlog.purge': {
    input: z.object({ before: isoTimestamp, visits: z.number().int().min(0) }),
    output: z.object({ removed: z.number().int() }),
  },
} as const;
