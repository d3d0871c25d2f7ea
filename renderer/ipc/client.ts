import { contract, resultSchema, type Channel, type Input, type IpcError, type Output, type RapportBridge, type Result } from '../../shared/contract';
import { setDeskLocale } from '../../shared/messages';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the browser harness: the only door to main. */
    rapport?: RapportBridge;
  }
}

/** A failed call, thrown only where React Query wants a thrown error (reads). */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

const disconnected: IpcError = { code: 'internal', message: 'Rapport lost contact with its database. Restart the application.' };

/** Fired when main refuses a call because nobody is signed in or the screen is locked: the session gate looks again. */
export const lockedEvent = 'rapport:locked';

/** Calls main over the one contract. Never throws: errors come back as data. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  if (!window.rapport) return { ok: false, error: disconnected };
  let raw: unknown;
  try {
    raw = await window.rapport.invoke(channel, input);
  } catch {
    return { ok: false, error: disconnected };
  }
  const parsed = resultSchema(contract[channel].output).safeParse(raw);
  if (parsed.success && !parsed.data.ok && parsed.data.error.code === 'locked') window.dispatchEvent(new Event(lockedEvent));
  // The forms check their fields with the contract before calling main: its messages speak the desk's language too.
  if (parsed.success && parsed.data.ok && channel === 'session.current') setDeskLocale((parsed.data.value as Output<'session.current'>).locale);
  return parsed.success ? (parsed.data as Result<Output<C>>) : { ok: false, error: disconnected };
}

/** For reads: the value, or a thrown IpcFailure for the query's error state. */
export async function read<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value;
}
