import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { definitionSchema, type Questionnaire } from '../../shared/contract/checkin';
import { appendAudit } from '../audit/log';
import { say } from '../../shared/messages';

/** Which questionnaire the clinic's check-in uses now: the last one saved (ours until then). */
const activeKey = 'checkin_questionnaire';

interface Row {
  id: string;
  key: string;
  version: number;
  definition: string;
  change_note: string;
  created_at: string;
}

const toQuestionnaire = (r: Row): Questionnaire => ({ id: r.id, key: r.key, version: r.version, definition: JSON.parse(r.definition), changeNote: r.change_note, createdAt: r.created_at });

const fileSchema = z.object({ key: z.string(), definition: definitionSchema });

/** Our own check-in, version 1, from resources/templates/checkin, once. */
export async function seedQuestionnaire(db: Knex, resourcesDir: string, now: () => Date, newId: () => string): Promise<void> {
  if (await db('questionnaires').first('id')) return;
  const file = fileSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, 'templates', 'checkin', 'alliance.json'), 'utf8')));
  await db('questionnaires').insert({ id: newId(), key: file.key, version: 1, definition: JSON.stringify(file.definition), change_note: 'Shipped with Rapport', created_at: now().toISOString() });
}

export async function questionnaireById(db: Knex | Knex.Transaction, id: string): Promise<Questionnaire | null> {
  const row = (await db('questionnaires').where({ id }).first()) as Row | undefined;
  return row ? toQuestionnaire(row) : null;
}

/** The newest version of the questionnaire in use. */
export async function currentQuestionnaire(db: Knex | Knex.Transaction): Promise<Questionnaire> {
  const active = (await db('app_state').where({ key: activeKey }).first('value')) as { value: string } | undefined;
  const query = db('questionnaires').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'version', order: 'desc' }]);
  const row = ((active ? await query.clone().where({ key: JSON.parse(active.value) }).first() : undefined) ?? (await query.first())) as Row;
  return toQuestionnaire(row);
}

/**
 * The next version of a questionnaire, or a clinic's own (basedOnVersion null), made the
 * one in use. Earlier versions stay as they were: check-ins point at them.
 */
export async function saveQuestionnaire(db: Knex, { now, newId, staffId }: { now: () => Date; newId: () => string; staffId: string }, input: ParsedInput<'checkin.saveQuestionnaire'>): Promise<Result<Questionnaire>> {
  return db.transaction(async (trx) => {
    const latest = (await trx('questionnaires').where({ key: input.key }).max({ v: 'version' }).first()) as { v: number | null } | undefined;
    const version = latest?.v ?? null;
    if (version !== input.basedOnVersion) {
      return err('conflict', version === null ? say('checkin.noQuestionnaire', { key: input.key }) : say('checkin.savedMeanwhile', { version, key: input.key }), { basedOnVersion: say('intake.notNewest') });
    }
    const row: Row = { id: newId(), key: input.key, version: (version ?? 0) + 1, definition: JSON.stringify(input.definition), change_note: input.changeNote, created_at: now().toISOString() };
    await trx('questionnaires').insert({ ...row, created_by: staffId });
    await trx('app_state').insert({ key: activeKey, value: JSON.stringify(input.key), updated_at: row.created_at }).onConflict('key').merge();
    await appendAudit(trx, newId, { at: row.created_at, action: 'checkin.questionnaire_versioned', entity: 'questionnaire', entityId: row.id, detail: { key: row.key, version: row.version } });
    return ok(toQuestionnaire(row));
  });
}
