import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Checkin, Questionnaire } from '../../shared/contract/checkin';
import type { Dashboard } from '../../shared/contract/dashboard';
import { createRandom } from '../../scripts/lib/people';
import { tempApp } from '../support/app';
import { clinicDay, type ClinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import { must } from '../support/must';
import { startAs } from '../support/node-app';

/**
 * The dashboard through the real dispatcher on a real SQLite file (issue 11 item 6).
 * A year of visits, follow-ups, adherence and check-ins is seeded at random (a fixed
 * seed); every series is then worked out again here with plain loops over what was
 * seeded, in the clinic's time zone, and compared with what main answers.
 */

const zone = 'America/Vancouver';
// Wednesday 25 November 2026, 12:00 in Vancouver.
const noon = new Date('2026-11-25T20:00:00.000Z');
const today = '2026-11-25';
let clock = noon;
let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;

const dayFormat = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The clinic's day of an instant, in the zone the clinic is in (the last test moves it). */
let format = dayFormat(zone);
const clinicDayOf = (instant: string) => format.format(new Date(instant));
const dayMs = 86_400_000;
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

const { next: random, pick } = createRandom(20261125);
/** A random instant in the `days` before the clock (every hour of the clinic's day and night). */
const instantWithin = (days: number) => new Date(noon.getTime() - Math.floor(random() * days * dayMs)).toISOString();

interface Visit { id: string; patientId: string; therapistId: string; startsAt: string; status: string }
const visits: Visit[] = [];
const followUps: Array<{ dueDay: string; status: string }> = [];
const adherence: Array<{ at: string; level: 'all' | 'most' | 'some' | 'none' }> = [];
const checkins: Array<{ at: string; scores: Array<{ theme: string; score: number }>; therapistId: string | null }> = [];
let ours: Questionnaire;

beforeAll(async () => {
  app = await tempApp({ now: () => clock });
  await must(app.dispatch('settings.update', clinicProfile({ timeZone: zone })));
  c = await clinicDay(app);
  const patients: string[] = [];
  for (let i = 0; i < 40; i++) patients.push(await c.patient(`Patient${i}`, `Test${i}`));

  // Visits over 400 days: most took place, some cancelled, missed or never checked in.
  for (const patientId of patients) {
    const n = 1 + Math.floor(random() * 5);
    for (let k = 0; k < n; k++) {
      const startsAt = instantWithin(400);
      const status = pick(['checked_out', 'checked_out', 'checked_out', 'checked_in', 'cancelled', 'no_show', 'booked']);
      visits.push({ id: randomUUID(), patientId, therapistId: pick([c.amelie.id, c.aiko.id]), startsAt, status });
    }
  }
  // A first visit at 23:30 in Vancouver on 31 August (07:30 UTC on 1 September): an August patient, back on 30 September (30 days).
  const lateOne = await c.patient('Late', 'Evening');
  patients.push(lateOne);
  visits.push({ id: randomUUID(), patientId: lateOne, therapistId: c.aiko.id, startsAt: '2026-09-01T06:30:00.000Z', status: 'checked_out' });
  visits.push({ id: randomUUID(), patientId: lateOne, therapistId: c.aiko.id, startsAt: '2026-09-30T18:00:00.000Z', status: 'checked_out' });
  await app.db('appointments').insert(
    visits.map((v) => ({ id: v.id, patient_id: v.patientId, therapist_id: v.therapistId, room_id: c.room1.id, type_id: c.massage.id, starts_at: v.startsAt, ends_at: v.startsAt, status: v.status, scheduled_at: v.startsAt, created_at: v.startsAt, updated_at: v.startsAt })),
  );

  // Follow-ups due over 400 days and a little ahead: open, done or cancelled.
  for (let i = 0; i < 300; i++) {
    const dueDay = plusDays(today, 14 - Math.floor(random() * 414));
    const status = pick(['open', 'done', 'done', 'cancelled']);
    followUps.push({ dueDay, status });
  }
  await app.db('follow_ups').insert(
    followUps.map((f) => {
      const id = randomUUID();
      return { id, patient_id: pick(patients), kind: 'manual', rule_id: 'manual', source_id: id, due_day: f.dueDay, reason: 'Seeded', status: f.status, created_at: `${f.dueDay}T12:00:00.000Z` };
    }),
  );

  // Adherence recorded against one plan each, at any hour.
  const plans = patients.slice(0, 10).map((patientId) => ({ id: randomUUID(), patient_id: patientId, items: '[]', given_on: '2025-10-01', given_at: '2025-10-01T17:00:00.000Z' }));
  await app.db('homecare_plans').insert(plans);
  for (let i = 0; i < 200; i++) adherence.push({ at: instantWithin(400), level: pick(['all', 'most', 'some', 'none'] as const) });
  // A Sunday 23:30 in Vancouver is Monday in UTC: it belongs to the week of Sunday 22 November.
  adherence.push({ at: '2026-11-23T07:30:00.000Z', level: 'none' });
  await app.db('adherence_records').insert(
    adherence.map((a) => {
      const plan = pick(plans);
      return { id: randomUUID(), patient_id: plan.patient_id, plan_id: plan.id, level: a.level, recorded_at: a.at };
    }),
  );

  // Check-ins through the real service (scored by it), at their own times; some about a visit.
  ours = await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}));
  for (let i = 0; i < 60; i++) {
    const patientId = pick(patients);
    const at = instantWithin(380);
    const own = visits.filter((v) => v.patientId === patientId);
    const about = random() < 0.3 && own.length ? pick(own) : null;
    clock = new Date(at);
    const answers = ours.definition.items.filter(() => random() < 0.8).map((item) => ({ itemId: item.id, value: 1 + Math.floor(random() * 5) }));
    if (answers.length === 0) answers.push({ itemId: ours.definition.items[0].id, value: 3 });
    const { checkin } = await must<{ checkin: Checkin }>(app.dispatch('checkin.record', { patientId, questionnaireId: ours.id, locale: 'en-CA', answers, appointmentId: about?.id }));
    // Whom it is about: the visit named, or else the patient's latest visit that took place before it.
    const before = own.filter((v) => ['checked_in', 'checked_out'].includes(v.status) && v.startsAt <= checkin.takenAt).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1));
    checkins.push({ at: checkin.takenAt, scores: checkin.scores.map(({ theme, score }) => ({ theme, score })), therapistId: about ? about.therapistId : (before[0]?.therapistId ?? null) });
  }
  clock = noon;
}, 60_000);
afterAll(async () => app?.cleanup());

