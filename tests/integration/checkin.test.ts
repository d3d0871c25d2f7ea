import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { Checkin, Questionnaire, TherapistTask } from '../../shared/contract/checkin';
import type { PatientSession } from '../../shared/contract/consent';
import { tempApp } from '../support/app';
import { startAs, testStaff } from '../support/node-app';
import { clinicProfile } from '../support/fixtures';
import { clinicDay, type ClinicDay } from '../support/clinic-day';
import { must } from '../support/must';

let clock: Date;
let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;
let zoe: string;
let ours: Questionnaire;

const allFours = () => ours.definition.items.map((i) => ({ itemId: i.id, value: 4 }));
const withValues = (values: Record<string, number>) => allFours().map((a) => ({ ...a, value: values[a.itemId] ?? a.value }));
const record = (answers: Array<{ itemId: string; value: number }>, extra: Record<string, unknown> = {}) =>
  app.dispatch('checkin.record', { patientId: zoe, questionnaireId: ours.id, locale: 'en-CA', answers, ...extra }) as Promise<Result<{ checkin: Checkin; tasks: TherapistTask[] }>>;
const tables = ['checkins', 'checkin_answers', 'therapist_tasks', 'questionnaires', 'audit_events'];
const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await app.db(t).select('*')])));

/** A visit that took place, written to the table: the therapist the patient last saw. */
let visitNo = 0;
async function visit(patientId: string, therapistId: string, startsAt: string, status = 'checked_out') {
  const id = `c0ffee00-0000-4000-8000-${String(++visitNo).padStart(12, '0')}`;
  await app.db('appointments').insert({ id, patient_id: patientId, therapist_id: therapistId, room_id: c.room1.id, type_id: c.massage.id, starts_at: startsAt, ends_at: startsAt.replace('T10', 'T11'), status, scheduled_at: startsAt, created_at: startsAt, updated_at: startsAt });
  return id;
}

beforeEach(async () => {
  clock = new Date('2026-11-25T15:30:00.000Z');
  app = await tempApp({ now: () => clock });
  await must(app.dispatch('settings.update', clinicProfile()));
  c = await clinicDay(app);
  zoe = await c.patient('Zoë', 'Martin');
  ours = await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}));
});
afterEach(async () => app.cleanup());

