import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsentRecord, ConsentStatus, TemplateVersion } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import { tempApp } from '../support/app';
import { nodeApp, startAs, testPin, testStaff } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';
import { pdfText, qpdfCheck } from '../support/pdf';

let clock: Date;
let app: Awaited<ReturnType<typeof tempApp>>;
let patient: Patient;

const ink = solidPng(240, 60, [16, 36, 58]).toString('base64');
const blankCanvas = solidPng(240, 60, [255, 255, 255]).toString('base64');

async function must<T>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const status = async () => (await must<{ items: ConsentStatus[] }>('consent.status', { patientId: patient.id })).items;
const stateOf = async (kind: string) => (await status()).find((i) => i.kind === kind)!.state;
const documents = () => readdir(app.paths.documents);

function signOnScreen(kind: string, extra: Record<string, unknown> = {}) {
  return app.dispatch('consent.sign', {
    patientId: patient.id,
    kind,
    locale: 'en-CA',
    choices: [],
    templateVersion: 1,
    signature: { method: 'screen', imageBase64: ink, signerName: 'Zoë O’Brien-Müller' },
    explainedBy: 'Priya Natarajan, RMT',
    witnessedBy: '',
    ...extra,
  });
}

beforeEach(async () => {
  clock = new Date('2026-11-25T15:30:00.000Z');
  app = await tempApp({ now: () => clock });
  await must('settings.update', clinicProfile());
  patient = await must('patients.create', { patient: patientInput() });
});
afterEach(async () => {
  await app.cleanup();
});

describe('consent templates', () => {
  it('ships four kinds of form, version 1, in English and French, naming their source', async () => {
    const { templates } = await must<{ templates: TemplateVersion[] }>('consent.templates', {});
    expect(templates.map((t) => [t.kind, t.version]).sort()).toEqual([['outbreak', 1], ['privacy', 1], ['sensitive_areas', 1], ['treatment', 1]]);
    for (const t of templates) {
      expect(t.locales['en-CA'].sections.length).toBeGreaterThan(0);
      expect(t.locales['fr-CA'].name).not.toEqual(t.locales['en-CA'].name);
      expect(t.source).toMatch(/Written by Rapport/);
    }
    expect(templates.find((t) => t.kind === 'sensitive_areas')!.choices).toEqual(['chest_wall', 'breast', 'upper_inner_thigh', 'gluteal']);
  });

  it('refuses a template with an unknown placeholder, at the field, and keeps the old version', async () => {
    const { templates } = await must<{ templates: TemplateVersion[] }>('consent.templates', {});
    const treatment = templates.find((t) => t.kind === 'treatment')!;
    const locales = structuredClone(treatment.locales);
    locales['fr-CA'].sections[0].paragraphs[0] += ' {{patient.nmae}}';
    const r = await app.dispatch('consent.saveTemplate', { kind: 'treatment', basedOnVersion: 1, locales, material: true, changeNote: 'typo' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'locales.fr-CA.sections.0.paragraphs.0': expect.stringMatching(/Unknown placeholder/) } } });
    expect((await must<{ versions: TemplateVersion[] }>('consent.templateHistory', { kind: 'treatment' })).versions).toHaveLength(1);
  });
});

