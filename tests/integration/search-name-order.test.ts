import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient, PatientInput } from '../../shared/contract/patients';
import { words } from '../../shared/text/fold';
import { likeSearch } from '../bench/baselines';
import { seedPatients } from '../bench/seed';
import { tempApp } from '../support/app';
import { patientInput } from '../support/fixtures';

/**
 * One name word typed is read in name order from the name key's B-tree, merged with the
 * last names whose later word matches, then the given names (search-sqlite.ts, byName).
 * These names put every case on one page: later words that sort before the first-word
 * matches ("Cruz Reyes" for "re"), particles joined ("delacruz"), a few last-name matches
 * followed by given names ("ber": Berg, then Bertrand), the same name many times (ties
 * broken by id), archived rows among them. Each page must be the LIKE scan's.
 */
const lastNames: Array<[string, number]> = [
  ['Cruz', 12], ['de la Cruz', 0.4], ['Cruz Reyes', 0.3], ['Reyes', 12], ['Reyes Cruz', 0.3], ['Da Silva', 0.3], ['Silva', 8],
  ['Dasilva', 2], ["D'Angelo", 0.3], ['Dang', 6], ['Mac Giolla', 0.3], ['Macdonald', 8], ['Ma', 6], ['Mann', 4],
  ['van der Berg', 0.2], ['Berg', 0.2], ['Vander', 2], ['Lam-Scott', 0.3], ['Scott', 5], ['Sandhu-Kaur', 0.3], ['Kaur', 6],
];
const givenNames = ['Bertrand', 'Maria', 'Reyes', 'Dang', 'Silvana', 'Ma', 'Cruzita', 'Scott', 'Ana', 'Kaurwaki'];

function people(count: number): PatientInput[] {
  let s = 20261130;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const total = lastNames.reduce((n, [, w]) => n + w, 0);
  const last = () => {
    let x = next() * total;
    for (const [name, w] of lastNames) if ((x -= w) < 0) return name;
    return lastNames[0][0];
  };
  return Array.from({ length: count }, (_, i) =>
    patientInput({
      lastName: last(),
      firstName: givenNames[Math.floor(next() * givenNames.length)],
      preferredName: next() < 0.1 ? 'Bertie' : '',
      phones: [{ label: 'mobile', number: `604 555 ${String(i).padStart(4, '0')}` }],
    }),
  );
}