describe('the check-in', () => {
  it('is ours by default, labelled as a clinic feedback check-in and not a validated instrument', () => {
    expect(ours).toMatchObject({ key: 'rapport-alliance', version: 1 });
    expect(ours.definition.validated).toBe(false);
    expect(ours.definition.source).toMatch(/Not a validated instrument/);
  });

  it('keeps the exact version and the wording shown after the questionnaire changes', async () => {
    const first = (await must<{ checkin: Checkin }>(record(allFours(), { locale: 'fr-CA' }))).checkin;
    expect(first).toMatchObject({ questionnaireKey: 'rapport-alliance', questionnaireVersion: 1, takenBy: 'phone', recordedBy: testStaff.admin.name, locale: 'fr-CA' });
    expect(first.answers.find((a) => a.itemId === 'trust')).toEqual({ itemId: 'trust', theme: 'connectedness', text: 'Je me sens à l’aise et j’ai confiance en ma ou mon thérapeute.', value: 4 });
    expect(first.scores.find((s) => s.theme === 'goals')).toEqual({ theme: 'goals', label: 'Entente sur les objectifs', score: 4 });

    // Version 2 rewords "trust" and drops "kept_in_touch" (and its theme).
    const definition = structuredClone(ours.definition);
    definition.items = definition.items.filter((i) => i.id !== 'kept_in_touch').map((i) => (i.id === 'trust' ? { ...i, text: { 'en-CA': 'I trust my therapist.', 'fr-CA': 'J’ai confiance en ma ou mon thérapeute.' } } : i));
    definition.themes = definition.themes.filter((t) => t.key !== 'follow_up');
    const v2 = await must<Questionnaire>(app.dispatch('checkin.saveQuestionnaire', { key: 'rapport-alliance', basedOnVersion: 1, definition, changeNote: 'Shorter wording' }));
    expect(v2.version).toBe(2);
    expect((await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}))).id).toBe(v2.id);
    // Saving against the old version again is a conflict, not a fork.
    expect(await app.dispatch('checkin.saveQuestionnaire', { key: 'rapport-alliance', basedOnVersion: 1, definition, changeNote: 'Again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const { checkins } = await must<{ checkins: Checkin[] }>(app.dispatch('checkin.history', { patientId: zoe }));
    expect(checkins).toEqual([first]);
    // The item gone from version 2 is refused on it: an item from another version.
    const before = await snapshot();
    const refused = await app.dispatch('checkin.record', { patientId: zoe, questionnaireId: v2.id, locale: 'en-CA', answers: [{ itemId: 'kept_in_touch', value: 4 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'answers.0.itemId': 'This item is not in this version of the check-in' } } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an answer outside the scale and a check-in for an archived patient, writing nothing', async () => {
    const before = await snapshot();
    expect(await record(withValues({ trust: 6 }))).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'answers.6.value': 'Choose an answer from 1 to 5' } } });
    expect(await record(withValues({ trust: 0 }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Not a whole number: the contract refuses it before main's scoring sees it.
    expect(await record(withValues({ trust: 2.5 }))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const patient = await app.services.patients.get({ id: zoe });
    if (!patient.ok) throw new Error('no patient');
    await must(app.dispatch('patients.archive', { id: zoe, reason: 'Moved away', expectedUpdatedAt: patient.value.updatedAt }));
    const archivedAt = await snapshot();
    expect(await record(allFours())).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    expect(await snapshot()).toEqual(archivedAt);
    expect((before.checkins as unknown[]).length).toBe(0);
  });
});

describe('tasks for the therapist', () => {
  it('a low answer makes a task for the therapist of the latest visit, with what was said; they close it with a note', async () => {
    await visit(zoe, c.aiko.id, '2026-10-01T10:00:00.000Z');
    await visit(zoe, c.amelie.id, '2026-11-20T10:00:00.000Z');
    // Booked for later, not yet seen: not the therapist to tell.
    await visit(zoe, c.aiko.id, '2026-12-20T10:00:00.000Z', 'booked');
    const { checkin, tasks } = await must<{ checkin: Checkin; tasks: TherapistTask[] }>(record(withValues({ know_my_part: 2 })));
    expect(tasks).toEqual([
      expect.objectContaining({
        therapistId: c.amelie.id, therapistName: c.amelie.name, patientName: 'Zoë Martin', checkinId: checkin.id, status: 'open',
        reasons: [{ kind: 'low', theme: 'tasks', itemId: 'know_my_part', text: 'I know what I can do between visits, and it feels doable.', value: 2 }],
      }),
    ]);
    // No alert, no task.
    expect((await must<{ tasks: TherapistTask[] }>(record(allFours()))).tasks).toEqual([]);

    // Reception does not see tasks; the other therapist does not see Amélie's.
    await startAs(app, 'reception');
    expect(await app.dispatch('checkin.tasks', { status: 'open' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.services.session.signIn({ initials: 'AK', secret: '864297' });
    expect((await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.tasks', { status: 'open' }))).tasks).toEqual([]);
    expect(await app.dispatch('checkin.closeTask', { taskId: tasks[0].id, note: 'Not mine' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await startAs(app, 'therapist');
    const mine = await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.tasks', { status: 'open' }));
    expect(mine.tasks.map((t) => t.id)).toEqual([tasks[0].id]);
    expect(await app.dispatch('checkin.closeTask', { taskId: tasks[0].id, note: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { note: 'Say what was done' } } });
    clock = new Date('2026-11-26T09:00:00.000Z');
    const closed = await must<TherapistTask>(app.dispatch('checkin.closeTask', { taskId: tasks[0].id, note: 'Called Zoë: we shortened the home programme to two exercises.' }));
    expect(closed).toMatchObject({ status: 'closed', closedBy: c.amelie.name, closedAt: clock.toISOString(), closingNote: 'Called Zoë: we shortened the home programme to two exercises.' });
    expect((await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.tasks', { status: 'open' }))).tasks).toEqual([]);
    expect((await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.tasks', { status: 'closed' }))).tasks.map((t) => t.id)).toEqual([tasks[0].id]);
    expect(await app.dispatch('checkin.closeTask', { taskId: tasks[0].id, note: 'Again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The audit has ids, never what the patient said nor the note.
    const trail = JSON.stringify(await app.db('audit_events').where('action', 'like', 'checkin.%').select('detail'));
    expect(trail).not.toMatch(/between visits|shortened/);
  });

  it('a drop of a fifth on a theme against the previous check-in makes a task; with no visit yet it goes to the admins', async () => {
    await must(record(withValues({ explains: 5, listens: 5 })));
    clock = new Date('2026-12-25T15:30:00.000Z');
    const { tasks } = await must<{ tasks: TherapistTask[] }>(record(allFours()));
    expect(tasks).toEqual([expect.objectContaining({ therapistId: null, reasons: [{ kind: 'drop', theme: 'communication', previous: 5, score: 4 }] })]);
    const forAdmin = await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.tasks', { status: 'open' }));
    expect(forAdmin.tasks.map((t) => t.id)).toEqual([tasks[0].id]);
  });

  it('a clinic-defined questionnaire is scored by its own definition, and its scores are not compared with ours', async () => {
    await must(record(withValues({ explains: 5, listens: 5 })));
    const definition = {
      title: { 'en-CA': 'Clinic instrument', 'fr-CA': 'Instrument de la clinique' },
      intro: { 'en-CA': 'Used under licence', 'fr-CA': 'Utilisé sous licence' },
      source: 'Licensed to the clinic',
      validated: true,
      scale: { min: 0, max: 6, labels: { 'en-CA': ['0', '1', '2', '3', '4', '5', '6'], 'fr-CA': ['0', '1', '2', '3', '4', '5', '6'] } },
      themes: [{ key: 'communication', label: { 'en-CA': 'Bond', 'fr-CA': 'Lien' } }],
      items: [
        { id: 'c1', theme: 'communication', text: { 'en-CA': 'C1', 'fr-CA': 'C1' } },
        { id: 'c2', theme: 'communication', text: { 'en-CA': 'C2', 'fr-CA': 'C2' }, reverse: true },
      ],
      scoring: { method: 'sum', lowAtOrBelow: 1, dropShare: 0.5 },
    };
    // A new instrument is saved as version 1 of its own key (basedOnVersion null) and becomes the one in use.
    expect(await app.dispatch('checkin.saveQuestionnaire', { key: 'clinic-own', basedOnVersion: 1, definition, changeNote: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const own = await must<Questionnaire>(app.dispatch('checkin.saveQuestionnaire', { key: 'clinic-own', basedOnVersion: null, definition, changeNote: 'Our licensed instrument' }));
    expect((await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}))).id).toBe(own.id);
    // 2 + (6 − 4) = 4, a sum; a 2 is not low on it (low at 1 or below); ours' communication of 5 is no "previous" for it.
    const r = await must<{ checkin: Checkin; tasks: TherapistTask[] }>(app.dispatch('checkin.record', { patientId: zoe, questionnaireId: own.id, locale: 'en-CA', answers: [{ itemId: 'c1', value: 2 }, { itemId: 'c2', value: 4 }] }));
    expect(r.checkin.scores).toEqual([{ theme: 'communication', label: 'Bond', score: 4 }]);
    expect(r.tasks).toEqual([]);
    // Its reversed item: a 6 counts as 0, a low answer by its own mark.
    const low = await must<{ tasks: TherapistTask[] }>(app.dispatch('checkin.record', { patientId: zoe, questionnaireId: own.id, locale: 'en-CA', answers: [{ itemId: 'c1', value: 4 }, { itemId: 'c2', value: 6 }] }));
    expect(low.tasks[0].reasons).toEqual([{ kind: 'low', theme: 'communication', itemId: 'c2', text: 'C2', value: 6 }]);
    expect(await app.dispatch('checkin.record', { patientId: zoe, questionnaireId: own.id, locale: 'en-CA', answers: [{ itemId: 'c1', value: 7 }] })).toMatchObject({ ok: false, error: { fields: { 'answers.0.value': 'Choose an answer from 0 to 6' } } });
  });
});

describe('in patient mode', () => {
  it('the patient answers the version handed over, in their language, once; the step is then done', async () => {
    const session = await must<PatientSession>(app.dispatch('patientMode.enter', { patientId: zoe, kinds: [], locale: 'fr-CA', checkin: true }));
    expect(session.checkin).toEqual({ questionnaireId: ours.id, done: false });
    // Another desk saves version 2 meanwhile (straight to the service: this desk is held by the patient).
    const v2 = await app.services.checkin.saveQuestionnaire({ key: 'rapport-alliance', basedOnVersion: 1, definition: ours.definition, changeNote: 'Same wording', staffId: c.amelie.id });
    expect(v2.ok).toBe(true);
    // The step still reads, and answers, the version handed over.
    expect(await must<Questionnaire>(app.dispatch('checkin.questionnaire', { id: ours.id }))).toEqual(ours);
    // Another language, or another patient: refused by patient mode.
    expect(await record(allFours(), { locale: 'en-CA' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('checkin.history', { patientId: zoe })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { checkin, tasks } = await must<{ checkin: Checkin; tasks: TherapistTask[] }>(record(withValues({ trust: 1 }), { locale: 'fr-CA' }));
    expect(checkin).toMatchObject({ takenBy: 'patient', recordedBy: testStaff.admin.name });
    expect(tasks[0].reasons).toEqual([{ kind: 'low', theme: 'connectedness', itemId: 'trust', text: 'Je me sens à l’aise et j’ai confiance en ma ou mon thérapeute.', value: 1 }]);
    expect(await record(allFours(), { locale: 'fr-CA' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await must<{ session: PatientSession }>(app.dispatch('patientMode.current', {}))).session.checkin).toEqual({ questionnaireId: ours.id, done: true });
  });
});
