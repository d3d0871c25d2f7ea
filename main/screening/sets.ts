import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { screeningSetContentSchema, type ScreeningSet } from '../../shared/contract/screening';

/** The shipped set's key; a clinic's edits are new versions of it. */
export const setKey = 'infection';

interface SetRow {
  id: string;
  set_key: string;
  version: number;
  content: string;
  created_at: string;
}

const toSet = (row: SetRow): ScreeningSet => ({ id: row.id, key: row.set_key, version: row.version, createdAt: row.created_at, ...JSON.parse(row.content) });

/** Puts the shipped question set in a database that has none (first start, or after migration 009). */
export async function seedScreeningSet(db: Knex, resourcesDir: string, now: () => Date, newId: () => string): Promise<void> {
  if (await db('screening_sets').where({ set_key: setKey }).first('id')) return;
  const raw = JSON.parse(await readFile(path.join(resourcesDir, 'templates', 'screening', `${setKey}.json`), 'utf8'));
  const content = screeningSetContentSchema.parse(raw);
  await db('screening_sets').insert({ id: newId(), set_key: setKey, version: 1, content: JSON.stringify(content), created_at: now().toISOString(), created_by: null });
}

export async function currentSet(db: Knex): Promise<ScreeningSet> {
  const row = (await db('screening_sets').where({ set_key: setKey }).orderBy('version', 'desc').first()) as SetRow;
  return toSet(row);
}

export async function setById(db: Knex, id: string): Promise<ScreeningSet | null> {
  const row = (await db('screening_sets').where({ id }).first()) as SetRow | undefined;
  return row ? toSet(row) : null;
}
