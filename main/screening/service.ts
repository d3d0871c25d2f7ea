import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { defaultScreeningPolicy, screeningPolicySchema, type Screening, type ScreeningPolicy, type ScreeningSetContent } from '../../shared/contract/screening';
import { appendAudit } from '../audit/log';
import { currentActor } from '../audit/actor';
import type { KeyValueStore } from '../settings/service';
import type { DocumentStore } from '../consent/documents';
import { sha256 } from '../pdf/hash';
import { currentSet, setById, setKey } from './sets';
import { say } from '../../shared/messages';

export interface ScreeningDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  /** Settings (through the journal): which screenings the clinic requires. */
  store: KeyValueStore;
  /** The patient holds the screen (patient mode): they answered, not staff. */
  byPatient: () => boolean;
  /** The record as a PDF (main/screening/pdf.ts), kept in the documents folder by its id. */
  pdf: (screening: Screening, trx: Knex) => Promise<Result<Buffer>>;
  documents: DocumentStore;
}

const fileName = (id: string) => `screening-${id}.pdf`;

interface ScreeningRow {
  id: string;
  appointment_id: string;
  patient_id: string;
  stage: Screening['stage'];
  set_id: string;
  version: number;
  content: string;
  language: Screening['language'];
  answers: string;
  positive: number;
  note: string | null;
  taken_by_name: string | null;
  by_patient: number;
  taken_at: string;
  override_reason: string | null;
  override_by_name: string | null;
  override_at: string | null;
}

const screeningQuery = (db: Knex) =>
  db('screenings as x')
    .join('screening_sets as set', 'set.id', 'x.set_id')
    .leftJoin('staff as taker', 'taker.id', 'x.taken_by')
    .leftJoin('staff as overrider', 'overrider.id', 'x.override_by')
    .select('x.*', 'set.version', 'set.content', 'taker.name as taken_by_name', 'overrider.name as override_by_name');

const toScreening = (r: ScreeningRow): Screening => ({
  id: r.id,
  appointmentId: r.appointment_id,
  patientId: r.patient_id,
  stage: r.stage,
  setId: r.set_id,
  setVersion: r.version,
  source: (JSON.parse(r.content) as ScreeningSetContent).source,
  language: r.language,
  answers: JSON.parse(r.answers),
  positive: r.positive === 1,
  note: r.note,
  takenBy: r.taken_by_name,
  byPatient: r.by_patient === 1,
  takenAt: r.taken_at,
  override: r.override_at ? { reason: r.override_reason!, by: r.override_by_name, at: r.override_at } : null,
});

/** A screening that says "no treatment" until someone allowed to overrides it in writing. */
export const blocking = (s: Pick<Screening, 'positive' | 'override'>) => s.positive && s.override === null;

export const blockedMessage = say('screening.blocked');

