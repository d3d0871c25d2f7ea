import type { Knex } from 'knex';
import { err, ok, type Result } from '../../shared/contract/result';
import type { ParsedInput } from '../../shared/contract';
import type { SessionState, StaffMember } from '../../shared/contract/staff';
import type { Locale } from '../../shared/contract/settings';
import { appendAudit } from '../audit/log';
import type { StaffService } from '../staff/service';
import { say } from '../../shared/messages';

export const defaultAutoLockMinutes = 5;

export interface SessionDeps {
  db: Knex;
  staff: StaffService;
  now: () => Date;
  newId: () => string;
  /** The clinic's idle time before the screen locks (a setting). */
  autoLockMinutes: () => number;
  /** The clinic's language (a setting), which the desk speaks. */
  locale: () => Locale;
  /**
   * Milliseconds from a clock that only moves forward, for idle time: time at the desk,
   * not the records' clock (`now`, which tests move by months and clinics by time zone).
   */
  monotonic?: () => number;
}

/**
 * Who is at the desk. One session per app: the reception PC is shared, and the person
 * changes by signing in, not by opening another window. Held in main (a reload of the
 * screen cannot sign anyone in or out) and in memory only: a restart starts signed out.
 */
export function createSession({ db, staff, now, newId, autoLockMinutes, locale, monotonic = () => performance.now() }: SessionDeps) {
  let user: StaffMember | null = null;
  let locked = false;
  let lastActive = 0;

  const idleTooLong = () => monotonic() - lastActive > autoLockMinutes() * 60_000;
  const audit = (action: string, staffId: string, detail?: Record<string, unknown>) =>
    db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'staff', entityId: staffId, detail, actor: staffId }));

  async function state(): Promise<SessionState> {
    return {
      firstRun: user === null && (await staff.count()) === 0,
      user: user && { id: user.id, name: user.name, initials: user.initials, roles: user.roles },
      locked: user !== null && locked,
      autoLockMinutes: autoLockMinutes(),
      locale: locale(),
    };
  }

  /** The person is now at the desk: a first sign-in, the same person unlocking, or someone else switching in. */
  async function begin(next: StaffMember): Promise<Result<SessionState>> {
    const before = user;
    const action = !before ? 'session.signed_in' : before.id !== next.id ? 'session.switched' : locked ? 'session.unlocked' : null;
    // The same person, already at an open desk (back from patient mode): nothing changed hands.
    if (action) await audit(action, next.id, before && before.id !== next.id ? { from: before.id } : undefined);
    user = next;
    locked = false;
    lastActive = monotonic();
    return ok(await state());
  }

  async function lock(reason: 'manual' | 'idle' | 'switch' | 'system'): Promise<void> {
    if (!user || locked) return;
    locked = true;
    await audit('session.locked', user.id, { reason });
  }

  return {
    async current({ active = false }: { active?: boolean } = {}) {
      // Idle time already run out is not undone by a late report of activity.
      if (user && !locked && idleTooLong()) await lock('idle');
      else if (active && user && !locked) lastActive = monotonic();
      return ok(await state());
    },
    /** The signed-in, unlocked person, for who-did-it; null when nobody is. */
    user: (): StaffMember | null => (user && !locked ? user : null),
    begin,
    lock,
    async signIn(input: ParsedInput<'session.signIn'>): Promise<Result<SessionState>> {
      const checked = await staff.checkSecret(input, input.secret);
      return checked.ok ? begin(checked.value) : checked;
    },
    async signOut(): Promise<Result<SessionState>> {
      if (user) await audit('session.signed_out', user.id);
      user = null;
      locked = false;
      return ok(await state());
    },
    /** An admin changed this account: the session follows (new roles, or out if retired). */
    async refresh(staffId: string): Promise<void> {
      if (user?.id !== staffId) return;
      const row = await staff.byId(staffId);
      user = row && row.active === 1 ? staff.toMember(row) : null;
    },
    /**
     * Null when a signed-in, unlocked person may go on; otherwise the refusal. Idle time
     * is checked here too, so a screen left open locks even if its own timer never ran.
     */
    async admit(): Promise<Result<never> | null> {
      if (!user) return err('locked', say('staff.nobody'));
      if (!locked && idleTooLong()) await lock('idle');
      if (locked) return err('locked', say('staff.locked'));
      lastActive = monotonic();
      return null;
    },
  };
}
export type Session = ReturnType<typeof createSession>;
