import { z } from 'zod';
import { say } from '../messages';
import { maxLength } from './fields';

/**
 * Backups and restore. A backup is a folder named by its UTC moment
 * (`rapport-20261130T131500Z`) inside the folder the clinic chose; the name is the only
 * thing the screen sends back, so it is checked to the letter and can never be a path.
 */
export const backupNamePattern = /^rapport-\d{8}T\d{6}Z$/;
const backupName = z.string({ error: say('backup.choose') }).regex(backupNamePattern, say('backup.choose'));

/** The last good backup older than this is shown as a warning in the frame. */
export const staleBackupDays = 2;

export const backupProgressSchema = z.object({
  /** What the running backup is doing now, for the progress line. */
  phase: z.enum(['database', 'documents', 'verifying', 'finishing']),
  /** Of the whole run, 0 to 1. */
  fraction: z.number().min(0).max(1),
});

export const backupStatusSchema = z.object({
  folder: z.string().nullable(),
  /** False when the folder is set but cannot be reached now (the USB stick went home). */
  folderAvailable: z.boolean(),
  lastGoodAt: z.string().nullable(),
  /** What the frame says: nothing, or why the clinic should act. */
  warning: z.enum(['none', 'no_folder', 'folder_missing', 'never', 'stale', 'failed']),
  running: backupProgressSchema.nullable(),
  /** Why the last attempt failed, in plain words; null when it worked. */
  lastError: z.string().nullable(),
  /** A restore set the earlier data aside: it can be put back. */
  canUndoRestore: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupSummarySchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  patients: z.number().int(),
  consents: z.number().int(),
  documents: z.number().int(),
  bytes: z.number().int(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupContract = {
  'backup.status': {
    input: z.object({}),
    output: backupStatusSchema,
  },
  'backup.setFolder': {
    input: z.object({
      folder: z
        .string({ error: say('backup.expectedFolder') })
        .trim()
        .min(1, say('backup.enterFolder'))
        .max(1000, maxLength(1000))
        // A relative path would depend on where Rapport was started from.
        .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'), say('backup.fullPath')),
    }),
    output: backupStatusSchema,
  },
  'backup.start': {
    input: z.object({}),
    output: backupStatusSchema,
  },
  'backup.list': {
    input: z.object({}),
    output: z.object({ backups: z.array(backupSummarySchema) }),
  },
  'backup.verify': {
    input: z.object({ name: backupName }),
    output: backupSummarySchema,
  },
  'backup.restore': {
    input: z.object({ name: backupName }),
    output: z.object({ restored: backupSummarySchema }),
  },
  'backup.undoRestore': {
    input: z.object({}),
    output: z.object({ undone: z.literal(true) }),
  },
} as const;
