import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testPin } from '../support/node-app';
import { openClinicDay, type ClinicDay, type OpenClinicDay } from '../support/clinic-day';
import type { PatientSession } from '../../shared/contract/consent';
import type { ScreeningSet } from '../../shared/contract/screening';
import type { TodayRow } from '../../shared/contract/today';
import { must } from '../support/must';

/** The arrival on the Today sheet: the intake step, and the arrival screening answered by the patient in patient mode (issue 9, items 2–4). */

let day: OpenClinicDay;
let app: OpenClinicDay['app'];
let c: ClinicDay;
beforeEach(async () => {
  ({ app, c } = day = await openClinicDay('2026-07-14T13:00:00.000Z'));
});
afterEach(async () => app?.cleanup());
const book = (patientId: string, start: string) => day.book(patientId, '2026-07-14', start);
const sheet = async () => (await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2026-07-14' }))).rows;
const step = (row: TodayRow, name: string) => row.steps.find((s) => s.step === name);
const intakeAnswers = { conditions: [], pregnancy: 'no', areas: [{ area: 'Neck', pain: 4 }], hopes: 'Turn my head again', heardFrom: 'friend' };

describe('the intake step', () => {
  it('is missing for a new patient, done once filled, and due for review past the clinic’s period', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    await book(zoe, '10:00');
    expect(step((await sheet())[0], 'intake')).toEqual({ step: 'intake', state: 'missing', detail: 'New patient' });
    await must(app.dispatch('intake.submit', { patientId: zoe, templateVersion: 1, locale: 'en-CA', answers: intakeAnswers, basedOnVersion: null }));
    expect(step((await sheet())[0], 'intake')).toEqual({ step: 'intake', state: 'done', detail: 'Up to date' });

    // Thirteen months on, with a 12-month review period: "any changes since your last visit?"
    day.at('2027-08-16T13:00:00.000Z');
    const later = await day.book(zoe, '2027-08-16', '10:00');
    const rows = (await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2027-08-16' }))).rows;
    expect(rows.map((r) => r.appointment.id)).toEqual([later.id]);
    expect(step(rows[0], 'intake')).toMatchObject({ state: 'missing', detail: 'Due for review' });
    await must(app.dispatch('intake.confirmNoChanges', { patientId: zoe, intakeVersion: 1 }));
    expect(step((await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2027-08-16' }))).rows[0], 'intake')).toMatchObject({ state: 'done' });
  });
});

describe('the arrival screening in patient mode', () => {
  it('is answered by the patient in their language for their own visit only, and the session read back from main says it is done', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const visit = await book(zoe, '10:00');
    const other = await book(li, '11:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));

    // Not someone else's visit, and not a visit that is over.
    expect(await app.dispatch('patientMode.enter', { patientId: zoe, kinds: [], locale: 'fr-CA', arrivalScreening: other.id })).toMatchObject({ ok: false, error: { fields: { arrivalScreening: 'This visit is not this patient’s' } } });
    expect(await app.db('app_state').where({ key: 'patient_mode' }).first()).toBeUndefined();

    const session = await must<PatientSession>(app.dispatch('patientMode.enter', { patientId: zoe, kinds: ['treatment', 'outbreak'], locale: 'fr-CA', intake: true, arrivalScreening: visit.id }));
    expect(session.arrivalScreening).toEqual({ appointmentId: visit.id, result: null });
    const answers = set.questions.map((q) => ({ questionId: q.id, answer: false }));
    // Only this visit, at arrival, in French: anything else is refused.
    expect(await app.dispatch('screening.forAppointment', { appointmentId: other.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('screening.record', { appointmentId: visit.id, stage: 'booking', setId: set.id, language: 'fr', answers })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, language: 'en', answers })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.db('screenings').count({ n: '*' })).toEqual([{ n: 0 }]);

    day.at('2026-07-14T13:05:00.000Z');
    // Once per session, like each form: of two sent at once (a double tap) one is recorded; a resend after a reload is refused too.
    const record = () => app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, language: 'fr', answers });
    const [first, second] = await Promise.all([record(), record()]);
    const taken = await must<{ byPatient: boolean; takenBy: string | null }>(Promise.resolve(first!.ok ? first! : second!));
    expect(taken.byPatient).toBe(true);
    const refused = { ok: false, error: { code: 'conflict', fields: { answers: 'Already answered in this session' } } };
    expect(first!.ok ? second : first).toMatchObject(refused);
    expect(await record()).toMatchObject(refused);
    expect(await app.db('screenings').count({ n: '*' })).toEqual([{ n: 1 }]);
    const now = await must<{ session: PatientSession }>(app.dispatch('patientMode.current', {}));
    expect(now.session.arrivalScreening).toEqual({ appointmentId: visit.id, result: 'clear' });
    // The Today row: the arrival screening is done.
    await must(app.dispatch('patientMode.exit', { pin: testPin }));
    expect(step((await sheet())[0], 'arrival_screening')).toMatchObject({ state: 'done', detail: 'Clear' });
  });

  it('a yes answered on the screen stops the visit and tells the session, without a note the patient cannot write', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const visit = await book(zoe, '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    await must(app.dispatch('patientMode.enter', { patientId: zoe, kinds: ['treatment'], locale: 'en-CA', arrivalScreening: visit.id }));
    day.at('2026-07-14T13:05:00.000Z');
    await must(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, language: 'en', answers: set.questions.map((q, i) => ({ questionId: q.id, answer: i === 0 })) }));
    expect((await must<{ session: PatientSession }>(app.dispatch('patientMode.current', {}))).session.arrivalScreening?.result).toBe('yes');
    await must(app.dispatch('patientMode.exit', { pin: testPin }));
    expect(step((await sheet())[0], 'arrival_screening')).toMatchObject({ state: 'blocked', detail: 'Yes answered: note missing' });
  });
});
