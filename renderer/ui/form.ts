import type { z } from 'zod';
import { fieldErrors } from '../../shared/contract/result';

export type FieldErrors = Record<string, string>;

/** A typed number as the contract sees it: empty (which Number() would make 0) or not a number is refused by main, by name, at the field. */
export const typedNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** Immutable set by a dotted path ("address.city", "phones.0.number"). */
export function setIn<T>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = path.split('.');
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = rest.length ? setIn(copy[head], rest.join('.'), next) : next;
  return copy as T;
}

/** Read by the same dotted path. */
export function getIn(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/**
 * Checks a form with the same schema main will parse it with, so a receptionist
 * sees the message at the field before anything crosses to main.
 */
export function check<S extends z.ZodType>(schema: S, value: unknown): { ok: true; value: z.output<S> } | { ok: false; fields: FieldErrors } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

/** Moves focus to the first field that has an error, in the order it is on screen. */
export function focusFirstError(form: HTMLElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}
