import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { intakePolicySchema, type Answers, type IntakePolicy, type IntakeReview, type IntakeStatus, type IntakeVersion } from '../../shared/contract/intake';
import { appendAudit } from '../audit/log';
import { answerProblems, withoutEmpty } from './answers';
import { intakeStatuses } from './status';
import { currentIntakeTemplate, saveIntakeTemplate, shownQuestions } from './templates';
import { say } from '../../shared/messages';

export interface IntakeDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  /** The clinic's review period (a setting, not patient data). */
  policy: () => IntakePolicy;
}

interface IntakeRow {
  id: string;
  patient_id: string;
  version: number;
  template_id: string;
  template_version: number;
  locale: IntakeVersion['locale'];
  questions: string;
  answers: string;
  filled_by: IntakeVersion['filledBy'];
  recorded_by_name: string;
  recorded_at: string;
}

const toVersion = (r: IntakeRow): IntakeVersion => ({
  id: r.id,
  patientId: r.patient_id,
  version: r.version,
  templateId: r.template_id,
  templateVersion: r.template_version,
  locale: r.locale,
  questions: JSON.parse(r.questions),
  answers: JSON.parse(r.answers),
  filledBy: r.filled_by,
  recordedBy: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

const toReview = (r: { id: string; intake_id: string; reviewed_by_name: string; reviewed_at: string }): IntakeReview => ({
  id: r.id,
  intakeId: r.intake_id,
  reviewedBy: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
});

/** Who recorded it is read from the staff table by id (issue 8): a renamed account shows its current name. */
const versions = (db: Knex | Knex.Transaction, patientId: string) =>
  db('intakes as i')
    .join('intake_templates as t', 't.id', 'i.template_id')
    .join('staff as s', 's.id', 'i.recorded_by')
    .where('i.patient_id', patientId)
    .select('i.*', 't.version as template_version', 's.name as recorded_by_name')
    .orderBy('i.version', 'desc') as Promise<IntakeRow[]>;

const reviews = (db: Knex | Knex.Transaction, patientId: string) =>
  db('intake_reviews as r')
    .join('staff as s', 's.id', 'r.reviewed_by')
    .where('r.patient_id', patientId)
    .select('r.id', 'r.intake_id', 'r.reviewed_at', 's.name as reviewed_by_name')
    .orderBy('r.reviewed_at', 'desc');

/** The health history typed so far, in app_state: the export and the purge find it by this key too. */
export const draftKey = (patientId: string) => `intake_draft:${patientId}`;

const latestVersion = async (db: Knex | Knex.Transaction, patientId: string): Promise<number | null> =>
  ((await db('intakes').where({ patient_id: patientId }).max({ v: 'version' }).first()) as { v: number | null } | undefined)?.v ?? null;

export function createIntakeService({ db, now, newId, policy }: IntakeDeps) {
  const statusOf = async (patientIds: readonly string[], q: Knex | Knex.Transaction = db) => intakeStatuses(q, patientIds, { now: now(), reviewMonths: policy().reviewMonths });

  async function patientExists(trx: Knex | Knex.Transaction, patientId: string): Promise<Result<true>> {
    const p = await trx('patients').where({ id: patientId }).first('archived_at');
    if (!p) return err('not_found', say('patients.gone'), { patientId: say('intake.noPatient') });
    if (p.archived_at) return err('conflict', say('patients.archivedNoIntake'));
    return ok(true);
  }

  return {
    statusOf,
    template: async () => ok(await currentIntakeTemplate(db)),
    saveTemplate: (input: ParsedInput<'intake.saveTemplate'>) => saveIntakeTemplate(db, { now, newId }, input),

    status: async ({ patientIds }: ParsedInput<'intake.status'>): Promise<Result<{ statuses: IntakeStatus[] }>> => ok({ statuses: [...(await statusOf(patientIds)).values()] }),

    async current({ patientId }: { patientId: string }) {
      const [latest] = await versions(db, patientId);
      const [review] = await reviews(db, patientId).limit(1);
      const status = (await statusOf([patientId])).get(patientId)!;
      return ok({ intake: latest ? toVersion(latest) : null, lastReview: review ? toReview(review) : null, status });
    },

    async history({ patientId }: { patientId: string }) {
      return ok({ versions: (await versions(db, patientId)).map(toVersion), reviews: (await reviews(db, patientId)).map(toReview) });
    },

    /**
     * The first intake, or a change to it: the next version, against the template
     * version on screen, with the questions as shown. Check and write in one
     * transaction, so two desks cannot both make the same version.
     */
    async submit(input: ParsedInput<'intake.submit'> & { filledBy: IntakeVersion['filledBy']; staffId: string }): Promise<Result<IntakeVersion>> {
      return db.transaction(async (trx) => {
        const found = await patientExists(trx, input.patientId);
        if (!found.ok) return found;
        const template = await currentIntakeTemplate(trx);
        if (template.version !== input.templateVersion) return err('conflict', say('intake.formChanged'));
        const answers = withoutEmpty(input.answers);
        const fields = answerProblems(template.questions, answers, () => (input.locale === 'fr-CA' ? 'Veuillez répondre à cette question' : 'Please answer this question'));
        if (Object.keys(fields).length) return err('invalid_input', input.locale === 'fr-CA' ? 'Certaines réponses sont à revoir.' : 'Some answers need attention.', fields);
        const previous = await latestVersion(trx, input.patientId);
        if (previous !== input.basedOnVersion) {
          return err('conflict', previous === null ? say('intake.noEarlier') : say('intake.savedMeanwhile', { version: previous }));
        }
        const row = {
          id: newId(),
          patient_id: input.patientId,
          version: (previous ?? 0) + 1,
          template_id: template.id,
          locale: input.locale,
          questions: JSON.stringify(shownQuestions(template, input.locale)),
          answers: JSON.stringify(answers),
          filled_by: input.filledBy,
          recorded_by: input.staffId,
          recorded_at: now().toISOString(),
        };
        await trx('intakes').insert(row);
        await trx('app_state').where({ key: draftKey(input.patientId) }).delete();
        // Ids and which questions were answered; never the answers (health information).
        await appendAudit(trx, newId, { at: row.recorded_at, action: 'intake.recorded', entity: 'patient', entityId: input.patientId, detail: { intakeId: row.id, version: row.version, filledBy: input.filledBy, templateVersion: template.version } });
        const [saved] = (await versions(trx, input.patientId)).filter((v) => v.id === row.id);
        return ok(toVersion(saved));
      });
    },

    /** "Any changes since your last visit?" — "No": one row with who and when; the answers stay as they are. */
    async confirmNoChanges({ patientId, intakeVersion, staffId }: ParsedInput<'intake.confirmNoChanges'> & { staffId: string }): Promise<Result<IntakeReview>> {
      return db.transaction(async (trx) => {
        const found = await patientExists(trx, patientId);
        if (!found.ok) return found;
        const latest = (await trx('intakes').where({ patient_id: patientId }).orderBy('version', 'desc').first('id', 'version')) as { id: string; version: number } | undefined;
        if (!latest) return err('not_found', say('intake.none'), { intakeVersion: say('intake.noneField') });
        if (latest.version !== intakeVersion) return err('conflict', say('intake.savedMeanwhileLook', { version: latest.version }), { intakeVersion: say('intake.notNewest') });
        const row = { id: newId(), patient_id: patientId, intake_id: latest.id, reviewed_by: staffId, reviewed_at: now().toISOString() };
        await trx('intake_reviews').insert(row);
        await appendAudit(trx, newId, { at: row.reviewed_at, action: 'intake.no_changes', entity: 'patient', entityId: patientId, detail: { intakeId: latest.id, version: latest.version } });
        const [saved] = await reviews(trx, patientId).where('r.id', row.id);
        return ok(toReview(saved));
      });
    },

    /**
     * Typing kept in main, so a reload (or the patient-mode page being replaced) resumes
     * where it was. A draft begun before a newer version was saved is not offered: it
     * would bring back answers the patient has since changed.
     */
    async draft({ patientId }: { patientId: string }): Promise<Result<{ answers: Answers | null }>> {
      const row = await db('app_state').where({ key: draftKey(patientId) }).first('value');
      const kept = row ? (JSON.parse(row.value) as { onVersion: number | null; answers: Answers }) : null;
      return ok({ answers: kept && kept.onVersion === (await latestVersion(db, patientId)) ? kept.answers : null });
    },
    async saveDraft({ patientId, answers }: { patientId: string; answers: Answers }): Promise<Result<{ saved: true }>> {
      const found = await patientExists(db, patientId);
      if (!found.ok) return found;
      const value = JSON.stringify({ onVersion: await latestVersion(db, patientId), answers });
      await db('app_state').insert({ key: draftKey(patientId), value, updated_at: now().toISOString() }).onConflict('key').merge();
      return ok({ saved: true });
    },
  };
}
export type IntakeService = ReturnType<typeof createIntakeService>;

export const defaultIntakePolicy: IntakePolicy = { reviewMonths: 12 };

/** The stored policy, or the default where none (or an unreadable one) is stored. */
export function readIntakePolicy(raw: unknown): IntakePolicy {
  const parsed = intakePolicySchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultIntakePolicy;
}
