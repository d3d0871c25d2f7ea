import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { openDatabase } from '../../main/db/connection';
import { migrations, migrateToLatest, migrateUpTo } from '../../main/db/migrations';
import { createPatientService } from '../../main/patients/service';
import { patientInput } from '../support/fixtures';
import { verifyChain } from '../../main/audit/verify';
import { genesisHash } from '../../main/audit/chain';
import { appendAudit } from '../../main/audit/log';

/**
 * Each migration, run the way a clinic meets it: a database file already holding that
 * version's data, upgraded to the latest version. Seeds are raw inserts in the schema of
 * the version before, written out literally, so later changes to the services cannot
 * quietly change what "old data" looks like.
 */

let dir: string;
let file: string;
let db: Knex;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-migrations-'));
  file = path.join(dir, 'rapport.sqlite3');
  db = openDatabase(file);
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const names = migrations.map(([name]) => name);

async function applied(q: Knex = db): Promise<string[]> {
  return (await q('knex_migrations').orderBy('id').pluck('name')) as string[];
}

async function tableNames(): Promise<string[]> {
  const all = (await db('sqlite_master').where({ type: 'table' }).orderBy('name').pluck('name')) as string[];
  return all.filter((n) => !n.startsWith('sqlite_'));
}

/** Rows of the given tables, sorted, as comparable text. */
async function rowsOf(tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    out[t] = ((await db.select('*').from(t)) as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Whole-database picture: schema and every table's rows. */
async function everything() {
  const schema = ((await db('sqlite_master').select('type', 'name', 'tbl_name', 'sql')) as unknown[]).map((r) => JSON.stringify(r)).sort();
  const tables = (await db('sqlite_master').where({ type: 'table' }).pluck('name')) as string[];
  return { schema, rows: await rowsOf(tables) };
}

// ------------------------------------------------------------------ seeds per version

/** "6045550142" → its suffixes of 3 or more digits, as the 001 search index stored them. */
function suffixes(...numbers: string[]): string {
  const out: string[] = [];
  for (const n of numbers) {
    const d = n.replace(/\D+/g, '');
    for (let i = 0; i + 3 <= d.length; i++) if (!out.includes(d.slice(i))) out.push(d.slice(i));
  }
  return out.join(' ');
}

/** Three patients as version 001 kept them: one plain, one with two phones, one archived. */
const v001Patients = [
  {
    patient: {
      id: '3f8e6c1a-2b4d-4e5f-9a0b-1c2d3e4f5a6b',
      first_name: 'Zoë',
      last_name: "O'Brien-Müller",
      preferred_name: 'Zo',
      pronouns: 'she/her',
      date_of_birth: '1985-03-14',
      email: 'zoe@example.org',
      address: JSON.stringify({ line1: '12 Harbour St', line2: '', city: 'Vancouver', region: 'BC', postalCode: 'V6B 1A1', country: 'Canada' }),
      emergency_contact: JSON.stringify({ name: 'Sam Müller', relationship: 'partner', phone: '604 555 0199' }),
      family_physician: JSON.stringify({ name: 'Dr. Amira Haddad', clinic: 'Harbour Family Practice', phone: '604-555-0110' }),
      preferred_contact: 'phone',
      language: 'English',
      notes: 'Left shoulder, since March.',
      sort_key: 'o brien muller\u0001zoe',
      search_rowid: 11,
      created_at: '2024-01-09T16:20:05.120Z',
      updated_at: '2024-02-01T09:00:00.000Z',
      archived_at: null,
      archive_reason: '',
    },
    phones: [{ position: 0, label: 'mobile', number: '(604) 555-0142', digits: '6045550142' }],
    search: { rowid: 11, last: 'o brien muller obrienmuller', given: 'zoe zo', phone: suffixes('6045550142'), dob: '1985 198503 19850314', status: 'active', sort_key: 'o brien muller\u0001zoe' },
  },
  {
    patient: {
      id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      first_name: 'Łukasz',
      last_name: 'Wójcik',
      preferred_name: '',
      pronouns: '',
      date_of_birth: '1979-11-02',
      email: '',
      address: JSON.stringify({ line1: '88 Fort St', line2: 'Apt 4', city: 'Victoria', region: 'BC', postalCode: 'V8W 1H8', country: 'Canada' }),
      emergency_contact: '{}',
      family_physician: '{}',
      preferred_contact: 'text',
      language: 'Polish',
      notes: '',
      sort_key: 'wojcik\u0001lukasz',
      search_rowid: 12,
      created_at: '2024-01-10T18:45:00.000Z',
      updated_at: '2024-01-10T18:45:00.000Z',
      archived_at: null,
      archive_reason: '',
    },
    phones: [
      { position: 0, label: 'mobile', number: '250 555 7781', digits: '2505557781' },
      { position: 1, label: 'work', number: '+1 250-555-0123 ext 4', digits: '125055501234' },
    ],
    search: { rowid: 12, last: 'wojcik', given: 'lukasz', phone: suffixes('2505557781', '125055501234'), dob: '1979 197911 19791102', status: 'active', sort_key: 'wojcik\u0001lukasz' },
  },
  {
    patient: {
      id: 'c0ffee00-1234-4abc-8def-0123456789ab',
      first_name: 'Thị Minh',
      last_name: 'Nguyễn',
      preferred_name: '',
      pronouns: '',
      date_of_birth: '1992-07-30',
      email: 'minh@example.org',
      address: '{}',
      emergency_contact: '{}',
      family_physician: '{}',
      preferred_contact: 'email',
      language: 'Vietnamese',
      notes: '',
      sort_key: 'nguyen\u0001thi minh',
      search_rowid: 13,
      created_at: '2023-11-30T23:59:59.999Z',
      updated_at: '2024-03-05T12:00:00.000Z',
      archived_at: '2024-03-05T12:00:00.000Z',
      archive_reason: 'Moved to Calgary',
    },
    phones: [],
    search: { rowid: 13, last: 'nguyen', given: 'thi minh thiminh', phone: '', dob: '1992 199207 19920730', status: 'archived', sort_key: 'nguyen\u0001thi minh' },
  },
];

async function seedV001(q: Knex) {
  for (const p of v001Patients) {
    await q('patient_search').insert({ ...p.search, patient_id: p.patient.id });
    await q('patients').insert(p.patient);
    for (const ph of p.phones) await q('patient_phones').insert({ patient_id: p.patient.id, ...ph });
  }
}

/**
 * What to check when upgrading *to* each migration from the version before it, with data.
 * A new migration needs an entry here (see the coverage test below).
 */
const upgrades: Record<
  string,
  {
    seed(q: Knex): Promise<void>;
    verify(q: Knex): Promise<void>;
    /** Tables the migration is meant to rewrite; every other existing row must come through as it was. */
    rewrites?: string[];
  }
> = {
  '002_audit': {
    seed: seedV001,
    async verify(q) {
      const events = await q('audit_events').orderBy('seq').select('*');
      expect(events).toHaveLength(v001Patients.length);
      for (const { patient } of v001Patients) {
        const mine = events.filter((e) => e.entity_id === patient.id);
        expect(mine, patient.first_name).toEqual([
          {
            seq: expect.any(Number),
            id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
            at: patient.created_at,
            actor: null,
            action: 'patient.created',
            entity: 'patient',
            entity_id: patient.id,
            detail: expect.any(String),
            // Chained by 007, when it came.
            prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
            hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
        ]);
        expect(JSON.parse(mine[0].detail)).toEqual({ backfilled: true });
      }
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      // Append-only, enforced by SQLite itself, whatever the caller.
      const before = JSON.stringify(await q('audit_events').orderBy('seq'));
      await expect(q('audit_events').update({ action: 'patient.deleted' })).rejects.toThrow(/audit events cannot be changed/);
      await expect(q('audit_events').where({ entity_id: v001Patients[0].patient.id }).update({ detail: '{}' })).rejects.toThrow(
        /audit events cannot be changed/,
      );
      await expect(q.raw('UPDATE audit_events SET at = ? WHERE seq = 1', ['1999-01-01T00:00:00.000Z'])).rejects.toThrow(/cannot be changed/);
      await expect(q('audit_events').delete()).rejects.toThrow(/audit events cannot be deleted/);
      await expect(q('audit_events').where({ seq: 1 }).delete()).rejects.toThrow(/audit events cannot be deleted/);
      await expect(q.raw('DELETE FROM audit_events WHERE 1')).rejects.toThrow(/cannot be deleted/);
      expect(JSON.stringify(await q('audit_events').orderBy('seq'))).toBe(before);

      // The services work on the upgraded data and keep appending to the log.
      const patients = createPatientService({ db: q, now: () => new Date('2024-06-01T10:00:00.000Z'), newId: randomUUID });
      const found = await patients.search({ query: 'lukasz', includeArchived: false, limit: 20 });
      expect(found).toMatchObject({ ok: true, value: { results: [{ id: v001Patients[1].patient.id, phone: '250 555 7781' }] } });
      const archivedFound = await patients.search({ query: 'nguyen', includeArchived: true, limit: 20 });
      expect(archivedFound).toMatchObject({ ok: true, value: { results: [{ id: v001Patients[2].patient.id }] } });
      const zoe = await patients.get({ id: v001Patients[0].patient.id });
      expect(zoe).toMatchObject({ ok: true, value: { firstName: 'Zoë', address: { city: 'Vancouver' }, phones: [{ label: 'mobile', number: '(604) 555-0142' }] } });
      const edited = await patients.update({
        id: v001Patients[0].patient.id,
        expectedUpdatedAt: '2024-02-01T09:00:00.000Z',
        patient: patientInput({ preferredName: 'Zo', notes: 'Right shoulder now.' }),
      });
      expect(edited).toMatchObject({ ok: true, value: { notes: 'Right shoulder now.', updatedAt: '2024-06-01T10:00:00.000Z' } });
      expect(await q('audit_events').where({ entity_id: v001Patients[0].patient.id }).orderBy('seq').pluck('action')).toEqual([
        'patient.created',
        'patient.updated',
      ]);
    },
  },
  '003_consent': {
    seed: seedV001,
    async verify(q) {
      expect(await q('consent_templates').count({ n: '*' })).toEqual([{ n: 0 }]);
      expect(await q('consents').count({ n: '*' })).toEqual([{ n: 0 }]);
      const template = {
        id: '0e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', kind: 'treatment', version: 1, source: 'test', choices: '[]',
        locales: '{}', material: false, change_note: '', created_at: '2024-06-01T10:00:00.000Z',
      };
      await q('consent_templates').insert(template);
      // Versions of one kind are unique: a second version 1 is refused.
      await expect(q('consent_templates').insert({ ...template, id: '1e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11' })).rejects.toThrow(/UNIQUE/);
      const consent = {
        id: '2e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', patient_id: v001Patients[0].patient.id, template_id: template.id, kind: 'treatment',
        locale: 'en-CA', choices: '[]', method: 'paper', signer_name: 'Zoë', signed_at: '2024-06-01T10:00:00.000Z',
        explained_by: 'Priya', recorded_at: '2024-06-01T10:00:00.000Z', snapshot: '{}', pdf_sha256: 'ab',
      };
      await q('consents').insert(consent);
      // A consent belongs to a patient on file: foreign keys are on.
      await expect(q('consents').insert({ ...consent, id: '3e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', patient_id: '99999999-9999-4999-8999-999999999999' })).rejects.toThrow(/FOREIGN KEY/);
      expect(await q('consents').where({ patient_id: v001Patients[0].patient.id }).first()).toMatchObject({ withdrawn_at: null, withdrawn_reason: '' });
    },
  },
  '004_app_state': {
    seed: seedV001,
    async verify(q) {
      expect(await q('app_state').count({ n: '*' })).toEqual([{ n: 0 }]);
      await q('app_state').insert({ key: 'patient_mode', value: 'null', updated_at: '2024-06-01T10:00:00.000Z' });
      // One value per key.
      await expect(q('app_state').insert({ key: 'patient_mode', value: '{}', updated_at: '2024-06-01T10:00:01.000Z' })).rejects.toThrow(/UNIQUE|PRIMARY/);
    },
  },
  '006_consent_signer': {
    seed: async (q) => {
      await seedV001(q);
      await q('consent_templates').insert({
        id: '0e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', kind: 'treatment', version: 1, source: 'test', choices: '[]',
        locales: '{}', material: false, change_note: '', created_at: '2024-06-01T10:00:00.000Z',
      });
      await q('consents').insert({
        id: '2e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', patient_id: v001Patients[0].patient.id, template_id: '0e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11',
        kind: 'treatment', locale: 'en-CA', choices: '[]', method: 'paper', signer_name: 'Zoë', signed_at: '2024-06-01T10:00:00.000Z',
        explained_by: 'Priya', recorded_at: '2024-06-01T10:00:00.000Z', snapshot: '{}', pdf_sha256: 'ab',
      });
    },
    // The consents table gains a column; its old values are checked below instead.
    rewrites: ['consents'],
    async verify(q) {
      // A consent recorded before substitutes existed was signed by the patient.
      expect(await q('consents').first()).toMatchObject({ id: '2e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', signer_name: 'Zoë', signer_relationship: 'self', pdf_sha256: 'ab' });
      await q('consents').insert({
        id: '3e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11', patient_id: v001Patients[0].patient.id, template_id: '0e7c7f4e-5a39-4c55-9a0b-3f1f0d8f6a11',
        kind: 'treatment', locale: 'en-CA', choices: '[]', method: 'paper', signer_name: 'Anne Martin', signer_relationship: 'parent',
        signed_at: '2024-06-02T10:00:00.000Z', explained_by: 'Priya', recorded_at: '2024-06-02T10:00:00.000Z', snapshot: '{}', pdf_sha256: 'cd',
      });
      expect(await q('consents').where({ signer_relationship: 'parent' }).pluck('signer_name')).toEqual(['Anne Martin']);
      },
    },
  '007_staff': {
    async seed(q) {
      await seedV001(q);
      // Audit rows as 002 to 004 wrote them: no hashes yet.
      for (const [i, { patient }] of v001Patients.entries()) {
        await q('audit_events').insert({
          id: `0000000${i}-5a39-4c55-9a0b-3f1f0d8f6a11`, at: `2024-03-0${i + 1}T10:00:00.000Z`, actor: null,
          action: 'patient.updated', entity: 'patient', entity_id: patient.id, detail: '{"fields":["notes"]}',
        });
      }
    },
    // Gains the two hash columns; every old value must come through (checked below).
    rewrites: ['audit_events'],
    async verify(q) {
      expect(await q('staff').count({ n: '*' })).toEqual([{ n: 0 }]);
      const events = await q('audit_events').orderBy('seq').select('*');
      expect(events.map(({ seq, id, at, actor, action, entity_id, detail }) => ({ seq, id, at, actor, action, entity_id, detail }))).toEqual(
        v001Patients.map(({ patient }, i) => ({
          seq: i + 1, id: `0000000${i}-5a39-4c55-9a0b-3f1f0d8f6a11`, at: `2024-03-0${i + 1}T10:00:00.000Z`, actor: null,
          action: 'patient.updated', entity_id: patient.id, detail: '{"fields":["notes"]}',
        })),
      );
      // Every old row is in one chain, verified from the start.
      expect(await verifyChain(q)).toMatchObject({ ok: true, checked: 3, firstBroken: null });
      expect(events[0].prev_hash).toBe(genesisHash);
      for (let i = 1; i < events.length; i++) expect(events[i].prev_hash).toBe(events[i - 1].hash);
      // The triggers are back as they were: the new columns cannot be rewritten either.
      await expect(q('audit_events').update({ hash: 'x' })).rejects.toThrow(/audit events cannot be changed/);
      await expect(q('audit_events').delete()).rejects.toThrow(/audit events cannot be deleted/);
      // New rows join the chain.
      await q.transaction((trx) => appendAudit(trx, randomUUID, { at: '2024-06-01T10:00:00.000Z', action: 'patient.viewed', entity: 'patient', entityId: v001Patients[0].patient.id }));
      expect(await verifyChain(q)).toMatchObject({ ok: true, checked: 4 });
    },
  },
  '008_audit_no_replace': {
    async seed(q) {
      await seedV001(q);
      await q('audit_events').insert({ id: 'a8e0c1d2-0000-4000-8000-000000000001', at: '2024-06-01T10:00:00.000Z', action: 'patient.updated', entity: 'patient', entity_id: v001Patients[0].patient.id, detail: '{}' });
    },
    async verify(q) {
      // The events already there stay readable; new ones append; none can be written over.
      expect(await q('audit_events').where({ id: 'a8e0c1d2-0000-4000-8000-000000000001' }).first()).toMatchObject({ action: 'patient.updated' });
      await q('audit_events').insert({ id: 'a8e0c1d2-0000-4000-8000-000000000002', at: '2024-06-01T10:00:01.000Z', action: 'patient.archived', entity: 'patient', entity_id: v001Patients[0].patient.id });
      await expect(
        q.raw(`INSERT OR REPLACE INTO audit_events (id, at, action, entity, entity_id) VALUES ('a8e0c1d2-0000-4000-8000-000000000001', 'x', 'forged', 'patient', 'x')`),
      ).rejects.toThrow(/cannot be replaced/);
    },
  },
};

upgrades['010_intake'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000010', name: 'Priya Natarajan', initials: 'PN', roles: '["admin"]', secret_hash: 'scrypt$x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
  },
  async verify(q) {
    // The new tables start empty and take a version against a template, a review against a version.
    expect(await q('intake_templates').count({ n: '*' })).toEqual([{ n: 0 }]);
    const patientId = v001Patients[0].patient.id;
    const staffId = 'b1c2d3e4-0000-4000-8000-000000000010';
    await q('intake_templates').insert({ id: 't1', version: 1, source: 's', questions: '[]', locales: '{}', created_at: '2026-01-02T00:00:00.000Z' });
    const version = { patient_id: patientId, version: 1, template_id: 't1', locale: 'en-CA', questions: '[]', answers: '{}', filled_by: 'staff', recorded_by: staffId, recorded_at: '2026-01-02T00:00:00.000Z' };
    await q('intakes').insert({ id: 'i1', ...version });
    await q('intake_reviews').insert({ id: 'r1', patient_id: patientId, intake_id: 'i1', reviewed_by: staffId, reviewed_at: '2026-02-02T00:00:00.000Z' });
    // One version n per patient, and only against a template and a staff member that exist.
    await expect(q('intakes').insert({ id: 'i2', ...version })).rejects.toThrow(/UNIQUE/);
    await expect(q('intakes').insert({ id: 'i3', ...version, version: 2, recorded_by: 'nobody' })).rejects.toThrow(/FOREIGN KEY/);
  },
};

upgrades['011_followups'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000011', name: 'Amélie Tremblay', initials: 'AT', roles: '["therapist"]', secret_hash: 'x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
    await q('rooms').insert({ id: 'r1', name: 'Room 1' });
    await q('appointment_types').insert({ id: 'ty1', name: 'Massage', minutes: 60 });
    await q('appointments').insert({
      id: 'v1', patient_id: v001Patients[0].patient.id, therapist_id: 'b1c2d3e4-0000-4000-8000-000000000011', room_id: 'r1', type_id: 'ty1',
      starts_at: '2026-03-02T14:00:00.000Z', ends_at: '2026-03-02T15:00:00.000Z', status: 'checked_out', scheduled_at: '2026-03-01T10:00:00.000Z', created_at: '2026-03-01T10:00:00.000Z', updated_at: '2026-03-02T15:00:00.000Z',
    });
  },
  async verify(q) {
    // The clinic starts with the default rules.
    expect(await q('followup_rules').orderBy('id').select('id', 'delay_days', 'enabled')).toEqual([
      { id: 'alliance_checkin', delay_days: 1, enabled: 1 },
      { id: 'first_visit_call', delay_days: 2, enabled: 1 },
      { id: 'homecare_adherence', delay_days: 7, enabled: 1 },
      { id: 'lapsed', delay_days: 60, enabled: 1 },
    ]);
    // A visit already checked out can be the source of a follow-up, once per rule.
    const patientId = v001Patients[0].patient.id;
    const row = { patient_id: patientId, kind: 'call', rule_id: 'first_visit_call', source_id: 'v1', source_visit_id: 'v1', due_day: '2026-03-04', created_at: '2026-03-02T15:00:00.000Z' };
    await q('follow_ups').insert({ id: 'f1', ...row });
    await expect(q('follow_ups').insert({ id: 'f2', ...row })).rejects.toThrow(/UNIQUE/);
    await expect(q('follow_ups').insert({ id: 'f3', ...row, rule_id: 'x', patient_id: 'nobody' })).rejects.toThrow(/FOREIGN KEY/);
    await q('contact_attempts').insert({ id: 'a1', follow_up_id: 'f1', patient_id: patientId, channel: 'phone', outcome: 'voicemail', at: '2026-03-04T15:00:00.000Z' });
    await q('goals').insert({ id: 'g1', patient_id: patientId, words: 'Garden without pain', set_on: '2026-03-02', status: 'active', created_at: 'x', updated_at: 'x' });
    expect(await q('follow_ups').where({ status: 'open' }).pluck('id')).toEqual(['f1']);
  },
};

// check-ins
upgrades['012_checkin'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000012', name: 'Amélie Tremblay', initials: 'AT', roles: '["therapist"]', secret_hash: 'scrypt$x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
  },
  async verify(q) {
    // The new tables start empty; a check-in points at a version, its answers keep the wording, a task at the check-in.
    expect(await q('questionnaires').count({ n: '*' })).toEqual([{ n: 0 }]);
    const patientId = v001Patients[0].patient.id;
    const staffId = 'b1c2d3e4-0000-4000-8000-000000000012';
    await q('questionnaires').insert({ id: 'q1', key: 'ours', version: 1, definition: '{}', created_at: '2026-01-02T00:00:00.000Z' });
    await expect(q('questionnaires').insert({ id: 'q2', key: 'ours', version: 1, definition: '{}', created_at: '2026-01-02T00:00:00.000Z' })).rejects.toThrow(/UNIQUE/);
    const checkin = { patient_id: patientId, questionnaire_id: 'q1', locale: 'fr-CA', taken_by: 'phone', recorded_by: staffId, taken_at: '2026-01-03T00:00:00.000Z', scores: '[]' };
    await q('checkins').insert({ id: 'c1', ...checkin });
    await expect(q('checkins').insert({ id: 'c2', ...checkin, questionnaire_id: 'nope' })).rejects.toThrow(/FOREIGN KEY/);
    await q('checkin_answers').insert({ checkin_id: 'c1', item_id: 'trust', theme: 'connectedness', text: 'Je me sens à l’aise', value: 2 });
    await expect(q('checkin_answers').insert({ checkin_id: 'c1', item_id: 'trust', theme: 'connectedness', text: 'x', value: 3 })).rejects.toThrow(/UNIQUE/);
    await q('therapist_tasks').insert({ id: 't1', therapist_id: null, patient_id: patientId, checkin_id: 'c1', reasons: '[]', status: 'open', created_at: '2026-01-03T00:00:00.000Z' });
    await expect(q('therapist_tasks').insert({ id: 't2', therapist_id: 'nobody', patient_id: patientId, checkin_id: 'c1', reasons: '[]', status: 'open', created_at: '2026-01-03T00:00:00.000Z' })).rejects.toThrow(/FOREIGN KEY/);
  },
};

