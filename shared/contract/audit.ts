import { z } from 'zod';
import { id, isoDate, isoTimestamp, text } from './fields';

/** The audit trail: who did what, when, to which record. Ids and actions, never health details or names. */

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoTimestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditFilterSchema = z.object({
  staffId: id.optional(),
  patientId: id.optional(),
  action: text(80).optional(),
  /** Days in the clinic's time zone, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const chainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  checkedAt: isoTimestamp,
  firstBroken: z.object({ seq: z.number().int(), id: z.string().nullable(), problem: z.enum(['altered', 'missing', 'unlinked']) }).nullable(),
});
export type ChainReportView = z.infer<typeof chainReportSchema>;

export const auditContract = {
  'audit.list': {
    input: auditFilterSchema.extend({ limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().optional() }),
    output: z.object({ entries: z.array(auditEntrySchema), mineOnly: z.boolean() }),
  },
  'audit.export': {
    input: auditFilterSchema,
    output: z.object({ csv: z.string(), fileName: z.string(), rows: z.number().int() }),
  },
  /** What the check at start-up found, for the rows since the last good check: cheap, so the admin's screens can ask it. */
  'audit.status': {
    input: z.object({}),
    output: z.object({ startup: chainReportSchema.nullable() }),
  },
  /** The whole chain on demand; `startup` is what the check at start-up found for the rows since the last check. */
  'audit.verify': {
    input: z.object({}),
    output: z.object({ full: chainReportSchema, startup: chainReportSchema.nullable() }),
  },
} as const;
