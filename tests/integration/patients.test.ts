import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/contract/patients';
import { tempApp } from '../support/app';
import { patientInput } from '../support/fixtures';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.cleanup();
});

async function create(overrides = {}, acknowledgeDuplicates = false): Promise<Patient> {
  const r = await app.dispatch('patients.create', { patient: patientInput(overrides), acknowledgeDuplicates });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Patient;
}

async function search(query: string, includeArchived = false): Promise<string[]> {
  const r = await app.dispatch('patients.search', { query, includeArchived });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { results: Array<{ firstName: string; lastName: string }> }).results.map(
    (p) => `${p.firstName} ${p.lastName}`,
  );
}

describe('patients', () => {
  it('creates a patient and reads it back exactly as typed', async () => {
    const created = await create();
    const got = await app.dispatch('patients.get', { id: created.id });
    expect(got).toMatchObject({ ok: true, value: { firstName: 'Zoë', lastName: "O'Brien-Müller", archivedAt: null } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('finds names without their diacritics, by part of a name, by phone digits and by birth date', async () => {
    await create();
    await create({ firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-11-02', phones: [{ label: 'home', number: '250 555 7781' }], email: '' });
    await create({ firstName: 'Thị Minh', lastName: 'Nguyễn', dateOfBirth: '1992-07-30', phones: [{ label: 'work', number: '+1 778 555 3321' }] });

    expect(await search('zoe')).toEqual(["Zoë O'Brien-Müller"]);
    expect(await search('lukasz')).toEqual(['Łukasz Wójcik']);
    expect(await search('WOJ')).toEqual(['Łukasz Wójcik']);
    expect(await search('nguyen')).toEqual(['Thị Minh Nguyễn']);
    expect(await search('obrien')).toEqual(["Zoë O'Brien-Müller"]);
    expect(await search("o'brien")).toEqual(["Zoë O'Brien-Müller"]);
    expect(await search('muller zo')).toEqual(["Zoë O'Brien-Müller"]);
    expect(await search('5557781')).toEqual(['Łukasz Wójcik']);
    expect(await search('555-33')).toEqual(['Thị Minh Nguyễn']);
    expect(await search('17785553321')).toEqual(['Thị Minh Nguyễn']);
    expect(await search('1979-11-02')).toEqual(['Łukasz Wójcik']);
    expect(await search('02/11/1979')).toEqual(['Łukasz Wójcik']);
    expect(await search('1992')).toEqual(['Thị Minh Nguyễn']);
    expect(await search('xavier')).toEqual([]);
    expect(await search('"*)(')).toEqual([]);
  });

  it('treats every apostrophe as one: ʻokina, modifier letter apostrophe, typographic quotes', async () => {
    await create({ firstName: 'Kealiʻi', lastName: 'Kahananui', phones: [{ label: 'mobile', number: '808 555 0101' }] });
    await create({ firstName: 'Siobhán', lastName: 'Oʼbrien', phones: [{ label: 'mobile', number: '808 555 0102' }] });
    await create({ firstName: 'Dana', lastName: 'D’Amico', phones: [{ label: 'mobile', number: '808 555 0103' }] });
    expect(await search('kealii')).toEqual(['Kealiʻi Kahananui']);
    expect(await search('Kealiʻi')).toEqual(['Kealiʻi Kahananui']);
    expect(await search("keali'i kah")).toEqual(['Kealiʻi Kahananui']);
    expect(await search('obrien')).toEqual(['Siobhán Oʼbrien']);
    expect(await search('O’Brien')).toEqual(['Siobhán Oʼbrien']);
    expect(await search('brien')).toEqual(['Siobhán Oʼbrien']);
    expect(await search('damico')).toEqual(['Dana D’Amico']);
    expect(await search("d'amico")).toEqual(['Dana D’Amico']);
    // Same name, written with another apostrophe, same birth date: a duplicate.
    const dupes = await app.dispatch('patients.findDuplicates', { firstName: 'Siobhán', lastName: "O'Brien", dateOfBirth: '1985-03-14', phones: [] });
    expect(dupes).toMatchObject({ ok: true, value: { duplicates: [{ lastName: 'Oʼbrien', reasons: ['name_and_birth_date'] }] } });
  });

  it('ranks a last-name match before a first-name match, then by name', async () => {
    await create({ firstName: 'Martin', lastName: 'Abbott', phones: [{ label: 'mobile', number: '604 555 1000' }] });
    await create({ firstName: 'Anna', lastName: 'Martinez', phones: [{ label: 'mobile', number: '604 555 1001' }] });
    await create({ firstName: 'Zack', lastName: 'Martin', phones: [{ label: 'mobile', number: '604 555 1002' }] });
    expect(await search('mart')).toEqual(['Zack Martin', 'Anna Martinez', 'Martin Abbott']);
  });

  it('warns of a likely duplicate: same name and birth date, or same phone', async () => {
    const first = await create();
    const again = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'zoe', phones: [], preferredContact: 'email' }) });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const dupes = await app.dispatch('patients.findDuplicates', {
      firstName: 'Someone',
      lastName: 'Else',
      dateOfBirth: '',
      phones: ['604.555.0142'],
    });
    expect(dupes).toMatchObject({ ok: true, value: { duplicates: [{ id: first.id, reasons: ['phone'] }] } });
    const anyway = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'zoe', phones: [], preferredContact: 'email' }), acknowledgeDuplicates: true });
    expect(anyway.ok).toBe(true);
  });

  it('knows a North American number with or without its country code', async () => {
    const zoe = await create(); // (604) 555-0142
    const withCode = await create({ firstName: 'Sam', lastName: 'Reyes', dateOfBirth: '1990-05-05', phones: [{ label: 'home', number: '+1 250 555 0177' }] });
    expect(await app.db('patient_phones').where({ patient_id: withCode.id }).pluck('digits')).toEqual(['2505550177']);

    const phone = async (...phones: string[]) => {
      const r = await app.dispatch('patients.findDuplicates', { firstName: 'Someone', lastName: 'Else', dateOfBirth: '', phones });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as { duplicates: Array<{ id: string; reasons: string[] }> }).duplicates.map((d) => [d.id, d.reasons]);
    };
    expect(await phone('+1 (604) 555-0142')).toEqual([[zoe.id, ['phone']]]);
    expect(await phone('1-604-555-0142')).toEqual([[zoe.id, ['phone']]]);
    expect(await phone('16045550142')).toEqual([[zoe.id, ['phone']]]);
    expect(await phone('(250) 555-0177')).toEqual([[withCode.id, ['phone']]]);
    expect(await phone('+1 250 555 0177')).toEqual([[withCode.id, ['phone']]]);
    expect(await phone('+44 604 555 0142')).toEqual([]); // another country's number is another number

    // A new patient with Zoë's number written with the country code is stopped with a warning.
    const again = await app.dispatch('patients.create', {
      patient: patientInput({ firstName: 'Kai', lastName: 'Tanaka', dateOfBirth: '2001-09-09', phones: [{ label: 'mobile', number: '1-604-555-0142' }] }),
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Search finds both numbers however they were written and typed.
    expect(await search('16045550142')).toEqual(["Zoë O'Brien-Müller"]);
    expect(await search('2505550177')).toEqual(['Sam Reyes']);
    expect(await search('+1-250-555-0177')).toEqual(['Sam Reyes']);
  });

  it('edits with a version check, and archives without deleting', async () => {
    const p = await create();
    const edited = await app.dispatch('patients.update', {
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
      patient: patientInput({ lastName: 'Haddad', preferredName: 'Zo' }),
    });
    expect(edited).toMatchObject({ ok: true, value: { lastName: 'Haddad', preferredName: 'Zo' } });
    const stale = await app.dispatch('patients.update', { id: p.id, expectedUpdatedAt: p.updatedAt, patient: patientInput() });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await search('haddad')).toEqual(['Zoë Haddad']);
    expect(await search('brien')).toEqual([]);

    const archived = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away' });
    expect(archived).toMatchObject({ ok: true, value: { archiveReason: 'Moved away' } });
    expect(await search('haddad')).toEqual([]);
    expect(await search('haddad', true)).toEqual(['Zoë Haddad']);
    expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);

    const restored = await app.dispatch('patients.restore', { id: p.id });
    expect(restored).toMatchObject({ ok: true, value: { archivedAt: null } });
    expect(await search('haddad')).toEqual(['Zoë Haddad']);

    const trail = await app.db('audit_events').where({ entity_id: p.id }).orderBy('seq').pluck('action');
    expect(trail).toEqual(['patient.created', 'patient.updated', 'patient.archived', 'patient.restored']);
  });
});
