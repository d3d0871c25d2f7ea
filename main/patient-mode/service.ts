import type { Channel, ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { patientSessionSchema, type ConsentKind, type ConsentRecord, type PatientSession } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import type { StaffMember } from '../../shared/contract/staff';
import { say } from '../../shared/messages';

/** What the screen may still ask while the patient holds it: the forms, and the way out. */
// session.people: the staff names for the way out (a staff member's own PIN), nothing of any patient.
/** The health history step: only the session's own patient, and only when the desk chose the step. */
const intakeStep: readonly Channel[] = ['intake.template', 'intake.current', 'intake.draft', 'intake.saveDraft', 'intake.submit'];
// check-ins: the check-in step, on the session's own patient, version and language.
const checkinStep: readonly Channel[] = ['checkin.questionnaire', 'checkin.record', 'checkin.draft', 'checkin.saveDraft', 'checkin.dropDraft'];
// day: the arrival screening step: only the session's own visit, at arrival, in the session's language.
const screeningStep: readonly Channel[] = ['screening.current', 'screening.forAppointment', 'screening.record'];
const allowedInPatientMode = new Set<Channel>(['patientMode.current', 'patientMode.exit', 'consent.templates', 'consent.sign', 'settings.get', 'session.people', ...intakeStep, ...checkinStep, ...screeningStep]);

export interface PatientModeDeps {
  getPatient: (id: string) => Promise<Patient | null>;
  /** A staff member's own PIN, with the accounts' lockout. */
  checkPin: (staffId: string, pin: string) => Promise<Result<StaffMember>>;
  /** Whoever unlocked is now the one at the desk. */
  onExit: (by: StaffMember) => Promise<unknown>;
  /**
   * Where the session survives a restart (the database), saved in ONE transaction with
   * the audit entry of who took or gave back the screen: a crash cannot keep one without the other.
   */
  save: (session: PatientSession | null, audit: { action: 'patient_mode.entered' | 'patient_mode.left'; patientId: string; actor?: string }) => Promise<void>;
  load: () => Promise<unknown>;
  /** Audit entries that go with no change: a wrong PIN, a refused channel, the screen left. Ids and names only, never the PIN. */
  audit: (action: 'patient_mode.pin_refused' | 'patient_mode.channel_refused' | 'patient_mode.screen_left', patientId: string, detail?: Record<string, unknown>) => Promise<void>;
  /** Whether the forms can be made for this patient (font, logo, clinic name): found out before the patient signs, not after. */
  canPrint: (session: ParsedInput<'patientMode.enter'>) => Promise<Result<unknown>>;
  /** The kinds this patient signed on screen since a moment: the consents table is the one truth of what a session did. */
  signedSince: (patientId: string, since: string) => Promise<ConsentKind[]>;
  /** check-ins: whether the patient answered a check-in since a moment (the check-ins table is the truth of it). */
  checkinSince?: (patientId: string, since: string) => Promise<boolean>;
  /** day: the newest arrival screening of the visit since a moment, if any: the screenings table says whether the step is done. */
  screenedSince: (appointmentId: string, since: string) => Promise<'clear' | 'yes' | null>;
  now: () => Date;
  /** The shell's part: lock the window while the patient holds it (Electron: kiosk, no close). */
  onChange?: (on: boolean) => void;
}

/**
 * Patient mode is held here in main, not in the screen, and saved in the database: a
 * reload, a Back press, a stray shortcut or quitting and reopening the app cannot end
 * it. While it is on, every channel but signing the session's own forms, the way the
 * staff set them up, is refused. Only a staff member's own PIN ends it.
 */
export async function createPatientMode(deps: PatientModeDeps) {
  const stored = patientSessionSchema.nullable().safeParse(await deps.load());
  let session: PatientSession | null = stored.success ? stored.data : null;
  deps.onChange?.(session !== null);
  /** Forms being signed right now: a double tap must not sign twice before the first is stored. */
  const signing = new Set<ConsentKind>();
  // The arrival screening being recorded now, claimed before the first await (screenOnce).
  let screeningNow = false;

  /** The session with what it has signed so far, read back from the records, so a restart loses nothing. */
  async function withProgress(s: PatientSession): Promise<PatientSession> {
    if (!s.startedAt) return s;
    const since = new Set(await deps.signedSince(s.patientId, s.startedAt));
    // check-ins
    const checkin = s.checkin && { ...s.checkin, done: Boolean(await deps.checkinSince?.(s.patientId, s.startedAt)) };
    const screening = s.arrivalScreening && { ...s.arrivalScreening, result: await deps.screenedSince(s.arrivalScreening.appointmentId, s.startedAt) };
    return { ...s, signed: s.kinds.filter((k) => since.has(k)), ...(checkin ? { checkin } : {}), ...(screening ? { arrivalScreening: screening } : {}) };
  }

  /** Times the patient-facing window lost the screen this session, told to staff when they unlock. */
  let screenLeft: Array<{ at: string; seconds: number }> = [];
  /** Channels already audited as refused this session: one entry each, so a looping screen cannot fill the disk. */
  let refusedChannels = new Set<string>();
  // Refusals are answered at once (the guard is synchronous); their audit entries follow
  // in order on one chain. An entry that cannot be written does not undo the refusal,
  // which already happened; it must not break the chain for the next one either.
  let auditing: Promise<void> = Promise.resolve();
  const audit = (...entry: Parameters<PatientModeDeps['audit']>) => {
    auditing = auditing.then(() => deps.audit(...entry)).catch(() => undefined);
    return auditing;
  };

  return {
    /**
     * The session as it was handed over, or null when staff hold the screen; without reading
     * back what it has done so far (current() does, in up to three queries): enough to know
     * whose screen it is and who acts (staffId), for calls as frequent as a draft's save on
     * each tap and every call's access check.
     */
    session: (): PatientSession | null => session,
    /** `input` with the names main took from the session (patient-mode/handlers.ts): who explained, the witness. */
    async enter(input: Omit<ParsedInput<'patientMode.enter'>, 'intake' | 'checkin' | 'arrivalScreening'> & { explainedBy: string; witnessedBy: string; staffId: string; intake?: PatientSession['intake']; checkin?: PatientSession['checkin']; arrivalScreening?: PatientSession['arrivalScreening'] }): Promise<Result<PatientSession>> {
      if (session) return err('conflict', say('patientMode.alreadyOn'));
      const patient = await deps.getPatient(input.patientId);
      if (!patient) return err('not_found', say('patients.gone'));
      if (patient.archivedAt) return err('conflict', say('patients.archivedNoConsent'));
      const printable = await deps.canPrint({ ...input, intake: input.intake !== undefined, checkin: input.checkin !== undefined, arrivalScreening: input.arrivalScreening?.appointmentId });
      if (!printable.ok) return printable;
      const next: PatientSession = {
        ...input,
        patientName: `${patient.firstName} ${patient.lastName}`,
        startedAt: deps.now().toISOString(),
        preferredContact: patient.preferredContact,
        signed: [],
      };
      await deps.save(next, { action: 'patient_mode.entered', patientId: next.patientId });
      session = next;
      screenLeft = [];
      refusedChannels = new Set();
      deps.onChange?.(true);
      return ok(next);
    },
    current: async (): Promise<Result<{ session: PatientSession | null }>> => ok({ session: session && (await withProgress(session)) }),
    /**
     * Wraps signing: while a session is on, each of its forms is signed once. A reload,
     * a restart or a second tap cannot record the same form again in the same session.
     */
    signOnce<I extends ParsedInput<'consent.sign'>>(sign: (input: I) => Promise<Result<ConsentRecord>>) {
      return async (input: I): Promise<Result<ConsentRecord>> => {
        if (!session) return sign(input);
        const already = err('conflict', say('patientMode.signedAlready'), { kind: say('patientMode.signedAlreadyField') });
        if (signing.has(input.kind)) return already;
        // Claimed before the first await, so a second call arriving meanwhile is refused.
        signing.add(input.kind);
        try {
          if ((await withProgress(session)).signed.includes(input.kind)) return already;
          return await sign(input);
        } finally {
          signing.delete(input.kind);
        }
      };
    },
    /**
     * Wraps the arrival screening as signOnce wraps signing: while a session carries one,
     * it is recorded once. A reload, a second tap or two calls at once cannot record a
     * second screening for the same visit in the same session.
     */
    screenOnce<I, O>(record: (input: I) => Promise<Result<O>>) {
      return async (input: I): Promise<Result<O>> => {
        if (!session?.arrivalScreening) return record(input);
        const already = err('conflict', say('patientMode.screenedAlready'), { answers: say('patientMode.screenedAlreadyField') });
        if (screeningNow) return already;
        screeningNow = true;
        try {
          if ((await withProgress(session)).arrivalScreening?.result != null) return already;
          return await record(input);
        } finally {
          screeningNow = false;
        }
      };
    },
    async exit({ pin, staffId }: { pin: string; staffId?: string }): Promise<Result<{ unlocked: true; screenLeft: Array<{ at: string; seconds: number }> }>> {
      const on = session;
      if (!on) return ok({ unlocked: true, screenLeft: [] }); // nothing to unlock; no PIN is checked, so nothing is learnt
      const who = staffId ?? on.staffId;
      if (!who) return err('invalid_input', say('patientMode.chooseName'), { staffId: say('patientMode.chooseNameField') });
      const checked = await deps.checkPin(who, pin);
      if (!checked.ok) {
        await audit('patient_mode.pin_refused', on.patientId);
        return { ok: false, error: { ...checked.error, fields: { pin: checked.error.fields?.secret ?? checked.error.message } } };
      }
      await auditing; // the refusals of this session come before its end in the trail
      if (session !== on) return ok({ unlocked: true, screenLeft: [] }); // unlocked meanwhile by another call
      await deps.save(null, { action: 'patient_mode.left', patientId: on.patientId, actor: checked.value.id });
      session = null;
      deps.onChange?.(false);
      await deps.onExit(checked.value);
      return ok({ unlocked: true, screenLeft });
    },
    /** Told by the shell when the patient-facing window lost the screen and got it back. */
    async screenLeft(left: { at: string; seconds: number }): Promise<void> {
      if (!session) return;
      screenLeft.push(left);
      await audit('patient_mode.screen_left', session.patientId, left);
    },
    /** Resolves when every audit entry asked for so far is written (before the database closes). */
    settled: () => auditing,
    /** Null when the call may go ahead; otherwise the refusal the caller gets. */
    refuse(channel: Channel, input: unknown): Result<never> | null {
      if (!session) return null;
      const on = session;
      const refusal = () => {
        if (!refusedChannels.has(channel)) void audit('patient_mode.channel_refused', on.patientId, { channel });
        refusedChannels.add(channel);
        return err('forbidden', say('patientMode.locked'));
      };
      if (!allowedInPatientMode.has(channel)) return refusal();
      if (intakeStep.includes(channel) && channel !== 'intake.template') {
        const asked = input as { patientId: string; locale?: string; basedOnVersion?: number | null };
        const ownStep = session.intake !== undefined && asked.patientId === session.patientId;
        // Submitting once makes the next version; the same call again is refused, not a third version.
        const asHandedOver = channel !== 'intake.submit' || (asked.locale === session.locale && asked.basedOnVersion === session.intake?.basedOnVersion);
        if (!ownStep || !asHandedOver) return refusal();
      }
      // check-ins (its draft too): the session's patient only; recorded on the version handed over, in the session's language.
      if (checkinStep.includes(channel) && channel !== 'checkin.questionnaire') {
        const asked = input as { patientId: string; locale?: string; questionnaireId?: string };
        const ownStep = session.checkin !== undefined && asked.patientId === session.patientId;
        const asHandedOver = channel !== 'checkin.record' || (asked.locale === session.locale && asked.questionnaireId === session.checkin?.questionnaireId);
        if (!ownStep || !asHandedOver) return refusal();
      }
      if (screeningStep.includes(channel) && channel !== 'screening.current') {
        const asked = input as { appointmentId: string; stage?: string; language?: string };
        const own = session.arrivalScreening !== undefined && asked.appointmentId === session.arrivalScreening.appointmentId;
        const asHandedOver = channel !== 'screening.record' || (asked.stage === 'arrival' && asked.language === session.locale.slice(0, 2));
        if (!own || !asHandedOver) return refusal();
      }
      if (channel === 'screening.current' && !session.arrivalScreening) return refusal();
      if (channel === 'consent.sign') {
        const sign = input as { patientId: string; kind: PatientSession['kinds'][number]; locale: string; witnessId?: string; signature: { method: string; signerRelationship?: string } };
        const asSetUp =
          sign.patientId === session.patientId &&
          session.kinds.includes(sign.kind) &&
          sign.signature.method === 'screen' &&
          sign.locale === session.locale &&
          sign.witnessId === session.witnessId &&
          (sign.signature.signerRelationship ?? 'self') === (session.substitute?.relationship ?? 'self');
        if (!asSetUp) return refusal();
      }
      return null;
    },
  };
}
export type PatientMode = Awaited<ReturnType<typeof createPatientMode>>;
