import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { intakeLocaleSchema, intakeQuestionSchema, type IntakeTemplate, type ShownQuestion } from '../../shared/contract/intake';
import type { locales } from '../../shared/contract/settings';
import { appendAudit } from '../audit/log';
import { say } from '../../shared/messages';

type Locale = (typeof locales)[number];

/** The shipped wording (ours, EN and FR) in resources/templates/intake. */
const templateFileSchema = z.object({
  source: z.string().min(1),
  questions: z.array(intakeQuestionSchema).min(1),
  locales: z.object({ 'en-CA': intakeLocaleSchema, 'fr-CA': intakeLocaleSchema }),
});

interface TemplateRow {
  id: string;
  version: number;
  source: string;
  questions: string;
  locales: string;
  change_note: string;
  created_at: string;
}

const toTemplate = (row: TemplateRow): IntakeTemplate => ({
  id: row.id,
  version: row.version,
  source: row.source,
  questions: JSON.parse(row.questions),
  locales: JSON.parse(row.locales),
  changeNote: row.change_note,
  createdAt: row.created_at,
});

/** Version 1 from the shipped file, once; later versions are the clinic's. */
export async function seedIntakeTemplate(db: Knex, resourcesDir: string, now: () => Date, newId: () => string): Promise<void> {
  if (await db('intake_templates').first('id')) return;
  const file = templateFileSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, 'templates', 'intake', 'health-history.json'), 'utf8')));
  const problems = wordingProblems(file.questions, file.locales);
  if (Object.keys(problems).length) throw new Error(`The shipped intake template is incomplete: ${Object.keys(problems).join(', ')}`);
  await db('intake_templates').insert({
    id: newId(),
    version: 1,
    source: file.source,
    questions: JSON.stringify(file.questions),
    locales: JSON.stringify(file.locales),
    change_note: 'Shipped with Rapport',
    created_at: now().toISOString(),
  });
}

export async function currentIntakeTemplate(db: Knex | Knex.Transaction): Promise<IntakeTemplate> {
  const row = (await db('intake_templates').orderBy('version', 'desc').first()) as TemplateRow;
  return toTemplate(row);
}

/** Every question and option needs its wording in both languages: the patient sees every word in theirs. */
function wordingProblems(questions: IntakeTemplate['questions'], locales: IntakeTemplate['locales']): Record<string, string> {
  const fields: Record<string, string> = {};
  const keys = new Set<string>();
  questions.forEach((q, i) => {
    if (keys.has(q.key)) fields[`questions.${i}.key`] = say('intake.uniqueKey');
    keys.add(q.key);
    const hasOptions = q.type === 'checklist' || q.type === 'choice';
    if (hasOptions && !q.options?.length) fields[`questions.${i}.options`] = say('intake.needsOptions');
    for (const locale of ['en-CA', 'fr-CA'] as const) {
      const words = locales[locale].questions[q.key];
      if (!words) fields[`locales.${locale}.questions.${q.key}.label`] = say('intake.questionInLanguage');
      else for (const option of hasOptions ? (q.options ?? []) : []) if (!words.options[option]) fields[`locales.${locale}.questions.${q.key}.options.${option}`] = say('intake.optionLabel');
    }
  });
  return fields;
}

/** The questions as the person answering sees them: what an intake version keeps. */
export function shownQuestions(template: IntakeTemplate, locale: Locale): ShownQuestion[] {
  const words = template.locales[locale].questions;
  return template.questions.map((q) => ({
    key: q.key,
    type: q.type,
    label: words[q.key].label,
    options: (q.options ?? []).map((o) => ({ key: o, label: words[q.key].options[o] })),
  }));
}

/**
 * Saves an edit as the next version; earlier versions stay as they were, since intakes
 * point at them. An editor opened on an older version gets a conflict.
 */
export async function saveIntakeTemplate(db: Knex, { now, newId }: { now: () => Date; newId: () => string }, input: ParsedInput<'intake.saveTemplate'>): Promise<Result<IntakeTemplate>> {
  const fields = wordingProblems(input.questions, input.locales);
  if (Object.keys(fields).length) return err('invalid_input', say('ipc.invalidInput'), fields);
  return db.transaction(async (trx) => {
    const current = await currentIntakeTemplate(trx);
    if (current.version !== input.basedOnVersion) {
      return err('conflict', say('consent.versionSaved', { current: current.version, based: input.basedOnVersion }));
    }
    const row: TemplateRow = {
      id: newId(),
      version: current.version + 1,
      source: current.source,
      questions: JSON.stringify(input.questions),
      locales: JSON.stringify(input.locales),
      change_note: input.changeNote,
      created_at: now().toISOString(),
    };
    await trx('intake_templates').insert(row);
    await appendAudit(trx, newId, { at: row.created_at, action: 'intake_template.versioned', entity: 'intake_template', entityId: row.id, detail: { version: row.version } });
    return ok(toTemplate(row));
  });
}
