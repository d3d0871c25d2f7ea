import { z } from 'zod';
import { id, isoTimestamp } from './fields';
import { say } from '../messages';

/**
 * A patient's data on request (issue 10.6): one patient's whole record as a readable
 * PDF, a JSON file for machines and the signed documents, in one folder. And the
 * retention period the clinic's college sets, with an admin purge of archived records
 * past it that lists exactly what it will remove before anything is removed.
 */

export const exportFileSchema = z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int().nonnegative() });

export const purgeCandidateSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  archivedAt: isoTimestamp,
  consents: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
});
export type PurgeCandidate = z.infer<typeof purgeCandidateSchema>;

/** Years after archiving that records are kept. Colleges set 10 or more (CMTO: 10 years); never under 1, never over 100. */
export const retentionYearsSchema = z
  .number({ error: say('export.years') })
  .int(say('export.wholeYears'))
  .min(1, say('export.minYears'))
  .max(100, say('export.maxYears'));
export const defaultRetentionYears = 10;

export const exportContract = {
  'export.patient': {
    input: z.object({ patientId: id }),
    output: z.object({ folder: z.string(), files: z.array(exportFileSchema) }),
  },
  'retention.get': {
    input: z.object({}),
    output: z.object({ years: z.number().int() }),
  },
  'retention.set': {
    input: z.object({ years: retentionYearsSchema }),
    output: z.object({ years: z.number().int() }),
  },
  'purge.preview': {
    input: z.object({}),
    /** Archived before `cutoff`: exactly what a purge now would remove. */
    output: z.object({ years: z.number().int(), cutoff: isoTimestamp, patients: z.array(purgeCandidateSchema) }),
  },
  'purge.run': {
    input: z.object({
      /** The ids the admin saw listed and confirmed; the purge refuses if the list has changed since. */
      patientIds: z.array(id).min(1, say('export.nothing')).max(10_000),
      confirm: z.literal(true, { error: say('export.confirm') }),
    }),
    output: z.object({ removed: z.number().int(), documents: z.number().int() }),
  },
} as const;
