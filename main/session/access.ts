import type { Channel } from '../../shared/contract';
import { err, type Result } from '../../shared/contract/result';
import { allows, permissions } from '../ipc/permissions';
import type { Session } from './session';
import { say } from '../../shared/messages';

/** What the dispatcher asks before it parses or runs anything. */
export interface Access {
  /** Null when this call may go on; otherwise the typed refusal, and nothing runs. */
  check(channel: Channel): Promise<Result<never> | null>;
  /** The staff id the call is made by, for the audit entries it writes. */
  actor(): string | null;
}

/** Everything allowed, nobody acting: for a dispatcher without staff (a unit test of the dispatcher itself). */
export const openAccess: Access = { check: async () => null, actor: () => null };

/**
 * The permission matrix applied to the session. While a patient holds the screen,
 * patient mode decides instead (its own short list, checked with the parsed input),
 * and the staff member who handed the screen over is the one acting.
 */
export function sessionAccess(session: Session, patientMode: { session(): { staffId?: string } | null }): Access {
  return {
    async check(channel) {
      if (patientMode.session()) return null;
      if (permissions[channel] === 'public') return null;
      const refused = await session.admit();
      if (refused) return refused;
      if (!allows(channel, session.user()?.roles ?? null)) return err('forbidden', say('staff.role.forbidden'));
      return null;
    },
    actor: () => {
      const held = patientMode.session();
      return held ? (held.staffId ?? null) : (session.user()?.id ?? null);
    },
  };
}
