import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/contract';
import { err, fieldErrors, resayResult, type Result } from '../../shared/contract/result';
import { runAs } from '../audit/actor';
import { faultOf } from './faults';
import { openAccess, type Access } from '../session/access';
import { say, zodLocale, type MessageLocale } from '../../shared/messages';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> };

/** Everything IPC may log: channel and outcome, never an input or a value (health information). */
export interface DispatchLogEntry {
  channel: string;
  code: 'unknown_channel' | 'invalid_input' | 'internal' | 'invalid_output' | 'fault';
  error?: string;
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;
/** A dispatcher the app can close behind: see `drain`. */
export type DrainableDispatch = Dispatch & {
  /**
   * Refuses every call from now on, and waits for the calls already running to answer,
   * for at most `limitMs` (a call stuck on a printer must not hold the quit for ever).
   */
  drain(limitMs: number): Promise<void>;
};

/** Refuses a parsed call before its handler runs (patient mode), or lets it through with null. */
export type Guard = (channel: Channel, input: unknown) => Result<never> | null;

/**
 * zod's safeParse can itself throw on a few hostile shapes (a field whose `length` is an
 * object with no prototype: zod compares it to the maximum, found by the hostile-input
 * test). Such an input is refused like any other bad input, not answered as our bug.
 */
function safely<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/**
 * The one path every call takes, whatever the transport (Electron IPC, the browser
 * harness, the benchmark): known channel, who may call it (the permission matrix and
 * the session, before the input is even parsed), parsed input, the guard, the handler
 * run as the signed-in person, a checked output. It never throws: the caller always
 * gets a Result. It is also the one place where main's words are put in the clinic's
 * language (`locale`): every refusal, fault and field message, whoever wrote it, is
 * re-said here (shared/messages), so no service needs to know the locale.
 *
 * The app closes the database only once the calls in flight have answered (`drain`): a
 * save pressed just before quitting lands, instead of being cut off in knex's queue
 * ("Acquire connection error: aborted") and answered with an error nobody sees. Not
 * for a restore, which closes the app from inside its own call: the calls beside it
 * are cut off as before.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (entry: DispatchLogEntry) => void,
  guard: Guard = () => null,
  access: Access = openAccess,
  locale: () => MessageLocale = () => 'en-CA',
): DrainableDispatch {
  const answer = async (channel: unknown, input: unknown, lang: MessageLocale): Promise<Result<unknown>> => {
    if (!isChannel(channel)) {
      log({ channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel, code: 'unknown_channel' });
      return err('unknown_channel', say('ipc.unknownChannel'));
    }
    const denied = await access.check(channel).catch(() => err('internal', say('ipc.internal')));
    if (denied) return denied;
    // zod's own messages (a wrong type, a missing field) in the same language as ours.
    const messages = zodLocale(lang);
    const parsed = safely(() => contract[channel].input.safeParse(input, messages));
    if (!parsed?.success) {
      // A throw is logged by kind: one from our own refinements would be a bug of ours.
      log({ channel, code: 'invalid_input', ...(parsed ? {} : { error: 'schema threw' }) });
      return err('invalid_input', say('ipc.invalidInput'), parsed ? fieldErrors(parsed.error) : undefined);
    }
    const refused = guard(channel, parsed.data);
    if (refused) return refused;
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<Result<unknown>>;
      const result = await runAs(access.actor(), () => handler(parsed.data));
      if (!result.ok) return result;
      // A handler that breaks the contract is our bug; the screen gets a clear error, not bad data.
      const checked = contract[channel].output.safeParse(result.value);
      if (!checked.success) {
        log({ channel, code: 'invalid_output', error: checked.error.issues.map((i) => i.path.join('.')).join(', ') });
        return err('internal', say('ipc.internal'));
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      // SQLite and file errors name tables and paths, not patient values; still, log the kind only.
      const fault = faultOf(e);
      log({ channel, code: fault ? 'fault' : 'internal', error: e instanceof Error ? `${e.name}: ${(e as NodeJS.ErrnoException).code ?? ''}` : 'unknown' });
      return fault ?? err('internal', say('ipc.internal'));
    }
  };
  const running = new Set<Promise<Result<unknown>>>();
  let closing = false;
  const dispatch: Dispatch = async (channel, input) => {
    let lang: MessageLocale = 'en-CA';
    try {
      lang = locale();
    } catch {
      // Settings that cannot be read must not stop the answer: it is said in English.
    }
    if (closing) return resayResult(err('internal', say('ipc.closing')), lang);
    const answered = answer(channel, input, lang);
    running.add(answered);
    try {
      return resayResult(await answered, lang);
    } finally {
      running.delete(answered);
    }
  };
  const drain = async (limitMs: number) => {
    closing = true;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    await Promise.race([Promise.allSettled([...running]), limit]);
    clearTimeout(timer);
  };
  return Object.assign(dispatch, { drain });
}
