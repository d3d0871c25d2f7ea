import { z } from 'zod';
import { digitsOf } from '../text/fold';
import { say } from '../messages';

/** Building blocks for schemas, so every form speaks with the same voice. */

/**
 * `abort` stops at a failed length check, so no later check (a regex, a refinement)
 * ever runs over a megabyte of text and blocks main.
 */
export const maxLength = (max: number) => ({ message: say('field.maxLength', { max }), abort: true });

/**
 * Characters nobody means to type: C0/C1 controls (Cc) and format characters (Cf: zero-width
 * spaces and joiners, direction marks and overrides, the BOM, soft hyphens). Saved, they
 * hide in a name, break a search or a PDF later, or make text read differently than it
 * is stored. A multi-line field allows the newline (and the carriage return before it).
 */
const invisible = /[\p{Cc}\p{Cf}]/u;
const invisibleInLines = /(?![\n\r])[\p{Cc}\p{Cf}]/u;

/** The message names what was found and where, so the receptionist can find it in the field. */
function invisibleMessage(s: string, pattern: RegExp): string {
  const match = pattern.exec(s);
  const code = match ? match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : '';
  return say('field.invisible', { code, position: (match?.index ?? 0) + 1 });
}

/** Refuses controls and format characters, naming the first one found. */
function visible(schema: z.ZodString, pattern: RegExp = invisible): z.ZodString {
  return schema.refine((s) => !pattern.test(s), { error: (issue) => invisibleMessage(String(issue.input), pattern) });
}

/** Text as typed (a search, a printer's name): not trimmed, but still free of invisible characters. */
export const plain = (max: number, expected = say('field.expectedText')) => visible(z.string({ error: expected }).max(max, maxLength(max)));

export const text = (max: number) => visible(z.string({ error: say('field.expectedText') }).trim().max(max, maxLength(max)));

/** Text that may span lines (notes, a form's paragraphs): newlines allowed, other controls not. */
export const multilineText = (max: number) => visible(z.string({ error: say('field.expectedText') }).trim().max(max, maxLength(max)), invisibleInLines);

export const requiredText = (max: number, missing: string) => text(max).min(1, missing);

export const id = z.uuid({ error: say('field.recordId') });

export const isoDate = z
  .string({ error: say('field.expectedDate') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, say('field.dateForm'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, say('field.dateMissing'));

export const isoTimestamp = z.iso.datetime({ error: say('field.timestamp') });

/** Optional e-mail: empty means none. */
export const optionalEmail = visible(z.string({ error: say('field.expectedText') }).trim().max(254, maxLength(254))).refine(
  (s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  say('field.email'),
);

/**
 * A phone number as people write it: digits with spaces, dots, dashes or parentheses,
 * at most one "+" and only in front, then an optional extension written "ext. 123",
 * "ext 123" or "x123". The number itself (not the extension) has 7 to 15 digits (E.164).
 */
const phoneShape = /^(\+?[\d\s().-]*?)\s*(?:(?:ext\.?|x)\s*(\d{1,6}))?$/i;

/** Optional phone number: empty means none. */
export const optionalPhone = z
  .string({ error: say('field.expectedText') })
  .trim()
  .max(40, maxLength(40))
  .superRefine((s, ctx) => {
    if (s === '') return;
    const shape = phoneShape.exec(s);
    if (!shape) {
      ctx.addIssue({ code: 'custom', message: say('field.phoneShape') });
      return;
    }
    const n = digitsOf(shape[1]).length;
    if (n < 7 || n > 15) ctx.addIssue({ code: 'custom', message: say('field.phoneDigits') });
  });
