import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import type { Goal, Plan } from '../../shared/contract/followups';
import { dayIn } from '../../shared/time';
import { appendAudit } from '../audit/log';
import { currentActor } from '../audit/actor';
import { say } from '../../shared/messages';

export interface CareDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  timeZone: () => string;
  /** Re-applies the follow-up rules for a patient inside the transaction (a plan given). */
  rederive: (trx: Knex.Transaction, patientId: string) => Promise<void>;
}

type Q = Knex | Knex.Transaction;

/** A patient who can take new records: exists and is not archived. */
export async function livePatient(q: Q, patientId: string): Promise<Result<true>> {
  const p = (await q('patients').where({ id: patientId }).first('archived_at')) as { archived_at: string | null } | undefined;
  if (!p) return err('not_found', say('followups.noPatient'), { patientId: say('appointments.noPatient') });
  if (p.archived_at) return err('invalid_input', say('followups.patientArchived'), { patientId: say('appointments.patientArchived') });
  return ok(true);
}

/**
 * Goals agreed with the patient and homecare plans with their adherence (issue 11,
 * items 1–2). A goal is changed in place with each state kept in goal_history; a plan is
 * never changed: a new one supersedes it.
 */
export function createCareService({ db, now, newId, timeZone, rederive }: CareDeps) {
  const stamp = () => now().toISOString();
  const audit = (trx: Knex.Transaction, action: string, entity: string, entityId: string, detail?: Record<string, unknown>) =>
    appendAudit(trx, newId, { at: stamp(), action, entity, entityId, detail });

  async function goals(q: Q, patientId: string): Promise<Goal[]> {
    const rows = (await q('goals').where({ patient_id: patientId }).orderBy('created_at')) as Array<Record<string, string | null>>;
    const history = (await q('goal_history as h').leftJoin('staff as s', 's.id', 'h.changed_by').where('h.patient_id', patientId).orderBy('h.changed_at').select('h.*', 's.name')) as Array<Record<string, string | null>>;
    return rows.map((r) => ({
      id: r.id!,
      patientId,
      words: r.words!,
      patientCommits: r.patient_commits!,
      therapistCommits: r.therapist_commits!,
      setOn: r.set_on!,
      targetDate: r.target_date,
      status: r.status as Goal['status'],
      source: r.source as Goal['source'],
      history: history
        .filter((h) => h.goal_id === r.id)
        .map((h) => ({ at: h.changed_at!, by: h.name ?? '', status: h.status as Goal['status'], words: h.words!, targetDate: h.target_date, note: h.note! })),
    }));
  }

  async function plans(q: Q, patientId: string): Promise<Plan[]> {
    const rows = (await q('homecare_plans as h').leftJoin('staff as s', 's.id', 'h.given_by').where('h.patient_id', patientId).orderBy('h.given_at', 'desc').select('h.*', 's.name')) as Array<Record<string, string | null>>;
    const records = (await q('adherence_records as a').leftJoin('staff as s', 's.id', 'a.recorded_by').where('a.patient_id', patientId).orderBy('a.recorded_at').select('a.*', 's.name')) as Array<Record<string, string | null>>;
    return rows.map((r) => ({
      id: r.id!,
      patientId,
      items: JSON.parse(r.items!),
      note: r.note!,
      givenOn: r.given_on!,
      givenAt: r.given_at!,
      givenBy: r.name ?? '',
      current: r.superseded_at === null,
      adherence: records
        .filter((a) => a.plan_id === r.id)
        .map((a) => ({ id: a.id!, planId: r.id!, level: a.level as Plan['adherence'][number]['level'], barriers: JSON.parse(a.barriers!), barrierNote: a.barrier_note!, at: a.recorded_at!, by: a.name ?? '' })),
    }));
  }

  /** The intake's "what you hope to get", to start the first goal from. */
  async function fromIntake(patientId: string): Promise<string | null> {
    const row = (await db('intakes').where({ patient_id: patientId }).orderBy('version', 'desc').first('answers')) as { answers: string } | undefined;
    const hopes = row ? (JSON.parse(row.answers) as Record<string, unknown>).hopes : undefined;
    return typeof hopes === 'string' && hopes.trim() ? hopes.trim() : null;
  }

  return {
    async goals({ patientId }: { patientId: string }) {
      const list = await goals(db, patientId);
      return ok({ goals: list, fromIntake: list.length === 0 ? await fromIntake(patientId) : null });
    },

    saveGoal: (input: ParsedInput<'followups.saveGoal'>): Promise<Result<Goal>> =>
      db.transaction(async (trx) => {
        const live = await livePatient(trx, input.patientId);
        if (!live.ok) return live;
        const at = stamp();
        const existing = input.id ? ((await trx('goals').where({ id: input.id, patient_id: input.patientId }).first('set_on')) as { set_on: string } | undefined) : undefined;
        if (input.id && !existing) return err('not_found', say('followups.noGoal'), { id: say('followups.noGoalField') });
        const setOn = existing?.set_on ?? dayIn(timeZone(), now());
        if (input.targetDate !== null && input.targetDate < setOn) {
          return err('invalid_input', say('ipc.invalidInput'), { targetDate: say('followups.targetBeforeSet', { day: setOn }) });
        }
        const id = input.id ?? newId();
        const fields = { words: input.words, patient_commits: input.patientCommits, therapist_commits: input.therapistCommits, target_date: input.targetDate, status: input.status, updated_by: currentActor(), updated_at: at };
        if (existing) await trx('goals').where({ id }).update(fields);
        else await trx('goals').insert({ id, patient_id: input.patientId, set_on: setOn, source: input.fromIntake ? 'intake' : 'staff', created_by: currentActor(), created_at: at, ...fields });
        await trx('goal_history').insert({
          id: newId(), goal_id: id, patient_id: input.patientId, words: input.words, patient_commits: input.patientCommits, therapist_commits: input.therapistCommits,
          target_date: input.targetDate, status: input.status, note: input.note, follow_up_id: input.followUpId ?? null, changed_by: currentActor(), changed_at: at,
        });
        await audit(trx, existing ? 'goal.reviewed' : 'goal.created', 'goal', id, { patientId: input.patientId, status: input.status });
        return ok((await goals(trx, input.patientId)).find((g) => g.id === id)!);
      }),

    plans: async ({ patientId }: { patientId: string }) => ok(await plans(db, patientId)),

    givePlan: (input: ParsedInput<'followups.givePlan'>): Promise<Result<Plan>> =>
      db.transaction(async (trx) => {
        const live = await livePatient(trx, input.patientId);
        if (!live.ok) return live;
        if (input.appointmentId && !(await trx('appointments').where({ id: input.appointmentId, patient_id: input.patientId }).first('id'))) {
          return err('invalid_input', say('ipc.invalidInput'), { appointmentId: say('followups.notThisPatientsVisit') });
        }
        const id = newId();
        const at = stamp();
        await trx('homecare_plans').where({ patient_id: input.patientId }).whereNull('superseded_at').update({ superseded_at: at });
        await trx('homecare_plans').insert({
          id, patient_id: input.patientId, appointment_id: input.appointmentId ?? null, items: JSON.stringify(input.items), note: input.note,
          given_on: dayIn(timeZone(), now()), given_at: at, given_by: currentActor(),
        });
        await trx('homecare_plans').where({ patient_id: input.patientId, superseded_at: at }).whereNot({ id }).update({ superseded_by: id });
        await audit(trx, 'homecare_plan.given', 'patient', input.patientId, { planId: id, items: input.items.length });
        await rederive(trx, input.patientId);
        return ok((await plans(trx, input.patientId)).find((p) => p.id === id)!);
      }),

    recordAdherence: (input: ParsedInput<'followups.recordAdherence'>): Promise<Result<Plan>> =>
      db.transaction(async (trx) => {
        const plan = (await trx('homecare_plans').where({ id: input.planId }).first('patient_id')) as { patient_id: string } | undefined;
        if (!plan) return err('not_found', say('followups.noPlan'), { planId: say('followups.noPlanField') });
        const live = await livePatient(trx, plan.patient_id);
        if (!live.ok) return err('invalid_input', live.error.message, { planId: live.error.message });
        if (input.barrierNote && !input.barriers.includes('other') && input.barriers.length === 0) {
          // Free text alone is fine: it is "other" in the desk's words.
          input = { ...input, barriers: ['other'] };
        }
        await trx('adherence_records').insert({
          id: newId(), patient_id: plan.patient_id, plan_id: input.planId, follow_up_id: input.followUpId ?? null, level: input.level,
          barriers: JSON.stringify(input.barriers), barrier_note: input.barrierNote, recorded_by: currentActor(), recorded_at: stamp(),
        });
        await audit(trx, 'adherence.recorded', 'patient', plan.patient_id, { planId: input.planId });
        return ok((await plans(trx, plan.patient_id)).find((p) => p.id === input.planId)!);
      }),
  };
}

export type CareService = ReturnType<typeof createCareService>;
