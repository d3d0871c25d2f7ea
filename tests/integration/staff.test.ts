import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { tempApp } from '../support/app';
import { nodeApp, testPin, testStaff } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';
import type { DispatchLogEntry } from '../../main/ipc/dispatcher';
import type { SessionState, StaffMember } from '../../shared/contract/staff';

/** Staff accounts, sign-in at a shared PC, lockout, the auto-lock, and who-did-it (issue 8, issue 12 item 4). */

let app: Awaited<ReturnType<typeof tempApp>>;
afterEach(async () => app?.cleanup());

const must = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const actions = async () => (await app.db('audit_events').orderBy('seq').select('action')).map((e: { action: string }) => e.action);

describe('first run', () => {
  it('creates the clinic and its first admin, signs them in, and never again', async () => {
    app = await tempApp({ as: 'first-run' });
    expect(await must<SessionState>('session.current', {})).toMatchObject({ firstRun: true, user: null, locked: false });
    // Nothing but sign-in and first run answers yet.
    expect(await app.dispatch('patients.search', { query: 'zoe' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const short = await app.dispatch('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: 'Ines Duarte', initials: 'ID', secret: '1234' } });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'admin.secret': 'A PIN needs at least 6 digits' } } });

    const state = await must<SessionState>('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: 'Ines Duarte', initials: 'id', secret: '864209' } });
    expect(state).toMatchObject({ firstRun: false, locked: false, user: { name: 'Ines Duarte', initials: 'ID', roles: ['admin'] } });
    expect(await must('settings.get', {})).toMatchObject({ name: clinicProfile().name });
    // Two setups at once (two windows, a double click) make one admin.
    const other = await tempApp({ as: 'first-run' });
    try {
      const both = await Promise.all(['AA', 'BB'].map((initials) => other.dispatch('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: `Admin ${initials}`, initials, secret: '864209' } })));
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      expect(await other.db('staff').count({ n: '*' })).toEqual([{ n: 1 }]);
    } finally {
      await other.cleanup();
    }
    const again = await app.dispatch('setup.createFirstAdmin', { clinic: clinicProfile({ name: 'Taken Over' }), admin: { name: 'Intruder', initials: 'XX', secret: '111111' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await must('settings.get', {})).toMatchObject({ name: clinicProfile().name });
    expect(await actions()).toEqual(['staff.created', 'settings.clinic_profile_changed', 'session.signed_in']);
    const [created, profile] = await app.db('audit_events').orderBy('seq').select('actor');
    expect(profile.actor).toBe(state.user!.id);
    expect(created.actor).toBeNull(); // nobody was signed in yet
  });
});

describe('signing in at a shared PC', () => {
  it('by name or by initials, then switching person and locking', async () => {
    app = await tempApp({ as: 'signed-out' });
    const reception = await app.services.staff.create({ ...testStaff.reception, roles: ['reception'] }, null);
    const { people } = await must<{ people: Array<{ id: string; name: string; initials: string; secretKind: string }> }>('session.people', {});
    expect(people.map((p) => [p.name, p.initials, p.secretKind])).toEqual([
      [testStaff.reception.name, 'MT', 'pin'],
      [testStaff.admin.name, 'PN', 'pin'],
    ]);
    expect(JSON.stringify(people)).not.toMatch(/scrypt|secret_hash|roles/);

    expect(await must<SessionState>('session.signIn', { initials: 'mt', secret: testStaff.reception.secret })).toMatchObject({ user: { initials: 'MT', roles: ['reception'] } });
    expect(await must<SessionState>('session.lock', { reason: 'switch' })).toMatchObject({ locked: true, user: { initials: 'MT' } });
    expect(await app.dispatch('patients.search', { query: 'zoe' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const admin = people.find((p) => p.initials === 'PN')!;
    expect(await must<SessionState>('session.signIn', { staffId: admin.id, secret: testPin })).toMatchObject({ locked: false, user: { id: admin.id } });
    await must('session.lock', {});
    await must('session.signIn', { staffId: admin.id, secret: testPin });
    await must('session.signOut', {});
    expect(await must<SessionState>('session.current', {})).toMatchObject({ user: null, firstRun: false });
    expect(await actions()).toEqual([
      'staff.created', 'staff.created', 'session.signed_in', 'session.locked', 'session.switched', 'session.locked', 'session.unlocked', 'session.signed_out',
    ]);
    const switched = await app.db('audit_events').where({ action: 'session.switched' }).first();
    expect(switched).toMatchObject({ actor: admin.id, entity_id: admin.id, detail: JSON.stringify({ from: reception.ok && reception.value.id }) });
  });

  it('refuses a retired account, and keeps it for the records', async () => {
    app = await tempApp();
    const jo = await must<StaffMember>('staff.create', { name: 'Jo Lee', initials: 'JL', roles: ['reception'], secret: 'correct horse battery' });
    expect(jo.secretKind).toBe('password');
    await must('staff.update', { id: jo.id, name: 'Jo Lee', initials: 'JL', roles: ['reception'], active: false });
    expect(await app.dispatch('session.signIn', { initials: 'JL', secret: 'correct horse battery' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await must<{ staff: StaffMember[] }>('staff.list', {})).staff.find((s) => s.id === jo.id)).toMatchObject({ active: false });
    // The clinic never loses its last admin, nor an admin their own account.
    const me = (await must<SessionState>('session.current', {})).user!;
    expect(await app.dispatch('staff.update', { id: me.id, name: me.name, initials: me.initials, roles: ['reception'], active: true })).toMatchObject({ ok: false, error: { code: 'conflict', fields: { roles: expect.any(String) } } });
  });

  it('gives initials to one active person only', async () => {
    app = await tempApp();
    expect(await app.dispatch('staff.create', { name: 'Paul Nadeau', initials: 'pn', roles: ['therapist'], secret: '555666' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { initials: `Already used by ${testStaff.admin.name}` } },
    });
  });
});

describe('wrong PINs', () => {
  it('lock the account after five, with a countdown, kept across a restart, and each lock is longer', async () => {
    let clock = new Date('2026-11-30T15:00:00.000Z');
    app = await tempApp({ as: 'signed-out', now: () => clock });
    const wrong = () => app.dispatch('session.signIn', { initials: 'PN', secret: '000000' });
    for (let i = 1; i <= 4; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { secret: `Not right: ${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left before a lock` } } });
    expect(await wrong()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked for 1 min/) } });
    const person = async () => (await must<{ people: Array<{ initials: string; lockedUntil: string | null }> }>('session.people', {})).people.find((p) => p.initials === 'PN')!;
    expect((await person()).lockedUntil).toBe('2026-11-30T15:01:00.000Z');
    // Locked: even the right PIN waits for the countdown.
    expect(await app.dispatch('session.signIn', { initials: 'PN', secret: testPin })).toMatchObject({ ok: false, error: { fields: { secret: 'Locked: wait for the countdown' } } });

    // A restart gives no fresh tries.
    await app.close();
    const reopened = await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings'), now: () => clock, as: 'signed-out' });
    app = { ...app, ...reopened };
    expect((await person()).lockedUntil).toBe('2026-11-30T15:01:00.000Z');
    expect(await app.dispatch('session.signIn', { initials: 'PN', secret: testPin })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // After the minute, five more wrong ones lock for two.
    clock = new Date('2026-11-30T15:01:01.000Z');
    expect((await person()).lockedUntil).toBeNull();
    for (let i = 0; i < 4; i++) await wrong();
    expect(await wrong()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/locked for 2 min/) } });
    expect((await person()).lockedUntil).toBe('2026-11-30T15:03:01.000Z');
    clock = new Date('2026-11-30T15:03:02.000Z');
    expect(await app.dispatch('session.signIn', { initials: 'PN', secret: testPin })).toMatchObject({ ok: true });
    const trail = await actions();
    expect(trail.filter((a) => a === 'session.sign_in_failed')).toHaveLength(10);
    expect(trail.filter((a) => a === 'staff.locked_out')).toHaveLength(2);
    // A good sign-in clears the count: the next lock starts at a minute again.
    expect(await app.db('staff').where({ initials: 'PN' }).first('failed_attempts', 'lockouts', 'locked_until')).toEqual({ failed_attempts: 0, lockouts: 0, locked_until: null });
  });

  it('a PIN is kept only as a salted scrypt hash: never in the database, settings, logs or audit', async () => {
    const logs: DispatchLogEntry[] = [];
    app = await tempApp({ log: (e) => logs.push(e) });
    const pin = '739184';
    const a = await must<StaffMember>('staff.create', { name: 'Wen Li', initials: 'WL', roles: ['therapist'], secret: pin });
    const b = await must<StaffMember>('staff.create', { name: 'Kofi Mensah', initials: 'KM', roles: ['reception'], secret: pin });
    await must('session.lock', {});
    await app.dispatch('session.signIn', { staffId: a.id, secret: '739185' });
    await must('session.signIn', { staffId: a.id, secret: pin });
    await app.dispatch('patientMode.exit', { pin });
    const [ha, hb] = await Promise.all([a, b].map(async (s) => (await app.db('staff').where({ id: s.id }).first('secret_hash')).secret_hash as string));
    expect(ha).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(ha).not.toBe(hb); // a salt per person: the same PIN does not give the same hash
    await app.close();
    const needles = [pin, Buffer.from(pin).toString('base64'), Buffer.from(pin, 'utf16le').toString('latin1')];
    for (const entry of await readdir(app.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = (await readFile(path.join(entry.parentPath, entry.name))).toString('latin1');
      for (const needle of needles) expect(bytes.includes(needle), `${entry.name} holds the PIN`).toBe(false);
    }
    expect(JSON.stringify(logs)).not.toContain(pin);
    app = { ...app, ...(await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings') })) };
    expect(JSON.stringify(await app.db('audit_events').select('*'))).not.toContain(pin);
  });
});

describe('the auto-lock', () => {
  it('locks after the clinic’s idle time, refuses data while locked, and the same PIN opens it', async () => {
    let idle = 0;
    app = await tempApp({ monotonic: () => idle });
    await must('staff.setAutoLock', { minutes: 2 });
    const zoe = await must<{ id: string }>('patients.create', { patient: patientInput() });
    idle += 119_000;
    expect(await app.dispatch('patients.get', { id: zoe.id })).toMatchObject({ ok: true });
    // Typing a long note makes no call; the screen's poll says someone is at the keys.
    idle += 100_000;
    await must('session.current', { active: true });
    idle += 100_000;
    expect(await must<SessionState>('session.current', {})).toMatchObject({ locked: false });
    idle += 21_000;
    const before = await app.db('patients').select('*');
    expect(await app.dispatch('patients.update', { id: zoe.id, expectedUpdatedAt: 'x', patient: patientInput({ notes: 'changed' }) })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await must<SessionState>('session.current', {})).toMatchObject({ locked: true, user: { initials: 'PN' } });
    expect(await app.db('patients').select('*')).toEqual(before);
    expect(await app.dispatch('session.signIn', { initials: 'PN', secret: testPin })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await app.dispatch('patients.get', { id: zoe.id })).toMatchObject({ ok: true });
    const trail = await app.db('audit_events').where('action', 'like', 'session.%').orderBy('seq').select('action', 'detail');
    expect(trail.slice(-2)).toEqual([{ action: 'session.locked', detail: '{"reason":"idle"}' }, { action: 'session.unlocked', detail: '{}' }]);
    // A report of activity after the idle time has run out does not undo the lock.
    idle += 121_000;
    expect(await must<SessionState>('session.current', { active: true })).toMatchObject({ locked: true });
  });
});

describe('who did it', () => {
  it('is the signed-in person on every audit entry, and a witness is someone on the staff list', async () => {
    app = await tempApp({ as: 'reception' });
    const me = (await must<SessionState>('session.current', {})).user!;
    const zoe = await must<{ id: string }>('patients.create', { patient: patientInput() });
    await must('patients.get', { id: zoe.id });
    const entries = await app.db('audit_events').where({ entity_id: zoe.id }).orderBy('seq').select('action', 'actor');
    expect(entries).toEqual([{ action: 'patient.created', actor: me.id }, { action: 'patient.viewed', actor: me.id }]);
    // A witness that is not a staff id is refused by the contract; one that is not active, by main.
    expect(await app.dispatch('patientMode.enter', { patientId: zoe.id, kinds: ['treatment'], locale: 'en-CA', witnessId: 'Marc' })).toMatchObject({ ok: false, error: { fields: { witnessId: expect.any(String) } } });
    expect(await app.dispatch('patientMode.enter', { patientId: zoe.id, kinds: ['treatment'], locale: 'en-CA', witnessId: me.id })).toMatchObject({ ok: false, error: { fields: { witnessId: 'Choose someone other than yourself' } } });
  });

  it('leaving patient mode takes any active staff member’s own PIN, and the audit says whose', async () => {
    app = await tempApp({ as: 'reception' });
    // Reception may not change settings: the letterhead is set up as the admin would.
    await app.services.settings.update(clinicProfile());
    const zoe = await must<{ id: string }>('patients.create', { patient: patientInput() });
    const admin = (await app.services.staff.active()).find((s) => s.initials === 'PN')!;
    const session = await must<{ explainedBy: string; staffId: string }>('patientMode.enter', { patientId: zoe.id, kinds: ['treatment'], locale: 'en-CA', witnessId: admin.id });
    expect(session).toMatchObject({ explainedBy: testStaff.reception.name, witnessedBy: testStaff.admin.name });
    // The admin's PIN, given with the admin's name.
    expect(await app.dispatch('patientMode.exit', { pin: testStaff.reception.secret, staffId: admin.id })).toMatchObject({ ok: false, error: { fields: { pin: expect.any(String) } } });
    await must('patientMode.exit', { pin: testPin, staffId: admin.id });
    const left = await app.db('audit_events').where({ action: 'patient_mode.left' }).first('actor');
    expect(left.actor).toBe(admin.id);
    // Whoever unlocked now holds the desk.
    expect(await must<SessionState>('session.current', {})).toMatchObject({ user: { id: admin.id }, locked: false });
  });
});