// day
upgrades['013_checklist'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000013', name: 'Priya Natarajan', initials: 'PN', roles: '["admin"]', secret_hash: 'scrypt$x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
    await q('rooms').insert({ id: 'r13', name: 'Room 1' });
    await q('appointment_types').insert({ id: 't13', name: 'Massage', minutes: 60, consent_forms: '[]' });
    await q('appointments').insert({
      id: 'a13', patient_id: v001Patients[0].patient.id, therapist_id: 'b1c2d3e4-0000-4000-8000-000000000013', room_id: 'r13', type_id: 't13', starts_at: '2026-07-16T14:00:00.000Z', ends_at: '2026-07-16T15:00:00.000Z',
      status: 'booked', scheduled_at: '2026-07-01T10:00:00.000Z', created_at: '2026-07-01T10:00:00.000Z', updated_at: '2026-07-01T10:00:00.000Z',
    });
  },
  async verify(q) {
    // The visit already booked is there to tick for; the clinic starts with the four items, in both languages.
    const items = await q('checklist_items').orderBy('position').select('id', 'en', 'fr', 'active');
    expect(items.map((i) => i.active)).toEqual([1, 1, 1, 1]);
    expect(items[0].fr).toMatch(/désinfectée/);
    const tick = { appointment_id: 'a13', room_id: 'r13', item_id: items[0].id, item_text: items[0].en, ticked_by: 'b1c2d3e4-0000-4000-8000-000000000013', ticked_at: '2026-07-16T13:55:00.000Z' };
    await q('checklist_ticks').insert({ id: 'k1', ...tick });
    await expect(q('checklist_ticks').insert({ id: 'k2', ...tick })).rejects.toThrow(/UNIQUE/);
    await expect(q('checklist_ticks').insert({ id: 'k3', ...tick, item_id: items[1].id, appointment_id: 'nope' })).rejects.toThrow(/FOREIGN KEY/);
  },
};

