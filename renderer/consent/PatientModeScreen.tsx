import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PatientSession, TemplateVersion } from '../../shared/contract/consent';
import { fillPlaceholders } from '../../shared/consent/placeholders';
import { navigate } from '../app/route';
import { call } from '../ipc/client';
import { useRead } from '../ipc/hooks';
import { SignatureBox, type SignatureBoxHandle } from './SignatureBox';
import { SelectField, TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { ScreenLeftNotice, type ScreenLeft } from './ScreenLeftNotice';
import { IntakeStep, useIntakeStep } from '../intake/IntakeStep';

const words = {
  'en-CA': {
    of: (a: number, b: number) => `Form ${a} of ${b}`,
    name: 'Your name',
    sign: 'Sign in the box with your finger, a stylus or the mouse',
    clear: 'Clear signature',
    agree: 'I agree and sign',
    drawFirst: 'Please sign in the box first',
    done: 'Thank you. Please hand the screen back to the front desk.',
    staff: 'Staff: unlock',
    exit: 'Staff exit',
  },
  'fr-CA': {
    of: (a: number, b: number) => `Formulaire ${a} sur ${b}`,
    name: 'Votre nom',
    sign: 'Signez dans le cadre avec le doigt, un stylet ou la souris',
    clear: 'Effacer la signature',
    agree: 'J’accepte et je signe',
    drawFirst: 'Veuillez d’abord signer dans le cadre',
    done: 'Merci. Veuillez remettre l’écran à la réception.',
    staff: 'Personnel : déverrouiller',
    exit: 'Sortie (personnel)',
  },
} as const;

/** A staff member's own PIN, the only way out of patient mode; by default the one who handed the screen over. */
function Unlock({ onUnlocked, label, owner }: { onUnlocked(left: ScreenLeft): void; label: string; owner?: string }) {
  const people = useRead('session.people', {});
  const [staffId, setStaffId] = useState(owner ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('patientMode.exit', { pin, staffId: staffId || undefined });
    if (r.ok) onUnlocked(r.value.screenLeft);
    else {
      setError(r.error.fields?.pin ?? r.error.message);
      setPin('');
    }
  }
  return (
    <form className="unlock" onSubmit={submit} aria-label={label}>
      <SelectField label="Staff member" value={staffId} onChange={(e) => setStaffId(e.target.value)} options={[...(owner ? [] : [{ value: '', label: 'Choose your name' }]), ...(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField ref={ref} label="Your PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={error} />
      <button type="submit" className="button button--primary">
        Unlock
      </button>
    </form>
  );
}

function SignOne({ session, template, index, total, onSigned }: { session: PatientSession; template: TemplateVersion; index: number; total: number; onSigned(): void }) {
  const t = words[session.locale];
  const text = template.locales[session.locale];
  const clinic = useRead('settings.get', {});
  const [name, setName] = useState(session.patientName);
  const [choices, setChoices] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const box = useRef<SignatureBoxHandle>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [template.id]);
  const fill = (s: string) => fillPlaceholders(s, { 'clinic.name': clinic.data?.name ?? '', 'clinic.phone': clinic.data?.phone ?? '', 'patient.name': name });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const png = box.current?.png();
    if (!png) {
      setErrors({ 'signature.imageBase64': t.drawFirst });
      return;
    }
    setBusy(true);
    const r = await call('consent.sign', {
      patientId: session.patientId,
      kind: template.kind,
      locale: session.locale,
      choices,
      templateVersion: template.version,
      signature: { method: 'screen', imageBase64: png, signerName: name },
      witnessId: session.witnessId,
    });
    setBusy(false);
    if (r.ok) {
      box.current?.clear();
      onSigned();
    } else setErrors({ ...(r.error.fields ?? {}), _: r.error.message });
  }

  return (
    <form className="patient-form-sign" onSubmit={submit} noValidate aria-labelledby="sign-title">
      <p className="patient-mode__step">{t.of(index + 1, total)}</p>
      <h1 id="sign-title" tabIndex={-1} ref={heading}>
        {fill(text.title)}
      </h1>
      {text.sections.map((s, i) => (
        <section key={i}>
          {s.heading && <h2>{fill(s.heading)}</h2>}
          {s.paragraphs.map((p, j) => (
            <p key={j}>{fill(p)}</p>
          ))}
        </section>
      ))}
      {template.choices.length > 0 && (
        <fieldset className={errors.choices ? 'field--invalid' : undefined}>
          <legend>{fill(text.choiceGroup)}</legend>
          {template.choices.map((key) => (
            <label key={key} className="checkbox checkbox--large">
              <input type="checkbox" checked={choices.includes(key)} onChange={(e) => setChoices(e.target.checked ? [...choices, key] : choices.filter((c) => c !== key))} />
              {text.choiceLabels[key]}
            </label>
          ))}
          {errors.choices && (
            <span className="field__error" role="alert">
              {errors.choices}
            </span>
          )}
        </fieldset>
      )}
      <TextField label={t.name} value={name} onChange={(e) => setName(e.target.value)} error={errors['signature.signerName']} autoComplete="off" />
      <SignatureBox ref={box} label={t.sign} error={errors['signature.imageBase64']} />
      <Problem message={!errors['signature.imageBase64'] && !errors.choices ? errors._ : null} />
      <div className="actions">
        <button type="submit" className="button button--primary button--big" disabled={busy}>
          {t.agree}
        </button>
        <button type="button" className="button" onClick={() => box.current?.clear()}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}

/** The reads the forms need; every other cached read is dropped on entry. */
const patientModeReads: ReadonlySet<string> = new Set(['patientMode.current', 'consent.templates', 'settings.get']);

/** The only thing on screen while the patient holds it. */
export function PatientModeScreen({ session }: { session: PatientSession }) {
  const client = useQueryClient();
  const templates = useRead('consent.templates', {});
  const [index, setIndex] = useState(0);
  const [unlocking, setUnlocking] = useState(false);
  const t = words[session.locale];
  const list = session.kinds.map((k) => templates.data?.templates.find((x) => x.kind === k)).filter((x): x is TemplateVersion => Boolean(x));
  // The health history first, when the desk chose it; then the forms.
  const intake = useIntakeStep(session);
  const finished = templates.data && !intake.loading && !intake.pending && index >= list.length;
  const [left, setLeft] = useState<ScreenLeft>([]);
  // Nothing of the desk's screens (another patient's record, a search) stays cached in
  // this page while the patient holds it. A fetch still in flight can keep its data a
  // while longer, so the Electron shell also gives the patient a fresh page (patient-lock.ts).
  // The health history step's reads of this patient stay: they start before this effect runs.
  const patientId = session.patientId;
  useEffect(() => {
    const ownIntake = (key: readonly unknown[]) => key[0] === 'intake.template' || (String(key[0]).startsWith('intake.') && (key[1] as { patientId?: string } | undefined)?.patientId === patientId);
    client.removeQueries({ predicate: (q) => !patientModeReads.has(String(q.queryKey[0])) && !ownIntake(q.queryKey) });
  }, [client, patientId]);

  // Back to the record the forms were signed for, whatever was pressed meanwhile.
  const leave = () => {
    navigate({ screen: 'patients', patientId: session.patientId });
    // Whoever unlocked now holds the desk (main signed them in).
    for (const channel of ['patientMode.current', 'consent.status', 'consent.history', 'session.current'] as const) void client.invalidateQueries({ queryKey: [channel] });
  };

  return (
    <div className="patient-mode" lang={session.locale.slice(0, 2)}>
      <header className="patient-mode__top">
        <span>{session.patientName}</span>
        <button type="button" className="button button--quiet patient-mode__exit" onClick={() => setUnlocking(true)}>
          {t.exit}
        </button>
      </header>
      <main className="patient-mode__main">
        {left.length ? (
          <ScreenLeftNotice left={left} onDone={leave} />
        ) : unlocking || finished ? (
          <div className="patient-mode__done">
            {finished && <p className="patient-mode__thanks">{t.done}</p>}
            <h2>{t.staff}</h2>
            <Unlock onUnlocked={(l) => (l.length ? setLeft(l) : leave())} label={t.staff} owner={session.staffId} />
            {unlocking && !finished && (
              <button type="button" className="button" onClick={() => setUnlocking(false)}>
                Back to the form
              </button>
            )}
          </div>
        ) : intake.pending ? (
          <IntakeStep session={session} />
        ) : (
          !intake.loading && list[index] && <SignOne key={list[index].id} session={session} template={list[index]} index={index} total={list.length} onSigned={() => setIndex(index + 1)} />
        )}
      </main>
    </div>
  );
}
