import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../support/app';
import { clinicDay, type ClinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import type { Appointment } from '../../shared/contract/appointments';
import type { FollowUp, Goal, Plan } from '../../shared/contract/followups';
import type { Result } from '../../shared/contract/result';
import { addDays, lapsed, type VisitFact } from '../../main/followups/rules';
import { lapsedWindowDays, readRules } from '../../main/followups/service';

const differenceInDays = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * Follow-ups through the real dispatcher on a real SQLite file (issue 11, items 1–4):
 * the rules applied by check-out, cancel and move, the queue, outcomes, declined
 * further contact, goals and homecare plans; bad input refused by field, nothing written.
 */

let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;
let clock = new Date('2026-03-02T13:00:00Z');
const opened: string[] = [];
afterEach(async () => app?.cleanup());

async function start() {
  clock = new Date('2026-03-02T13:00:00Z');
  opened.length = 0;
  app = await tempApp({ now: () => clock, openExternal: async (url) => (opened.push(url), true) });
  await app.dispatch('settings.update', { ...clinicProfile(), timeZone: 'America/Toronto' });
  c = await clinicDay(app);
}

const must = async <T,>(r: Promise<Result<unknown>>): Promise<T> => {
  const done = await r;
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  return done.value as T;
};
const at = (iso: string) => (clock = new Date(iso));

/** A visit that happened: booked, checked in and out, on a day (10:00 clinic time unless told). */
async function visit(patientId: string, day: string, start = '10:00'): Promise<Appointment> {
  at(`${day}T14:00:00Z`);
  const a = await must<Appointment>(app.dispatch('appointments.book', { patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start }));
  await must(app.dispatch('appointments.checkIn', { id: a.id }));
  return must<Appointment>(app.dispatch('appointments.checkOut', { id: a.id }));
}

const rows = async (patientId?: string) =>
  ((await app.db('follow_ups').modify((q) => (patientId ? q.where({ patient_id: patientId }) : q)).select('rule_id', 'source_id', 'due_day', 'status')) as Array<Record<string, string>>)
    .map((r) => `${r.rule_id} ${r.source_id} ${r.due_day} ${r.status}`)
    .sort();

/** The patient's privacy consent, on paper, allowing these channels (the real consent service). */
async function allow(patientId: string, choices: string[]) {
  await must(
    app.dispatch('consent.sign', {
      patientId, kind: 'privacy', locale: 'en-CA', choices, templateVersion: 1,
      signature: { method: 'paper', signerName: 'The patient', seenBy: 'Marc Tremblay', signedOn: '2026-03-02', scan: { mimeType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 scan').toString('base64') } },
      explainedBy: 'Marc Tremblay', witnessedBy: '',
    }),
  );
}

type Queue = { today: string; dueToday: FollowUp[]; overdue: FollowUp[]; upcoming: FollowUp[] };
const queue = () => must<Queue>(app.dispatch('followups.queue', {}));
const line = (f: FollowUp) => `${f.kind} ${f.patientName} ${f.dueDay}${f.visitNumber ? ` #${f.visitNumber}` : ''} [${f.channels.join(',')}]${f.nextVisitDay ? ` next ${f.nextVisitDay}` : ''}`;

describe('follow-up rules at check-out', () => {
  it('creates exactly the expected follow-ups on a fixed calendar, once, however often the rules run again', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const v1 = await visit(zoe, '2026-03-02');
    const v2 = await visit(zoe, '2026-03-09');
    const plan = await must<Plan>(app.dispatch('followups.givePlan', { patientId: zoe, appointmentId: v2.id, items: [{ what: 'Chin tucks', howOften: 'Twice a day', howLong: '2 weeks' }] }));
    const v3 = await visit(zoe, '2026-03-16');
    const expected = [
      `alliance_checkin ${v1.id} 2026-03-03 open`,
      `alliance_checkin ${v3.id} 2026-03-17 open`,
      `first_visit_call ${v1.id} 2026-03-04 open`,
      `homecare_adherence ${plan.id} 2026-03-16 open`,
    ].sort();
    expect(await rows(zoe)).toEqual(expected);
    // Check-out again is refused by the visit's state; the rules run again anyway make nothing new.
    expect(await app.dispatch('appointments.checkOut', { id: v3.id })).toMatchObject({ ok: false });
    for (const v of [v1, v2, v3]) await app.db.transaction((trx) => app.services.followUps.afterVisitChange(trx, v));
    expect(await rows(zoe)).toEqual(expected);
    // A new plan replaces the first: the first one's check is no longer due, the new one's is a week on.
    at('2026-03-18T15:00:00Z');
    const second = await must<Plan>(app.dispatch('followups.givePlan', { patientId: zoe, items: [{ what: 'Walk', howOften: 'Daily', howLong: '20 minutes' }] }));
    expect((await rows(zoe)).filter((r) => r.startsWith('homecare'))).toEqual([`homecare_adherence ${plan.id} 2026-03-16 cancelled`, `homecare_adherence ${second.id} 2026-03-25 open`].sort());
  });

  it('lapsed: found when the queue is read; a booking cancels it, cancelling the booking brings it back; a moved visit is followed', async () => {
    await start();
    const li = await c.patient('Li', 'Wei');
    const last = await visit(li, '2026-03-02');
    at('2026-04-30T15:00:00Z'); // 59 days on
    await queue();
    expect((await rows(li)).filter((r) => r.startsWith('lapsed'))).toEqual([]);
    at('2026-05-01T15:00:00Z'); // 60 days
    expect((await queue()).dueToday.map(line)).toContain('lapsed Li Wei 2026-05-01 []');
    expect((await rows(li)).filter((r) => r.startsWith('lapsed'))).toEqual([`lapsed ${last.id} 2026-05-01 open`]);
    // Booked again: not lapsed any more. The booking cancelled: lapsed again, the same follow-up.
    const booked = await must<Appointment>(app.dispatch('appointments.book', { patientId: li, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day: '2026-05-12', start: '09:00' }));
    expect((await rows(li)).filter((r) => r.startsWith('lapsed'))).toEqual([`lapsed ${last.id} 2026-05-01 cancelled`]);
    expect((await queue()).dueToday.filter((f) => f.kind === 'lapsed')).toEqual([]);
    // While booked, the follow-ups with no channel wait for that visit; moved, they follow it.
    const waiting = (await queue()).overdue.find((f) => f.kind === 'call')!;
    expect(line(waiting)).toBe('call Li Wei 2026-03-04 [] next 2026-05-12');
    await must(app.dispatch('appointments.move', { id: booked.id, day: '2026-05-14', start: '09:00' }));
    expect(line((await queue()).overdue.find((f) => f.id === waiting.id)!)).toBe('call Li Wei 2026-03-04 [] next 2026-05-14');
    await must(app.dispatch('appointments.cancel', { id: booked.id, reason: 'Away' }));
    expect((await rows(li)).filter((r) => r.startsWith('lapsed'))).toEqual([`lapsed ${last.id} 2026-05-01 open`]);
    expect((await app.db('follow_ups').where({ patient_id: li })).length).toBe(3);
  });

  it('the first read after an upgrade: two years of lapsed patients found exactly, in short windows of days that let other reads in between', async () => {
    await start();
    // Visits written before follow-ups existed (as an upgrade finds them): one patient in
    // three also had a cancelled visit later, one in five is booked ahead.
    const ids: string[] = [];
    for (let i = 0; i < 90; i++) ids.push(await c.patient(`P${i}`, 'Lapsed'));
    const rowsIn: Array<Record<string, string>> = [];
    const facts = new Map<string, VisitFact[]>();
    const add = (patientId: string, day: string, status: VisitFact['status']) => {
      const startsAt = `${day}T15:00:00.000Z`;
      const id = `v-${rowsIn.length}`;
      rowsIn.push({ id, patient_id: patientId, therapist_id: c.amelie.id, room_id: c.room1.id, type_id: c.massage.id, starts_at: startsAt, ends_at: startsAt, status, scheduled_at: startsAt, created_at: startsAt, updated_at: startsAt });
      facts.set(patientId, [...(facts.get(patientId) ?? []), { id, day, status }]);
    };
    ids.forEach((p, i) => {
      add(p, addDays('2024-03-01', i * 8), 'checked_out');
      add(p, addDays('2024-03-01', i * 8 + 3), 'checked_out');
      if (i % 3 === 0) add(p, addDays('2024-03-01', i * 8 + 9), 'cancelled');
      if (i % 5 === 0) add(p, addDays('2026-03-02', 1 + i), 'booked');
    });
    for (let i = 0; i < rowsIn.length; i += 50) await app.db('appointments').insert(rowsIn.slice(i, i + 50));
    const rules = await readRules(app.db);
    const expected = ids.map((p) => lapsed({ visits: facts.get(p)!, today: '2026-03-02', rules })).filter((w) => w !== null).map((w) => `lapsed ${w.sourceId} ${w.dueDay} open`).sort();
    expect(expected.length).toBeGreaterThan(50);

    const statements: string[] = [];
    const seen = (q: { sql: string }) => statements.push(q.sql);
    app.db.on('query', seen);
    await queue();
    app.db.off('query', seen);
    expect((await rows()).filter((r) => r.startsWith('lapsed'))).toEqual(expected);
    // Two years from the first visit to the rule's cut-off, 30 days a window: 24 short
    // transactions, each its own BEGIN and COMMIT, never one holding the connection for all.
    const windows = statements.filter((sql) => sql.startsWith('select `a`.`id`')).length;
    expect(windows).toBe(Math.ceil(differenceInDays('2024-02-29', addDays('2026-03-02', -60)) / lapsedWindowDays));
    expect(statements.filter((sql) => /^BEGIN/i.test(sql)).length).toBe(windows);
    // Read again with one due today too (two pages to present): nothing scanned twice.
    await must(app.dispatch('followups.create', { patientId: ids[1], dueDay: '2026-03-02', reason: 'Asked for a call' }));
    statements.length = 0;
    app.db.on('query', seen);
    await queue();
    app.db.off('query', seen);
    expect(statements.filter((sql) => sql.startsWith('select `a`.`id`'))).toEqual([]);
    // A read's statements: the rule and the cursor, three pages and their counts, and one
    // presentation of all three (consents, phones, contacts, next visits, sources).
    expect(statements.length).toBeLessThanOrEqual(13);
  });
});

describe('the queue and its outcomes', () => {
  it('offers only the channels the privacy consent allows; records outcomes; a next try moves it; declined stops everything until undone', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const ana = await c.patient('Ana', 'Cruz');
    await allow(zoe, ['phone', 'email']);
    await allow(li, ['do_not_contact']);
    await allow(ana, ['text']);
    for (const [i, p] of [zoe, li, ana].entries()) await visit(p, '2026-03-02', `1${i}:00`);
    at('2026-03-04T15:00:00Z');
    const q = await queue();
    expect(q.today).toBe('2026-03-04');
    // Each list by due day, then by name (last, first); "do not contact me" leaves no channel.
    expect(q.dueToday.map(line)).toEqual(['call Ana Cruz 2026-03-04 [text]', 'call Zoë Martin 2026-03-04 [phone,email]', 'call Li Wei 2026-03-04 []']);
    expect(q.overdue.map(line)).toEqual(['alliance_checkin Ana Cruz 2026-03-03 #1 [text]', 'alliance_checkin Zoë Martin 2026-03-03 #1 [phone,email]', 'alliance_checkin Li Wei 2026-03-03 #1 []']);

    const call = (name: string) => q.dueToday.find((f) => f.patientName === name)!;
    // A channel the patient did not allow is refused, naming the field; nothing written.
    const before = await app.db('contact_attempts').count({ n: '*' });
    expect(await app.dispatch('followups.record', { followUpId: call('Ana Cruz').id, channel: 'phone', outcome: 'reached' })).toMatchObject({ ok: false, error: { fields: { channel: expect.stringMatching(/does not allow/) } } });
    expect(await app.dispatch('followups.record', { followUpId: call('Zoë Martin').id, channel: 'phone', outcome: 'voicemail', nextTryDay: '2026-03-01' })).toMatchObject({ ok: false, error: { fields: { nextTryDay: expect.any(String) } } });
    expect(await app.db('contact_attempts').count({ n: '*' })).toEqual(before);

    // Voicemail with a next try: still open, on that day, the attempt shown as the last contact.
    const retried = await must<FollowUp>(app.dispatch('followups.record', { followUpId: call('Zoë Martin').id, channel: 'phone', outcome: 'voicemail', note: 'Left a message', nextTryDay: '2026-03-06' }));
    expect(retried).toMatchObject({ status: 'open', dueDay: '2026-03-06', attempts: 1, lastContact: { channel: 'phone', outcome: 'voicemail', by: 'Priya Natarajan, RMT' } });
    expect((await queue()).upcoming.map((f) => f.id)).toContain(retried.id);
    // Reached: done.
    expect(await must<FollowUp>(app.dispatch('followups.record', { followUpId: call('Ana Cruz').id, channel: 'text', outcome: 'reached' }))).toMatchObject({ status: 'done', lastContact: { channel: 'text', outcome: 'reached' } });
    // E-mail allowed: a prepared message opens in the mail program, through mailto: only.
    expect(await app.dispatch('followups.openMail', { followUpId: retried.id })).toEqual({ ok: true, value: { opened: true } });
    expect(opened[0]).toMatch(/^mailto:zoe%40example\.org\?subject=Checking%20in%20from%20Harbour%20Massage%20Therapy&body=Hello%20Zo%C3%AB%20Martin/);
    expect(await app.dispatch('followups.openMail', { followUpId: call('Ana Cruz').id })).toMatchObject({ ok: false, error: { fields: { followUpId: expect.stringMatching(/e-mail/) } } });

    // Declined: every follow-up of that patient leaves the queue, and none can be recorded, until undone.
    const alliance = q.overdue.find((f) => f.patientName === 'Zoë Martin')!;
    await must(app.dispatch('followups.record', { followUpId: alliance.id, channel: 'phone', outcome: 'declined', note: 'Asked us not to call' }));
    const after = await queue();
    expect([...after.dueToday, ...after.overdue, ...after.upcoming].filter((f) => f.patientName === 'Zoë Martin')).toEqual([]);
    expect(await app.dispatch('followups.record', { followUpId: retried.id, channel: 'phone', outcome: 'reached' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await must(app.dispatch('followups.patient', { patientId: zoe }))).toMatchObject({ declined: { by: 'Priya Natarajan, RMT' } });
    await must(app.dispatch('followups.undoDecline', { patientId: zoe }));
    expect((await queue()).upcoming.map((f) => f.id)).toContain(retried.id);
    expect(await app.dispatch('followups.undoDecline', { patientId: zoe })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const actions = await app.db('audit_events').where({ entity: 'follow_up' }).orderBy('seq').pluck('action');
    expect(actions).toEqual(['follow_up.recorded', 'follow_up.recorded', 'follow_up.mail_opened', 'follow_up.recorded']);
  });
});

describe('bad input: a clear error on the field, nothing written', () => {
  it('an archived patient, a due day past, a rule with a negative or absurd delay, a goal target before it was set', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const gone = await c.patient('Old', 'Record');
    const record = await must<{ updatedAt: string }>(app.dispatch('patients.get', { id: gone }));
    await must(app.dispatch('patients.archive', { id: gone, reason: 'Moved away', expectedUpdatedAt: record.updatedAt }));
    const snapshot = async () => JSON.stringify(await Promise.all(['follow_ups', 'goals', 'goal_history', 'followup_rules', 'homecare_plans'].map((t) => app.db(t).select())));
    const before = await snapshot();
    expect(await app.dispatch('followups.create', { patientId: gone, dueDay: '2026-03-09', reason: 'Orthotics' })).toMatchObject({ ok: false, error: { fields: { patientId: expect.stringMatching(/archived/) } } });
    expect(await app.dispatch('followups.create', { patientId: zoe, dueDay: '2026-03-01', reason: 'Orthotics' })).toMatchObject({ ok: false, error: { fields: { dueDay: expect.stringMatching(/past/) } } });
    expect(await app.dispatch('followups.saveRule', { id: 'first_visit_call', enabled: true, delayDays: -2 })).toMatchObject({ ok: false, error: { fields: { delayDays: expect.stringMatching(/0 days or more/) } } });
    expect(await app.dispatch('followups.saveRule', { id: 'lapsed', enabled: true, delayDays: 100000 })).toMatchObject({ ok: false, error: { fields: { delayDays: 'At most 365 days' } } });
    expect(await app.dispatch('followups.saveRule', { id: 'lapsed', enabled: true, delayDays: 2.5 })).toMatchObject({ ok: false, error: { fields: { delayDays: 'Whole days' } } });
    const goal = { patientId: zoe, words: 'Garden without pain', patientCommits: '', therapistCommits: '' };
    expect(await app.dispatch('followups.saveGoal', { ...goal, targetDate: '2026-03-01' })).toMatchObject({ ok: false, error: { fields: { targetDate: 'The target date cannot be before the goal was set (2026-03-02)' } } });
    expect(await app.dispatch('followups.saveGoal', { ...goal, patientId: gone, targetDate: null })).toMatchObject({ ok: false, error: { fields: { patientId: expect.stringMatching(/archived/) } } });
    expect(await app.dispatch('followups.givePlan', { patientId: zoe, items: [] })).toMatchObject({ ok: false, error: { fields: { items: 'Add at least one item' } } });
    expect(await snapshot()).toBe(before);
  });
});

describe('goals and homecare', () => {
  it('a goal from the intake’s words, reviewed with its history; a plan with adherence recorded', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    expect(await must(app.dispatch('followups.goals', { patientId: zoe }))).toEqual({ goals: [], fromIntake: null });
    const made = await must<Goal>(app.dispatch('followups.saveGoal', { patientId: zoe, words: 'Garden without pain', patientCommits: 'Stretches daily', therapistCommits: 'Review at each visit', targetDate: '2026-05-01' }));
    expect(made).toMatchObject({ status: 'active', setOn: '2026-03-02', source: 'staff', history: [{ status: 'active', note: '' }] });
    at('2026-04-02T15:00:00Z');
    // Reviewed later: the target may be before today but not before the day it was set.
    const met = await must<Goal>(app.dispatch('followups.saveGoal', { id: made.id, patientId: zoe, words: 'Garden without pain', patientCommits: '', therapistCommits: '', targetDate: '2026-03-20', status: 'met', note: 'Did the whole bed on Sunday' }));
    expect(met.history.map((h) => [h.status, h.targetDate, h.note])).toEqual([['active', '2026-05-01', ''], ['met', '2026-03-20', 'Did the whole bed on Sunday']]);

    const plan = await must<Plan>(app.dispatch('followups.givePlan', { patientId: zoe, items: [{ what: 'Chin tucks', howOften: 'Twice a day', howLong: '2 weeks' }] }));
    expect(plan).toMatchObject({ givenOn: '2026-04-02', givenBy: 'Priya Natarajan, RMT', current: true });
    const recorded = await must<Plan>(app.dispatch('followups.recordAdherence', { planId: plan.id, level: 'some', barriers: ['time', 'pain'], barrierNote: 'Busy week' }));
    expect(recorded.adherence).toMatchObject([{ level: 'some', barriers: ['time', 'pain'], barrierNote: 'Busy week' }]);
    expect(await app.dispatch('followups.recordAdherence', { planId: plan.id, level: 'lots' })).toMatchObject({ ok: false, error: { fields: { level: 'Choose all, most, some or none' } } });
  });
});
