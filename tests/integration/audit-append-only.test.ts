import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { openDatabase } from '../../main/db/connection';
import { migrateToLatest, migrateUpTo } from '../../main/db/migrations';

/**
 * Every SQL route that could change or remove an audit event, each tried on a real
 * database file holding one event, and each refused with that event left as it was
 * (issue 12, item 3). The first test shows the hole 008 closes on a file before it.
 */

let dir: string;
let db: Knex;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-audit-'));
  db = openDatabase(path.join(dir, 'rapport.sqlite3'));
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const eventId = '5d1f2c3b-7a8e-4f90-8b1c-2d3e4f5a6b7c';
const original = { id: eventId, at: '2026-01-05T09:00:00.000Z', action: 'patient.created', entity: 'patient', entity_id: 'p-1', detail: '{}' };
const forged = { ...original, action: 'patient.nothing_happened', at: '2026-01-05T09:30:00.000Z' };

async function seedOne(): Promise<{ seq: number }> {
  await db('audit_events').insert(original);
  return (await db('audit_events').where({ id: eventId }).first('seq')) as { seq: number };
}

async function events() {
  return db('audit_events').orderBy('seq').select('seq', 'id', 'at', 'action', 'entity', 'entity_id', 'detail');
}

describe('before 008: the hole', () => {
  it('INSERT OR REPLACE rewrote an event without firing the delete trigger', async () => {
    await migrateUpTo(db, '004_app_state');
    await seedOne();
    await db.raw('INSERT OR REPLACE INTO audit_events (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', Object.values(forged));
    expect(await events()).toEqual([expect.objectContaining({ id: eventId, action: 'patient.nothing_happened' })]);
  });
});

describe('the audit log is append-only', () => {
  let seq: number;
  let before: unknown[];
  beforeEach(async () => {
    await migrateToLatest(db);
    ({ seq } = await seedOne());
    before = await events();
  });
  afterEach(async () => {
    expect(await events(), 'the event is unchanged').toEqual(before);
  });

  const values = Object.values(forged);
  const routes: Array<[string, () => Promise<unknown>, RegExp]> = [
    ['UPDATE', () => db('audit_events').where({ id: eventId }).update({ action: forged.action }), /cannot be changed/],
    ['UPDATE OR REPLACE', () => db.raw('UPDATE OR REPLACE audit_events SET action = ? WHERE id = ?', [forged.action, eventId]), /cannot be changed/],
    ['DELETE', () => db('audit_events').where({ id: eventId }).delete(), /cannot be deleted/],
    ['INSERT OR REPLACE on the id', () => db.raw('INSERT OR REPLACE INTO audit_events (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', values), /cannot be replaced/],
    ['REPLACE on the id', () => db.raw('REPLACE INTO audit_events (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', values), /cannot be replaced/],
    [
      'REPLACE on the sequence number, under a new id',
      () => db.raw('REPLACE INTO audit_events (seq, id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [seq, 'another-id', ...values.slice(1)]),
      /cannot be replaced/,
    ],
    ['upsert ON CONFLICT DO UPDATE (knex merge)', () => db('audit_events').insert(forged).onConflict('id').merge(), /cannot be (replaced|changed)/],
    ['upsert ON CONFLICT DO NOTHING (knex ignore)', () => db('audit_events').insert(forged).onConflict('id').ignore(), /cannot be replaced/],
    ['INSERT OR IGNORE', () => db.raw('INSERT OR IGNORE INTO audit_events (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', values), /cannot be replaced/],
    [
      'REPLACE with recursive triggers on',
      async () => {
        await db.raw('PRAGMA recursive_triggers = ON');
        try {
          await db.raw('REPLACE INTO audit_events (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', values);
        } finally {
          await db.raw('PRAGMA recursive_triggers = OFF');
        }
      },
      /cannot be (replaced|deleted)/,
    ],
  ];

  it.each(routes)('%s is refused', async (_name, attempt, message) => {
    await expect(attempt()).rejects.toThrow(message);
  });

  it('a new event with a fresh id still appends', async () => {
    await db('audit_events').insert({ ...original, id: 'f0e1d2c3-0000-4000-8000-000000000002' });
    before = [...before, expect.objectContaining({ id: 'f0e1d2c3-0000-4000-8000-000000000002', seq: seq + 1 })];
  });
});