/** Screenings, their question sets and the clinic's rules for them. */
export function createScreeningService(deps: ScreeningDeps) {
  const { db, now, newId } = deps;
  const stamp = () => now().toISOString();

  const read = async (q: Knex, id: string) => {
    const row = (await screeningQuery(q).where('x.id', id).first()) as ScreeningRow | undefined;
    return row ? toScreening(row) : null;
  };
  const forAppointment = async (q: Knex, appointmentId: string) =>
    ((await screeningQuery(q).where('x.appointment_id', appointmentId).orderBy('x.taken_at')) as ScreeningRow[]).map(toScreening);
  /** The screenings for the visit's present slot: one moved to another day is screened again. */
  const forSlot = async (q: Knex, appointmentId: string) => {
    const visit = (await q('appointments').where({ id: appointmentId }).first('scheduled_at')) as { scheduled_at: string } | undefined;
    return (await forAppointment(q, appointmentId)).filter((s) => visit !== undefined && s.takenAt >= visit.scheduled_at);
  };

  /**
   * The PDF made again from the record as it now stands, written whole before the
   * transaction commits, its hash kept with the row: a failure leaves neither.
   */
  async function keepPdf(trx: Knex, id: string): Promise<Result<Screening>> {
    const screening = (await read(trx, id))!;
    const bytes = await deps.pdf(screening, trx);
    if (!bytes.ok) return bytes;
    await deps.documents.write(fileName(id), bytes.value);
    await trx('screenings').where({ id }).update({ pdf_sha256: sha256(bytes.value) });
    return ok(screening);
  }

  /** Change one screening that exists, in one transaction with its audit entry. */
  const amend = (screeningId: string, action: string, change: (s: Screening) => Result<Record<string, unknown>>) =>
    db.transaction(async (trx): Promise<Result<Screening>> => {
      const current = await read(trx, screeningId);
      if (!current) return err('not_found', say('screening.noSuch'), { screeningId: say('screening.noSuchField') });
      const update = change(current);
      if (!update.ok) return update;
      await trx('screenings').where({ id: screeningId }).update(update.value);
      await appendAudit(trx, newId, { at: stamp(), action, entity: 'screening', entityId: screeningId, detail: { appointmentId: current.appointmentId } });
      return keepPdf(trx, screeningId);
    });

  return {
    current: () => currentSet(db),

    /** An admin's edit: a new version; screenings already taken keep pointing at theirs. */
    saveSet: (content: ScreeningSetContent) =>
      db.transaction(async (trx) => {
        const last = (await trx('screening_sets').where({ set_key: setKey }).max({ v: 'version' }).first()) as { v: number | null };
        const id = newId();
        await trx('screening_sets').insert({ id, set_key: setKey, version: (last.v ?? 0) + 1, content: JSON.stringify(content), created_at: stamp(), created_by: currentActor() });
        await appendAudit(trx, newId, { at: stamp(), action: 'screening_set.saved', entity: 'screening_set', entityId: id, detail: { version: (last.v ?? 0) + 1 } });
        return ok((await setById(trx, id))!);
      }),

    policy(): ScreeningPolicy {
      const stored = screeningPolicySchema.safeParse(deps.store.get('screeningPolicy'));
      return stored.success ? stored.data : defaultScreeningPolicy;
    },
    setPolicy(policy: ScreeningPolicy): ScreeningPolicy {
      deps.store.set('screeningPolicy', policy);
      return policy;
    },

    forAppointment: async (appointmentId: string) => {
      const screenings = await forAppointment(db, appointmentId);
      return { screenings, blocked: (await forSlot(db, appointmentId)).some(blocking) };
    },

    /** Whether the visit is stopped by a screening: asked inside check-in's transaction. */
    async refuseVisit(trx: Knex, appointmentId: string): Promise<Result<never> | null> {
      return (await forSlot(trx, appointmentId)).some(blocking) ? err('conflict', blockedMessage, { id: blockedMessage }) : null;
    },

    record: (input: ParsedInput<'screening.record'>) =>
      db.transaction(async (trx): Promise<Result<Screening>> => {
        const visit = (await trx('appointments').where({ id: input.appointmentId }).first('patient_id', 'status')) as { patient_id: string; status: string } | undefined;
        if (!visit) return err('not_found', say('appointments.noSuch'), { appointmentId: say('appointments.noSuchField') });
        if (visit.status === 'cancelled' || visit.status === 'no_show' || visit.status === 'checked_out') {
          const word = { cancelled: say('appointments.state.cancelled'), no_show: say('appointments.state.noShow'), checked_out: say('appointments.state.over') }[visit.status];
          return err('invalid_input', say('screening.nothingToScreen', { state: word }), { appointmentId: say('appointments.isState', { state: word }) });
        }
        const set = await setById(trx, input.setId);
        if (!set) return err('invalid_input', say('ipc.invalidInput'), { setId: say('screening.noSet') });
        const given = new Map(input.answers.map((a) => [a.questionId, a.answer]));
        const fields: Record<string, string> = {};
        for (const q of set.questions) if (!given.has(q.id)) fields[`answers.${q.id}`] = say('screening.yesNo');
        for (const a of input.answers) if (!set.questions.some((q) => q.id === a.questionId)) fields[`answers.${a.questionId}`] = say('screening.notInSet');
        const positive = input.answers.some((a) => a.answer);
        const byPatient = deps.byPatient();
        // The patient answering on the screen cannot write the conversation: staff add it after (addNote).
        if (positive && !byPatient && input.note === '') fields.note = say('screening.yesNeedsNote');
        if (Object.keys(fields).length > 0) return err('invalid_input', say('ipc.invalidInput'), fields);
        const id = newId();
        await trx('screenings').insert({
          id, appointment_id: input.appointmentId, patient_id: visit.patient_id, stage: input.stage, set_id: set.id, language: input.language,
          answers: JSON.stringify(set.questions.map((q) => ({ questionId: q.id, text: q[input.language], answer: given.get(q.id)! }))),
          positive: positive ? 1 : 0, note: input.note === '' ? null : input.note, taken_by: currentActor(), by_patient: byPatient ? 1 : 0, taken_at: stamp(),
        });
        // The stage, not the answers: a screening result is health information.
        await appendAudit(trx, newId, { at: stamp(), action: 'screening.recorded', entity: 'screening', entityId: id, detail: { appointmentId: input.appointmentId, stage: input.stage } });
        return keepPdf(trx, id);
      }),

    addNote: ({ screeningId, note }: { screeningId: string; note: string }) =>
      amend(screeningId, 'screening.note_added', (s) => (s.note ? err('conflict', say('screening.hasNote'), { note: say('screening.hasNoteField') }) : ok({ note }))),

    override: ({ screeningId, reason }: { screeningId: string; reason: string }) =>
      amend(screeningId, 'screening.overridden', (s) => {
        if (!s.positive) return err('invalid_input', say('screening.wasClear'), { screeningId: say('screening.wasClearField') });
        if (s.override) return err('conflict', say('screening.overridden'), { screeningId: say('screening.overriddenField') });
        return ok({ override_reason: reason, override_by: currentActor(), override_at: stamp() });
      }),

    read: (id: string) => read(db, id),

    /** The newest arrival screening of a visit taken since a moment (the patient's step in patient mode), if any. */
    async arrivalSince(appointmentId: string, since: string): Promise<'clear' | 'yes' | null> {
      const row = (await db('screenings').where({ appointment_id: appointmentId, stage: 'arrival' }).where('taken_at', '>=', since).orderBy('taken_at', 'desc').first('positive')) as { positive: number } | undefined;
      return row ? (row.positive ? 'yes' : 'clear') : null;
    },

    /** Whether the patient may answer this visit's arrival screening on the screen: their own visit, still to come or under way. */
    async screenable(appointmentId: string, patientId: string): Promise<Result<null>> {
      const visit = (await db('appointments').where({ id: appointmentId }).first('patient_id', 'status')) as { patient_id: string; status: string } | undefined;
      if (!visit || visit.patient_id !== patientId) return err('not_found', say('day.arrival.notTheirs'), { arrivalScreening: say('day.arrival.notTheirsField') });
      if (visit.status !== 'booked' && visit.status !== 'checked_in') return err('invalid_input', say('day.arrival.over'), { arrivalScreening: say('day.arrival.overField') });
      return ok(null);
    },

    async document(screeningId: string): Promise<Result<{ fileName: string; bytes: Buffer; sha256: string }>> {
      const row = (await db('screenings').where({ id: screeningId }).first('pdf_sha256')) as { pdf_sha256: string | null } | undefined;
      if (!row?.pdf_sha256) return err('not_found', say('screening.noPdf'), { screeningId: say('screening.noPdfField') });
      const stored = await deps.documents.readVerified(fileName(screeningId), row.pdf_sha256);
      if (!stored.ok) {
        return stored.reason === 'missing'
          ? err('not_found', say('screening.pdfMissing'))
          : err('integrity', say('screening.pdfChanged'));
      }
      return ok({ fileName: fileName(screeningId), bytes: stored.bytes, sha256: row.pdf_sha256 });
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
