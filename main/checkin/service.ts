import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Checkin, Questionnaire, TaskReason, TherapistTask } from '../../shared/contract/checkin';
import { appendAudit } from '../audit/log';
import { alerts, answerProblems, themeScores } from './scoring';
import { currentQuestionnaire, questionnaireById, saveQuestionnaire } from './questionnaires';
import { say } from '../../shared/messages';

export interface CheckinDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  /** Told of each check-in inside the transaction that records it (the dashboard's totals). */
  recorded?: (trx: Knex.Transaction, checkin: { questionnaireKey: string; takenAt: string; therapistId: string | null; scores: Array<{ theme: string; score: number }> }) => Promise<void>;
}

interface CheckinRow {
  id: string;
  patient_id: string;
  questionnaire_id: string;
  q_key: string;
  q_version: number;
  definition: string;
  locale: Checkin['locale'];
  taken_by: Checkin['takenBy'];
  recorded_by_name: string;
  taken_at: string;
  followup_id: string | null;
  appointment_id: string | null;
  scores: string;
}

interface TaskRow {
  id: string;
  patient_id: string;
  first_name: string;
  last_name: string;
  therapist_id: string | null;
  therapist_name: string | null;
  checkin_id: string;
  taken_at: string;
  reasons: string;
  status: TherapistTask['status'];
  created_at: string;
  closing_note: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
}

type Q = Knex | Knex.Transaction;

const checkinRows = (db: Q) =>
  db('checkins as c')
    .join('questionnaires as q', 'q.id', 'c.questionnaire_id')
    .join('staff as s', 's.id', 'c.recorded_by')
    .select('c.*', 'q.key as q_key', 'q.version as q_version', 'q.definition', 's.name as recorded_by_name');

/** The theme labels in the language the check-in was taken in, from the version it was taken on. */
async function toCheckins(db: Q, rows: CheckinRow[]): Promise<Checkin[]> {
  if (rows.length === 0) return [];
  const answers = await db('checkin_answers').whereIn('checkin_id', rows.map((r) => r.id)).select('*');
  return rows.map((r) => {
    const definition = JSON.parse(r.definition) as Questionnaire['definition'];
    const label = (theme: string) => definition.themes.find((t) => t.key === theme)?.label[r.locale] ?? theme;
    const order = (itemId: string) => definition.items.findIndex((i) => i.id === itemId);
    return {
      id: r.id,
      patientId: r.patient_id,
      questionnaireId: r.questionnaire_id,
      questionnaireKey: r.q_key,
      questionnaireVersion: r.q_version,
      locale: r.locale,
      takenBy: r.taken_by,
      recordedBy: r.recorded_by_name,
      takenAt: r.taken_at,
      followupId: r.followup_id,
      appointmentId: r.appointment_id,
      answers: answers
        .filter((a) => a.checkin_id === r.id)
        .sort((a, b) => order(a.item_id) - order(b.item_id))
        .map((a) => ({ itemId: a.item_id, theme: a.theme, text: a.text, value: a.value })),
      scores: (JSON.parse(r.scores) as Array<{ theme: string; score: number }>).map((s) => ({ ...s, label: label(s.theme) })),
    };
  });
}

const taskRows = (db: Q) =>
  db('therapist_tasks as t')
    .join('patients as p', 'p.id', 't.patient_id')
    .join('checkins as c', 'c.id', 't.checkin_id')
    .leftJoin('staff as th', 'th.id', 't.therapist_id')
    .leftJoin('staff as cb', 'cb.id', 't.closed_by')
    .select('t.*', 'p.first_name', 'p.last_name', 'c.taken_at', 'th.name as therapist_name', 'cb.name as closed_by_name');

const toTask = (r: TaskRow): TherapistTask => ({
  id: r.id,
  patientId: r.patient_id,
  patientName: `${r.first_name} ${r.last_name}`,
  therapistId: r.therapist_id,
  therapistName: r.therapist_name,
  checkinId: r.checkin_id,
  takenAt: r.taken_at,
  reasons: JSON.parse(r.reasons) as TaskReason[],
  status: r.status,
  createdAt: r.created_at,
  closingNote: r.closing_note,
  closedBy: r.closed_by_name,
  closedAt: r.closed_at,
});

