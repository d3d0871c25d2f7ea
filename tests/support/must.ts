import type { Result } from '../../shared/contract/result';

/** A call that must succeed in a test's set-up: its value, or the error it answered thrown whole. */
export async function must<T>(r: Promise<Result<unknown>>): Promise<T> {
  const done = await r;
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  return done.value as T;
}