// dashboard
upgrades['014_dashboard'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000014', name: 'Priya Natarajan', initials: 'PN', roles: '["admin"]', secret_hash: 'scrypt$x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
    await q('rooms').insert({ id: 'r14', name: 'Room 1' });
    await q('appointment_types').insert({ id: 't14', name: 'Massage', minutes: 60, consent_forms: '[]' });
    const visit = { patient_id: v001Patients[0].patient.id, therapist_id: 'b1c2d3e4-0000-4000-8000-000000000014', room_id: 'r14', type_id: 't14', ends_at: '2026-07-16T15:00:00.000Z', scheduled_at: '2026-07-01T10:00:00.000Z', created_at: '2026-07-01T10:00:00.000Z', updated_at: '2026-07-01T10:00:00.000Z' };
    await q('appointments').insert([
      { id: 'a14', ...visit, starts_at: '2026-07-16T14:00:00.000Z', status: 'checked_out' },
      { id: 'b14', ...visit, starts_at: '2026-07-02T14:00:00.000Z', status: 'cancelled' },
    ]);
  },
  async verify(q) {
    // Only indexes: the visits are as they were, and the dashboard's read of them uses the new one.
    expect(await q('appointments').orderBy('starts_at').pluck('status')).toEqual(['cancelled', 'checked_out']);
    const plan = (await q.raw("EXPLAIN QUERY PLAN SELECT patient_id, MIN(starts_at) FROM appointments WHERE status IN ('checked_in', 'checked_out') GROUP BY patient_id")) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX appointments_visits/);
    expect(await q.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'adherence_recorded'")).toEqual([{ name: 'adherence_recorded' }]);
  },
};
// alliance summary
upgrades['015_alliance_summaries'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'b1c2d3e4-0000-4000-8000-000000000015', name: 'Marc Tremblay', initials: 'MT', roles: '["reception"]', secret_hash: 'scrypt$x', secret_kind: 'pin', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
  },
  async verify(q) {
    // The patients already there can have a summary; it names a real patient and staff member.
    const row = { patient_id: v001Patients[0].patient.id, locale: 'fr-CA', sha256: 'a'.repeat(64), made_by: 'b1c2d3e4-0000-4000-8000-000000000015', made_at: '2026-08-01T15:00:00.000Z' };
    await q('alliance_summaries').insert({ id: 's1', ...row });
    await expect(q('alliance_summaries').insert({ id: 's2', ...row, patient_id: 'nobody' })).rejects.toThrow(/FOREIGN KEY/);
    await expect(q('alliance_summaries').insert({ id: 's3', ...row, made_by: 'nobody' })).rejects.toThrow(/FOREIGN KEY/);
    expect(await q('alliance_summaries').pluck('id')).toEqual(['s1']);
  },
};
// one index for a patient's visits
upgrades['016_one_visits_index'] = {
  seed: (q) => upgrades['014_dashboard'].seed(q),
  async verify(q) {
    // A patient's visits in order are read through 014's index; 009's is gone.
    expect(await q('appointments').orderBy('starts_at').pluck('id')).toEqual(['b14', 'a14']);
    const plan = (await q.raw("EXPLAIN QUERY PLAN SELECT id FROM appointments WHERE patient_id = 'p' ORDER BY starts_at")) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX appointments_visits/);
    expect(await q.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'appointments_patient'")).toEqual([]);
  },
};

