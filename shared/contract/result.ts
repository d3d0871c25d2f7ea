import { z } from 'zod';
import { deskLocale, resay, type MessageLocale } from '../messages';

/**
 * Errors cross the process boundary as data. Electron keeps only the message of
 * a thrown Error, so a handler never throws to the renderer: it answers with a
 * Result, and the screen shows `fields` next to the inputs they name.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'forbidden',
  /** Nobody is signed in, or the screen is locked: sign in (again) first. */
  'locked',
  /** A stored document no longer matches the hash taken when it was signed, or is missing. */
  'integrity',
  // Faults of the computer, not of the input (issue 10.4): each message says what happened and what to do.
  /** The disk holding the data folder is full. */
  'disk_full',
  /** The data folder cannot be written: read-only disk or share, or permissions changed. */
  'read_only',
  /** Another program holds the database (a backup tool, a second copy of Rapport): try again shortly. */
  'busy',
  /** A folder Rapport keeps files in (documents, assets) is gone from the data folder. */
  'missing_folder',
  /** The disk reported an error reading or writing. */
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Field path (dot-joined, e.g. `phones.0.number`) to a message for that field. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: IpcError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, fields?: Record<string, string>): Err => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
}

/** Turns a zod failure into field messages a receptionist can act on. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A Map, not an object literal: a field named "constructor" must not meet Object.prototype.
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields.has(key)) fields.set(key, resay(issue.message, deskLocale()));
  }
  return Object.fromEntries(fields);
}

/** An answer with its message and field messages said in `locale` (the dispatcher's last step). */
export function resayResult<T>(result: Result<T>, locale: MessageLocale): Result<T> {
  if (result.ok || locale === 'en-CA') return result;
  const { code, message, fields } = result.error;
  const said = fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, resay(v, locale)]));
  return err(code, resay(message, locale), said);
}
