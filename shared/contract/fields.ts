import { z } from 'zod';
import { digitsOf } from '../text/fold';

/** Building blocks for schemas, so every form speaks with the same voice. */

/**
 * `abort` stops at a failed length check, so no later check (a regex, a refinement)
 * ever runs over a megabyte of text and blocks main.
 */
const maxLength = (max: number) => ({ message: `Keep this under ${max} characters`, abort: true });

export const text = (max: number) => z.string({ error: 'Expected text' }).trim().max(max, maxLength(max));

export const requiredText = (max: number, missing: string) => text(max).min(1, missing);

export const id = z.uuid({ error: 'Not a valid record id' });

export const isoDate = z
  .string({ error: 'Expected a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'This date does not exist');

export const isoTimestamp = z.iso.datetime({ error: 'Expected an ISO 8601 UTC timestamp' });

/** Optional e-mail: empty means none. */
export const optionalEmail = z
  .string({ error: 'Expected text' })
  .trim()
  .max(254, maxLength(254))
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Enter an e-mail like name@example.com');

/** Optional phone number: empty means none; otherwise 7 to 15 digits, any punctuation. */
export const optionalPhone = z
  .string({ error: 'Expected text' })
  .trim()
  .max(40, maxLength(40))
  .refine((s) => s === '' || /^[\d\s()+.\-x#ext]*$/i.test(s), 'Use digits, spaces, + ( ) - . or "ext"')
  .refine((s) => {
    const n = digitsOf(s).length;
    return s === '' || (n >= 7 && n <= 15);
  }, 'A phone number has 7 to 15 digits');