upgrades['018_dashboard_totals'] = {
  async seed(q) {
    await upgrades['014_dashboard'].seed(q);
    const staffId = 'b1c2d3e4-0000-4000-8000-000000000014';
    await q('appointments').insert({
      id: 'c14', patient_id: v001Patients[0].patient.id, therapist_id: staffId, room_id: 'r14', type_id: 't14', starts_at: '2026-07-30T14:00:00.000Z', ends_at: '2026-07-30T15:00:00.000Z',
      status: 'checked_in', scheduled_at: '2026-07-01T10:00:00.000Z', created_at: '2026-07-01T10:00:00.000Z', updated_at: '2026-07-01T10:00:00.000Z',
    });
    await q('questionnaires').insert({ id: 'q18', key: 'ours', version: 1, definition: '{}', created_at: '2026-01-02T00:00:00.000Z' });
    const checkin = { patient_id: v001Patients[0].patient.id, questionnaire_id: 'q18', locale: 'en-CA', taken_by: 'phone', recorded_by: staffId, scores: '[{"theme":"goals","score":4}]' };
    // One after a visit took place (about its therapist), one before any (about no one yet).
    await q('checkins').insert([
      { id: 'k18', ...checkin, taken_at: '2026-07-20T18:00:00.000Z' },
      { id: 'j18', ...checkin, taken_at: '2026-07-01T18:00:00.000Z' },
    ]);
    await q('follow_ups').insert({ id: 'e18', patient_id: v001Patients[0].patient.id, kind: 'manual', rule_id: 'manual', source_id: 'e18', due_day: '2026-07-21', reason: 'Call', status: 'done', created_at: '2026-07-20T18:00:00.000Z' });
  },
  rewrites: ['checkins'],
  async verify(q) {
    const patientId = v001Patients[0].patient.id;
    const firsts = () => q('first_visits').select('patient_id', 'first_at', 'next_at');
    // The first visit that took place and the next; the cancelled one earlier does not count.
    expect(await firsts()).toEqual([{ patient_id: patientId, first_at: '2026-07-16T14:00:00.000Z', next_at: '2026-07-30T14:00:00.000Z' }]);
    expect(await q('checkins').orderBy('id').select('id', 'therapist_id')).toEqual([
      { id: 'j18', therapist_id: null },
      { id: 'k18', therapist_id: 'b1c2d3e4-0000-4000-8000-000000000014' },
    ]);
    // The triggers follow every write to the visits, by any path.
    await q('appointments').where({ id: 'a14' }).update({ status: 'cancelled' });
    expect(await firsts()).toEqual([{ patient_id: patientId, first_at: '2026-07-30T14:00:00.000Z', next_at: null }]);
    await q('appointments').where({ id: 'b14' }).update({ status: 'checked_out' });
    expect(await firsts()).toEqual([{ patient_id: patientId, first_at: '2026-07-02T14:00:00.000Z', next_at: '2026-07-30T14:00:00.000Z' }]);
    await q('appointments').where({ id: 'c14' }).update({ starts_at: '2026-06-30T14:00:00.000Z' });
    expect(await firsts()).toEqual([{ patient_id: patientId, first_at: '2026-06-30T14:00:00.000Z', next_at: '2026-07-02T14:00:00.000Z' }]);
    await q('appointments').whereIn('id', ['b14', 'c14']).delete();
    expect(await firsts()).toEqual([]);
    // Follow-ups due per day and status: those already there, then each as it is written.
    await q('follow_ups').insert([
      { id: 'f18', patient_id: patientId, kind: 'manual', rule_id: 'manual', source_id: 'f18', due_day: '2026-07-22', reason: 'Call', status: 'open', created_at: '2026-07-20T18:00:00.000Z' },
      { id: 'g18', patient_id: patientId, kind: 'manual', rule_id: 'manual', source_id: 'g18', due_day: '2026-07-22', reason: 'Call', status: 'open', created_at: '2026-07-20T18:00:00.000Z' },
    ]);
    await q('follow_ups').where({ id: 'g18' }).update({ status: 'done' });
    await q('follow_ups').where({ id: 'f18' }).update({ due_day: '2026-07-23' });
    const due = () => q('follow_up_days').where('n', '>', 0).orderBy(['due_day', 'status']).select('due_day', 'status', 'n');
    expect(await due()).toEqual([
      { due_day: '2026-07-21', status: 'done', n: 1 },
      { due_day: '2026-07-22', status: 'done', n: 1 },
      { due_day: '2026-07-23', status: 'open', n: 1 },
    ]);
    await q('follow_ups').whereIn('id', ['e18', 'g18']).delete();
    expect(await due()).toEqual([{ due_day: '2026-07-23', status: 'open', n: 1 }]);
    // The per-day check-in totals start empty: they need the clinic's time zone, which the settings hold.
    expect(await q('checkin_theme_days').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await q('checkin_therapist_days').count({ n: '*' })).toEqual([{ n: 0 }]);
  },
};

