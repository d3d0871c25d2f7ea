import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import type { PatientExport } from '../../main/export/record';
import { dayIn } from '../../shared/time';
import { tempApp } from '../support/app';
import { clinicProfile, patientInput } from '../support/fixtures';
import { sampleSignaturePng } from '../support/consent-sample';
import { pdfText, qpdfCheck } from '../support/pdf';
import { clinicDay } from '../support/clinic-day';
import { referencedDocuments } from '../../main/backup/documents';
import type { Appointment } from '../../shared/contract/appointments';
import type { ScreeningSet } from '../../shared/contract/screening';
import type { Questionnaire } from '../../shared/contract/checkin';
import type { ChecklistItem } from '../../shared/contract/checklist';
import type { FollowUp, Plan } from '../../shared/contract/followups';

/** Issue 10.6: one patient's whole record on request, and the purge past the retention period. */
type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
afterEach(async () => {
  await app?.cleanup();
});

const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function must<T>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

// Signed today in the clinic's zone (Vancouver): from midnight UTC to 08:00, UTC's date is still tomorrow there.
async function patientWithConsents(overrides: Parameters<typeof patientInput>[0], signedOn = dayIn(clinicProfile().timeZone, new Date())): Promise<{ patient: Patient; consents: ConsentRecord[] }> {
  const patient = await must<Patient>('patients.create', { patient: patientInput(overrides), acknowledgeDuplicates: true });
  const screen = await must<ConsentRecord>('consent.sign', {
    patientId: patient.id, kind: 'treatment', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'screen', imageBase64: sampleSignaturePng().toString('base64'), signerName: `${patient.firstName} ${patient.lastName}` },
  });
  const paper = await must<ConsentRecord>('consent.sign', {
    patientId: patient.id, kind: 'privacy', locale: 'fr-CA', choices: ['phone'], templateVersion: 1,
    signature: { method: 'paper', signerName: `${patient.firstName} ${patient.lastName}`, signedOn, scan: { mimeType: 'application/pdf', dataBase64: Buffer.from(`%PDF-1.4 scan of ${patient.id}`).toString('base64') } },
  });
  return { patient, consents: [screen, paper] };
}

