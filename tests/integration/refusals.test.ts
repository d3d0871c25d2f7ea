import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/contract/patients';
import { tempApp } from '../support/app';
import { clinicProfile, patientInput } from '../support/fixtures';
import { sampleSignaturePng } from '../support/consent-sample';

/**
 * Issue 10, item 5: input refused at the contract with the field named (invisible
 * characters, phone numbers), and changes main refuses whatever the screen shows
 * (archived records, a second archive, a stale save from a second window).
 */
let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
  await app.dispatch('settings.update', clinicProfile());
});
afterAll(async () => {
  await app.cleanup();
});

const fieldsOf = (r: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) => {
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('invalid_input');
  return r.error!.fields ?? {};
};
const patientCount = async () => Number(((await app.db('patients').count({ n: '*' })) as Array<{ n: number }>)[0].n);

async function create(overrides: Parameters<typeof patientInput>[0] = {}): Promise<Patient> {
  const r = await app.dispatch('patients.create', { patient: patientInput(overrides), acknowledgeDuplicates: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Patient;
}

describe('invisible characters', () => {
  // One of each kind the rule names: C0, DEL, C1, zero-width, direction marks and overrides, BOM, soft hyphen, word joiner.
  const hidden = ['\u0000', '\u0007', '\t', '\u007F', '\u0085', '\u009B', '\u200B', '\u200D', '\u200E', '\u202E', '\u2066', '\uFEFF', '\u00AD', '\u2060'];

  it.each(hidden.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s in a name is refused, naming the field and the character', async (code, c) => {
    const before = await patientCount();
    const fields = fieldsOf(await app.dispatch('patients.create', { patient: patientInput({ lastName: `O'Bri${c}en` }) }));
    expect(Object.keys(fields)).toEqual(['patient.lastName']);
    expect(fields['patient.lastName']).toContain(code);
    expect(fields['patient.lastName']).toContain('position 6');
    expect(await patientCount()).toBe(before);
  });

  it('is refused in every text field of a patient, each named', async () => {
    const z = '\u200B';
    const fields = fieldsOf(
      await app.dispatch('patients.create', {
        patient: patientInput({
          preferredName: `Zo${z}`,
          pronouns: `she${z}`,
          address: { line1: `1 Main${z}`, line2: '', city: `Victoria${z}`, region: 'BC', postalCode: `V8W${z}`, country: 'Canada' },
          emergencyContact: { name: `Sam${z}`, relationship: 'brother', phone: '' },
          familyPhysician: { name: '', clinic: `Oak${z}`, phone: '' },
          language: `English${z}`,
          email: `zoe${z}@example.org`,
        }),
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(
      ['patient.preferredName', 'patient.pronouns', 'patient.address.line1', 'patient.address.city', 'patient.address.postalCode', 'patient.emergencyContact.name', 'patient.familyPhysician.clinic', 'patient.language', 'patient.email'].sort(),
    );
  });

  it('lets multi-line notes keep their line breaks, and nothing else invisible', async () => {
    const p = await create({ notes: 'Prefers mornings.\r\nCall the mobile first.\nPark at the back.' });
    expect(p.notes).toBe('Prefers mornings.\r\nCall the mobile first.\nPark at the back.');
    expect(fieldsOf(await app.dispatch('patients.create', { patient: patientInput({ notes: 'Prefers\tmornings' }) }))).toHaveProperty(['patient.notes']);
    expect(fieldsOf(await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Zoë\nAnn' }) }))).toHaveProperty(['patient.firstName']);
  });

  it('is refused in a search, a staff name, a consent reason and a clinic name too', async () => {
    expect(fieldsOf(await app.dispatch('patients.search', { query: 'zo\u202Ee' }))).toHaveProperty(['query']);
    expect(fieldsOf(await app.dispatch('staff.create', { name: 'Ana\u200B Costa', initials: 'AC', roles: ['reception'], secret: '918273' }))).toHaveProperty(['name']);
    expect(fieldsOf(await app.dispatch('settings.update', clinicProfile({ name: 'Harbour\u0000 Physio' })))).toHaveProperty(['name']);
    const p = await create();
    expect(fieldsOf(await app.dispatch('patients.archive', { id: p.id, reason: 'Moved\u200F away', expectedUpdatedAt: p.updatedAt }))).toHaveProperty(['reason']);
  });

  it('still takes every script a clinic meets: accents, CJK, Vietnamese, Arabic, Devanagari', async () => {
    for (const [firstName, lastName] of [['Thị Minh', 'Nguyễn'], ['Łukasz', 'Wójcik'], ['美咲', '佐藤'], ['ليلى', 'حداد'], ['अनन्या', 'शर्मा'], ['Zoë', "O'Brien-Müller"]]) {
      const p = await create({ firstName, lastName });
      expect([p.firstName, p.lastName]).toEqual([firstName, lastName]);
    }
  });
});

describe('phone numbers', () => {
  it.each(['604 555 0142', '(604) 555-0142', '604.555.0142', '+1 604 555 0142', '+44 20 7946 0958', '604-555-0142 ext. 12', '604 555 0142 ext 12', '604 555 0142 x12', '6045550142x123'])('takes %s as typed', async (number) => {
    const p = await create({ phones: [{ label: 'mobile', number }] });
    expect(p.phones[0].number).toBe(number);
  });

  it.each([
    ['++1 604 555 0142', 'one leading +'],
    ['604 +555 0142', 'one leading +'],
    ['604 555 0142 call after 5', 'one leading +'],
    ['604#555#0142', 'one leading +'],
    ['604 555 0142 ext. ', 'one leading +'],
    ['1-800-FLOWERS', 'one leading +'],
    ['555 0142 x1234567', 'one leading +'],
    ['555-01 x42', '7 to 15 digits'],
    ['+1 604 555 0142 9999 9999', '7 to 15 digits'],
  ])('refuses %s, naming the field', async (number, says) => {
    const before = await patientCount();
    const fields = fieldsOf(await app.dispatch('patients.create', { patient: patientInput({ phones: [{ label: 'mobile', number }] }) }));
    expect(fields['patient.phones.0.number']).toContain(says);
    expect(await patientCount()).toBe(before);
  });
});

describe('archived records and stale saves, refused in main', () => {
  it('refuses an edit of an archived record, and keeps it as it was', async () => {
    const p = await create({ lastName: 'Haddad' });
    const archived = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away', expectedUpdatedAt: p.updatedAt });
    expect(archived.ok).toBe(true);
    const version = (archived as { value: Patient }).value.updatedAt;
    const edit = await app.dispatch('patients.update', { id: p.id, expectedUpdatedAt: version, patient: patientInput({ lastName: 'Changed' }) });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('archived') } });
    expect((await app.services.patients.get({ id: p.id })) as { value: Patient }).toMatchObject({ value: { lastName: 'Haddad', updatedAt: version } });
  });

  it('refuses a consent for an archived record', async () => {
    const p = await create();
    await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away', expectedUpdatedAt: p.updatedAt });
    const signed = await app.dispatch('consent.sign', {
      patientId: p.id,
      kind: 'treatment',
      locale: 'en-CA',
      choices: [],
      templateVersion: 1,
      signature: { method: 'screen', imageBase64: sampleSignaturePng().toString('base64'), signerName: 'Zoë' },
    });
    expect(signed).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('archived') } });
    expect(await app.db('consents').where({ patient_id: p.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('refuses a second archive, saying when and by whom, and logs one archive', async () => {
    const p = await create();
    const first = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away', expectedUpdatedAt: p.updatedAt });
    const archivedAt = (first as { value: Patient }).value.archivedAt!;
    // The second window still shows the record as it was before the first archive.
    const second = await app.dispatch('patients.archive', { id: p.id, reason: 'Duplicate', expectedUpdatedAt: p.updatedAt });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = (second as { error: { message: string } }).error.message;
    expect(message).toContain(archivedAt.slice(0, 10));
    expect(message).toContain('Priya Natarajan');
    expect(await app.db('patients').where({ id: p.id }).first('archive_reason')).toEqual({ archive_reason: 'Moved away' });
    expect(await app.db('audit_events').where({ entity_id: p.id, action: 'patient.archived' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('refuses an archive or a restore made on a version the screen no longer shows', async () => {
    const p = await create();
    const edited = await app.dispatch('patients.update', { id: p.id, expectedUpdatedAt: p.updatedAt, patient: patientInput({ notes: 'New note' }) });
    expect(edited.ok).toBe(true);
    const stale = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away', expectedUpdatedAt: p.updatedAt });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed this record') } });
    expect(await app.db('patients').where({ id: p.id }).first('archived_at')).toEqual({ archived_at: null });
    // A restore needs the version too, and there must be something to restore.
    const current = (edited as { value: Patient }).value;
    expect(await app.dispatch('patients.restore', { id: p.id, expectedUpdatedAt: current.updatedAt })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fieldsOf(await app.dispatch('patients.restore', { id: p.id }))).toHaveProperty(['expectedUpdatedAt']);
  });
});