/**
 * Version 004 as the rowid-coded index kept it: the three patients above, plus a name
 * with particles whose coded rowid is near 2^53 (the block code's top).
 */
const v004Particles = {
  patient: {
    ...v001Patients[0].patient,
    id: 'd1a2b3c4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    first_name: 'Inés',
    last_name: 'de la Cruz',
    preferred_name: '',
    sort_key: 'de la cruz\u0001ines',
    search_rowid: 9007199254736896,
  },
  search: { rowid: 9007199254736896, last: 'de la cruz delacruz', given: 'ines', phone: '', dob: '1985 198503 19850314', status: 'active', sort_key: 'de la cruz\u0001ines' },
};

async function seedV004(q: Knex) {
  await seedV001(q);
  await q('patient_search').insert({ ...v004Particles.search, patient_id: v004Particles.patient.id });
  await q('patients').insert(v004Particles.patient);
}

upgrades['005_plain_search'] = {
  seed: seedV004,
  rewrites: ['patients', 'patient_search'],
  async verify(q) {
    const seeded = [...v001Patients.map((p) => p.patient), v004Particles.patient];
    // Every patient column as it was, but search_rowid: renumbered 1… in name order.
    const rows = (await q('patients').orderBy('search_rowid')) as Array<Record<string, unknown>>;
    const inNameOrder = [...seeded].sort((a, b) => (a.sort_key < b.sort_key ? -1 : 1));
    expect(rows).toEqual(inNameOrder.map((p, i) => ({ ...p, search_rowid: i + 1 })));
    // One search row per patient at that rowid, rebuilt from the record: the particles
    // are indexed joined from each word on, the phones and the archived state kept.
    const search = (await q.raw('SELECT rowid, * FROM patient_search ORDER BY rowid')) as Array<Record<string, unknown>>;
    expect(search.map((r) => [r.rowid, r.patient_id])).toEqual(rows.map((r) => [r.search_rowid, r.id]));
    expect(search.find((r) => r.patient_id === v004Particles.patient.id)).toMatchObject({ last: 'de la cruz delacruz lacruz', status: 'active' });
    for (const { patient, search: old } of v001Patients) {
      const { rowid: _rowid, ...rest } = old;
      expect(search.find((r) => r.patient_id === patient.id)).toMatchObject({ ...rest, last: expect.stringContaining(old.last) });
    }
    expect(search.find((r) => r.patient_id === v001Patients[0].patient.id)?.last).toBe('o brien muller obrienmuller brienmuller');

    const patients = createPatientService({ db: q, now: () => new Date('2024-06-01T10:00:00.000Z'), newId: randomUUID });
    const ids = async (query: string, includeArchived = false) => {
      const r = await patients.search({ query, includeArchived, limit: 20 });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.results.map((p) => p.id);
    };
    expect(await ids('lacruz')).toEqual([v004Particles.patient.id]);
    expect(await ids('delacruz in')).toEqual([v004Particles.patient.id]);
    expect(await ids('5557781')).toEqual([v001Patients[1].patient.id]);
    expect(await ids('nguyen')).toEqual([]);
    expect(await ids('nguyen', true)).toEqual([v001Patients[2].patient.id]);
    // New records number on from the highest.
    const created = await patients.create({ patient: patientInput({ firstName: 'Ana', lastName: 'Cruz' }), acknowledgeDuplicates: true });
    if (!created.ok) throw new Error(created.error.message);
    expect(await q('patients').where({ id: created.value.id }).first('search_rowid')).toEqual({ search_rowid: 5 });
    expect(await ids('cruz')).toEqual([created.value.id, v004Particles.patient.id]);
  },
};

