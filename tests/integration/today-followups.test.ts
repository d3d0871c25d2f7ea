import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../support/app';
import { clinicDay, type ClinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import type { Appointment } from '../../shared/contract/appointments';
import type { FollowUp } from '../../shared/contract/followups';
import type { TodayRow } from '../../shared/contract/today';
import { must } from '../support/must';

/**
 * Follow-ups due as a Today step (issue 9 item 2, issue 11): through the real dispatcher
 * on a real SQLite file. A visit's row is loud while the patient has an open follow-up
 * due on or before that day, and quiet once it is recorded or moved to a later try.
 */

let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;
let clock = new Date('2026-03-02T13:00:00Z');
afterEach(async () => app?.cleanup());

const book = (patientId: string, day: string, start: string) =>
  must<Appointment>(app.dispatch('appointments.book', { patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start }));
/** A first visit that happened on a day: its check-out makes the check-in call, due two days on. */
async function seen(patientId: string, day: string) {
  clock = new Date(`${day}T14:00:00Z`);
  const a = await book(patientId, day, '09:00');
  await must(app.dispatch('appointments.checkIn', { id: a.id }));
  await must(app.dispatch('appointments.checkOut', { id: a.id }));
}
const stepOf = async (day: string) =>
  Object.fromEntries((await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day }))).rows.map((r) => [r.appointment.patientName, r.steps.find((s) => s.step === 'followups')]));
const openOf = async (patientId: string) => (await must<{ followUps: FollowUp[] }>(app.dispatch('followups.patient', { patientId }))).followUps.filter((f) => f.status === 'open');

describe('follow-ups due on the Today row', () => {
  it('is loud for a patient with a follow-up due by the visit, quiet for the others, and quiet once recorded or moved to a later try', async () => {
    app = await tempApp({ now: () => clock });
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto' }));
    c = await clinicDay(app);
    // Only the first-visit call, so each patient has at most one follow-up to count.
    for (const id of ['alliance_checkin', 'lapsed'] as const) await must(app.dispatch('followups.saveRule', { id, enabled: false, delayDays: 1 }));
    const zoe = await c.patient('Zoë', 'Martin');
    const ana = await c.patient('Ana', 'Cruz');
    const li = await c.patient('Li', 'Wei');
    await seen(zoe, '2026-03-02'); // call due 03-04
    await seen(ana, '2026-03-03'); // call due 03-05: not yet due on 03-04

    clock = new Date('2026-03-04T13:00:00Z');
    await book(zoe, '2026-03-04', '10:00');
    await book(ana, '2026-03-04', '11:00');
    await book(li, '2026-03-04', '12:00');
    expect(await stepOf('2026-03-04')).toEqual({
      'Zoë Martin': { step: 'followups', state: 'missing', detail: 'Due: 1' },
      'Ana Cruz': { step: 'followups', state: 'not_needed', detail: '' },
      'Li Wei': { step: 'followups', state: 'not_needed', detail: '' },
    });
    // On a later day Ana's call is due too; an overdue one still counts.
    await book(ana, '2026-03-06', '10:00');
    await book(zoe, '2026-03-06', '11:00');
    expect(await stepOf('2026-03-06')).toMatchObject({ 'Ana Cruz': { state: 'missing' }, 'Zoë Martin': { state: 'missing' } });

    // Voicemail with a next try on 03-07: quiet on 03-04 and 03-06, due again on a visit from 03-07.
    const [zoeCall] = await openOf(zoe);
    await must(app.dispatch('followups.record', { followUpId: zoeCall.id, channel: 'visit', outcome: 'voicemail', note: '', nextTryDay: '2026-03-07' }));
    expect((await stepOf('2026-03-04'))['Zoë Martin']).toEqual({ step: 'followups', state: 'not_needed', detail: '' });
    expect((await stepOf('2026-03-06'))['Zoë Martin']).toMatchObject({ state: 'not_needed' });
    await book(zoe, '2026-03-09', '10:00');
    expect((await stepOf('2026-03-09'))['Zoë Martin']).toMatchObject({ state: 'missing', detail: 'Due: 1' });

    // Reached at the desk: closed, quiet for good.
    const [anaCall] = await openOf(ana);
    await must(app.dispatch('followups.record', { followUpId: anaCall.id, channel: 'visit', outcome: 'reached', note: 'Asked at the desk' }));
    expect((await stepOf('2026-03-06'))['Ana Cruz']).toEqual({ step: 'followups', state: 'not_needed', detail: '' });
  });

  it('leaves a patient who declined further contact alone, as the queue does', async () => {
    app = await tempApp({ now: () => clock });
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto' }));
    c = await clinicDay(app);
    await must(app.dispatch('followups.saveRule', { id: 'alliance_checkin', enabled: false, delayDays: 1 }));
    const zoe = await c.patient('Zoë', 'Martin');
    await seen(zoe, '2026-03-02');
    await must(app.dispatch('followups.create', { patientId: zoe, dueDay: '2026-03-03', reason: 'Orthotics fitting' }));
    clock = new Date('2026-03-04T13:00:00Z');
    await book(zoe, '2026-03-04', '10:00');
    expect((await stepOf('2026-03-04'))['Zoë Martin']).toMatchObject({ state: 'missing', detail: 'Due: 2' });
    const [first] = await openOf(zoe);
    await must(app.dispatch('followups.record', { followUpId: first.id, channel: 'visit', outcome: 'declined', note: '' }));
    expect((await stepOf('2026-03-04'))['Zoë Martin']).toEqual({ step: 'followups', state: 'not_needed', detail: '' });
  });
});
