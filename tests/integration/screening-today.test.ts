import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pdfText, qpdfCheck } from '../support/pdf';
import { renderScreeningPdf } from '../../main/screening/pdf';
import { startAs } from '../support/node-app';
import { openClinicDay, type ClinicDay, type OpenClinicDay } from '../support/clinic-day';
import type { Screening, ScreeningSet } from '../../shared/contract/screening';
import type { TodayRow } from '../../shared/contract/today';
import { must } from '../support/must';
import { clinicProfile } from '../support/fixtures';
import { existsSync } from 'node:fs';
import { sweepOrphans } from '../../main/startup/sweep';

/** Infection screening and the Today sheet, through the real dispatcher (issue 9, items 2 and 4). */

let day: OpenClinicDay;
let app: OpenClinicDay['app'];
let c: ClinicDay;
beforeEach(async () => {
  ({ app, c } = day = await openClinicDay('2026-07-13T15:00:00.000Z'));
});
afterEach(async () => app?.cleanup());
const book = (patientId: string, start: string, choice: { therapistId?: string; typeId?: string } = {}) => day.book(patientId, '2026-07-14', start, choice);
const answers = (set: ScreeningSet, yes: string[] = []) => set.questions.map((q) => ({ questionId: q.id, answer: yes.includes(q.id) }));
const sheet = async () => (await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2026-07-14' }))).rows;
const states = (row: TodayRow) => Object.fromEntries(row.steps.map((s) => [s.step, s.state]));

describe('screening', () => {
  it('keeps the question text as shown, in the language shown, after the set is edited', async () => {
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    expect(set).toMatchObject({ version: 1, key: 'infection', source: expect.stringMatching(/version 1/) });
    expect(set.emergency.fr).toMatch(/911/);
    const taken = await must<Screening>(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, language: 'fr', answers: answers(set) }));
    expect(taken).toMatchObject({ positive: false, setVersion: 1, language: 'fr', takenBy: 'Priya Natarajan, RMT', byPatient: false });
    expect(taken.answers[1]).toEqual({ questionId: 'travel', text: set.questions[1].fr, answer: false });

    const edited = await must<ScreeningSet>(app.dispatch('screening.saveSet', { ...set, questions: [...set.questions.slice(0, 3), { id: 'isolate', en: 'Are you told to stay home?', fr: 'Devez-vous rester chez vous ?' }] }));
    expect(edited.version).toBe(2);
    expect(await must<ScreeningSet>(app.dispatch('screening.current', {}))).toMatchObject({ id: edited.id, version: 2 });
    const again = await must<{ screenings: Screening[] }>(app.dispatch('screening.forAppointment', { appointmentId: visit.id }));
    expect(again.screenings[0].answers[3].text).toBe(set.questions[3].fr);
    expect(again.screenings[0].setVersion).toBe(1);
  });

  it('a yes blocks the visit: a note is required, check-in is refused, reception cannot override, a therapist can in writing', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const visit = await book(zoe, '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    await startAs(app, 'reception');
    const noNote = await app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: answers(set, ['symptoms']) });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { note: 'A yes means no treatment today: write down what was said with the patient' } } });
    const unanswered = await app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: answers(set).slice(1) });
    expect(unanswered).toMatchObject({ ok: false, error: { fields: { 'answers.symptoms': 'Answer yes or no' } } });
    expect(await app.db('screenings').count({ n: '*' })).toEqual([{ n: 0 }]);

    const positive = await must<Screening>(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: answers(set, ['symptoms']), note: 'Fever since yesterday; offered a visit next week.' }));
    expect(positive).toMatchObject({ positive: true, note: 'Fever since yesterday; offered a visit next week.', override: null });
    const refused = await app.dispatch('appointments.checkIn', { id: visit.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/cannot go ahead today/) } });
    expect(await app.dispatch('screening.override', { screeningId: positive.id, reason: 'Known allergy' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await sheet())[0].steps.find((s) => s.step === 'arrival_screening')).toMatchObject({ state: 'blocked' });

    await startAs(app, 'therapist');
    expect(await app.dispatch('screening.override', { screeningId: positive.id, reason: '' })).toMatchObject({ ok: false, error: { fields: { reason: 'Write why the visit may go ahead' } } });
    const overridden = await must<Screening>(app.dispatch('screening.override', { screeningId: positive.id, reason: 'Seasonal allergy known for years; no fever on arrival.' }));
    expect(overridden.override).toMatchObject({ by: 'Amélie Tremblay, RMT', reason: 'Seasonal allergy known for years; no fever on arrival.' });
    await must(app.dispatch('appointments.checkIn', { id: visit.id }));
    const events = (await app.db('audit_events').where({ entity: 'screening' }).orderBy('seq').select('action', 'detail')) as Array<{ action: string; detail: string }>;
    expect(events.map((e) => e.action)).toEqual(['screening.recorded', 'screening.overridden']);
    expect(events.map((e) => e.detail).join()).not.toMatch(/Fever|allergy|symptoms/);
  });

  it('refuses a screening for a visit that does not exist or is cancelled, changing nothing', async () => {
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    const input = { stage: 'booking', setId: set.id, answers: answers(set) };
    expect(await app.dispatch('screening.record', { ...input, appointmentId: '6f1c0a4e-2b7d-4c11-9f3a-1d2e3f4a5b6c' })).toMatchObject({ ok: false, error: { code: 'not_found', fields: { appointmentId: 'This appointment does not exist' } } });
    await must(app.dispatch('appointments.cancel', { id: visit.id, reason: 'Travelling' }));
    expect(await app.dispatch('screening.record', { ...input, appointmentId: visit.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { appointmentId: 'This visit is cancelled' } } });
    expect(await app.db('screenings').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

describe('the Today sheet', () => {
  it('lists the day in time order with each step, and the row changes as steps are done', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    day.at('2026-07-01T15:00:00.000Z'); // booked two weeks ahead
    const late = await book(zoe, '14:00', { typeId: c.sensitive.id });
    const early = await book(li, '09:00', { therapistId: c.aiko.id });
    const gone = await book(li, '16:00');
    await must(app.dispatch('appointments.cancel', { id: gone.id, reason: 'Moved away' }));
    let rows = await sheet();
    expect(rows.map((r) => [r.appointment.start, r.appointment.patientName, r.next])).toEqual([
      ['09:00', 'Li Wei', 'booking_screening'],
      ['14:00', 'Zoë Martin', 'booking_screening'],
      ['16:00', 'Li Wei', null],
    ]);
    expect(states(rows[1])).toEqual({ booking_screening: 'missing', arrival_screening: 'missing', consents: 'missing', intake: 'missing', checklist: 'missing', followups: 'not_needed' });
    expect(rows[1].steps.find((s) => s.step === 'consents')?.detail).toBe('Treatment, Outbreak, Sensitive areas');
    expect(rows[2].steps).toEqual([]);

    // A booking screening a week ahead does not count: the rule is 48 hours before.
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    day.at('2026-07-07T15:00:00.000Z');
    await must(app.dispatch('screening.record', { appointmentId: early.id, stage: 'booking', setId: set.id, answers: answers(set) }));
    expect((await sheet())[0].steps[0]).toMatchObject({ state: 'missing', detail: 'Older than 48 h' });
    day.at('2026-07-13T15:00:00.000Z');
    await must(app.dispatch('screening.record', { appointmentId: early.id, stage: 'booking', setId: set.id, answers: answers(set) }));
    rows = await sheet();
    expect(states(rows[0])).toMatchObject({ booking_screening: 'done', arrival_screening: 'missing' });
    expect(rows[0].next).toBe('arrival_screening');

    // The clinic may not require a booking screening at all.
    await must(app.dispatch('screening.updatePolicy', { bookingRequired: false, bookingWithinHours: 24, arrivalRequired: true }));
    expect(states((await sheet())[1]).booking_screening).toBe('not_needed');
    expect(await app.dispatch('screening.updatePolicy', { bookingRequired: true, bookingWithinHours: 0, arrivalRequired: true })).toMatchObject({ ok: false, error: { fields: { bookingWithinHours: 'At least 1 hour' } } });
    expect(late.consentForms).toContain('sensitive_areas');

    // Consents signed on paper for this visit's forms: the consents step is done.
    for (const kind of ['treatment', 'outbreak']) {
      await must(app.dispatch('consent.sign', { patientId: li, kind, locale: 'en-CA', choices: [], templateVersion: 1, signature: { method: 'paper', signerName: 'Li Wei', signedOn: '2026-07-13' } }));
    }
    rows = await sheet();
    expect(rows[0].steps.find((s) => s.step === 'consents')).toEqual({ step: 'consents', state: 'done', detail: 'On file' });
    // The sensitive-areas visit still needs its own form.
    expect(rows[1].steps.find((s) => s.step === 'consents')?.detail).toBe('Treatment, Outbreak, Sensitive areas');
  });
});

describe('the Today sheet of a French clinic', () => {
  it('words every step’s detail in French, the clinic’s language, and in English again when the setting changes', async () => {
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto', locale: 'fr-CA' }));
    const zoe = await c.patient('Zoë', 'Martin');
    const li = await c.patient('Li', 'Wei');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    const early = await book(li, '09:00');
    const late = await book(zoe, '14:00', { typeId: c.sensitive.id });
    await must(app.dispatch('screening.record', { appointmentId: early.id, stage: 'booking', setId: set.id, answers: answers(set) }));
    await must(app.dispatch('screening.record', { appointmentId: late.id, stage: 'booking', setId: set.id, answers: answers(set, [set.questions[0].id]), note: 'Fièvre hier soir' }));
    const details = (rows: TodayRow[]) => rows.map((r) => Object.fromEntries(r.steps.map((s) => [s.step, s.detail])));
    expect(details(await sheet())).toEqual([
      { booking_screening: 'Aucun oui', arrival_screening: 'Pas fait', consents: 'Traitement, Éclosion', intake: 'Nouveau patient', checklist: '4 sur 4 à faire', followups: '' },
      { booking_screening: 'Un oui : pas de traitement', arrival_screening: 'Pas fait', consents: 'Traitement, Éclosion, Zones sensibles', intake: 'Nouveau patient', checklist: '4 sur 4 à faire', followups: '' },
    ]);
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto', locale: 'en-CA' }));
    expect(details(await sheet())[1]).toEqual({ booking_screening: 'Yes answered: no treatment', arrival_screening: 'Not taken', consents: 'Treatment, Outbreak, Sensitive areas', intake: 'New patient', checklist: '4 of 4 left', followups: '' });
  });
});

describe('a moved visit', () => {
  it('is screened again: a positive answer for the old slot no longer stops it, and stays in the history', async () => {
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    await must(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: answers(set, ['contact']), note: 'Partner tested positive on Sunday.' }));
    expect(await app.dispatch('appointments.checkIn', { id: visit.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    day.at('2026-07-13T16:00:00.000Z');
    await must(app.dispatch('appointments.move', { id: visit.id, day: '2026-07-28', start: '10:00' }));
    const after = await must<{ screenings: Screening[]; blocked: boolean }>(app.dispatch('screening.forAppointment', { appointmentId: visit.id }));
    expect(after).toMatchObject({ blocked: false, screenings: [{ positive: true }] });
    const row = (await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2026-07-28' }))).rows[0];
    expect(states(row)).toMatchObject({ arrival_screening: 'missing' });
    // A room or therapist change at the same time keeps the screenings that count.
    await must(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: answers(set) }));
    await must(app.dispatch('appointments.move', { id: visit.id, day: '2026-07-28', start: '10:00', roomId: c.room2.id }));
    expect(states((await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2026-07-28' }))).rows[0])).toMatchObject({ arrival_screening: 'done' });
  });
});

describe('the screening PDF', () => {
  it('reads back with the questions as shown, makes the same bytes for the same record, and is refused once changed on disk', async () => {
    const visit = await book(await c.patient('Chloé', 'Gagnon'), '10:00');
    const set = await must<ScreeningSet>(app.dispatch('screening.current', {}));
    const taken = await must<Screening>(app.dispatch('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, language: 'fr', answers: answers(set, ['travel']), note: 'Revenue du Portugal dimanche.' }));
    const doc = await must<{ fileName: string; pdfBase64: string; sha256: string }>(app.dispatch('screening.document', { screeningId: taken.id }));
    const file = path.join(app.dir, 'read-back.pdf');
    await writeFile(file, Buffer.from(doc.pdfBase64, 'base64'));
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Dépistage des infections à l’arrivée');
    expect(text).toContain('Chloé Gagnon');
    expect(text).toContain('2. Avez-vous été à l’extérieur du pays au cours des 14 derniers jours ? Oui');
    expect(text).toContain('Revenue du Portugal dimanche.');
    expect(await qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    // pdffonts: every font embedded (the "emb" column), and only DejaVu.
    const fonts = (await promisify(execFile)('pdffonts', [file])).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/DejaVuSans\S*\s.*\byes\b/);
    // The same record, made again: the same bytes.
    const again = await app.services.screening.read(taken.id);
    const remade = await renderScreeningPdf({ screening: again!, clinicName: app.services.settings.details().name, patientName: 'Chloé Gagnon', visitStartsAt: visit.startsAt, timeZone: app.services.settings.details().timeZone }, path.resolve('resources/fonts'));
    expect(remade.ok && remade.value.toString('base64')).toBe(doc.pdfBase64);
    // The override is added to the record, and the PDF made again with it.
    await startAs(app, 'therapist');
    await must(app.dispatch('screening.override', { screeningId: taken.id, reason: 'Travel for a funeral; no symptoms, masked.' }));
    const updated = await must<{ pdfBase64: string; sha256: string }>(app.dispatch('screening.document', { screeningId: taken.id }));
    expect(updated.sha256).not.toBe(doc.sha256);
    // The stored PDF is a document a row vouches for: the start-up sweep leaves it in place.
    const stored = path.join(app.paths.documents, `screening-${taken.id}.pdf`);
    expect(await sweepOrphans(app.db, app.paths.documents, app.paths.root, new Date())).toEqual({ moved: 0, folder: null });
    expect(existsSync(stored)).toBe(true);
    // A file changed on disk is not the record any more.
    const bytes = await readFile(stored);
    bytes[bytes.length - 20] ^= 1;
    await writeFile(stored, bytes);
    expect(await app.dispatch('screening.document', { screeningId: taken.id })).toMatchObject({ ok: false, error: { code: 'integrity' } });
  });
});
