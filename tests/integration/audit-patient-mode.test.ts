import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Patient } from '../../shared/contract/patients';
import { tempApp } from '../support/app';
import { nodeApp, testPin } from '../support/node-app';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * Issue 12, item 2: patient mode's entry and exit and every settings change land in the
 * same transaction as their audit entry; wrong PINs and refused channels are audited,
 * never the PIN. Failures are made real with a trigger that refuses one audit action,
 * the way a full disk or a crash would stop that insert.
 */

let app: Awaited<ReturnType<typeof tempApp>>;
let patient: Patient;
// The signed-in admin's own PIN (tests/support/node-app.ts): staff accounts replaced the clinic-wide PIN (issue 8).
const pin = testPin;

async function must<T>(channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const session = () => ({ patientId: patient.id, kinds: ['treatment'], locale: 'en-CA' });
const trail = async () => (await app.db('audit_events').orderBy('seq').select('action', 'entity_id', 'detail')) as Array<{ action: string; entity_id: string; detail: string }>;
const actions = async (prefix: string) => (await trail()).filter((e) => e.action.startsWith(prefix)).map((e) => e.action);

/** Makes the audit insert of one action fail, as a crash at that point would. */
async function failAuditOf(action: string) {
  await app.db.raw(`CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON main.audit_events WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
}

beforeEach(async () => {
  app = await tempApp();
  await must('settings.update', clinicProfile());
  patient = await must('patients.create', { patient: patientInput() });
});
afterEach(async () => {
  await app.cleanup();
});

describe('patient mode and its audit entries', () => {
  it('entry without its audit entry does not happen: the session is not saved either', async () => {
    await failAuditOf('patient_mode.entered');
    expect(await app.dispatch('patientMode.enter', session())).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await must('patientMode.current', {})).toEqual({ session: null });
    expect(await app.db('app_state').where({ key: 'patient_mode' }).first()).toBeUndefined();
  });

  it('exit without its audit entry does not happen: the screen stays locked, after a restart too', async () => {
    await must('patientMode.enter', session());
    await failAuditOf('patient_mode.left');
    expect(await app.dispatch('patientMode.exit', { pin })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });
    await app.close();
    const reopened = await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings') });
    app = { ...app, ...reopened };
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });
    expect(await actions('patient_mode.')).toEqual(['patient_mode.entered']);
  });

  it('audits wrong PINs without the PIN, and each refused channel once per session', async () => {
    await must('patientMode.enter', session());
    for (const wrong of ['135792', '975310']) expect(await app.dispatch('patientMode.exit', { pin: wrong })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (let i = 0; i < 3; i++) expect(await app.dispatch('patients.search', { query: 'zoe' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.dispatch('settings.update', clinicProfile({ name: 'Taken over' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await must('patientMode.exit', { pin });

    const entries = (await trail()).filter((e) => e.action.startsWith('patient_mode.'));
    expect(entries.map((e) => [e.action, e.entity_id, JSON.parse(e.detail).channel])).toEqual([
      ['patient_mode.entered', patient.id, undefined],
      ['patient_mode.pin_refused', patient.id, undefined],
      ['patient_mode.pin_refused', patient.id, undefined],
      ['patient_mode.channel_refused', patient.id, 'patients.search'],
      ['patient_mode.channel_refused', patient.id, 'settings.update'],
      ['patient_mode.left', patient.id, undefined],
    ]);
    const everything = JSON.stringify(await app.db('audit_events').select('*'));
    for (const p of [pin, '135792', '975310']) expect(everything).not.toContain(p);
    // A new session audits its refusals afresh.
    await must('patientMode.enter', session());
    await app.dispatch('patients.search', { query: 'zoe' });
    await app.close();
    app = { ...app, ...(await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings') })) };
    expect((await actions('patient_mode.channel_refused')).length).toBe(3);
  });

  it('tells staff at unlock when the patient-facing screen was left, and audits it', async () => {
    await must('patientMode.enter', session());
    await app.services.patientMode.screenLeft({ at: '2026-11-30T14:02:03.000Z', seconds: 41 });
    await app.services.patientMode.screenLeft({ at: '2026-11-30T14:05:00.000Z', seconds: 2 });
    expect(await must('patientMode.exit', { pin })).toEqual({ unlocked: true, screenLeft: [{ at: '2026-11-30T14:02:03.000Z', seconds: 41 }, { at: '2026-11-30T14:05:00.000Z', seconds: 2 }] });
    const left = (await trail()).filter((e) => e.action === 'patient_mode.screen_left');
    expect(left.map((e) => JSON.parse(e.detail))).toEqual([{ at: '2026-11-30T14:02:03.000Z', seconds: 41 }, { at: '2026-11-30T14:05:00.000Z', seconds: 2 }]);
    // The next session starts with a clean slate.
    await must('patientMode.enter', session());
    expect(await must('patientMode.exit', { pin })).toEqual({ unlocked: true, screenLeft: [] });
  });
});

describe('settings changes and their audit entries', () => {
  it('a change whose audit entry cannot be written is not made', async () => {
    await failAuditOf('settings.consent_rules_changed');
    const before = await must('settings.consentPolicy', {});
    expect(await app.dispatch('settings.updateConsentPolicy', { sensitiveAreaFrequency: 'once', renewalMonths: 24 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await must('settings.consentPolicy', {})).toEqual(before);
    await app.close();
    app = { ...app, ...(await nodeApp({ dataDir: app.paths.root, settingsDir: path.join(app.dir, 'settings') })) };
    expect(await must('settings.consentPolicy', {})).toEqual(before);
  });

  it('each change is audited with the names of the settings it wrote, never their values', async () => {
    await must('settings.updateConsentPolicy', { sensitiveAreaFrequency: 'once', renewalMonths: 24 });
    await must('staff.setAutoLock', { minutes: 17 });
    const settings = (await trail()).filter((e) => e.entity_id === 'clinic');
    expect(settings.map((e) => [e.action, JSON.parse(e.detail)])).toEqual([
      ['settings.clinic_profile_changed', { keys: ['clinic'] }],
      ['settings.consent_rules_changed', { keys: ['consentPolicy'] }],
      ['settings.auto_lock_changed', { keys: ['autoLockMinutes'] }],
    ]);
    expect(JSON.stringify(settings)).not.toContain('17');
    expect(await app.db('app_state').where({ key: 'settings_pending' }).first()).toBeUndefined();
  });

  it('a refused change (a logo that is not an image) writes nothing and no change entry', async () => {
    expect(await app.dispatch('settings.setLogo', { mimeType: 'image/png', dataBase64: Buffer.from('not a picture').toString('base64') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await actions('settings.logo_')).toEqual([]);
    expect(await app.db('app_state').where({ key: 'settings_pending' }).first()).toBeUndefined();
  });
});