describe('signing', () => {
  it('signs on screen: stores the PDF by id with its hash, and the patient shows consent on file', async () => {
    const signed = await must<ConsentRecord>('consent.sign', { ...(await signArgs('treatment')) });
    expect(signed).toMatchObject({ kind: 'treatment', method: 'screen', templateVersion: 1, explainedBy: 'Priya Natarajan, RMT' });
    expect((await documents()).sort()).toEqual([`${signed.id}-signature.png`, `${signed.id}.pdf`].sort());
    const file = path.join(app.paths.documents, `${signed.id}.pdf`);
    const text = await pdfText(file);
    expect(text).toContain("Zoë O'Brien-Müller");
    expect(text).toContain('Informed consent to treatment');
    expect(text).toMatch(/Version 1/);
    expect(text).toContain('Priya Natarajan, RMT');
    await qpdfCheck(file);
    expect(await stateOf('treatment')).toBe('on_file');
    expect(await stateOf('outbreak')).toBe('missing');
  });

  it('refuses a blank or broken signature and writes nothing', async () => {
    const before = await documents();
    for (const [imageBase64, field] of [
      [blankCanvas, /empty|sign/i],
      [Buffer.from('GIF89a not a png').toString('base64'), /not a PNG/],
      ['', /Sign in the box first/],
      ['A'.repeat(1_500_000), /larger than 1 MB/],
    ] as const) {
      const r = await signOnScreen('treatment', { signature: { method: 'screen', imageBase64, signerName: 'Zoë' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'signature.imageBase64': expect.stringMatching(field) } } });
    }
    expect(await documents()).toEqual(before);
    expect(await app.db('consents').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('names who explained it from the session, never from typed text', async () => {
    const r = await signOnScreen('outbreak', { explainedBy: 'Typed By Hand' });
    expect(r).toMatchObject({ ok: true, value: { explainedBy: testStaff.admin.name, witnessedBy: '' } });
  });

  it('records a paper signature with its scan, and a blank form prints a signature line', async () => {
    const blank = await must<{ pdfBase64: string }>('consent.preview', { patientId: patient.id, kind: 'privacy', locale: 'fr-CA', choices: [] });
    const blankFile = path.join(app.dir, 'blank.pdf');
    await writeFile(blankFile, Buffer.from(blank.pdfBase64, 'base64'));
    const blankText = await pdfText(blankFile);
    expect(blankText).toContain("Zoë O'Brien-Müller");
    expect(blankText).toContain('Consentement relatif à la vie privée');
    // Boxes on a blank form are ticked by hand: no printed answer beside them.
    expect(blankText).toContain('Courriel');
    expect(blankText).not.toMatch(/\b(Oui|Non)\b/);

    const scan = Buffer.from('%PDF-1.4 scanned form');
    await startAs(app, 'reception'); // who saw it signed is whoever is signed in
    const signed = await must<ConsentRecord>('consent.sign', {
      patientId: patient.id, kind: 'privacy', locale: 'fr-CA', choices: ['phone', 'text'], templateVersion: 1,
      signature: { method: 'paper', signerName: 'Zoë O’Brien-Müller', seenBy: 'Marc Tremblay', signedOn: '2026-11-25', scan: { mimeType: 'application/pdf', dataBase64: scan.toString('base64') } },
      explainedBy: 'Marc Tremblay', witnessedBy: '',
    });
    expect(signed).toMatchObject({ method: 'paper', hasScan: true, choices: ['phone', 'text'] });
    expect(await readFile(path.join(app.paths.documents, `${signed.id}-scan.pdf`))).toEqual(scan);
    expect(await pdfText(path.join(app.paths.documents, `${signed.id}.pdf`))).toContain('Marc Tremblay');
    expect((await status()).find((i) => i.kind === 'privacy')).toMatchObject({ state: 'on_file', choices: ['phone', 'text'] });
  });

  it('records a paper form on the version printed on it, even after the wording changed', async () => {
    const { templates } = await must<{ templates: TemplateVersion[] }>('consent.templates', {});
    const v1 = templates.find((t) => t.kind === 'outbreak')!;
    clock = new Date('2026-12-02T18:00:00.000Z');
    await must('consent.saveTemplate', { kind: 'outbreak', basedOnVersion: 1, locales: v1.locales, material: true, changeNote: 'Masks' });
    const paper = (version: number, signedOn: string) =>
      app.dispatch('consent.sign', {
        patientId: patient.id, kind: 'outbreak', locale: 'en-CA', choices: [], templateVersion: version,
        signature: { method: 'paper', signerName: 'Zoë', seenBy: 'Marc Tremblay', signedOn }, explainedBy: 'Marc Tremblay', witnessedBy: '',
      });
    // Version 2 did not exist on 30 November: that form was version 1.
    expect(await paper(2, '2026-11-30')).toMatchObject({ ok: false, error: { fields: { 'signature.signedOn': expect.stringMatching(/Version 2/) } } });
    const signed = await paper(1, '2026-11-30');
    expect(signed).toMatchObject({ ok: true, value: { templateVersion: 1 } });
    // Signed that day in Vancouver, whatever the hour in UTC.
    expect((signed as { value: ConsentRecord }).value.signedAt).toBe('2026-11-30T20:00:00.000Z');
    expect((await status()).find((i) => i.kind === 'outbreak')).toMatchObject({ state: 'reconsent', version: 1, currentVersion: 2 });
    // On screen there is no such leeway: the patient reads the current version.
    expect(await signOnScreen('outbreak', { templateVersion: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a scan that is not what it claims to be', async () => {
    const r = await app.dispatch('consent.sign', {
      patientId: patient.id, kind: 'privacy', locale: 'en-CA', choices: ['phone'], templateVersion: 1,
      signature: { method: 'paper', signerName: 'Zoë', seenBy: 'Marc', signedOn: '2026-11-25', scan: { mimeType: 'image/png', dataBase64: Buffer.from('hello').toString('base64') } },
      explainedBy: 'Marc', witnessedBy: '',
    });
    expect(r).toMatchObject({ ok: false, error: { fields: { 'signature.scan': expect.any(String) } } });
    expect(await documents()).toEqual([]);
  });
});

describe('sensitive areas', () => {
  it('records gluteal only, and asks again at the next visit when the clinic says every visit', async () => {
    await must('consent.sign', await signArgs('sensitive_areas', ['gluteal']));
    let item = (await status()).find((i) => i.kind === 'sensitive_areas')!;
    expect(item).toMatchObject({ state: 'on_file', choices: ['gluteal'], verbalToday: [] });

    await must('consent.recordVerbal', { patientId: patient.id, areas: ['gluteal'], recordedBy: 'Priya Natarajan, RMT' });
    item = (await status()).find((i) => i.kind === 'sensitive_areas')!;
    expect(item.verbalToday).toEqual(['gluteal']);

    clock = new Date('2026-11-27T18:00:00.000Z');
    item = (await status()).find((i) => i.kind === 'sensitive_areas')!;
    expect(item).toMatchObject({ state: 'needed_this_visit', verbalToday: [] });

    await must('settings.updateConsentPolicy', { sensitiveAreaFrequency: 'once', renewalMonths: 12 });
    expect(await stateOf('sensitive_areas')).toBe('on_file');
  });

  it('takes spoken consent only under a written consent in force, for the areas it covers', async () => {
    const spoken = (areas: string[]) => app.dispatch('consent.recordVerbal', { patientId: patient.id, areas, recordedBy: 'Priya Natarajan, RMT' });
    const refusedAt = { ok: false, error: { code: 'invalid_input', fields: { areas: expect.any(String) } } };
    expect(await spoken(['gluteal'])).toMatchObject(refusedAt);
    const written = await must<ConsentRecord>('consent.sign', await signArgs('sensitive_areas', ['gluteal']));
    expect(await spoken(['breast'])).toMatchObject({ ok: false, error: { fields: { areas: expect.stringMatching(/Breast/) } } });
    expect(await spoken(['gluteal'])).toMatchObject({ ok: true });
    await must('consent.withdraw', { consentId: written.id, reason: 'Changed her mind', recordedBy: 'Marc Tremblay' });
    expect((await status()).find((i) => i.kind === 'sensitive_areas')).toMatchObject({ state: 'withdrawn', verbalToday: [] });
    expect(await spoken(['gluteal'])).toMatchObject(refusedAt);
  });

  it('needs at least one area, and only areas the form has', async () => {
    expect(await app.dispatch('consent.sign', await signArgs('sensitive_areas', []))).toMatchObject({ ok: false, error: { fields: { choices: expect.any(String) } } });
    expect(await app.dispatch('consent.sign', await signArgs('sensitive_areas', ['elbow']))).toMatchObject({ ok: false, error: { fields: { choices: expect.stringMatching(/elbow/) } } });
  });
});

describe('withdrawal, expiry and re-consent', () => {
  it('withdraws with reason and who, keeps the record, and says so in the status', async () => {
    const signed = await must<ConsentRecord>('consent.sign', await signArgs('outbreak'));
    await startAs(app, 'reception'); // who recorded the withdrawal is whoever is signed in
    const withdrawn = await must<ConsentRecord>('consent.withdraw', { consentId: signed.id, reason: 'Prefers to wait until the outbreak is over', recordedBy: 'Marc Tremblay' });
    expect(withdrawn).toMatchObject({ withdrawnBy: 'Marc Tremblay', withdrawnAt: clock.toISOString() });
    expect(await stateOf('outbreak')).toBe('withdrawn');
    expect(await app.dispatch('consent.withdraw', { consentId: signed.id, reason: 'again', recordedBy: 'Marc' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const { consents } = await must<{ consents: ConsentRecord[] }>('consent.history', { patientId: patient.id });
    expect(consents).toHaveLength(1);
    const trail = await app.db('audit_events').where({ entity_id: patient.id }).pluck('action');
    expect(trail).toEqual(expect.arrayContaining(['consent.signed', 'consent.withdrawn']));
  });

  it('expires after the clinic’s renewal period', async () => {
    await must('consent.sign', await signArgs('treatment'));
    expect((await status()).find((i) => i.kind === 'treatment')!.expiresOn).toBe('2027-11-25');
    clock = new Date('2027-11-26T18:00:00.000Z');
    expect(await stateOf('treatment')).toBe('expired');
  });

  it('a material template change asks for re-consent; a wording fix does not', async () => {
    await must('consent.sign', await signArgs('treatment'));
    await must('consent.sign', await signArgs('outbreak'));
    const { templates } = await must<{ templates: TemplateVersion[] }>('consent.templates', {});
    const edit = (kind: string) => templates.find((t) => t.kind === kind)!.locales;
    await must('consent.saveTemplate', { kind: 'treatment', basedOnVersion: 1, locales: edit('treatment'), material: false, changeNote: 'Comma fixed' });
    await must('consent.saveTemplate', { kind: 'outbreak', basedOnVersion: 1, locales: edit('outbreak'), material: true, changeNote: 'Masks now required' });
    expect(await stateOf('treatment')).toBe('on_file');
    expect((await status()).find((i) => i.kind === 'outbreak')).toMatchObject({ state: 'reconsent', version: 1, currentVersion: 2 });
    // A form open on the old version is refused, so nobody signs text they did not see.
    expect(await signOnScreen('outbreak')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.dispatch('consent.saveTemplate', { kind: 'outbreak', basedOnVersion: 1, locales: edit('outbreak'), material: false, changeNote: 'stale' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('patient mode', () => {
  it('is held by main: only the session’s own forms can be signed, and only the PIN ends it', async () => {
    const other = await must<Patient>('patients.create', { patient: patientInput({ firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-11-02', phones: [{ label: 'home', number: '250 555 7781' }] }) });
    const session = { patientId: patient.id, kinds: ['treatment'], locale: 'en-CA' };
    await must('patientMode.enter', session);
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id, patientName: "Zoë O'Brien-Müller" } });

    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(await app.dispatch('patients.search', { query: 'wojcik' })).toMatchObject(forbidden);
    expect(await app.dispatch('patients.get', { id: other.id })).toMatchObject(forbidden);
    expect(await app.dispatch('consent.history', { patientId: patient.id })).toMatchObject(forbidden);
    expect(await app.dispatch('staff.resetSecret', { id: (await app.services.staff.active())[0].id, secret: '111111' })).toMatchObject(forbidden);
    expect(await app.dispatch('consent.sign', { ...(await signArgs('treatment')), patientId: other.id })).toMatchObject(forbidden);
    expect(await app.dispatch('consent.sign', await signArgs('outbreak'))).toMatchObject(forbidden);
    expect(await app.dispatch('consent.sign', { ...(await signArgs('treatment')), witnessId: (await app.services.staff.active())[0].id })).toMatchObject(forbidden);
    expect(await app.dispatch('patientMode.enter', session)).toMatchObject(forbidden);

    // Quitting and reopening the app does not end it: the session is in the database.
    await app.close();
    const reopened = await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings'), now: () => clock });
    app = { ...app, ...reopened };
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });
    expect(await app.dispatch('patients.search', { query: 'wojcik' })).toMatchObject(forbidden);
    expect(await app.dispatch('consent.sign', await signArgs('treatment'))).toMatchObject({ ok: true });

    expect(await app.dispatch('patientMode.exit', { pin: '135790' })).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { pin: expect.any(String) } } });
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });
    await must('patientMode.exit', { pin: testPin });
    expect(await must('patientMode.current', {})).toEqual({ session: null });
    expect(await app.dispatch('patients.search', { query: 'wojcik' })).toMatchObject({ ok: true });
    const trail = await app.db('audit_events').where({ entity_id: patient.id }).orderBy('seq').pluck('action');
    expect(trail.filter((a: string) => a === 'patient_mode.entered' || a === 'patient_mode.left')).toEqual(['patient_mode.entered', 'patient_mode.left']);
  });
});

describe('stored documents', () => {
  it('reports a PDF changed on disk, never shows it', async () => {
    const signed = await must<ConsentRecord>('consent.sign', await signArgs('treatment'));
    expect(await app.dispatch('consent.document', { consentId: signed.id })).toMatchObject({ ok: true });
    const file = path.join(app.paths.documents, `${signed.id}.pdf`);
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await writeFile(file, bytes);
    expect(await app.dispatch('consent.document', { consentId: signed.id })).toMatchObject({ ok: false, error: { code: 'integrity', message: expect.stringMatching(/changed/) } });
    await rm(file);
    expect(await app.dispatch('consent.document', { consentId: signed.id })).toMatchObject({ ok: false, error: { code: 'integrity', message: expect.stringMatching(/missing/) } });
  });

  it('a missing logo file is a clear error and nothing is half-written', async () => {
    await must('settings.setLogo', { mimeType: 'image/png', dataBase64: solidPng(120, 40).toString('base64') });
    await rm(app.services.settings.logoPath()!);
    const r = await signOnScreen('treatment');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { logo: expect.any(String) } } });
    expect(await documents()).toEqual([]);
    expect(await app.db('consents').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('keeps the logo a consent was signed with, even after the clinic changes it', async () => {
    await must('settings.setLogo', { mimeType: 'image/png', dataBase64: solidPng(120, 40).toString('base64') });
    const signed = await must<ConsentRecord>('consent.sign', await signArgs('treatment'));
    await must('settings.setLogo', { mimeType: 'image/png', dataBase64: solidPng(120, 40, [200, 30, 30]).toString('base64') });
    const { snapshot } = await app.db('consents').where({ id: signed.id }).first('snapshot');
    expect((await readFile(path.join(app.paths.documents, JSON.parse(snapshot).clinic.logo.file))).equals(solidPng(120, 40))).toBe(true);
  });
});

async function signArgs(kind: string, choices: string[] = []) {
  const { templates } = await must<{ templates: TemplateVersion[] }>('consent.templates', {});
  return {
    patientId: patient.id,
    kind,
    locale: 'en-CA',
    choices,
    templateVersion: templates.find((t) => t.kind === kind)!.version,
    signature: { method: 'screen', imageBase64: ink, signerName: 'Zoë O’Brien-Müller' },
    explainedBy: 'Priya Natarajan, RMT',
    witnessedBy: '',
  };
}

describe('patient mode, before it starts', () => {
  it('is refused when the forms cannot be printed for this patient, so nobody signs in vain', async () => {
    const wang = await must<Patient>('patients.create', { patient: patientInput({ firstName: '小明', lastName: '王', phones: [{ label: 'mobile', number: '604 555 0177' }] }) });
    const r = await app.dispatch('patientMode.enter', { patientId: wang.id, kinds: ['treatment'], locale: 'en-CA', explainedBy: 'Priya Natarajan, RMT', witnessedBy: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'patient.fullName': expect.stringMatching(/王/) } } });
    expect(await must('patientMode.current', {})).toEqual({ session: null });
  });
});

describe('settings changes', () => {
  it('are in the audit log, without their values', async () => {
    await must('settings.updateConsentPolicy', { sensitiveAreaFrequency: 'once', renewalMonths: 24 });
    await must('staff.setAutoLock', { minutes: 7 });
    const events = await app.db('audit_events').where({ entity: 'settings' }).orderBy('seq').select('action', 'detail');
    expect(events.map((e: { action: string }) => e.action)).toEqual(['settings.clinic_profile_changed', 'settings.consent_rules_changed', 'settings.auto_lock_changed']);
    expect(JSON.stringify(events)).not.toContain('24');
  });
});

describe('patient mode, one signature per form', () => {
  it('resumes after what was signed, refuses the same form twice, and keeps that across a restart', async () => {
    await must('patientMode.enter', { patientId: patient.id, kinds: ['treatment', 'outbreak'], locale: 'en-CA', explainedBy: 'Priya Natarajan, RMT', witnessedBy: '' });
    expect(await must('patientMode.current', {})).toMatchObject({ session: { signed: [], preferredContact: 'phone', startedAt: clock.toISOString() } });
    expect(await app.dispatch('consent.sign', await signArgs('treatment'))).toMatchObject({ ok: true });
    expect(await must('patientMode.current', {})).toMatchObject({ session: { signed: ['treatment'] } });
    // A reload that shows the first form again, or a double tap: refused, nothing written.
    const files = await documents();
    expect(await app.dispatch('consent.sign', await signArgs('treatment'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [first, second] = await Promise.all([app.dispatch('consent.sign', await signArgs('outbreak')), app.dispatch('consent.sign', await signArgs('outbreak'))]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect((await documents()).length).toBe(files.length + 2);

    await app.close();
    const reopened = await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings'), now: () => clock });
    app = { ...app, ...reopened };
    expect(await must('patientMode.current', {})).toMatchObject({ session: { signed: ['treatment', 'outbreak'] } });
    expect(await app.dispatch('consent.sign', await signArgs('outbreak'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.db('consents').where({ patient_id: patient.id }).count({ n: '*' })).toEqual([{ n: 2 }]);

    // A later session may sign the same form again (a new visit, a new version).
    await must('patientMode.exit', { pin: testPin });
    clock = new Date('2026-11-26T15:30:00.000Z');
    await must('patientMode.enter', { patientId: patient.id, kinds: ['treatment'], locale: 'en-CA', explainedBy: 'Priya Natarajan, RMT', witnessedBy: '' });
    expect(await must('patientMode.current', {})).toMatchObject({ session: { signed: [] } });
    expect(await app.dispatch('consent.sign', await signArgs('treatment'))).toMatchObject({ ok: true });
  });

  it('a substitute decision-maker set up by staff signs; the patient’s own signature is refused in that session', async () => {
    const substitute = { name: 'Anne Martin', relationship: 'parent' };
    await must('patientMode.enter', { patientId: patient.id, kinds: ['treatment'], locale: 'en-CA', explainedBy: 'Priya Natarajan, RMT', witnessedBy: '', substitute });
    expect(await app.dispatch('consent.sign', await signArgs('treatment'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const args = await signArgs('treatment');
    const signed = await must<ConsentRecord>('consent.sign', { ...args, signature: { ...args.signature, signerName: 'Anne Martin', signerRelationship: 'parent' } });
    expect(signed).toMatchObject({ signerName: 'Anne Martin', signerRelationship: 'parent' });
  });
});

describe('substitute decision-makers', () => {
  it('keeps the name and relationship on the record and prints them beside the signature', async () => {
    const args = await signArgs('treatment');
    const signed = await must<ConsentRecord>('consent.sign', { ...args, locale: 'fr-CA', signature: { ...args.signature, signerName: 'Anne Martin', signerRelationship: 'guardian' } });
    expect(signed).toMatchObject({ signerName: 'Anne Martin', signerRelationship: 'guardian' });
    const file = path.join(app.paths.documents, `${signed.id}.pdf`);
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Anne Martin');
    expect(text).toContain("Tuteur ou tutrice légale, signe au nom de Zoë O'Brien-Müller");
    const { consents } = await must<{ consents: ConsentRecord[] }>('consent.history', { patientId: patient.id });
    expect(consents[0]).toMatchObject({ signerName: 'Anne Martin', signerRelationship: 'guardian' });
  });

  it('on paper, prints who signed for the patient and as what; the patient signing for themselves prints no such line', async () => {
    const paper = (signerName: string, signerRelationship: string) =>
      must<ConsentRecord>('consent.sign', {
        patientId: patient.id, kind: 'outbreak', locale: 'en-CA', choices: [], templateVersion: 1,
        signature: { method: 'paper', signerName, signerRelationship, seenBy: 'Marc Tremblay', signedOn: '2026-11-25' }, explainedBy: 'Marc Tremblay', witnessedBy: '',
      });
    const byParent = await paper('Anne Martin', 'parent');
    // The line wraps in its column, beside the "Explained by" column.
    expect(await pdfText(path.join(app.paths.documents, `${byParent.id}.pdf`))).toMatch(/Anne Martin — Parent, signing for[^\n]*\n[^\n]*Zoë O'Brien-Müller/);
    const bySelf = await paper('Zoë O’Brien-Müller', 'self');
    expect(bySelf.signerRelationship).toBe('self');
    expect(await pdfText(path.join(app.paths.documents, `${bySelf.id}.pdf`))).not.toMatch(/signing for/);
    expect(await app.dispatch('consent.sign', { ...(await signArgs('treatment')), signature: { method: 'screen', imageBase64: ink, signerName: 'X', signerRelationship: 'neighbour' } })).toMatchObject({
      ok: false, error: { fields: { 'signature.signerRelationship': expect.any(String) } },
    });
  });
});

describe('privacy: how the clinic may contact the patient', () => {
  it('refuses a form with no channel; “do not contact me” is an answer of its own, printed and shown as such', async () => {
    const privacy = (choices: string[]) => app.dispatch('consent.sign', { ...signArgsFor('privacy'), choices });
    expect(await privacy([])).toMatchObject({ ok: false, error: { fields: { choices: expect.stringMatching(/Do not contact me/) } } });
    expect(await privacy(['phone', 'do_not_contact'])).toMatchObject({ ok: false, error: { fields: { choices: expect.stringMatching(/cannot go with/) } } });
    const r = await privacy(['do_not_contact']);
    expect(r).toMatchObject({ ok: true, value: { choices: ['do_not_contact'] } });
    expect((await status()).find((i) => i.kind === 'privacy')).toMatchObject({ state: 'on_file', choices: ['do_not_contact'] });
    const text = await pdfText(path.join(app.paths.documents, `${(r as { value: ConsentRecord }).value.id}.pdf`));
    expect(text).toMatch(/Do not contact me\s+Yes/);
    expect(text).toMatch(/Phone call\s+No/);
  });
});

describe('the stored document check', () => {
  it('keeps the hash it compared in the audit log, where the desk never has to read it', async () => {
    const signed = await must<ConsentRecord>('consent.sign', await signArgs('treatment'));
    await must('consent.document', { consentId: signed.id });
    await rm(path.join(app.paths.documents, `${signed.id}.pdf`));
    await app.dispatch('consent.document', { consentId: signed.id });
    const events = await app.db('audit_events').where({ entity_id: patient.id }).whereLike('action', 'consent.document%').orderBy('seq').select('action', 'detail');
    expect(events.map((e: { action: string; detail: string }) => [e.action, JSON.parse(e.detail)])).toEqual([
      ['consent.document_verified', { consentId: signed.id, sha256: signed.pdfSha256 }],
      ['consent.document_check_failed', { consentId: signed.id, sha256: signed.pdfSha256, reason: 'missing' }],
    ]);
  });
});

describe('the patient’s language', () => {
  it('spoken consent is recorded in the language the patient speaks', async () => {
    const french = await must<Patient>('patients.update', { id: patient.id, expectedUpdatedAt: patient.updatedAt, patient: patientInput({ language: 'Français' }) });
    expect(french.language).toBe('Français');
    await must('consent.sign', await signArgs('sensitive_areas', ['gluteal']));
    const spoken = await must<ConsentRecord>('consent.recordVerbal', { patientId: patient.id, areas: ['gluteal'], recordedBy: 'Priya Natarajan, RMT' });
    expect(spoken.locale).toBe('fr-CA');
  });
});

function signArgsFor(kind: string) {
  return {
    patientId: patient.id, kind, locale: 'en-CA', choices: [] as string[], templateVersion: 1,
    signature: { method: 'screen', imageBase64: ink, signerName: 'Zoë O’Brien-Müller' }, explainedBy: 'Priya Natarajan, RMT', witnessedBy: '',
  };
}
