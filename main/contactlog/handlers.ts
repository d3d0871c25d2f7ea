import type { Handlers } from '../ipc/dispatcher';
import { ok, type Result } from '../../shared/contract/result';
import type { ContactLog } from './service';

export function contactLogHandlers(log: ContactLog, journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>): Pick<Handlers, Extract<keyof Handlers, `contactlog.${string}`>> {
  return {
    'contactlog.export': (input) => log.export(input),
    'contactlog.policy': async () => ok(log.policy()),
    // A settings change and its audit entry, both or neither.
    'contactlog.updatePolicy': (input) => journaled('settings.contact_log_retention_changed', async () => ok(log.setPolicy(input))),
    'contactlog.purgePreview': () => log.purgePreview(),
    'contactlog.purge': (input) => log.purge(input),
  };
}
