import type { Knex } from 'knex';
import { err, ok, type Result } from '../../shared/contract/result';
import type { ParsedInput } from '../../shared/contract';
import type { Role, StaffMember } from '../../shared/contract/staff';
import { appendAudit } from '../audit/log';
import { hashSecret, secretKind, verifySecret } from './secret';
import { say } from '../../shared/messages';

interface StaffRow {
  id: string;
  name: string;
  initials: string;
  roles: string;
  active: number;
  secret_hash: string;
  secret_kind: 'pin' | 'password';
  failed_attempts: number;
  lockouts: number;
  locked_until: string | null;
}

/** Wrong attempts before the account locks; each lock in a row lasts twice the one before, up to an hour. */
export const maxAttempts = 5;
const firstLockMs = 60_000;
const longestLockMs = 60 * 60_000;
export const lockDurationMs = (lockouts: number) => Math.min(longestLockMs, firstLockMs * 2 ** lockouts);

export interface StaffDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
}

export function createStaffService({ db, now, newId }: StaffDeps) {
  const toMember = (row: StaffRow): StaffMember => ({
    id: row.id,
    name: row.name,
    initials: row.initials,
    roles: JSON.parse(row.roles) as Role[],
    active: row.active === 1,
    secretKind: row.secret_kind,
    lockedUntil: row.locked_until && row.locked_until > now().toISOString() ? row.locked_until : null,
  });
  const audit = (trx: Knex.Transaction, action: string, staffId: string, detail?: Record<string, unknown>, actor?: string | null) =>
    appendAudit(trx, newId, { at: now().toISOString(), action, entity: 'staff', entityId: staffId, detail, actor });

  /** Initials are how a person signs in by keyboard, so two active people never share them. */
  async function initialsTaken(q: Knex | Knex.Transaction, initials: string, exceptId?: string): Promise<Result<never> | null> {
    const clash = await q('staff')
      .whereRaw('upper(initials) = ?', [initials.toUpperCase()])
      .andWhere({ active: 1 })
      .modify((b) => (exceptId ? b.whereNot({ id: exceptId }) : b))
      .first('name');
    return clash ? err('conflict', say('staff.initialsTaken', { name: clash.name }), { initials: say('staff.initialsUsedBy', { name: clash.name }) }) : null;
  }

  async function byId(id: string, q: Knex | Knex.Transaction = db): Promise<StaffRow | undefined> {
    return (await q('staff').where({ id }).first()) as StaffRow | undefined;
  }

  async function create(input: ParsedInput<'staff.create'>, auditActor?: string | null, onlyIfFirst = false): Promise<Result<StaffMember>> {
    const hash = await hashSecret(input.secret); // before the transaction: 70 ms of scrypt holds no lock
    return db.transaction(async (trx) => {
      // Checked inside the transaction: two first-run setups at once make one admin, not two.
      if (onlyIfFirst && (await trx('staff').first('id')) !== undefined) return err('conflict', say('staff.alreadySetUp'));
      const taken = await initialsTaken(trx, input.initials);
      if (taken) return taken;
      const at = now().toISOString();
      const row: StaffRow & { created_at: string; updated_at: string } = {
        id: newId(),
        name: input.name,
        initials: input.initials.toUpperCase(),
        roles: JSON.stringify(input.roles),
        active: 1,
        secret_hash: hash,
        secret_kind: secretKind(input.secret),
        failed_attempts: 0,
        lockouts: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      };
      await trx('staff').insert(row);
      await audit(trx, 'staff.created', row.id, { roles: input.roles }, auditActor);
      return ok(toMember(row));
    });
  }

  return {
    toMember,
    byId,
    count: async () => Number(((await db('staff').count({ n: '*' })) as Array<{ n: number }>)[0].n),
    /** Active staff, for the sign-in list and the witness picker. */
    active: async () => ((await db('staff').where({ active: 1 }).orderBy('name')) as StaffRow[]).map(toMember),
    list: async (): Promise<Result<{ staff: StaffMember[] }>> => ok({ staff: ((await db('staff').orderBy([{ column: 'active', order: 'desc' }, 'name'])) as StaffRow[]).map(toMember) }),
    create,
    /** The first admin, made by the first-run setup; refused once anyone exists. */
    createFirstAdmin: (input: { name: string; initials: string; secret: string }) => create({ ...input, roles: ['admin'] }, null, true),
    async update(input: ParsedInput<'staff.update'>, by: string | null): Promise<Result<StaffMember>> {
      return db.transaction(async (trx) => {
        const row = await byId(input.id, trx);
        if (!row) return err('not_found', say('staff.noSuch'));
        if (input.active) {
          const taken = await initialsTaken(trx, input.initials, input.id);
          if (taken) return taken;
        }
        // The clinic must never lose its last way into the staff screen.
        const losesAdmin = JSON.parse(row.roles).includes('admin') && row.active === 1 && (!input.active || !input.roles.includes('admin'));
        if (losesAdmin) {
          const admins = ((await trx('staff').where({ active: 1 }).select('roles')) as StaffRow[]).filter((r) => JSON.parse(r.roles).includes('admin'));
          if (admins.length <= 1) return err('conflict', say('staff.onlyAdmin'), { roles: say('staff.needsAdmin') });
        }
        if (by === input.id && !input.active) return err('conflict', say('staff.notSelf'), { active: say('staff.askAdmin') });
        const next = { name: input.name, initials: input.initials.toUpperCase(), roles: JSON.stringify(input.roles), active: input.active ? 1 : 0, updated_at: now().toISOString() };
        await trx('staff').where({ id: row.id }).update(next);
        const changed = (['name', 'initials', 'roles', 'active'] as const).filter((k) => String(row[k]) !== String(next[k]));
        const action = row.active === 1 && !input.active ? 'staff.retired' : row.active === 0 && input.active ? 'staff.reactivated' : 'staff.updated';
        await audit(trx, action, row.id, { changed });
        return ok(toMember({ ...row, ...next }));
      });
    },
    /** A forgotten PIN: an admin sets a new one, which also lifts a lock. */
    async resetSecret(input: ParsedInput<'staff.resetSecret'>): Promise<Result<StaffMember>> {
      const hash = await hashSecret(input.secret);
      return db.transaction(async (trx) => {
        const row = await byId(input.id, trx);
        if (!row) return err('not_found', say('staff.noSuch'));
        const next = { secret_hash: hash, secret_kind: secretKind(input.secret), failed_attempts: 0, lockouts: 0, locked_until: null, updated_at: now().toISOString() };
        await trx('staff').where({ id: row.id }).update(next);
        await audit(trx, 'staff.secret_reset', row.id);
        return ok(toMember({ ...row, ...next }));
      });
    },

    /**
     * Checks a PIN or password against one active account, counting failures in the
     * database: a restart gives no fresh tries, and each lock in a row lasts longer.
     * The secret itself is never stored, logged or audited.
     */
    async checkSecret(who: { staffId?: string; initials?: string }, secret: string): Promise<Result<StaffMember>> {
      const q = db('staff').where({ active: 1 });
      const row = (await (who.staffId ? q.andWhere({ id: who.staffId }) : q.andWhereRaw('upper(initials) = ?', [(who.initials ?? '').toUpperCase()])).first()) as StaffRow | undefined;
      if (!row) return who.staffId ? err('not_found', say('staff.inactive')) : err('not_found', say('staff.noInitials'), { initials: say('staff.noInitialsField') });
      const at = now();
      if (row.locked_until && row.locked_until > at.toISOString()) {
        return err('forbidden', say('staff.lockedNow', { name: row.name }), { secret: say('staff.waitCountdown') });
      }
      const right = await verifySecret(secret, row.secret_hash);
      return db.transaction(async (trx) => {
        if (right) {
          await trx('staff').where({ id: row.id }).update({ failed_attempts: 0, lockouts: 0, locked_until: null });
          return ok(toMember({ ...row, failed_attempts: 0, lockouts: 0, locked_until: null }));
        }
        await trx('staff').where({ id: row.id }).increment('failed_attempts', 1);
        const { failed_attempts: failed, lockouts } = (await byId(row.id, trx))!;
        await audit(trx, 'session.sign_in_failed', row.id, { attempt: failed }, null);
        if (failed < maxAttempts) {
          const left = maxAttempts - failed;
          return err('forbidden', say('staff.wrongSecret'), { secret: left === 1 ? say('staff.oneTryLeft') : say('staff.triesLeft', { left }) });
        }
        const ms = lockDurationMs(lockouts);
        const until = new Date(at.getTime() + ms).toISOString();
        await trx('staff').where({ id: row.id }).update({ failed_attempts: 0, lockouts: lockouts + 1, locked_until: until });
        await audit(trx, 'staff.locked_out', row.id, { minutes: ms / 60_000 }, null);
        return err('forbidden', say('staff.lockedFor', { name: row.name, minutes: ms / 60_000 }), { secret: say('staff.waitCountdown') });
      });
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