upgrades['009_appointments'] = {
  async seed(q) {
    await seedV001(q);
    await q('staff').insert({ id: 'c0ffee00-0000-4000-8000-000000000009', name: 'Amélie Tremblay', initials: 'AT', roles: '["therapist"]', secret_hash: 'x', secret_kind: 'pin', created_at: '2024-06-01T10:00:00.000Z', updated_at: '2024-06-01T10:00:00.000Z' });
  },
  async verify(q) {
    // The patients and staff already there can be booked; the references hold.
    const room = { id: 'c0ffee00-0000-4000-8000-0000000000a1', name: 'Room 1' };
    const type = { id: 'c0ffee00-0000-4000-8000-0000000000b1', name: 'Massage', minutes: 60 };
    await q('rooms').insert(room);
    await q('appointment_types').insert(type);
    const visit = {
      id: 'c0ffee00-0000-4000-8000-0000000000c1', patient_id: v001Patients[0].patient.id, therapist_id: 'c0ffee00-0000-4000-8000-000000000009', room_id: room.id, type_id: type.id,
      starts_at: '2024-06-03T14:00:00.000Z', ends_at: '2024-06-03T15:00:00.000Z', status: 'booked', scheduled_at: '2024-06-01T10:00:00.000Z', created_at: '2024-06-01T10:00:00.000Z', updated_at: '2024-06-01T10:00:00.000Z',
    };
    await q('appointments').insert(visit);
    expect(await q('appointment_types').where({ id: type.id }).first('consent_forms', 'active')).toEqual({ consent_forms: '[]', active: 1 });
    await expect(q('appointments').insert({ ...visit, id: 'c0ffee00-0000-4000-8000-0000000000c2', patient_id: 'no-such-patient' })).rejects.toThrow(/FOREIGN KEY/);
    // The day's list reads one index range, not the table.
    const plan = (await q.raw("EXPLAIN QUERY PLAN SELECT id FROM appointments WHERE starts_at >= '2024-06-03' AND starts_at < '2024-06-04'")) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX appointments_day/);
  },
};

