import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/contract/patients';
import { tempApp } from '../support/app';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';

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

    const current = (await app.services.patients.get({ id: p.id })) as { ok: true; value: Patient };
    const archived = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved away', expectedUpdatedAt: current.value.updatedAt });
    expect(archived).toMatchObject({ ok: true, value: { archiveReason: 'Moved away' } });
    expect(await search('haddad')).toEqual([]);
    expect(await search('haddad', true)).toEqual(['Zoë Haddad']);
    expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);

    const restored = await app.dispatch('patients.restore', { id: p.id, expectedUpdatedAt: (archived as { ok: true; value: Patient }).value.updatedAt });
    expect(restored).toMatchObject({ ok: true, value: { archivedAt: null } });
    expect(await search('haddad')).toEqual(['Zoë Haddad']);

    const trail = await app.db('audit_events').where({ entity_id: p.id }).orderBy('seq').pluck('action');
    expect(trail).toEqual(['patient.created', 'patient.updated', 'patient.archived', 'patient.restored']);
  });
});

describe('search at the desk', () => {
  type Found = { results: Array<{ id: string; firstName: string; lastName: string; phone: string; needsForms: boolean }>; archivedMatches: number };
  async function find(query: string, includeArchived = false): Promise<Found> {
    const r = await app.dispatch('patients.search', { query, includeArchived });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as Found;
  }

  it('finds particles written apart when typed joined, and by each part', async () => {
    await create({ firstName: 'Inés', lastName: 'de la Cruz', phones: [{ label: 'mobile', number: '604 555 2001' }] });
    await create({ firstName: 'Pieter', lastName: 'van der Berg', phones: [{ label: 'mobile', number: '604 555 2002' }] });
    await create({ firstName: 'Séamus', lastName: 'Mac Giolla', phones: [{ label: 'mobile', number: '604 555 2003' }] });
    await create({ firstName: 'Hélène', lastName: "D'Été", phones: [{ label: 'mobile', number: '604 555 2004' }] });
    await create({ firstName: 'João', lastName: 'Dà Silva', phones: [{ label: 'mobile', number: '604 555 2005' }] });
    const cases: Array<[string[], string]> = [
      [['delacruz', 'DelaCruz', 'de la cruz', 'lacruz', 'cruz', 'de la', 'dela', 'delac'], 'Inés de la Cruz'],
      [['vanderberg', 'VanDerBerg', 'derberg', 'van der berg', 'berg', 'vander'], 'Pieter van der Berg'],
      [['macgiolla', 'mac giolla', 'giolla', 'macg'], 'Séamus Mac Giolla'],
      [['dete', "d'ete", 'DÉté', 'ete', 'd ete'], "Hélène D'Été"],
      [['dasilva', 'dàsilva', 'da silva', 'silva'], 'João Dà Silva'],
    ];
    for (const [typed, name] of cases) for (const query of typed) expect(await search(query), query).toEqual([name]);
  });

  it('ranks a number ending with the typed digits first and shows the number that matched', async () => {
    // Names in the order that put the wrong person first when the end did not count.
    const contains = await create({ firstName: 'Ada', lastName: 'Abbott', phones: [{ label: 'mobile', number: '604 504 2133' }] });
    const ends = await create({ firstName: 'Zed', lastName: 'Zimmer', phones: [{ label: 'home', number: '604 555 9000' }, { label: 'work', number: '(250) 555-0421' }] });
    const also = await create({ firstName: 'Bea', lastName: 'Brown', phones: [{ label: 'mobile', number: '+1 778 555 0421' }] });
    const found = await find('0421');
    expect(found.results.map((r) => [r.id, r.phone])).toEqual([
      [also.id, '+1 778 555 0421'],
      [ends.id, '(250) 555-0421'],
      [contains.id, '604 504 2133'],
    ]);
    // A longer run ranks the same way; without digits the first number shows.
    expect((await find('5550421')).results.map((r) => r.id)).toEqual([also.id, ends.id]);
    expect((await find('zimmer')).results.map((r) => r.phone)).toEqual(['604 555 9000']);
    // With a name, the name ranks first, then the number's end.
    expect((await find('b 421')).results.map((r) => r.id)).toEqual([also.id]);
  });

  it('says how many archived patients match when they are hidden', async () => {
    const p = await create({ firstName: 'Łukasz', lastName: 'Wójcik', phones: [{ label: 'mobile', number: '250 555 7781' }] });
    await create({ firstName: 'Lucja', lastName: 'Wojcikowska', phones: [{ label: 'mobile', number: '250 555 7782' }] });
    const archived = await app.dispatch('patients.archive', { id: p.id, reason: 'Moved to Calgary', expectedUpdatedAt: p.updatedAt });
    expect(await find('wojcik')).toMatchObject({ results: [{ lastName: 'Wojcikowska' }], archivedMatches: 1 });
    expect(await find('lukasz')).toEqual({ results: [], archivedMatches: 1 });
    expect(await find('lukasz', true)).toMatchObject({ results: [{ id: p.id }], archivedMatches: 0 });
    expect(await find('xavier')).toEqual({ results: [], archivedMatches: 0 });
    await app.dispatch('patients.restore', { id: p.id, expectedUpdatedAt: (archived as { ok: true; value: Patient }).value.updatedAt });
    expect(await find('lukasz')).toMatchObject({ results: [{ id: p.id }], archivedMatches: 0 });
  });

  it('marks the patients who still need consent forms before treatment', async () => {
    await app.dispatch('settings.update', clinicProfile());
    const zoe = await create();
    const sam = await create({ firstName: 'Sam', lastName: 'Reyes', dateOfBirth: '1990-05-05', phones: [{ label: 'home', number: '250 555 0177' }] });
    const needs = async () => Object.fromEntries((await find('')).results.map((r) => [r.firstName, r.needsForms]));
    expect(await needs()).toEqual({ Zoë: true, Sam: true });

    const sign = async (patientId: string, kind: string) => {
      const r = await app.dispatch('consent.sign', {
        patientId, kind, locale: 'en-CA', choices: kind === 'privacy' ? ['phone'] : [], templateVersion: 1,
        signature: { method: 'screen', imageBase64: solidPng(240, 60, [16, 36, 58]).toString('base64'), signerName: 'Zoë' },
        explainedBy: 'Priya Natarajan, RMT', witnessedBy: '',
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as { id: string }).id;
    };
    // Privacy and treatment are not enough: the outbreak consent is needed too.
    await sign(zoe.id, 'privacy');
    const treatment = await sign(zoe.id, 'treatment');
    expect(await needs()).toEqual({ Zoë: true, Sam: true });
    await sign(zoe.id, 'outbreak');
    expect(await needs()).toEqual({ Zoë: false, Sam: true });
    expect((await find('obrien')).results).toMatchObject([{ id: zoe.id, needsForms: false }]);
    expect((await find('reyes')).results).toMatchObject([{ id: sam.id, needsForms: true }]);
    // A withdrawn consent needs signing again.
    await app.dispatch('consent.withdraw', { consentId: treatment, reason: 'Asked to stop', recordedBy: 'Marc Tremblay' });
    expect(await needs()).toEqual({ Zoë: true, Sam: true });
  });
});
