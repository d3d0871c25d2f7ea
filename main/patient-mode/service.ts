import type { Channel, ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { patientSessionSchema, type ConsentKind, type ConsentRecord, type PatientSession } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';

/** What the screen may still ask while the patient holds it: the forms, and the way out. */
const allowedInPatientMode = new Set<Channel>(['patientMode.current', 'patientMode.exit', 'consent.templates', 'consent.sign', 'settings.get']);

export interface PatientModeDeps {
  getPatient: (id: string) => Promise<Patient | null>;
  checkPin: (pin: string) => Result<{ unlocked: true }>;
  pinIsSet: () => boolean;
  /** Where the session survives a restart (the database), and the audit trail of who held the screen. */
  save: (session: PatientSession | null) => Promise<void>;
  load: () => Promise<unknown>;
  audit: (action: 'patient_mode.entered' | 'patient_mode.left', patientId: string) => Promise<void>;
  /** Whether the forms can be made for this patient (font, logo, clinic name): found out before the patient signs, not after. */
  canPrint: (session: ParsedInput<'patientMode.enter'>) => Promise<Result<unknown>>;
  /** The kinds this patient signed on screen since a moment: the consents table is the one truth of what a session did. */
  signedSince: (patientId: string, since: string) => Promise<ConsentKind[]>;
  now: () => Date;
  /** The shell's part: lock the window while the patient holds it (Electron: kiosk, no close). */
  onChange?: (on: boolean) => void;
}

/**
 * Patient mode is held here in main, not in the screen, and saved in the database: a
 * reload, a Back press, a stray shortcut or quitting and reopening the app cannot end
 * it. While it is on, every channel but signing the session's own forms, the way the
 * staff set them up, is refused. Only the staff PIN ends it.
 */
export async function createPatientMode(deps: PatientModeDeps) {
  const stored = patientSessionSchema.nullable().safeParse(await deps.load());
  let session: PatientSession | null = stored.success ? stored.data : null;
  deps.onChange?.(session !== null);
  /** Forms being signed right now: a double tap must not sign twice before the first is stored. */
  const signing = new Set<ConsentKind>();

  /** The session with what it has signed so far, read back from the records, so a restart loses nothing. */
  async function withProgress(s: PatientSession): Promise<PatientSession> {
    if (!s.startedAt) return s;
    const since = new Set(await deps.signedSince(s.patientId, s.startedAt));
    return { ...s, signed: s.kinds.filter((k) => since.has(k)) };
  }

  return {
    async enter(input: ParsedInput<'patientMode.enter'>): Promise<Result<PatientSession>> {
      if (session) return err('conflict', 'Patient mode is already on.');
      if (!deps.pinIsSet()) {
        return err('forbidden', 'Set a staff PIN in Settings first: it is the only way out of patient mode.', { kinds: 'No staff PIN is set' });
      }
      const patient = await deps.getPatient(input.patientId);
      if (!patient) return err('not_found', 'This patient record no longer exists.');
      if (patient.archivedAt) return err('conflict', 'This patient is archived. Restore the record before recording consent.');
      const printable = await deps.canPrint(input);
      if (!printable.ok) return printable;
      const next: PatientSession = {
        ...input,
        patientName: `${patient.firstName} ${patient.lastName}`,
        startedAt: deps.now().toISOString(),
        preferredContact: patient.preferredContact,
        signed: [],
      };
      await deps.save(next);
      await deps.audit('patient_mode.entered', next.patientId);
      session = next;
      deps.onChange?.(true);
      return ok(next);
    },
    current: async (): Promise<Result<{ session: PatientSession | null }>> => ok({ session: session && (await withProgress(session)) }),
    /**
     * Wraps signing: while a session is on, each of its forms is signed once. A reload,
     * a restart or a second tap cannot record the same form again in the same session.
     */
    signOnce(sign: (input: ParsedInput<'consent.sign'>) => Promise<Result<ConsentRecord>>) {
      return async (input: ParsedInput<'consent.sign'>): Promise<Result<ConsentRecord>> => {
        if (!session) return sign(input);
        const already = err('conflict', 'This form is already signed in this session.', { kind: 'Already signed in this session' });
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
    async exit({ pin }: { pin: string }): Promise<Result<{ unlocked: true }>> {
      const checked = deps.checkPin(pin);
      if (!checked.ok || !session) return checked;
      await deps.save(null);
      await deps.audit('patient_mode.left', session.patientId);
      session = null;
      deps.onChange?.(false);
      return checked;
    },
    /** Null when the call may go ahead; otherwise the refusal the caller gets. */
    refuse(channel: Channel, input: unknown): Result<never> | null {
      if (!session) return null;
      const refusal = err('forbidden', 'Patient mode is on: a staff member must unlock it with the PIN first.');
      if (!allowedInPatientMode.has(channel)) return refusal;
      if (channel === 'consent.sign') {
        const sign = input as { patientId: string; kind: PatientSession['kinds'][number]; locale: string; explainedBy: string; witnessedBy: string; signature: { method: string; signerRelationship?: string } };
        const asSetUp =
          sign.patientId === session.patientId &&
          session.kinds.includes(sign.kind) &&
          sign.signature.method === 'screen' &&
          sign.locale === session.locale &&
          sign.explainedBy === session.explainedBy &&
          sign.witnessedBy === session.witnessedBy &&
          (sign.signature.signerRelationship ?? 'self') === (session.substitute?.relationship ?? 'self');
        if (!asSetUp) return refusal;
      }
      return null;
    },
  };
}
export type PatientMode = Awaited<ReturnType<typeof createPatientMode>>;