/** Version 016: the patients of 001, plus "de la Cruz", archived, indexed as the service wrote it then. */
const v016Cruz = {
  patient: { ...v004Particles.patient, search_rowid: 14, archived_at: '2024-04-01T00:00:00.000Z', archive_reason: 'Moved away' },
  search: { ...v004Particles.search, rowid: 14, last: 'de la cruz delacruz lacruz', status: 'archived', patient_id: v004Particles.patient.id },
};

upgrades['017_search_later_words'] = {
  async seed(q) {
    await seedV001(q);
    await q('patients').insert(v016Cruz.patient);
    await q('patient_search').insert(v016Cruz.search);
  },
  async verify(q) {
    // The later words of every multi-word last name, at the patient's search rowid, archived state kept.
    const zoe = v001Patients[0].patient;
    expect(await q.raw('SELECT rowid, * FROM patient_search_later ORDER BY rowid')).toEqual([
      { rowid: 11, later: 'brien muller obrienmuller brienmuller', status: 'active', patient_id: zoe.id, sort_key: zoe.sort_key },
      { rowid: 14, later: 'la cruz delacruz lacruz', status: 'archived', patient_id: v016Cruz.patient.id, sort_key: v016Cruz.patient.sort_key },
    ]);
    // Given names are put in name order through the new index, not patient_search's rows.
    const plan = (await q.raw('EXPLAIN QUERY PLAN SELECT p.id, p.sort_key FROM patient_search AS s CROSS JOIN patients AS p INDEXED BY patients_search_order ON p.search_rowid = s.rowid WHERE patient_search MATCH ? ORDER BY p.sort_key', ['given : zo*'])) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX patients_search_order/);

    const patients = createPatientService({ db: q, now: () => new Date('2024-06-01T10:00:00.000Z'), newId: randomUUID });
    const search = async (query: string, includeArchived = false) => {
      const r = await patients.search({ query, includeArchived, limit: 20 });
      if (!r.ok) throw new Error(r.error.message);
      return [r.value.results.map((p) => p.id), r.value.archivedMatches];
    };
    expect(await search('muller')).toEqual([[zoe.id], 0]);
    expect(await search('lacruz')).toEqual([[], 1]);
    expect(await search('delacruz', true)).toEqual([[v016Cruz.patient.id], 0]);
    expect(await search('zo')).toEqual([[zoe.id], 0]);
    // A rename keeps the later words in step: "muller" goes, "smith" is found by its first word.
    const before = await patients.get({ id: zoe.id });
    if (!before.ok) throw new Error(before.error.message);
    const renamed = await patients.update({ id: zoe.id, expectedUpdatedAt: before.value.updatedAt, patient: patientInput({ ...before.value, lastName: 'Smith Tanaka' }) });
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(await search('muller')).toEqual([[], 0]);
    expect(await search('tana')).toEqual([[zoe.id], 0]);
    expect(await q('patient_search_later').where({ rowid: 11 }).pluck('later')).toEqual(['tanaka smithtanaka']);
  },
};