/**
 * Whom a check-in is about, decided once as it is taken: the visit it names, or else the
 * patient's latest visit that took place (checked in or out). Its task goes to that
 * therapist and the dashboard scores them. None yet: the task has no therapist and
 * admins see it, so a low score still reaches a person.
 */
async function therapistFor(trx: Q, patientId: string, appointmentId: string | undefined, at: string): Promise<string | null> {
  const visits = trx('appointments').where({ patient_id: patientId });
  const row = appointmentId
    ? await visits.clone().where({ id: appointmentId }).first('therapist_id')
    : await visits.clone().whereIn('status', ['checked_in', 'checked_out']).where('starts_at', '<=', at).orderBy('starts_at', 'desc').first('therapist_id');
  return (row?.therapist_id as string | undefined) ?? null;
}

export function createCheckinService({ db, now, newId, recorded }: CheckinDeps) {
  return {
    async questionnaire({ id }: { id?: string }): Promise<Result<Questionnaire>> {
      if (!id) return ok(await currentQuestionnaire(db));
      const found = await questionnaireById(db, id);
      return found ? ok(found) : err('not_found', say('checkin.noVersion'), { id: say('checkin.noVersionField') });
    },
    saveQuestionnaire: (input: ParsedInput<'checkin.saveQuestionnaire'> & { staffId: string }) => saveQuestionnaire(db, { now, newId, staffId: input.staffId }, input),

    /**
     * One check-in with its answers, scored by its version's own definition, and a task
     * for the therapist when an answer is low or a theme fell. All in one transaction.
     * `patientSince`: in patient mode, the session's start; a second check-in since is refused.
     */
    async record(input: ParsedInput<'checkin.record'> & { takenBy: Checkin['takenBy']; staffId: string; patientSince?: string }): Promise<Result<{ checkin: Checkin; tasks: TherapistTask[] }>> {
      return db.transaction(async (trx) => {
        const patient = await trx('patients').where({ id: input.patientId }).first('archived_at');
        if (!patient) return err('not_found', say('patients.gone'), { patientId: say('intake.noPatient') });
        if (patient.archived_at) return err('conflict', say('checkin.patientArchived'), { patientId: say('checkin.patientArchivedField') });
        const questionnaire = await questionnaireById(trx, input.questionnaireId);
        if (!questionnaire) return err('not_found', say('checkin.noVersion'), { questionnaireId: say('checkin.noVersionField') });
        const { definition } = questionnaire;
        const fields = answerProblems(definition, input.answers);
        if (Object.keys(fields).length) return err('invalid_input', say('checkin.answersNeedAttention'), fields);
        if (input.appointmentId && !(await trx('appointments').where({ id: input.appointmentId, patient_id: input.patientId }).first('id'))) {
          return err('invalid_input', say('checkin.notThisPatientsVisit'), { appointmentId: say('checkin.notThisPatientsVisitField') });
        }
        if (input.patientSince && (await trx('checkins').where({ patient_id: input.patientId, taken_by: 'patient' }).where('taken_at', '>=', input.patientSince).first('id'))) {
          return err('conflict', say('checkin.alreadyAnswered'), { questionnaireId: say('checkin.alreadyAnsweredField') });
        }
        const takenAt = now().toISOString();
        const shown = input.answers.map((a) => {
          const item = definition.items.find((i) => i.id === a.itemId)!;
          return { itemId: a.itemId, theme: item.theme, text: item.text[input.locale], value: a.value };
        });
        const scores = themeScores(definition, shown);
        // The previous check-in on the same instrument: another scale's scores do not compare.
        const previous = (await trx('checkins as c')
          .join('questionnaires as q', 'q.id', 'c.questionnaire_id')
          .where({ 'c.patient_id': input.patientId, 'q.key': questionnaire.key })
          .orderBy('c.taken_at', 'desc')
          .first('c.scores')) as { scores: string } | undefined;
        const reasons = alerts(definition, shown, previous ? JSON.parse(previous.scores) : null);
        const id = newId();
        const therapistId = await therapistFor(trx, input.patientId, input.appointmentId, takenAt);
        await trx('checkins').insert({
          id, patient_id: input.patientId, questionnaire_id: questionnaire.id, locale: input.locale, taken_by: input.takenBy, recorded_by: input.staffId, taken_at: takenAt,
          followup_id: input.followupId ?? null, appointment_id: input.appointmentId ?? null, scores: JSON.stringify(scores), therapist_id: therapistId,
        });
        await recorded?.(trx, { questionnaireKey: questionnaire.key, takenAt, therapistId, scores });
        await trx('checkin_answers').insert(shown.map((a) => ({ checkin_id: id, item_id: a.itemId, theme: a.theme, text: a.text, value: a.value })));
        // Ids and counts in the audit; never what the patient said.
        await appendAudit(trx, newId, { at: takenAt, action: 'checkin.recorded', entity: 'patient', entityId: input.patientId, detail: { checkinId: id, questionnaireId: questionnaire.id, takenBy: input.takenBy, tasks: reasons.length ? 1 : 0 } });
        const taskIds: string[] = [];
        if (reasons.length) {
          const taskId = newId();
          await trx('therapist_tasks').insert({ id: taskId, therapist_id: therapistId, patient_id: input.patientId, checkin_id: id, reasons: JSON.stringify(reasons), status: 'open', created_at: takenAt });
          await appendAudit(trx, newId, { at: takenAt, action: 'checkin.task_opened', entity: 'patient', entityId: input.patientId, detail: { taskId, checkinId: id, therapistId } });
          taskIds.push(taskId);
        }
        const [checkin] = await toCheckins(trx, await checkinRows(trx).where('c.id', id));
        const tasks = taskIds.length ? ((await taskRows(trx).whereIn('t.id', taskIds)) as TaskRow[]).map(toTask) : [];
        return ok({ checkin, tasks });
      });
    },

    async history({ patientId }: { patientId: string }): Promise<Result<{ checkins: Checkin[] }>> {
      return ok({ checkins: await toCheckins(db, await checkinRows(db).where('c.patient_id', patientId).orderBy('c.taken_at', 'desc')) });
    },

    /** A therapist's own tasks; an admin's list also has the tasks with no therapist. Oldest first: the longest waiting on top. */
    async tasks({ status, staffId, admin }: { status: TherapistTask['status']; staffId: string; admin: boolean }): Promise<Result<{ tasks: TherapistTask[] }>> {
      const rows = (await taskRows(db)
        .where('t.status', status)
        .where((w) => {
          w.where('t.therapist_id', staffId);
          if (admin) w.orWhereNull('t.therapist_id');
        })
        .orderBy('t.created_at', status === 'open' ? 'asc' : 'desc')
        .limit(200)) as TaskRow[];
      return ok({ tasks: rows.map(toTask) });
    },

    /** Closed with a note by the therapist it is for (or an admin); once closed it stays as it was. */
    async closeTask({ taskId, note, staffId, admin }: ParsedInput<'checkin.closeTask'> & { staffId: string; admin: boolean }): Promise<Result<TherapistTask>> {
      return db.transaction(async (trx) => {
        const task = await trx('therapist_tasks').where({ id: taskId }).first('therapist_id', 'status', 'patient_id');
        if (!task) return err('not_found', say('checkin.noTask'), { taskId: say('checkin.noTaskField') });
        if (task.therapist_id !== staffId && !admin) return err('forbidden', say('checkin.otherTherapist'), { taskId: say('checkin.otherTherapistField') });
        if (task.status === 'closed') return err('conflict', say('checkin.taskClosed'), { taskId: say('checkin.taskClosedField') });
        const at = now().toISOString();
        await trx('therapist_tasks').where({ id: taskId }).update({ status: 'closed', closing_note: note, closed_by: staffId, closed_at: at });
        await appendAudit(trx, newId, { at, action: 'checkin.task_closed', entity: 'patient', entityId: task.patient_id, detail: { taskId } });
        return ok(toTask((await taskRows(trx).where('t.id', taskId).first()) as TaskRow));
      });
    },
  };
}
export type CheckinService = ReturnType<typeof createCheckinService>;
