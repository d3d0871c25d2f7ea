import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../support/app';
import { startAs } from '../support/node-app';
import { clinicDay, summary, type ClinicDay } from '../support/clinic-day';
import type { Appointment } from '../../shared/contract/appointments';
import type { Result } from '../../shared/contract/result';

/** Booking, moving and closing visits through the real dispatcher on a real SQLite file (issue 9, item 1). */

let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;
afterEach(async () => app?.cleanup());

// The clinic is in Toronto: clocks go forward 2026-03-08 02:00 → 03:00, back 2026-11-01 02:00 → 01:00.
async function start() {
  app = await tempApp();
  const profile = app.services.settings.details();
  await app.dispatch('settings.update', { ...profile, timeZone: 'America/Toronto' });
  c = await clinicDay(app);
}

const book = (patientId: string, day: string, start: string, extra: Record<string, unknown> = {}) =>
  app.dispatch('appointments.book', { patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start, ...extra }) as Promise<Result<Appointment>>;
const must = async (r: Promise<Result<unknown>>) => {
  const done = await r;
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  return done.value as Appointment;
};
const appointmentRows = async () => JSON.stringify(await app.db('appointments').orderBy('id').select());

describe('appointments', () => {
  it('books in the clinic’s time zone, lists the day in time order, and audits every change', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const late = await must(book(zoe, '2026-07-14', '14:30'));
    expect(late).toMatchObject({ startsAt: '2026-07-14T18:30:00Z', endsAt: '2026-07-14T19:30:00Z', day: '2026-07-14', start: '14:30', end: '15:30', status: 'booked', consentForms: ['treatment', 'outbreak'] });
    await must(book(li, '2026-07-14', '09:00', { therapistId: c.aiko.id, roomId: c.room2.id, typeId: c.sensitive.id }));
    const day = (await app.dispatch('appointments.day', { day: '2026-07-14' })) as Result<{ appointments: Appointment[] }>;
    expect(day.ok && day.value.appointments.map(summary)).toEqual([
      '09:00-09:45 Li Wei Aiko Tanaka, RMT Room 2 booked',
      '14:30-15:30 Zoë Martin Amélie Tremblay, RMT Room 1 booked',
    ]);
    // A visit at 23:30 Toronto time is that day's, though it is the next day in UTC.
    const night = await must(book(li, '2026-07-14', '22:30', { end: '23:30' }));
    expect(night.startsAt).toBe('2026-07-15T02:30:00Z');
    expect(await app.dispatch('appointments.day', { day: '2026-07-15' })).toMatchObject({ ok: true, value: { appointments: [] } });

    const moved = await must(app.dispatch('appointments.move', { id: late.id, day: '2026-07-15', start: '10:00' }));
    expect(summary(moved)).toBe('10:00-11:00 Zoë Martin Amélie Tremblay, RMT Room 1 booked');
    await must(app.dispatch('appointments.checkIn', { id: moved.id }));
    expect(summary(await must(app.dispatch('appointments.checkOut', { id: moved.id })))).toMatch(/checked_out$/);
    const cancelled = await must(app.dispatch('appointments.cancel', { id: night.id, reason: 'Called to say she has a fever' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Called to say she has a fever' });

    const events = await app.db('audit_events').where({ entity: 'appointment' }).orderBy('seq').select('action', 'actor', 'detail');
    expect(events.map((e) => e.action)).toEqual(['appointment.booked', 'appointment.booked', 'appointment.booked', 'appointment.moved', 'appointment.checked_in', 'appointment.checked_out', 'appointment.cancelled']);
    expect(new Set(events.map((e) => e.actor)).size).toBe(1);
    expect(events[0].actor).not.toBeNull();
    // Names of what changed, never the reason's words (health information).
    expect(events.map((e) => e.detail).join(' ')).not.toMatch(/fever|Zoë/);
  });

  it('refuses a therapist or a room booked twice, naming the other booking, and frees the time when a visit is cancelled', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const first = await must(book(zoe, '2026-07-14', '10:00'));
    const before = await appointmentRows();
    const sameTherapist = await book(li, '2026-07-14', '10:30', { roomId: c.room2.id });
    expect(sameTherapist).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Amélie Tremblay, RMT is already booked then (Zoë Martin, 10:00–11:00 on 2026-07-14, Room 1).' } });
    expect(!sameTherapist.ok && sameTherapist.error.fields).toMatchObject({ therapistId: expect.stringContaining('Zoë Martin') });
    const sameRoom = await book(li, '2026-07-14', '09:30', { therapistId: c.aiko.id });
    expect(sameRoom).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Room 1 is already booked then (Zoë Martin, 10:00–11:00 on 2026-07-14, with Amélie Tremblay, RMT).' } });
    expect(await appointmentRows()).toBe(before);
    // Back to back is fine; so is the same slot once the first visit is cancelled.
    await must(book(li, '2026-07-14', '11:00'));
    await must(app.dispatch('appointments.cancel', { id: first.id, reason: 'Rescheduling' }));
    await must(book(li, '2026-07-14', '09:30', { end: '10:30', therapistId: c.aiko.id }));
    // A move onto another visit's time is refused the same way.
    const other = await must(book(zoe, '2026-07-14', '13:00'));
    expect(await app.dispatch('appointments.move', { id: other.id, day: '2026-07-14', start: '10:30' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('books one of two windows booking the same slot at once, and refuses the other', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const both = await Promise.all([book(zoe, '2026-07-14', '10:00'), book(li, '2026-07-14', '10:15', { roomId: c.room2.id })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already booked then/) } });
    expect(await app.db('appointments').count({ n: '*' })).toEqual([{ n: 1 }]);
    // Ten at once, five rooms: still one visit per therapist per slot.
    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i % 2 ? zoe : li, '2026-07-15', '09:00', { roomId: i % 2 ? c.room1.id : c.room2.id })));
    expect(many.filter((r) => r.ok)).toHaveLength(1);
  });

  it('answers bad input with the field named, and changes nothing', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const before = await appointmentRows();
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ start: '11:00', end: '10:00' }, { end: 'The end must be after the start' }],
      [{ day: '2026-02-30' }, { day: 'This date does not exist' }],
      [{ start: '25:00' }, { start: 'Use the form HH:MM (24-hour clock)' }],
      [{ day: '2026-03-08', start: '02:30' }, { start: 'The clocks go forward on 2026-03-08: 02:30 does not exist that day. Choose a time after the change.' }],
      [{ day: '2026-03-08', start: '01:30', end: '03:30' }, { end: 'The clocks change during this visit on 2026-03-08. Book it to end before the change or start after it.' }],
      [{ day: '2026-11-01', start: '01:30' }, { start: 'The clocks go back on 2026-11-01: 01:30 happens twice that day. Choose a time after the change.' }],
      [{ start: '23:30' }, { start: 'This visit would run past midnight' }],
      [{ roomId: '6f1c0a4e-2b7d-4c11-9f3a-1d2e3f4a5b6c', typeId: c.massage.id }, { roomId: 'Choose one of the clinic’s rooms' }],
      [{ therapistId: (await app.services.staff.active()).find((s) => s.roles.includes('admin'))!.id }, { therapistId: 'Choose a therapist on the staff list' }],
    ];
    for (const [change, fields] of cases) {
      const r = await book(zoe, '2026-07-14', '10:00', { ...change });
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields } });
    }
    expect(await appointmentRows()).toBe(before);
    // The day after the change books normally, at the new offset.
    expect(await must(book(zoe, '2026-03-08', '09:00'))).toMatchObject({ startsAt: '2026-03-08T13:00:00Z', endsAt: '2026-03-08T14:00:00Z' });
    expect(await must(book(zoe, '2026-11-01', '09:00'))).toMatchObject({ startsAt: '2026-11-01T14:00:00Z' });
    // A 23-hour day lists its visits, and only its own.
    expect(await app.dispatch('appointments.day', { day: '2026-03-08' })).toMatchObject({ ok: true, value: { appointments: [{ start: '09:00' }] } });
  });

  it('refuses checking out a visit never checked in, and other steps out of order', async () => {
    await start();
    const zoe = await c.patient('Zoë', 'Martin');
    const visit = await must(book(zoe, '2026-07-14', '10:00'));
    expect(await app.dispatch('appointments.checkOut', { id: visit.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: 'This visit was never checked in: check the patient in first.' } } });
    await must(app.dispatch('appointments.noShow', { id: visit.id }));
    expect(await app.dispatch('appointments.checkIn', { id: visit.id })).toMatchObject({ ok: false, error: { fields: { id: 'This visit is marked as a no-show: only a booked visit can be checked in.' } } });
    expect(await app.dispatch('appointments.cancel', { id: visit.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: 'Say why the visit is cancelled' } } });
    expect(await app.dispatch('appointments.checkIn', { id: '6f1c0a4e-2b7d-4c11-9f3a-1d2e3f4a5b6c' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets reception book but only an admin set up rooms, types and hours; lists therapists with their hours and a therapist’s week', async () => {
    await start();
    expect(await app.dispatch('appointments.saveHours', { staffId: c.amelie.id, hours: [{ weekday: 1, start: '09:00', end: '17:00' }, { weekday: 3, start: '12:00', end: '20:00' }] })).toMatchObject({ ok: true });
    const zoe = await c.patient('Zoë', 'Martin');
    await startAs(app, 'reception');
    expect(await app.dispatch('appointments.saveRoom', { name: 'Room 3' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await must(book(zoe, '2026-07-13', '09:00'));
    await must(book(zoe, '2026-07-19', '16:00'));
    await must(book(zoe, '2026-07-20', '09:00'));
    const setup = await app.dispatch('appointments.setup', {});
    expect(setup).toMatchObject({ ok: true, value: { timeZone: 'America/Toronto', therapists: [{ name: 'Aiko Tanaka, RMT', hours: [] }, { name: 'Amélie Tremblay, RMT', hours: [{ weekday: 1, start: '09:00' }, { weekday: 3, end: '20:00' }] }] } });
    const week = await app.dispatch('appointments.week', { therapistId: c.amelie.id, day: '2026-07-15' });
    expect(week).toMatchObject({ ok: true, value: { days: ['2026-07-13', '2026-07-14', '2026-07-15', '2026-07-16', '2026-07-17', '2026-07-18', '2026-07-19'] } });
    expect(week.ok && (week.value as { appointments: Appointment[] }).appointments.map((a) => a.day)).toEqual(['2026-07-13', '2026-07-19']);
  });
});