// ------------------------------------------------------------- the answers, worked out again

function expectedBuckets(unit: 'week' | 'month', count: number) {
  const out: Array<{ start: string; end: string }> = [];
  if (unit === 'week') {
    // 25 November 2026 is a Wednesday: its week began on Monday the 23rd.
    for (let k = count - 1; k >= 0; k--) out.push({ start: plusDays('2026-11-23', -7 * k), end: k === 0 ? today : plusDays('2026-11-23', -7 * k + 6) });
  } else {
    for (let k = count - 1; k >= 0; k--) {
      const first = new Date(Date.UTC(2026, 10 - k, 1));
      const last = new Date(Date.UTC(2026, 11 - k, 0));
      out.push({ start: first.toISOString().slice(0, 10), end: k === 0 ? today : last.toISOString().slice(0, 10) });
    }
  }
  return out;
}
const inBucket = (b: { start: string; end: string }, day: string) => day >= b.start && day <= b.end;
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);

function expected(unit: 'week' | 'month', count: number) {
  const buckets = expectedBuckets(unit, count);
  const followUpSeries = buckets.map((b) => {
    const due = followUps.filter((f) => f.status !== 'cancelled' && f.dueDay <= today && inBucket(b, f.dueDay));
    return { ...b, due: due.length, done: due.filter((f) => f.status === 'done').length };
  });
  const adherenceSeries = buckets.map((b) => {
    const here = adherence.filter((a) => inBucket(b, clinicDayOf(a.at)));
    return { ...b, all: here.filter((a) => a.level === 'all').length, most: here.filter((a) => a.level === 'most').length, some: here.filter((a) => a.level === 'some').length, none: here.filter((a) => a.level === 'none').length };
  });
  const themeSeries = buckets.map((b) => {
    const here = checkins.filter((k) => inBucket(b, clinicDayOf(k.at)));
    return { ...b, checkins: here.length, scores: ours.definition.themes.map((t) => ({ theme: t.key, score: avg(here.flatMap((k) => k.scores.filter((s) => s.theme === t.key).map((s) => s.score))) })) };
  });
  const therapists = [c.aiko, c.amelie].filter((t) => checkins.some((k) => k.therapistId === t.id && inBucket({ start: buckets[0].start, end: today }, clinicDayOf(k.at))));
  const byTherapist = therapists.map((t) => ({
    therapistId: t.id,
    name: t.name,
    series: buckets.map((b) => {
      const overall = checkins.filter((k) => k.therapistId === t.id && inBucket(b, clinicDayOf(k.at))).map((k) => avg(k.scores.map((s) => s.score))!);
      return { ...b, checkins: overall.length, score: avg(overall) };
    }),
  }));
  // Returns: each patient's visits that took place, in order; the month of the first; the gap to the second.
  const months: string[] = [];
  for (let m = buckets[0].start.slice(0, 7); m <= today.slice(0, 7); ) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7);
  }
  const byPatient = new Map<string, string[]>();
  for (const v of visits.filter((v) => ['checked_in', 'checked_out'].includes(v.status))) byPatient.set(v.patientId, [...(byPatient.get(v.patientId) ?? []), v.startsAt]);
  const returning = months.map((month) => {
    let patients = 0;
    const returned = [0, 0, 0];
    for (const list of byPatient.values()) {
      const sorted = [...list].sort();
      const first = clinicDayOf(sorted[0]);
      if (first.slice(0, 7) !== month) continue;
      patients++;
      if (sorted.length < 2) continue;
      const gap = (Date.parse(clinicDayOf(sorted[1])) - Date.parse(first)) / dayMs;
      [30, 60, 90].forEach((d, k) => gap <= d && returned[k]++);
    }
    const [y, mo] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    return { month, patients, within: [30, 60, 90].map((days, k) => ({ days, returned: plusDays(last, days) < today ? returned[k] : null })) };
  });
  return { buckets, followUpSeries, adherenceSeries, themeSeries, byTherapist, returning };
}