describe('one name word, read in name order', () => {
  let app: Awaited<ReturnType<typeof tempApp>>;
  beforeAll(async () => {
    app = await tempApp();
    await seedPatients(app.db, people(2500), {
      newId: randomUUID,
      at: () => '2024-06-01T10:00:00.000Z',
      archived: (i) => (i % 9 === 4 ? 'Moved away' : null),
    });
    // Renamed and archived through the handlers too, as the desk does.
    const ids = (await app.db('patients').whereNull('archived_at').orderBy('id').limit(30).pluck('id')) as string[];
    for (const [k, id] of ids.entries()) {
      const got = await app.dispatch('patients.get', { id });
      if (!got.ok) throw new Error(JSON.stringify(got.error));
      const before = got.value as Patient;
      const r = k % 2
        ? await app.dispatch('patients.archive', { id, reason: 'Moved away', expectedUpdatedAt: before.updatedAt })
        : await app.dispatch('patients.update', { id, expectedUpdatedAt: before.updatedAt, patient: patientInput({ ...before, lastName: 'Reyes Berg' }) });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    await app.db.raw(`CREATE TABLE bench_naive AS SELECT last, given, phone, dob, status, sort_key, patient_id FROM patient_search`);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
  });

  it('returns the same page as the LIKE scan for every prefix of every word', async () => {
    const typed = new Set<string>();
    for (const name of [...lastNames.map(([n]) => n), ...givenNames, 'Bertie', 'delacruz', 'vanderberg', 'macgiolla', 'dangelo']) {
      for (const word of words(name)) for (let n = 1; n <= Math.min(word.length, 5); n++) typed.add(word.slice(0, n));
      typed.add(name);
    }
    const mismatches: string[] = [];
    let full = 0;
    let mixed = 0;
    for (const query of typed) {
      for (const includeArchived of [false, true]) {
        const r = await app.dispatch('patients.search', { query, includeArchived });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const results = (r.value as { results: Array<{ id: string; lastName: string }> }).results;
        const want = await likeSearch(app.db, query, 20, includeArchived);
        if (results.map((p) => p.id).join() !== want.join()) mismatches.push(`${query}${includeArchived ? ' (with archived)' : ''}`);
        if (results.length === 20) full++;
        // A page where a later word's match comes before a first word's: the merge counted.
        const lead = words(query)[0] ?? '';
        const firsts = results.map((p) => (words(p.lastName)[0] ?? '').startsWith(lead));
        if (firsts.some((f, i) => !f && firsts.slice(i + 1).some(Boolean))) mixed++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(full).toBeGreaterThan(typed.size);
    expect(mixed).toBeGreaterThan(10);
  });

  it('merges the index into one segment when the app starts, with the same answers after', async () => {
    // Each write leaves FTS5 a new segment, which every search then reads (search-sqlite.ts, tidy).
    // A segment's pages are the rows of %_data whose id, shifted right by 37 bits, is its number.
    const segments = async (table: string) => ((await app.db.raw(`SELECT count(DISTINCT id >> 37) AS n FROM ${table}_data WHERE id >> 37 > 0`)) as Array<{ n: number }>)[0].n;
    const queries = ['cr', 'reyes', 'delacruz', 'ber', 'ma', 'bertie', 'tidy', 'scott 604', '604 555 00'];
    const answers = async () => Promise.all(queries.map(async (query) => {
      const r = await app.dispatch('patients.search', { query });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as { results: Array<{ id: string }> }).results.map((x) => x.id);
    }));
    // Two more patients, each its own write: whatever FTS5 merged before, two segments at least.
    for (const lastName of ['de la Cruz', 'Reyes Berg']) {
      const made = await app.dispatch('patients.create', { patient: patientInput({ lastName, firstName: 'Tidy' }), acknowledgeDuplicates: true });
      if (!made.ok) throw new Error(JSON.stringify(made.error));
    }
    expect(await segments('patient_search')).toBeGreaterThan(1);
    expect(await segments('patient_search_later')).toBeGreaterThan(1);
    const before = await answers();
    await app.services.patients.tidyIndex();
    expect([await segments('patient_search'), await segments('patient_search_later')]).toEqual([1, 1]);
    expect(await answers()).toEqual(before);
    await app.db.raw('DELETE FROM bench_naive');
    await app.db.raw('INSERT INTO bench_naive SELECT last, given, phone, dob, status, sort_key, patient_id FROM patient_search');
    for (const [i, query] of queries.entries()) expect(before[i], query).toEqual(await likeSearch(app.db, query, 20));
    // Nothing to merge: nothing rewritten, so the one segment keeps its number.
    const numbered = () => app.db.raw('SELECT DISTINCT id >> 37 AS segment FROM patient_search_data WHERE id >> 37 > 0');
    const merged = await numbered();
    await app.services.patients.tidyIndex();
    expect(await numbered()).toEqual(merged);
  });

  it('reads a page, its phone numbers, its consent mark and the archived count in one statement, even when nothing active matches', async () => {
    // Someone archived whom nobody active shares a name with.
    const made = await app.dispatch('patients.create', { patient: patientInput({ lastName: 'Quenneville', firstName: 'Zéphirine' }), acknowledgeDuplicates: true });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const { id, updatedAt } = made.value as Patient;
    const archived = await app.dispatch('patients.archive', { id, reason: 'Moved away', expectedUpdatedAt: updatedAt });
    if (!archived.ok) throw new Error(JSON.stringify(archived.error));
    // Each statement is a trip to SQLite's thread and back, which under load waits for a core.
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    app.db.on('query', listen);
    try {
      // [typed, with archived, results and archived count expected (when known here)]
      const cases: Array<[string, boolean, [number, number] | null]> = [
        ['cr', false, null], ['ber', false, null], ['reyes 604', false, null], ['604 555', true, null],
        ['quenneville', false, [0, 1]], ['quenneville', true, [1, 0]], ['zzzq', false, [0, 0]],
      ];
      for (const [query, includeArchived, expected] of cases) {
        statements.length = 0;
        const r = await app.dispatch('patients.search', { query, includeArchived });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        // The consent mark's facts included (main/consent/needs-forms.ts, factsColumn).
        expect(statements, query).toHaveLength(1);
        const { results, archivedMatches } = r.value as { results: unknown[]; archivedMatches: number };
        if (expected) expect([results.length, archivedMatches], query).toEqual(expected);
      }
    } finally {
      app.db.off('query', listen);
    }
  });
});
