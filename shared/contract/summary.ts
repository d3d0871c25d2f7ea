import { z } from 'zod';
import { id, plain } from './fields';

/**
 * The one-page alliance summary of a patient (issue 11 item 7): made from the record as
 * it stands, kept in the documents folder with its hash, then opened in the computer's
 * PDF viewer or sent to a printer. Each call makes a new, dated summary.
 */
export const summaryContract = {
  'alliance.summaryPdf': {
    input: z.object({
      patientId: id,
      then: z.enum(['open', 'print']).default('open'),
      /** For `print`: a printer by name; the system's default when left out. */
      printer: plain(200).optional(),
    }),
    output: z.object({
      summaryId: id,
      fileName: z.string(),
      sha256: z.string(),
      /** Opened in the viewer (`open`), or the print job (`print`). */
      opened: z.boolean(),
      job: z.object({ jobId: z.string(), printer: z.string() }).nullable(),
    }),
  },
} as const;
