import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/contract';
import { err, fieldErrors, type Result } from '../../shared/contract/result';
import { runAs } from '../audit/actor';
import { faultOf } from './faults';
import { openAccess, type Access } from '../session/access';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> };

/** Everything IPC may log: channel and outcome, never an input or a value (health information). */
export interface DispatchLogEntry {
  channel: string;
  code: 'unknown_channel' | 'invalid_input' | 'internal' | 'invalid_output' | 'fault';
  error?: string;
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/** Refuses a parsed call before its handler runs (patient mode), or lets it through with null. */
export type Guard = (channel: Channel, input: unknown) => Result<never> | null;

/**
 * The one path every call takes, whatever the transport (Electron IPC, the browser
 * harness, the benchmark): known channel, who may call it (the permission matrix and
 * the session, before the input is even parsed), parsed input, the guard, the handler
 * run as the signed-in person, a checked output. It never throws: the caller always
 * gets a Result.
 */
export function createDispatcher(handlers: Handlers, log: (entry: DispatchLogEntry) => void, guard: Guard = () => null, access: Access = openAccess): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      log({ channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel, code: 'unknown_channel' });
      return err('unknown_channel', 'This action is not available in this version of Rapport.');
    }
    const denied = await access.check(channel).catch(() => err('internal', 'Rapport could not complete this action. Nothing was changed.'));
    if (denied) return denied;
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      log({ channel, code: 'invalid_input' });
      return err('invalid_input', 'Some fields need attention.', fieldErrors(parsed.error));
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
        return err('internal', 'Rapport could not complete this action. Nothing was changed.');
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      // SQLite and file errors name tables and paths, not patient values; still, log the kind only.
      const fault = faultOf(e);
      log({ channel, code: fault ? 'fault' : 'internal', error: e instanceof Error ? `${e.name}: ${(e as NodeJS.ErrnoException).code ?? ''}` : 'unknown' });
      return fault ?? err('internal', 'Rapport could not complete this action. Nothing was changed.');
    }
  };
}