const read = (input: unknown) => app.dispatch('dashboard.read', input);

describe('the dashboard', () => {
  it.each([
    ['week', 12],
    ['month', 12],
    ['week', 1],
    ['week', 52],
  ] as const)('answers the seeded data over %s × %i, series by series', async (unit, count) => {
    const want = expected(unit, count);
    const got = await must<Dashboard>(read({ unit, count }));
    expect(got.today).toBe(today);
    expect(got.buckets).toEqual(want.buckets);
    expect(got.followUps).toEqual(want.followUpSeries);
    expect(got.adherence).toEqual(want.adherenceSeries);
    expect(got.checkins.series).toEqual(want.themeSeries);
    expect(got.checkins.themes.map((t) => t.key)).toEqual(ours.definition.themes.map((t) => t.key));
    expect(got.byTherapist).toEqual(want.byTherapist);
    expect(got.returning).toEqual(want.returning);
    // The seed is not empty where it matters: a test that compares zeros proves nothing.
    if (unit === 'month' && count === 12) {
      expect(got.followUps.reduce((s, b) => s + b.done, 0)).toBeGreaterThan(50);
      expect(got.adherence.reduce((s, b) => s + b.all + b.most + b.some + b.none, 0)).toBeGreaterThan(100);
      expect(got.checkins.series.reduce((s, b) => s + b.checkins, 0)).toBeGreaterThan(30);
      expect(got.byTherapist).toHaveLength(2);
      expect(got.returning.some((m) => (m.within[2].returned ?? 0) > 0)).toBe(true);
    }
  });

  it('puts what happened late in the evening on the clinic’s day, not on UTC’s', async () => {
    const got = await must<Dashboard>(read({ unit: 'week', count: 2 }));
    // Sunday 22 November 23:30 in Vancouver: last week, though UTC already says Monday.
    const lastWeek = got.adherence[0];
    expect(lastWeek.start).toBe('2026-11-16');
    expect(lastWeek.none).toBe(adherence.filter((a) => inBucket(lastWeek, clinicDayOf(a.at)) && a.level === 'none').length);
    expect(adherence.filter((a) => a.at === '2026-11-23T07:30:00.000Z')).toHaveLength(1);
    // The patient first seen on 31 August at 23:30 is an August patient, back within 30 days.
    const months = await must<Dashboard>(read({ unit: 'month', count: 4 }));
    const august = months.returning.find((m) => m.month === '2026-08')!;
    expect(august.patients).toBe(expected('month', 4).returning.find((m) => m.month === '2026-08')!.patients);
    expect(august.within[0].returned).toBeGreaterThanOrEqual(1);
  });

  it('shows per-therapist scores to admins, to a therapist only their own, and to reception none', async () => {
    const all = expected('month', 12).byTherapist;
    expect(all.map((t) => t.therapistId).sort()).toEqual([c.aiko.id, c.amelie.id].sort());
    const admin = await must<Dashboard>(read({ unit: 'month', count: 12 }));
    expect(admin.byTherapist).toEqual(all);
    await startAs(app, 'therapist');
    const mine = await must<Dashboard>(read({ unit: 'month', count: 12 }));
    expect(mine.byTherapist).toEqual(all.filter((t) => t.therapistId === c.amelie.id));
    // The clinic-wide series are the same for everyone.
    expect(mine.checkins).toEqual(admin.checkins);
    await startAs(app, 'reception');
    const desk = await must<Dashboard>(read({ unit: 'month', count: 12 }));
    expect(desk.byTherapist).toBeNull();
    expect(desk.followUps).toEqual(mine.followUps);
    expect(desk.checkins.series).toEqual(mine.checkins.series);
    await startAs(app, 'admin');
  });

  it('adds up afresh after any write, and gives the same answer again until then', async () => {
    const before = await must<Dashboard>(read({ unit: 'week', count: 4 }));
    expect(await must<Dashboard>(read({ unit: 'week', count: 4 }))).toEqual(before);
    // A follow-up due today, made through the real handler: this week has one more due.
    await must(app.dispatch('followups.create', { patientId: visits[0].patientId, dueDay: today, reason: 'Ask how the stretches go' }));
    followUps.push({ dueDay: today, status: 'open' });
    const after = await must<Dashboard>(read({ unit: 'week', count: 4 }));
    expect(after.followUps[3].due).toBe(before.followUps[3].due + 1);
    expect(after.followUps).toEqual(expected('week', 4).followUpSeries);
  });

  it('keeps its totals as visits and check-ins are written, and works them out again for a new time zone or a check-in taken away', async () => {
    await must<Dashboard>(read({ unit: 'month', count: 12 }));
    const counted = async () => Number(((await app.db('checkin_therapist_days').sum({ n: 'n' })) as Array<{ n: number }>)[0].n);
    const stamp = () => app.db('app_state').where({ key: 'dashboard.checkin_totals' }).first('value');
    const before = { counted: await counted(), stamp: await stamp() };
    expect(before.counted).toBe(checkins.length);

    // A new patient's first visit through the desk, then a low check-in about it: both in the totals as they are written.
    const patientId = await c.patient('Nouvelle', 'Patiente');
    const visit = await must<{ id: string; startsAt: string }>(app.dispatch('appointments.book', { patientId, therapistId: c.aiko.id, roomId: c.room2.id, typeId: c.massage.id, day: today, start: '09:00' }));
    await must(app.dispatch('appointments.checkIn', { id: visit.id }));
    await must(app.dispatch('appointments.checkOut', { id: visit.id }));
    visits.push({ id: visit.id, patientId, therapistId: c.aiko.id, startsAt: visit.startsAt, status: 'checked_out' });
    expect(await app.db('first_visits').where({ patient_id: patientId }).first('first_at', 'next_at')).toEqual({ first_at: visit.startsAt, next_at: null });
    const answers = ours.definition.items.map((item) => ({ itemId: item.id, value: 2 }));
    const { checkin } = await must<{ checkin: Checkin }>(app.dispatch('checkin.record', { patientId, questionnaireId: ours.id, locale: 'fr-CA', answers }));
    checkins.push({ at: checkin.takenAt, scores: checkin.scores.map(({ theme, score }) => ({ theme, score })), therapistId: c.aiko.id });
    // Counted in the transaction that recorded it: no rebuild was needed.
    expect({ counted: await counted(), stamp: await stamp() }).toEqual({ counted: before.counted + 1, stamp: before.stamp });
    const now = await must<Dashboard>(read({ unit: 'month', count: 12 }));
    const want = expected('month', 12);
    expect(now.checkins.series).toEqual(want.themeSeries);
    expect(now.byTherapist).toEqual(want.byTherapist);
    expect(now.returning).toEqual(want.returning);
    expect(now.returning.at(-1)!.patients).toBeGreaterThanOrEqual(1);

    // A check-in taken away under the totals (as a purge does): they are worked out again from what is left.
    const gone = checkins.findIndex((k) => clinicDayOf(k.at) >= want.buckets[0].start);
    const row = (await app.db('checkins').where({ taken_at: checkins[gone].at }).first('id')) as { id: string };
    await app.db('therapist_tasks').where({ checkin_id: row.id }).delete();
    await app.db('checkin_answers').where({ checkin_id: row.id }).delete();
    await app.db('checkins').where({ id: row.id }).delete();
    checkins.splice(gone, 1);
    expect((await must<Dashboard>(read({ unit: 'month', count: 12 }))).checkins.series).toEqual(expected('month', 12).themeSeries);

    // The clinic moves to Halifax: every day is Halifax's, the totals' too.
    await must(app.dispatch('settings.update', clinicProfile({ timeZone: 'America/Halifax' })));
    format = dayFormat('America/Halifax');
    try {
      for (const [unit, count] of [['week', 12], ['month', 12]] as const) {
        const moved = await must<Dashboard>(read({ unit, count }));
        const there = expected(unit, count);
        expect(moved.checkins.series).toEqual(there.themeSeries);
        expect(moved.byTherapist).toEqual(there.byTherapist);
        expect(moved.returning).toEqual(there.returning);
        expect(moved.adherence).toEqual(there.adherenceSeries);
      }
      expect(await stamp()).toEqual({ value: JSON.stringify('America/Halifax') });
    } finally {
      await must(app.dispatch('settings.update', clinicProfile({ timeZone: zone })));
      format = dayFormat(zone);
    }
  });

  it('refuses a period outside its range with a typed error on the field', async () => {
    expect(await read({ unit: 'week', count: 53 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { count: 'At most 52 weeks' } } });
    expect(await read({ unit: 'month', count: 13 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { count: 'At most 12 months' } } });
    expect(await read({ unit: 'month', count: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { count: 'At least 1' } } });
    expect(await read({ unit: 'month', count: 2.5 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { count: 'Enter a whole number' } } });
    expect(await read({ unit: 'year', count: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { unit: 'Choose weeks or months' } } });
  });
});