// ------------------------------------------------------------------ tests

describe('migrations', () => {
  it('has an upgrade-with-data check for every migration after the first', () => {
    expect(names[0]).toBe('001_patients');
    expect(names.slice(1).filter((n) => !(n in upgrades)), 'add an entry to `upgrades` in migrations.test.ts').toEqual([]);
    expect([...names].sort(), 'migrations are numbered and listed in order').toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('001 from an empty file: the patient tables, and a search index that ignores diacritics', async () => {
    await migrateUpTo(db, '001_patients');
    expect(await applied()).toEqual(['001_patients']);
    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(['patients', 'patient_phones', 'patient_search']));
    expect(tables).not.toContain('audit_events'); // stopped where it was told to

    const { sql } = await db('sqlite_master').where({ name: 'patient_search' }).first('sql');
    expect(sql).toMatch(/CREATE VIRTUAL TABLE patient_search USING fts5\(/);
    expect(sql).toMatch(/tokenize\s*=\s*'unicode61 remove_diacritics 2'/);

    // remove_diacritics 2, not 1: a letter with two marks (ễ) is folded too.
    await db('patient_search').insert({ last: 'Nguyễn', given: 'Zoë', phone: '', dob: '', status: 'active', patient_id: 'x', sort_key: '' });
    expect(await db.raw("SELECT patient_id FROM patient_search WHERE patient_search MATCH 'last : nguyen AND given : zoe'")).toEqual([
      { patient_id: 'x' },
    ]);

    // The patient columns the services rely on, and their defaults.
    const columns = (await db.raw('PRAGMA table_info(patients)')) as Array<{ name: string; notnull: number; dflt_value: string | null }>;
    expect(columns.map((c) => c.name)).toEqual([
      'id', 'first_name', 'last_name', 'preferred_name', 'pronouns', 'date_of_birth', 'email', 'address',
      'emergency_contact', 'family_physician', 'preferred_contact', 'language', 'notes', 'sort_key',
      'search_rowid', 'created_at', 'updated_at', 'archived_at', 'archive_reason',
    ]);
    expect(columns.find((c) => c.name === 'archived_at')?.notnull).toBe(0);
    expect(columns.find((c) => c.name === 'address')?.dflt_value).toBe("'{}'");
  });

  it.each(names.slice(1).map((name, i) => [name, names[i]] as const))(
    '%s: upgrades a database at %s with data in place',
    async (name, previous) => {
      await migrateUpTo(db, previous);
      expect(await applied()).toEqual(names.slice(0, names.indexOf(previous) + 1));
      // A migration without its own check still gets the generic one (old rows survive);
      // the coverage test above asks for the specific one.
      const check = upgrades[name] ?? { seed: seedV001, verify: async () => {} };
      await check.seed(db);
      // Tables this migration or a later one rewrites (an FTS5 table with its shadow
      // tables) are checked by their own entries.
      const rewritten = names.slice(names.indexOf(name)).flatMap((n) => upgrades[n]?.rewrites ?? []);
      const oldTables = (await tableNames()).filter((t) => !t.startsWith('knex_') && !rewritten.some((r) => t === r || t.startsWith(`${r}_`)));
      expect(oldTables).toEqual(expect.arrayContaining(['patient_phones']));
      const before = await rowsOf(oldTables);

      await migrateToLatest(db);
      expect(await applied()).toEqual(names);
      // Nothing that was there is lost or altered.
      expect(await rowsOf(oldTables)).toEqual(before);
      await check.verify(db);
    },
  );

  it('runs every migration in order from an empty file, and again is a no-op', async () => {
    await migrateToLatest(db);
    expect(await applied()).toEqual(names);
    await seedV001(db);
    const once = await everything();
    await migrateToLatest(db);
    await migrateUpTo(db, names[names.length - 1]);
    expect(await everything()).toEqual(once);
    expect(await applied()).toEqual(names);
  });

  it('keeps the upgraded data when the file is reopened', async () => {
    await migrateUpTo(db, '001_patients');
    await seedV001(db);
    await migrateToLatest(db);
    const once = await everything();
    await db.destroy();
    db = openDatabase(file);
    await migrateToLatest(db);
    expect(await everything()).toEqual(once);
  });
});

describe('openDatabase', () => {
  it('sets WAL, FULL sync, foreign keys and a 5 s busy timeout on the connection', async () => {
    expect(await db.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.raw('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await db.raw('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
  });

  it('enforces foreign keys and writes through a write-ahead log', async () => {
    await migrateToLatest(db);
    await expect(
      db('patient_phones').insert({ patient_id: 'no-such-patient', position: 0, label: 'mobile', number: '604 555 0142', digits: '6045550142' }),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
    await seedV001(db);
    expect((await stat(`${file}-wal`)).size).toBeGreaterThan(0);
  });

  it('keeps those PRAGMAs inside a transaction (the one connection is reused)', async () => {
    await migrateToLatest(db);
    await db.transaction(async (trx) => {
      expect(await trx.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await trx.raw('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    });
  });
});
