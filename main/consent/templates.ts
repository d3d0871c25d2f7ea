import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import {
  consentKinds,
  templateLocaleSchema,
  type ConsentKind,
  type TemplateVersion,
} from '../../shared/contract/consent';
import { say } from '../../shared/messages';
import type { StatusVersion } from './status';

/** The shipped wording, one file per kind in resources/templates/consent (ours, EN and FR). */
const templateFileSchema = z.object({
  kind: z.enum(consentKinds),
  source: z.string().min(1),
  choices: z.array(z.string()),
  locales: z.object({ 'en-CA': templateLocaleSchema, 'fr-CA': templateLocaleSchema }),
});

const files: Record<ConsentKind, string> = {
  treatment: 'treatment.json',
  outbreak: 'outbreak.json',
  sensitive_areas: 'sensitive-areas.json',
  privacy: 'privacy.json',
};

export interface TemplateRow {
  id: string;
  kind: ConsentKind;
  version: number;
  source: string;
  choices: string;
  locales: string;
  material: number | boolean;
  change_note: string;
  created_at: string;
}

export function toTemplate(row: TemplateRow): TemplateVersion {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    source: row.source,
    choices: JSON.parse(row.choices),
    locales: JSON.parse(row.locales),
    material: Boolean(row.material),
    changeNote: row.change_note,
    createdAt: row.created_at,
  };
}

/** Gives every kind a first version from the shipped files, once; later versions are the clinic's. */
export async function seedTemplates(db: Knex, resourcesDir: string, now: () => Date, newId: () => string): Promise<void> {
  const present = new Set((await db('consent_templates').distinct('kind')).map((r: { kind: string }) => r.kind));
  for (const kind of consentKinds) {
    if (present.has(kind)) continue;
    const raw = JSON.parse(await readFile(path.join(resourcesDir, 'templates', 'consent', files[kind]), 'utf8'));
    const file = templateFileSchema.parse(raw);
    await db('consent_templates').insert({
      id: newId(),
      kind,
      version: 1,
      source: file.source,
      choices: JSON.stringify(file.choices),
      locales: JSON.stringify(file.locales),
      material: false,
      change_note: 'Shipped with Rapport',
      created_at: now().toISOString(),
    });
  }
}

export async function currentTemplates(db: Knex | Knex.Transaction): Promise<Map<ConsentKind, TemplateVersion>> {
  const rows = (await db('consent_templates as t')
    .select('t.*')
    .whereRaw('t.version = (SELECT MAX(version) FROM consent_templates WHERE kind = t.kind)')) as TemplateRow[];
  return new Map(rows.map((r) => [r.kind, toTemplate(r)]));
}

/**
 * Every version as status reads it (status.ts), as one JSON value: a subquery the read of
 * consent facts carries (needs-forms.ts, factsColumn). Without the wording, which is most
 * of a template's row and which every page of search results would otherwise parse.
 */
export const statusVersionsJson = `(SELECT json_group_array(json_object('id', id, 'kind', kind, 'version', version, 'material', material, 'name', json_extract(locales, '$."en-CA".name'))) FROM consent_templates)`;

/** The value of statusVersionsJson, once JSON.parse has read it (SQLite gives `material` as 0 or 1). */
export type StatusVersionsValue = Array<Omit<StatusVersion, 'material'> & { material: number }>;
export const toStatusVersions = (value: StatusVersionsValue): StatusVersion[] => value.map((v) => ({ ...v, material: Boolean(v.material) }));

export async function templateVersions(db: Knex | Knex.Transaction, kind?: ConsentKind): Promise<TemplateVersion[]> {
  const rows = (await db('consent_templates')
    .modify((q) => (kind ? q.where({ kind }) : q))
    .orderBy([{ column: 'kind' }, { column: 'version', order: 'desc' }])) as TemplateRow[];
  return rows.map(toTemplate);
}

/**
 * Saves an edit as the next version; the versions before it stay as they were, since
 * signed consents point at them. An editor opened on an older version gets a conflict
 * rather than overwriting someone else's change.
 */
export async function saveTemplateVersion(
  db: Knex,
  { now, newId }: { now: () => Date; newId: () => string },
  input: ParsedInput<'consent.saveTemplate'>,
): Promise<Result<TemplateVersion>> {
  return db.transaction(async (trx) => {
    const current = (await currentTemplates(trx)).get(input.kind)!;
    if (current.version !== input.basedOnVersion) {
      return err('conflict', say('consent.versionSaved', { current: current.version, based: input.basedOnVersion }));
    }
    const fields: Record<string, string> = {};
    for (const locale of ['en-CA', 'fr-CA'] as const) {
      for (const key of current.choices) {
        if (!input.locales[locale].choiceLabels[key]?.trim()) fields[`locales.${locale}.choiceLabels.${key}`] = say('consent.everyChoiceLabel');
      }
    }
    if (Object.keys(fields).length) return err('invalid_input', say('ipc.invalidInput'), fields);
    const row = {
      id: newId(),
      kind: input.kind,
      version: current.version + 1,
      source: current.source,
      choices: JSON.stringify(current.choices),
      locales: JSON.stringify(input.locales),
      material: input.material,
      change_note: input.changeNote,
      created_at: now().toISOString(),
    };
    await trx('consent_templates').insert(row);
    await appendAudit(trx, newId, {
      at: row.created_at,
      action: 'consent_template.versioned',
      entity: 'consent_template',
      entityId: row.id,
      detail: { kind: input.kind, version: row.version, material: input.material },
    });
    return ok(toTemplate(row));
  });
}
