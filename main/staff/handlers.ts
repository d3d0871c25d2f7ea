import type { Handlers } from '../ipc/dispatcher';
import { ok, type Result } from '../../shared/contract/result';
import { runAs } from '../audit/actor';
import { appendAudit } from '../audit/log';
import type { AuditService } from '../audit/service';
import type { Session } from '../session/session';
import type { KeyValueStore } from '../settings/service';
import type { ClinicProfileInput } from '../../shared/contract/settings';
import type { StaffService } from './service';
import type { Knex } from 'knex';

type StaffChannels = Extract<keyof Handlers, `setup.${string}` | `session.${string}` | `staff.${string}` | `audit.${string}`>;

export function staffHandlers(deps: {
  db: Knex;
  staff: StaffService;
  session: Session;
  audit: AuditService;
  store: KeyValueStore;
  /** A settings change with its audit entry, both or neither (main/settings/journal.ts). */
  journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>;
  now: () => Date;
  newId: () => string;
  updateClinic: (input: ClinicProfileInput) => Promise<Result<unknown>>;
}): Pick<Handlers, StaffChannels> {
  const { staff, session, audit } = deps;
  /** The person asking, as the audit screen filters for them; the dispatcher has made sure there is one. */
  const viewer = () => {
    const user = session.user()!;
    return { id: user.id, admin: user.roles.includes('admin') };
  };
  return {
    // First run: the clinic profile and its first admin, who is then signed in (issue 7, item 17).
    'setup.createFirstAdmin': async ({ clinic, admin }) => {
      const created = await staff.createFirstAdmin(admin);
      if (!created.ok) return created;
      const profile = await runAs(created.value.id, () => deps.updateClinic(clinic));
      if (!profile.ok) return profile;
      return session.begin(created.value);
    },
    'session.current': session.current,
    'session.people': async () => ok({ people: (await staff.active()).map(({ id, name, initials, secretKind, lockedUntil }) => ({ id, name, initials, secretKind, lockedUntil })) }),
    'session.signIn': session.signIn,
    'session.lock': async ({ reason }) => {
      await session.lock(reason);
      return session.current();
    },
    'session.signOut': session.signOut,
    'staff.list': staff.list,
    'staff.create': (input) => staff.create(input),
    'staff.update': async (input) => {
      const updated = await staff.update(input, session.user()?.id ?? null);
      if (updated.ok) await session.refresh(input.id);
      return updated;
    },
    'staff.resetSecret': staff.resetSecret,
    'staff.setAutoLock': ({ minutes }) =>
      deps.journaled('settings.auto_lock_changed', async () => {
        deps.store.set('autoLockMinutes', minutes);
        return ok({ autoLockMinutes: minutes });
      }),
    'audit.list': (input) => audit.list(input, viewer()),
    'audit.export': async (input) => {
      const csv = await audit.exportCsv(input, viewer());
      if (!csv.ok) return csv;
      await deps.db.transaction((trx) =>
        appendAudit(trx, deps.newId, { at: deps.now().toISOString(), action: 'audit.exported', entity: 'audit', entityId: 'trail', detail: { rows: csv.value.rows } }),
      );
      return csv;
    },
    'audit.status': audit.status,
    'audit.verify': audit.verify,
  };
}

/** The stored idle time, or the default; a bad value in the settings file never disables the lock. */
export function autoLockMinutes(store: KeyValueStore, fallback: number): number {
  const v = store.get('autoLockMinutes');
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 60 ? v : fallback;
}
