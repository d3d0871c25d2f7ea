import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeReview, IntakeStatus, IntakeTemplate, IntakeVersion } from '../../shared/contract/intake';
import type { Patient } from '../../shared/contract/patients';
import { intakeDiff } from '../../shared/intake/diff';
import { monthsBefore } from '../../main/intake/status';
import { tempApp } from '../support/app';
import { startAs, testStaff } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';

let clock: Date;
let app: Awaited<ReturnType<typeof tempApp>>;
let patient: Patient;

async function must<T>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const first = {
  conditions: ['arthritis', 'headaches'],
  medications: 'Ibuprofen as needed',
  pregnancy: 'no',
  areas: [{ area: 'Lower back', pain: 6 }],
  hopes: 'Garden again without back pain',
  heardFrom: 'friend',
};

const submit = (answers: Record<string, unknown>, basedOnVersion: number | null, extra: Record<string, unknown> = {}) =>
  app.dispatch('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers, basedOnVersion, ...extra });

const statusOf = async (ids: string[]) => (await must<{ statuses: IntakeStatus[] }>('intake.status', { patientIds: ids })).statuses;
const snapshot = async () => {
  const rows: Record<string, unknown> = {};
  for (const t of ['intakes', 'intake_reviews', 'intake_templates', 'audit_events']) rows[t] = await app.db(t).select('*');
  return rows;
};

beforeEach(async () => {
  clock = new Date('2026-11-25T15:30:00.000Z');
  app = await tempApp({ now: () => clock });
  await must('settings.update', clinicProfile());
  patient = await must('patients.create', { patient: patientInput() });
});
afterEach(async () => app.cleanup());

describe('intake versions', () => {
  it('stores the first intake against the template version, with the questions as shown, who and when', async () => {
    const saved = await must<IntakeVersion>('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'fr-CA', answers: { ...first, allergies: '' }, basedOnVersion: null });
    expect(saved).toMatchObject({ version: 1, templateVersion: 1, locale: 'fr-CA', filledBy: 'staff', recordedBy: testStaff.admin.name, recordedAt: clock.toISOString() });
    // Empty answers are not kept; the questions are in the language the patient read.
    expect(Object.keys(saved.answers).sort()).toEqual(Object.keys(first).sort());
    expect(saved.questions.find((q) => q.key === 'pregnancy')).toEqual({
      key: 'pregnancy', type: 'choice', label: 'Êtes-vous enceinte ?',
      options: [{ key: 'no', label: 'Non' }, { key: 'yes', label: 'Oui' }, { key: 'unsure', label: 'Je ne sais pas' }, { key: 'not_applicable', label: 'Ne s’applique pas' }],
    });
    // The audit names the record and the version, never an answer.
    const entry = await app.db('audit_events').where({ action: 'intake.recorded' }).first();
    expect(entry.detail).not.toMatch(/Ibuprofen|back|arthritis/i);
  });

  it('keeps the question text a version showed after the template changes', async () => {
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    const template = await must<IntakeTemplate>('intake.template', {});
    const locales = structuredClone(template.locales);
    locales['en-CA'].questions.medications.label = 'Every medicine, vitamin or supplement you take';
    const v2 = await must<IntakeTemplate>('intake.saveTemplate', { basedOnVersion: 1, questions: template.questions, locales, changeNote: 'Ask about supplements too' });
    expect(v2.version).toBe(2);
    // An editor still on version 1 is told, not allowed to overwrite.
    expect(await app.dispatch('intake.saveTemplate', { basedOnVersion: 1, questions: template.questions, locales, changeNote: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A form still showing version 1 cannot save against version 2's questions.
    expect(await submit({ ...first, medications: 'None' }, 1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const second = await must<IntakeVersion>('intake.submit', { patientId: patient.id, templateVersion: 2, locale: 'en-CA', answers: { ...first, medications: 'Vitamin D' }, basedOnVersion: 1 });

    const { versions } = await must<{ versions: IntakeVersion[] }>('intake.history', { patientId: patient.id });
    expect(versions.map((v) => [v.version, v.templateVersion])).toEqual([[2, 2], [1, 1]]);
    expect(versions[1].questions.find((q) => q.key === 'medications')!.label).toBe('Medications you take (including over-the-counter)');
    expect(second.questions.find((q) => q.key === 'medications')!.label).toBe('Every medicine, vitamin or supplement you take');
  });

  it('shows two versions side by side with the differences marked', async () => {
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    clock = new Date('2027-01-10T16:00:00.000Z');
    await must('intake.submit', {
      patientId: patient.id, templateVersion: 1, locale: 'en-CA', basedOnVersion: 1,
      answers: { ...first, conditions: ['arthritis'], areas: [{ area: 'Lower back', pain: 3 }, { area: 'Neck', pain: 4 }], surgeryInjury: 'Sprained ankle, December' },
    });
    const { versions } = await must<{ versions: IntakeVersion[] }>('intake.history', { patientId: patient.id });
    const rows = intakeDiff(versions[1], versions[0]);
    const changed = rows.filter((r) => r.changed).map((r) => r.key);
    expect(changed).toEqual(['conditions', 'surgeryInjury', 'areas']);
    expect(rows.find((r) => r.key === 'areas')).toMatchObject({ before: 'Lower back: 6/10', after: 'Lower back: 3/10; Neck: 4/10' });
    expect(rows.find((r) => r.key === 'conditions')).toMatchObject({ before: 'Arthritis, Frequent headaches', after: 'Arthritis' });
    expect(rows.find((r) => r.key === 'hopes')).toMatchObject({ changed: false, before: first.hopes, after: first.hopes });
  });

  it('a change saved from an older version is a conflict, and two at once make one version', async () => {
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    const both = await Promise.all([submit({ ...first, medications: 'A' }, 1), submit({ ...first, medications: 'B' }, 1)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict' } });
    expect(await app.db('intakes').count({ n: '*' })).toEqual([{ n: 2 }]);
  });
});

describe('no changes since the last visit', () => {
  it('records who confirmed and when in one action, and the intake counts as current again', async () => {
    await app.dispatch('intake.updatePolicy', { reviewMonths: 6 });
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    clock = new Date('2027-06-01T17:00:00.000Z');
    expect((await statusOf([patient.id]))[0]).toMatchObject({ state: 'due_for_review', version: 1 });
    await startAs(app, 'reception');
    const review = await must<IntakeReview>('intake.confirmNoChanges', { patientId: patient.id, intakeVersion: 1 });
    expect(review).toMatchObject({ reviewedBy: testStaff.reception.name, reviewedAt: '2027-06-01T17:00:00.000Z' });
    expect((await statusOf([patient.id]))[0]).toMatchObject({ state: 'current', lastConfirmedAt: '2027-06-01T17:00:00.000Z', version: 1 });
    expect(await app.db('intakes').count({ n: '*' })).toEqual([{ n: 1 }]);
    const entry = await app.db('audit_events').where({ action: 'intake.no_changes' }).first();
    expect(entry.actor).toBe((await app.services.staff.active()).find((s) => s.initials === testStaff.reception.initials)!.id);
  });

  it('refuses "no changes" when there is no intake, or a newer version than the one shown', async () => {
    expect(await app.dispatch('intake.confirmNoChanges', { patientId: patient.id, intakeVersion: 1 })).toMatchObject({ ok: false, error: { code: 'not_found', fields: { intakeVersion: expect.any(String) } } });
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: { ...first, allergies: 'Latex' }, basedOnVersion: 1 });
    expect(await app.dispatch('intake.confirmNoChanges', { patientId: patient.id, intakeVersion: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.db('intake_reviews').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

describe('due for review', () => {
  it('uses the clinic’s months, for many patients in one call: none, due and current', async () => {
    const other = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-07-02', phones: [{ label: 'mobile', number: '250 555 0101' }] }), acknowledgeDuplicates: true });
    const none = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Minh', lastName: 'Nguyễn', dateOfBirth: '1990-01-01', phones: [{ label: 'mobile', number: '250 555 0102' }] }), acknowledgeDuplicates: true });
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    clock = new Date('2027-03-01T15:30:00.000Z');
    await must('intake.submit', { patientId: other.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    clock = new Date('2027-05-26T15:30:00.000Z');
    expect((await must('intake.policy', {}))).toEqual({ reviewMonths: 12 });
    const states = async () => Object.fromEntries((await statusOf([patient.id, other.id, none.id])).map((s) => [s.patientId, s.state]));
    expect(await states()).toEqual({ [patient.id]: 'current', [other.id]: 'current', [none.id]: 'none' });
    await must('intake.updatePolicy', { reviewMonths: 6 });
    expect(await states()).toEqual({ [patient.id]: 'due_for_review', [other.id]: 'current', [none.id]: 'none' });
    await must('intake.updatePolicy', { reviewMonths: 2 });
    expect(await states()).toEqual({ [patient.id]: 'due_for_review', [other.id]: 'due_for_review', [none.id]: 'none' });
    // The change of rule is in the audit trail.
    expect(await app.db('audit_events').where({ action: 'settings.intake_review_changed' }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('counts calendar months, the end of a month included', () => {
    expect(monthsBefore(new Date('2027-03-31T12:00:00.000Z'), 1)).toBe('2027-02-28T12:00:00.000Z');
    expect(monthsBefore(new Date('2027-01-15T12:00:00.000Z'), 12)).toBe('2026-01-15T12:00:00.000Z');
  });
});

describe('bad input', () => {
  it('names each field and changes nothing', async () => {
    const before = await snapshot();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...first, hopes: '' }, 'answers.hopes'],
      [{ ...first, pregnancy: 'maybe' }, 'answers.pregnancy'],
      [{ ...first, conditions: ['gout'] }, 'answers.conditions'],
      [{ ...first, areas: [{ area: 'Neck', pain: 11 }] }, 'answers.areas.0.pain'],
      [{ ...first, areas: [{ area: '', pain: 3 }] }, 'answers.areas.0.area'],
      [{ ...first, favouriteColour: 'blue' }, 'answers.favouriteColour'],
      [{ ...first, medications: ['a'] }, 'answers.medications'],
    ];
    for (const [answers, field] of cases) {
      const r = await submit(answers, null);
      expect(r, field).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { [field]: expect.any(String) } } });
    }
    expect(await app.dispatch('intake.submit', { patientId: 'not-an-id', templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null })).toMatchObject({ ok: false, error: { fields: { patientId: expect.any(String) } } });
    expect(await submit(first, null, { locale: 'de-DE' })).toMatchObject({ ok: false, error: { fields: { locale: expect.any(String) } } });
    expect(await app.dispatch('intake.updatePolicy', { reviewMonths: 0 })).toMatchObject({ ok: false, error: { fields: { reviewMonths: expect.any(String) } } });
    expect(await app.dispatch('intake.submit', { patientId: '7e0d2f1a-1111-4c55-9a0b-3f1f0d8f6a11', templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null })).toMatchObject({ ok: false, error: { code: 'not_found', fields: { patientId: expect.any(String) } } });
    expect(await snapshot()).toEqual(before);
  });

  it('answers a French form’s missing answer in French', async () => {
    const r = await submit({ ...first, hopes: '  ' }, null, { locale: 'fr-CA' });
    expect(r).toMatchObject({ ok: false, error: { message: 'Certaines réponses sont à revoir.', fields: { 'answers.hopes': 'Veuillez répondre à cette question' } } });
  });
});

describe('who may read intake answers', () => {
  it('lets reception read the current answers but not the history; therapists read both', async () => {
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    await startAs(app, 'reception');
    expect(await app.dispatch('intake.current', { patientId: patient.id })).toMatchObject({ ok: true, value: { intake: { version: 1 } } });
    expect(await app.dispatch('intake.history', { patientId: patient.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await startAs(app, 'therapist');
    expect(await app.dispatch('intake.history', { patientId: patient.id })).toMatchObject({ ok: true });
  });
});

describe('patient mode', () => {
  it('hands the intake step to the patient: only their own record, in their language, saved once', async () => {
    const other = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Ana', lastName: 'Costa', dateOfBirth: '1990-01-01', phones: [{ label: 'mobile', number: '250 555 0100' }] }), acknowledgeDuplicates: true });
    const session = await must<{ intake?: { basedOnVersion: number | null }; kinds: string[] }>('patientMode.enter', { patientId: patient.id, kinds: [], locale: 'fr-CA', intake: true });
    expect(session).toMatchObject({ intake: { basedOnVersion: null }, kinds: [] });
    expect(await app.dispatch('intake.current', { patientId: other.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('intake.history', { patientId: patient.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await submit(first, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // English: not as handed over
    await must('intake.saveDraft', { patientId: patient.id, answers: { medications: 'Aucun' } });
    expect(await must('intake.draft', { patientId: patient.id })).toEqual({ answers: { medications: 'Aucun' } });
    const saved = await must<IntakeVersion>('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'fr-CA', answers: first, basedOnVersion: null });
    expect(saved).toMatchObject({ filledBy: 'patient', recordedBy: testStaff.admin.name });
    expect(await must('intake.draft', { patientId: patient.id })).toEqual({ answers: null });
    // Sending it again makes no second version.
    expect(await app.dispatch('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'fr-CA', answers: first, basedOnVersion: null })).toMatchObject({ ok: false });
    expect(await app.db('intakes').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('does not offer a draft begun before a newer version was saved', async () => {
    await must('intake.saveDraft', { patientId: patient.id, answers: { medications: 'Old typing' } });
    const stale = await app.db('app_state').where({ key: `intake_draft:${patient.id}` }).first();
    expect(JSON.parse(stale.value)).toEqual({ onVersion: null, answers: { medications: 'Old typing' } });
    await must('intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: first, basedOnVersion: null });
    // A draft save still in flight lands after the version it was typed before.
    await app.db('app_state').insert(stale);
    expect(await must('intake.draft', { patientId: patient.id })).toEqual({ answers: null });
    await must('intake.saveDraft', { patientId: patient.id, answers: { medications: 'New typing' } });
    expect(await must('intake.draft', { patientId: patient.id })).toEqual({ answers: { medications: 'New typing' } });
  });

  it('still needs a form or the intake step to start', async () => {
    expect(await app.dispatch('patientMode.enter', { patientId: patient.id, kinds: [], locale: 'en-CA' })).toMatchObject({ ok: false, error: { fields: { kinds: 'Choose at least one form' } } });
  });
});