/** A clinic where a patient can have one of everything, seeded through the desk's own channels (the clock on 2014-03-03). */
async function clinicWithEverything() {
  const c = await clinicDay(app);
  const set = await must<ScreeningSet>('screening.current', {});
  const questionnaire = await must<Questionnaire>('checkin.questionnaire', {});
  const { items } = await must<{ items: ChecklistItem[] }>('checklist.items', {});
  /** A little of everything: a table added for patients needs a line here, or the export and purge tests fail. */
  async function wholeRecord(patientId: string, start: string) {
    await must('consent.sign', {
      patientId, kind: 'privacy', locale: 'en-CA', choices: ['phone'], templateVersion: 1, explainedBy: 'Marc Tremblay', witnessedBy: '',
      signature: { method: 'paper', signerName: 'On paper', seenBy: 'Marc Tremblay', signedOn: '2014-03-03', scan: { mimeType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 scan').toString('base64') } },
    });
    const visit = await must<Appointment>('appointments.book', { patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day: '2014-03-03', start });
    await must('screening.record', { appointmentId: visit.id, stage: 'arrival', setId: set.id, answers: set.questions.map((q) => ({ questionId: q.id, answer: false })) });
    await must('intake.submit', { patientId, templateVersion: 1, locale: 'en-CA', answers: { medications: 'None', areas: [{ area: 'Neck', pain: 4 }], hopes: 'Drive without pain' }, basedOnVersion: null });
    await must('intake.confirmNoChanges', { patientId, intakeVersion: 1 });
    // Typing begun on a new version and not submitted: kept in app_state, no foreign key to find it by.
    await must('intake.saveDraft', { patientId, answers: { medications: 'Ibuprofen' } });
    await must('appointments.checkIn', { id: visit.id });
    await must('checklist.tick', { appointmentId: visit.id, itemIds: items.map((i) => i.id) });
    await must('appointments.checkOut', { id: visit.id });
    await must('followups.saveGoal', { patientId, words: 'Turn my head when driving', patientCommits: 'Stretch daily', therapistCommits: 'Review at each visit', targetDate: '2014-05-01' });
    const plan = await must<Plan>('followups.givePlan', { patientId, items: [{ what: 'Chin tucks', howOften: 'Twice a day', howLong: '3 weeks' }], note: '' });
    await must('followups.recordAdherence', { planId: plan.id, level: 'some', barriers: ['time'] });
    // A low answer: a task for the therapist.
    await must('checkin.record', { patientId, questionnaireId: questionnaire.id, locale: 'en-CA', answers: questionnaire.definition.items.map((i) => ({ itemId: i.id, value: 2 })) });
    const followUp = await must<FollowUp>('followups.create', { patientId, dueDay: '2014-03-04', reason: 'How is the neck?' });
    await must('followups.record', { followUpId: followUp.id, channel: 'phone', outcome: 'declined', note: 'No more calls, thank you' });
    await must('alliance.summaryPdf', { patientId });
  }
  return { c, wholeRecord };
}

describe('a patient export', () => {
  it('holds every record of that patient and nothing of another: JSON, a readable PDF, the signed documents by their hashes', async () => {
    app = await tempApp();
    await must('settings.update', clinicProfile());
    const { patient: zoe, consents } = await patientWithConsents({ firstName: 'Łukasz', lastName: 'Wójcik', phones: [{ label: 'mobile', number: '250 555 7781' }] });
    await must('consent.withdraw', { consentId: consents[1].id, reason: 'Prefers e-mail' });
    const { patient: other, consents: otherConsents } = await patientWithConsents({ firstName: 'Minh', lastName: 'Nguyễn', phones: [{ label: 'mobile', number: '778 555 3321' }] });

    const out = await must<{ folder: string; files: Array<{ name: string; sha256: string }> }>('export.patient', { patientId: zoe.id });
    expect(path.dirname(out.folder)).toBe(path.join(app.paths.root, 'exports'));
    expect(path.basename(out.folder)).not.toMatch(/wójcik|wojcik/i);
    const listed = (await readdir(out.folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(out.folder, path.join(e.parentPath, e.name)));
    expect(listed.sort()).toEqual(out.files.map((f) => f.name).sort());

    // The JSON: parses, is this patient's, holds each consent (the withdrawn one too) and its trail.
    const record = JSON.parse(await readFile(path.join(out.folder, 'record.json'), 'utf8')) as PatientExport;
    expect(record.patient).toEqual(await must<Patient>('patients.get', { id: zoe.id }));
    expect(record.consents.map((c) => c.id).sort()).toEqual(consents.map((c) => c.id).sort());
    expect(record.consents.find((c) => c.id === consents[1].id)).toMatchObject({ withdrawnReason: 'Prefers e-mail' });
    expect(record.trail.map((e) => e.action)).toEqual(expect.arrayContaining(['patient.created', 'consent.signed', 'consent.withdrawn']));
    expect(record.trail.every((e) => e.by === 'Priya Natarajan, RMT')).toBe(true);

    // Nothing of the other patient anywhere in the folder.
    for (const name of listed) {
      const bytes = await readFile(path.join(out.folder, name));
      const text = name.endsWith('record.pdf') ? await pdfText(path.join(out.folder, name)) : bytes.toString('latin1');
      for (const foreign of [other.id, 'Nguyễn', '778 555 3321', ...otherConsents.map((c) => c.id)]) expect(text, `${name} holds ${foreign}`).not.toContain(foreign);
    }

    // The PDF: valid, readable, with the name as typed.
    const pdf = path.join(out.folder, 'record.pdf');
    await qpdfCheck(pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain('250 555 7781');
    expect(text).toMatch(/Withdrawn on/);

    // The documents: each one the database names, matching the hash it kept when signed.
    const rows = (await app.db('consents').where({ patient_id: zoe.id })) as Array<{ id: string; pdf_sha256: string; signature_sha256: string | null; scan_file: string | null; scan_sha256: string | null }>;
    const expected = rows.flatMap((r) => [[`${r.id}.pdf`, r.pdf_sha256], ...(r.signature_sha256 ? [[`${r.id}-signature.png`, r.signature_sha256]] : []), ...(r.scan_file ? [[r.scan_file, r.scan_sha256!]] : [])]);
    expect(expected).toHaveLength(4);
    for (const [file, sha] of expected) {
      expect(hash(await readFile(path.join(out.folder, 'documents', file))), file).toBe(sha);
      expect(record.documents).toContainEqual({ file, sha256: sha });
    }
    for (const f of out.files) expect(hash(await readFile(path.join(out.folder, f.name)))).toBe(f.sha256);

    // Logged, without the patient's details.
    const logged = await app.db('audit_events').where({ action: 'patient.exported' }).select('entity_id', 'detail');
    expect(logged).toEqual([{ entity_id: zoe.id, detail: JSON.stringify({ files: out.files.length }) }]);
  });

  it('holds everything the clinic keeps about them: every table with their key, each row, their documents and trail, nothing of another', async () => {
    app = await tempApp({ now: () => new Date('2014-03-03T15:00:00.000Z'), openPath: async () => true });
    await must('settings.update', { ...clinicProfile(), timeZone: 'America/Toronto' });
    const { c, wholeRecord } = await clinicWithEverything();
    const olga = await c.patient('Olga', 'Ancienne');
    const kim = await c.patient('Kim', 'Active');
    await wholeRecord(olga, '09:00');
    await wholeRecord(kim, '11:00');

    // Read from the schema here, not from the export's code: every table with a patient's key, and those keyed through one of them.
    const tables = ((await app.db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'patient_search%'")) as Array<{ name: string }>).map((t) => t.name);
    const direct: string[] = [];
    for (const t of tables) if (((await app.db.raw(`PRAGMA table_info("${t}")`)) as Array<{ name: string }>).some((col) => col.name === 'patient_id')) direct.push(t);
    const rowsOf = async (patientId: string): Promise<Record<string, Array<Record<string, unknown>>>> => {
      const out: Record<string, Array<Record<string, unknown>>> = {};
      for (const t of tables) {
        const keys = ((await app.db.raw(`PRAGMA foreign_key_list("${t}")`)) as Array<{ table: string; from: string; to: string }>).filter((k) => direct.includes(k.table) && k.table !== t);
        if (direct.includes(t)) out[t] = await app.db(t).where({ patient_id: patientId }).orderBy('rowid');
        else if (keys.length) out[t] = await app.db(t).whereIn(keys[0].from, app.db(keys[0].table).where({ patient_id: patientId }).select(keys[0].to)).orderBy('rowid');
      }
      return out;
    };
    const hers = await rowsOf(olga);
    const his = await rowsOf(kim);
    const shownApart = ['patient_phones', 'consents'];
    const camel = (name: string) => name.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

    const out = await must<{ folder: string; files: Array<{ name: string; sha256: string }> }>('export.patient', { patientId: olga });
    const json = await readFile(path.join(out.folder, 'record.json'), 'utf8');
    const record = JSON.parse(json) as PatientExport;
    expect(record.format).toBe('rapport-patient-export/2');
    // Every table that holds her rows is in the export with each of them, and there is nothing else.
    const expected = Object.keys(hers).filter((t) => !shownApart.includes(t));
    expect(Object.keys(record.held).sort()).toEqual(expected.map(camel).sort());
    for (const t of expected) {
      expect(hers[t].length, `${t}: seed one of it in wholeRecord()`).toBeGreaterThan(0);
      expect(record.held[camel(t)], t).toHaveLength(hers[t].length);
      if ('id' in hers[t][0]) expect(record.held[camel(t)].map((r) => r.id), t).toEqual(hers[t].map((r) => r.id));
    }
    expect(record.drafts).toEqual([{ key: `intake_draft:${olga}`, savedAt: '2014-03-03T15:00:00.000Z', value: { onVersion: 1, answers: { medications: 'Ibuprofen' } } }]);
    // Readable: fields in camelCase, JSON as JSON, staff and rooms by name; free text as typed.
    expect(record.held.appointments[0]).toMatchObject({ patientId: olga, therapistId: c.amelie.name, roomId: 'Room 1', typeId: 'Massage, 60 min', status: 'checked_out' });
    expect(record.held.homecarePlans[0]).toMatchObject({ items: [{ what: 'Chin tucks', howOften: 'Twice a day', howLong: '3 weeks' }] });
    expect(record.held.adherenceRecords[0]).toMatchObject({ level: 'some', barriers: ['time'] });
    expect(record.held.goals[0]).toMatchObject({ words: 'Turn my head when driving', targetDate: '2014-05-01' });
    expect(record.held.contactAttempts[0]).toMatchObject({ outcome: 'declined', note: 'No more calls, thank you' });
    expect(record.held.therapistTasks[0]).toMatchObject({ therapistId: c.amelie.name, status: 'open' });

    // Her documents, each by the hash its row keeps: the consent and its scan, the screening record, the summary.
    const docs = await referencedDocuments(app.db, [olga]);
    expect(docs).toHaveLength(4);
    expect(record.documents.map((d) => d.file).sort()).toEqual(docs.map((d) => d.file).sort());
    for (const d of docs) expect(hash(await readFile(path.join(out.folder, 'documents', d.file))), d.file).toBe(d.sha256);
    // The trail covers her visits, screenings and consents, not only the record itself.
    expect(record.trail.map((e) => e.action)).toEqual(expect.arrayContaining(['patient.created', 'consent.signed', 'appointment.booked', 'appointment.checked_out', 'screening.recorded', 'checklist.ticked']));

    // Nothing of Kim's: not his id, not any id of his rows.
    const foreign = [kim, ...Object.values(his).flatMap((rows) => rows.map((r) => r.id)).filter((id): id is string => typeof id === 'string')];
    expect(foreign.length).toBeGreaterThan(15);
    for (const id of foreign) expect(json, id).not.toContain(id);

    // The PDF names each part of the record and how many entries it has.
    const text = await pdfText(path.join(out.folder, 'record.pdf'));
    expect(text).toContain('Everything else on file');
    expect(text).toContain('Visits [appointments]: 1 entry');
    expect(text).toContain('Typed, not yet submitted [drafts]: 1 entry');
    expect(text).toContain(`Check-in answers [checkinAnswers]: ${hers.checkin_answers.length} entries`);
    // Each by a title of its own (a table with no words yet shows by its key alone).
    for (const key of Object.keys(record.held)) expect(text, key).toMatch(new RegExp(`^[A-Z][^\\n[]* \\[${key}\\]: \\d+ entr`, 'm'));
  });

  it('speaks the patient’s language, and says when its font cannot draw a name (the JSON holds it exactly)', async () => {
    app = await tempApp();
    await must('settings.update', clinicProfile());
    const fr = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Élodie', lastName: 'Gagnon', language: 'Français', phones: [{ label: 'mobile', number: '514 555 0199' }] }), acknowledgeDuplicates: true });
    const en = await must<Patient>('patients.create', { patient: patientInput({ firstName: '美咲', lastName: '佐藤', language: 'English', phones: [{ label: 'mobile', number: '604 555 0177' }] }), acknowledgeDuplicates: true });
    const frText = await pdfText(path.join((await must<{ folder: string }>('export.patient', { patientId: fr.id })).folder, 'record.pdf'));
    expect(frText).toContain('Dossier du patient');
    expect(frText).toContain('Consentements (0)');
    expect(frText).not.toContain('Patient record from');
    const enOut = (await must<{ folder: string }>('export.patient', { patientId: en.id })).folder;
    expect(await pdfText(path.join(enOut, 'record.pdf'))).toMatch(/cannot be drawn in this PDF’s font/);
    expect(JSON.parse(await readFile(path.join(enOut, 'record.json'), 'utf8')).patient).toMatchObject({ firstName: '美咲', lastName: '佐藤' });
  });

  it('is refused, leaving no folder, when a signed document was changed', async () => {
    app = await tempApp();
    await must('settings.update', clinicProfile());
    const { patient, consents } = await patientWithConsents({});
    await writeFile(path.join(app.paths.documents, `${consents[0].id}.pdf`), '%PDF-1.4 forged');
    const r = await app.dispatch('export.patient', { patientId: patient.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'integrity', message: expect.stringContaining(`${consents[0].id}.pdf is changed`) } });
    expect(await readdir(path.join(app.paths.root, 'exports')).catch(() => [])).toEqual([]);
    expect(await app.db('audit_events').where({ action: 'patient.exported' })).toEqual([]);
  });
});

describe('retention and purge', () => {
  it('lists exactly the archived records past the period, removes only those on confirm, and logs no details', async () => {
    let clock = new Date('2014-03-01T15:00:00.000Z');
    app = await tempApp({ now: () => new Date(clock) });
    await must('settings.update', clinicProfile());
    const old = await patientWithConsents({ firstName: 'Olga', lastName: 'Van Ancienne', phones: [{ label: 'mobile', number: '604 555 0001' }] }, '2014-03-01');
    await must('patients.archive', { id: old.patient.id, reason: 'Moved away', expectedUpdatedAt: old.patient.updatedAt });
    const kept = await patientWithConsents({ firstName: 'Kim', lastName: 'Active', phones: [{ label: 'mobile', number: '604 555 0002' }] }, '2014-03-01');
    clock = new Date('2020-06-01T15:00:00.000Z');
    const recent = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Rae', lastName: 'Recent', phones: [{ label: 'mobile', number: '604 555 0003' }] }), acknowledgeDuplicates: true });
    await must('patients.archive', { id: recent.id, reason: 'Duplicate', expectedUpdatedAt: recent.updatedAt });
    clock = new Date('2026-11-30T15:00:00.000Z');

    expect(await must('retention.get', {})).toEqual({ years: 10 });
    // Ten years: only the record archived in 2014.
    const listed = await must<{ years: number; patients: Array<{ id: string; consents: number; documents: number }> }>('purge.preview', {});
    expect(listed).toMatchObject({ years: 10, cutoff: '2016-11-30T15:00:00.000Z' });
    expect(listed.patients).toEqual([expect.objectContaining({ id: old.patient.id, lastName: 'Van Ancienne', consents: 2, documents: 4 })]);

    // A purge of anything but exactly the list shown is refused, and needs the confirmation.
    expect(await app.dispatch('purge.run', { patientIds: [old.patient.id, recent.id], confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.dispatch('purge.run', { patientIds: [kept.patient.id], confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.dispatch('purge.run', { patientIds: [old.patient.id] })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { confirm: expect.any(String) } } });
    expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 3 }]);

    const done = await must('purge.run', { patientIds: [old.patient.id], confirm: true });
    expect(done).toEqual({ removed: 1, documents: 4 });
    expect(await app.db('patients').where({ id: old.patient.id })).toEqual([]);
    expect(await app.db('consents').where({ patient_id: old.patient.id })).toEqual([]);
    expect(await app.db('patient_phones').where({ patient_id: old.patient.id })).toEqual([]);
    expect(await app.db('patient_search').where({ patient_id: old.patient.id })).toEqual([]);
    expect(await app.db('patient_search_later').where({ patient_id: old.patient.id })).toEqual([]);
    const left = await readdir(app.paths.documents);
    for (const c of old.consents) expect(left.filter((f) => f.startsWith(c.id))).toEqual([]);
    for (const c of kept.consents) expect(left).toContain(`${c.id}.pdf`);
    expect((await must<{ results: unknown[] }>('patients.search', { query: 'Ancienne', includeArchived: true })).results).toEqual([]);
    expect(await must<{ results: unknown[] }>('patients.search', { query: 'Recent', includeArchived: true })).toMatchObject({ results: [{ id: recent.id }] });

    // The entry counts; it names nobody. The chain still verifies.
    const entry = await app.db('audit_events').where({ action: 'patients.purged' }).first('entity_id', 'detail');
    expect(entry).toEqual({ entity_id: '', detail: JSON.stringify({ patients: 1, documents: 4, retentionYears: 10 }) });
    expect(await must('audit.verify', {})).toMatchObject({ full: { ok: true } });

    // A shorter period brings the 2020 record in, once an admin sets it.
    await must('retention.set', { years: 5 });
    expect((await must<{ patients: Array<{ id: string }> }>('purge.preview', {})).patients.map((p) => p.id)).toEqual([recent.id]);
    expect(await app.dispatch('retention.set', { years: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { years: expect.any(String) } } });
  });

  it('removes the whole record (visits, screenings, health history, goals, plans, check-ins, follow-ups, summaries and their files) and nothing of another patient', async () => {
    let clock = new Date('2014-03-03T15:00:00.000Z');
    app = await tempApp({ now: () => new Date(clock), openPath: async () => true });
    await must('settings.update', { ...clinicProfile(), timeZone: 'America/Toronto' });
    const { c, wholeRecord } = await clinicWithEverything();
    const old = await c.patient('Olga', 'Ancienne');
    const kept = await c.patient('Kim', 'Active');
    await wholeRecord(old, '09:00');
    await wholeRecord(kept, '11:00');
    const olga = await must<Patient>('patients.get', { id: old });
    await must('patients.archive', { id: old, reason: 'Moved away', expectedUpdatedAt: olga.updatedAt });
    clock = new Date('2026-11-30T15:00:00.000Z');

    // Each table's rows of a patient: those with the patient's key, and the two kept through another row.
    const tables = ((await app.db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%patient_id%' AND name NOT LIKE 'patient_search%'")) as Array<{ name: string }>).map((t) => t.name);
    const rowsOf = async (patientId: string): Promise<Record<string, number>> => ({
      ...Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await app.db(t).where({ patient_id: patientId }).count({ n: '*' }))[0].n)] as const))),
      checkin_answers: Number((await app.db('checkin_answers').whereIn('checkin_id', app.db('checkins').where({ patient_id: patientId }).select('id')).count({ n: '*' }))[0].n),
      checklist_ticks: Number((await app.db('checklist_ticks').whereIn('appointment_id', app.db('appointments').where({ patient_id: patientId }).select('id')).count({ n: '*' }))[0].n),
    });
    const before = await rowsOf(old);
    const keptBefore = await rowsOf(kept);
    // Every kind of row is there to be removed: none of these tables is empty for her.
    for (const t of ['appointments', 'screenings', 'intakes', 'goals', 'goal_history', 'homecare_plans', 'adherence_records', 'follow_ups', 'contact_attempts', 'contact_declines', 'checkins', 'therapist_tasks', 'alliance_summaries', 'consents', 'checkin_answers', 'checklist_ticks']) {
      expect(before[t], t).toBeGreaterThan(0);
    }
    const files = (await readdir(app.paths.documents)).sort();
    const listed = await must<{ patients: Array<{ id: string; documents: number }> }>('purge.preview', {});
    // Her four documents: the privacy consent the calls need and its scan, the screening record, the summary.
    expect(listed.patients).toEqual([expect.objectContaining({ id: old, consents: 1, documents: 4 })]);
    const done = await must<{ removed: number; documents: number }>('purge.run', { patientIds: [old], confirm: true });
    expect(done).toEqual({ removed: 1, documents: 4 });

    expect(Object.values(await rowsOf(old)).every((n) => n === 0), JSON.stringify(await rowsOf(old))).toBe(true);
    expect(await rowsOf(kept)).toEqual(keptBefore);
    // Her health history typed and not submitted goes too; his stays.
    expect(await app.db('app_state').where('key', 'like', 'intake_draft:%').pluck('key')).toEqual([`intake_draft:${kept}`]);
    expect(await app.db.raw('PRAGMA foreign_key_check')).toEqual([]);
    // Her files are gone, his stay: the documents folder holds exactly what rows still vouch for.
    const left = (await readdir(app.paths.documents)).sort();
    expect(files).toHaveLength(8);
    expect(left).toEqual((await referencedDocuments(app.db, [kept])).map((d) => d.file).sort());
    expect(left).toHaveLength(4);
  });

  it('finds a table that keeps a patient_id with no foreign key (a total kept by triggers): exported, and purged with the record', async () => {
    let clock = new Date('2014-03-01T15:00:00.000Z');
    app = await tempApp({ now: () => new Date(clock) });
    await must('settings.update', clinicProfile());
    const { patient: olga } = await patientWithConsents({ firstName: 'Olga', lastName: 'Ancienne', phones: [{ label: 'mobile', number: '604 555 0001' }] }, '2014-03-01');
    const { patient: kim } = await patientWithConsents({ firstName: 'Kim', lastName: 'Active', phones: [{ label: 'mobile', number: '604 555 0002' }] }, '2014-03-01');
    await app.db.raw('CREATE TABLE visit_totals (patient_id TEXT NOT NULL, first_at TEXT)');
    await app.db('visit_totals').insert([{ patient_id: olga.id, first_at: '2014-02-01' }, { patient_id: kim.id, first_at: '2014-02-02' }]);

    const out = await must<{ folder: string }>('export.patient', { patientId: olga.id });
    const record = JSON.parse(await readFile(path.join(out.folder, 'record.json'), 'utf8')) as PatientExport;
    expect(record.held.visitTotals).toEqual([{ patientId: olga.id, firstAt: '2014-02-01' }]);

    await must('patients.archive', { id: olga.id, reason: 'Moved away', expectedUpdatedAt: olga.updatedAt });
    clock = new Date('2026-11-30T15:00:00.000Z');
    await must('purge.run', { patientIds: [olga.id], confirm: true });
    expect(await app.db('visit_totals').select('patient_id')).toEqual([{ patient_id: kim.id }]);
  });

  it('is for admins only; the export is for the whole desk', async () => {
    app = await tempApp({ as: 'reception' });
    expect(await app.dispatch('purge.preview', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('retention.set', { years: 12 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('export.patient', { patientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
