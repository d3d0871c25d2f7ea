import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { doNotContact, type PatientSession, type TemplateVersion } from '../../shared/contract/consent';
import { fillPlaceholders } from '../../shared/consent/placeholders';
import { doNotContactLabels, relationshipLabels } from '../../shared/consent/signer';
import { navigate } from '../app/route';
import { call } from '../ipc/client';
import { useRead, useWrite } from '../ipc/hooks';
import { SignatureBox, type SignatureBoxHandle } from './SignatureBox';
import { SelectField, TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { initialChoices, toggleChoice } from './choices';
import { ScreenLeftNotice, type ScreenLeft } from './ScreenLeftNotice';
import { IntakeStep, useIntakeStep } from '../intake/IntakeStep';
// check-ins
import { CheckinStep, checkinPending } from '../checkin/CheckinStep';
import { PatientScreening } from '../screening/PatientScreening'; // day
import { patientScreeningWords } from '../screening/words'; // day

/**
 * Every word the patient sees, in the patient's language. Main answers errors in the
 * desk's English, so the screen says them again here by the field they name.
 */
const words = {
  'en-CA': {
    of: (a: number, b: number) => `Form ${a} of ${b}`,
    name: 'Your name',
    signingFor: (patient: string, as: string) => `You are signing for ${patient}, as: ${as}`,
    sign: 'Sign in the box with your finger, a stylus or the mouse',
    clear: 'Clear signature',
    agree: 'I agree and sign',
    drawFirst: 'Please sign in the box first',
    nameFirst: 'Please write your name',
    choices: { privacy: 'Tick how we may contact you, or “Do not contact me”', other: 'Please tick at least one box' },
    failed: 'This form could not be saved. Please ask the front desk for help.',
    changed: 'This form was just updated. Please read it again before you sign.',
    done: 'Thank you. Please hand the screen back to the front desk.',
    staff: 'Staff: unlock',
    exit: 'Staff exit',
    pin: 'Your PIN',
    member: 'Staff member',
    chooseName: 'Choose your name',
    unlock: 'Unlock',
    back: 'Back to the form',
    wrongPin: 'That PIN is not right',
    // The lock grows with each one in a row (main/staff/service.ts): no fixed time is promised.
    locked: 'Too many tries: this account is locked for now. Another staff member can unlock with their own PIN',
  },
  'fr-CA': {
    of: (a: number, b: number) => `Formulaire ${a} sur ${b}`,
    name: 'Votre nom',
    signingFor: (patient: string, as: string) => `Vous signez au nom de ${patient}, à titre de : ${as}`,
    sign: 'Signez dans le cadre avec le doigt, un stylet ou la souris',
    clear: 'Effacer la signature',
    agree: 'J’accepte et je signe',
    drawFirst: 'Veuillez d’abord signer dans le cadre',
    nameFirst: 'Veuillez écrire votre nom',
    choices: { privacy: 'Cochez comment nous pouvons vous joindre, ou « Ne pas me contacter »', other: 'Veuillez cocher au moins une case' },
    failed: 'Ce formulaire n’a pas pu être enregistré. Veuillez demander de l’aide à la réception.',
    changed: 'Ce formulaire vient d’être mis à jour. Veuillez le relire avant de signer.',
    done: 'Merci. Veuillez remettre l’écran à la réception.',
    staff: 'Personnel : déverrouiller',
    exit: 'Sortie (personnel)',
    pin: 'Votre NIP',
    member: 'Membre du personnel',
    chooseName: 'Choisissez votre nom',
    unlock: 'Déverrouiller',
    back: 'Retour au formulaire',
    wrongPin: 'Ce NIP n’est pas le bon',
    locked: 'Trop d’essais : ce compte est bloqué pour le moment. Un autre membre du personnel peut déverrouiller avec son propre NIP',
  },
} as const;

type Words = (typeof words)[PatientSession['locale']];

/** A staff member's own PIN, the only way out of patient mode; by default the one who handed the screen over. */
function Unlock({ onUnlocked, t, owner }: { onUnlocked(left: ScreenLeft): void; t: Words; owner?: string }) {
  const people = useRead('session.people', {});
  const [staffId, setStaffId] = useState(owner ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    // Not useWrite: refreshing every read would end patient mode on screen before staff read what it tells them.
    const r = await call('patientMode.exit', { pin, staffId: staffId || undefined });
    if (r.ok) onUnlocked(r.value.screenLeft);
    else {
      setError(/locked/i.test(r.error.fields?.pin ?? '') ? t.locked : t.wrongPin);
      setPin('');
    }
  }
  return (
    <form className="unlock" onSubmit={submit} aria-label={t.staff}>
      <SelectField label={t.member} value={staffId} onChange={(e) => setStaffId(e.target.value)} options={[...(owner ? [] : [{ value: '', label: t.chooseName }]), ...(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField ref={ref} label={t.pin} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={error} />
      <button type="submit" className="button button--primary">
        {t.unlock}
      </button>
    </form>
  );
}

/** Main's refusal, said in the patient's language at the field it names. */
function patientErrors(fields: Record<string, string> | undefined, kind: TemplateVersion['kind'], t: Words): Record<string, string> {
  const out: Record<string, string> = {};
  if (fields?.['signature.imageBase64']) out['signature.imageBase64'] = t.drawFirst;
  if (fields?.['signature.signerName']) out['signature.signerName'] = t.nameFirst;
  if (fields?.choices) out.choices = kind === 'privacy' ? t.choices.privacy : t.choices.other;
  if (Object.keys(out).length === 0) out._ = t.failed;
  return out;
}

function SignOne({ session, template, index, total, onSigned, onChanged }: {
  session: PatientSession;
  template: TemplateVersion;
  index: number;
  total: number;
  onSigned(): void;
  onChanged(): void;
}) {
  const t = words[session.locale];
  const text = template.locales[session.locale];
  const clinic = useRead('settings.get', {});
  const [name, setName] = useState(session.substitute?.name ?? session.patientName);
  const [choices, setChoices] = useState<string[]>(() => initialChoices(template.kind, template.choices, session.preferredContact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sign = useWrite('consent.sign');
  const box = useRef<SignatureBoxHandle>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [template.id]);
  const fill = (s: string) => fillPlaceholders(s, { 'clinic.name': clinic.data?.name ?? '', 'clinic.phone': clinic.data?.phone ?? '', 'patient.name': session.patientName });
  const none = template.kind === 'privacy' ? doNotContact : undefined;
  const options = [...template.choices.map((key) => ({ key, label: text.choiceLabels[key] })), ...(none ? [{ key: none, label: doNotContactLabels[session.locale] }] : [])];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const png = box.current?.png();
    if (!png) {
      setErrors({ 'signature.imageBase64': t.drawFirst });
      return;
    }
    const r = await sign.mutateAsync({
      patientId: session.patientId,
      kind: template.kind,
      locale: session.locale,
      choices,
      templateVersion: template.version,
      signature: { method: 'screen', imageBase64: png, signerName: name, signerRelationship: session.substitute?.relationship ?? 'self' },
      witnessId: session.witnessId,
    });
    // Already signed in this session (a second tap, another window): the next form is what is left to do.
    if (r.ok || r.error.fields?.kind) {
      box.current?.clear();
      onSigned();
    } else if (r.error.code === 'conflict') {
      // The wording changed while it was open: show the new version to read, not a signature on the old.
      onChanged();
      setErrors({ _: t.changed });
    } else setErrors(patientErrors(r.error.fields, template.kind, t));
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
      {options.length > 0 && (
        <fieldset className={errors.choices ? 'field--invalid' : undefined} aria-describedby={errors.choices ? 'choices-error' : undefined}>
          <legend>{fill(text.choiceGroup)}</legend>
          {options.map(({ key, label }) => (
            <label key={key} className="checkbox checkbox--large">
              <input type="checkbox" checked={choices.includes(key)} onChange={(e) => setChoices(toggleChoice(choices, key, e.target.checked, none))} />
              {label}
            </label>
          ))}
          {errors.choices && (
            <span className="field__error" id="choices-error" role="alert">
              {errors.choices}
            </span>
          )}
        </fieldset>
      )}
      {session.substitute && <p className="patient-mode__for">{t.signingFor(session.patientName, relationshipLabels[session.locale][session.substitute.relationship])}</p>}
      <TextField label={t.name} value={name} onChange={(e) => setName(e.target.value)} error={errors['signature.signerName']} autoComplete="off" />
      <SignatureBox ref={box} label={t.sign} error={errors['signature.imageBase64']} />
      <Problem message={errors._} />
      <div className="actions">
        <button type="submit" className="button button--primary button--big" disabled={sign.isPending}>
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
const patientModeReads: ReadonlySet<string> = new Set(['patientMode.current', 'consent.templates', 'settings.get', 'checkin.questionnaire' /* check-ins */, 'screening.current' /* day */]);

/**
 * The only thing on screen while the patient holds it. Where the patient is comes from
 * main (the forms already signed in this session), so a reload or a restart resumes at
 * the next form, and a finished session shows only the hand-back screen.
 */
export function PatientModeScreen({ session }: { session: PatientSession }) {
  const client = useQueryClient();
  const templates = useRead('consent.templates', {});
  const [unlocking, setUnlocking] = useState(false);
  const t = words[session.locale];
  const list = session.kinds.map((k) => templates.data?.templates.find((x) => x.kind === k)).filter((x): x is TemplateVersion => Boolean(x));
  const index = list.findIndex((x) => !session.signed.includes(x.kind));
  // The health history first, when the desk chose it; then the forms.
  const intake = useIntakeStep(session);
  // day: the arrival screening before anything else; a yes ends the session's steps (no treatment today).
  const screening = session.arrivalScreening?.result === null ? 'pending' : session.arrivalScreening?.result === 'yes' ? 'stopped' : 'clear';
  // check-ins: the check-in after the health history, before the forms.
  const checkin = checkinPending(session);
  const finished = screening === 'stopped' || (screening === 'clear' && templates.data !== undefined && !intake.loading && !intake.pending && !checkin && index < 0);
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

  // A signature refreshes every read (useWrite); "already signed" is a refusal, so it asks for the session itself.
  const refresh = () => client.invalidateQueries({ queryKey: ['patientMode.current'] });
  // Back to the record the forms were signed for, whatever was pressed meanwhile; every read fresh.
  const leave = () => {
    navigate({ screen: 'patients', patientId: session.patientId });
    // Every read fresh: whoever unlocked now holds the desk (main signed them in).
    void client.invalidateQueries();
  };

  return (
    <div className="patient-mode" lang={session.locale.slice(0, 2)}>
      <header className="patient-mode__top">
        <span>{session.patientName}</span>
        {!finished && (
          <button type="button" className="button button--quiet patient-mode__exit" onClick={() => setUnlocking(true)}>
            {t.exit}
          </button>
        )}
      </header>
      <main className="patient-mode__main">
        {left.length > 0 && <ScreenLeftNotice left={left} onDone={leave} />}
        {!left.length && (unlocking || finished) && (
          <div className="patient-mode__done">
            {finished && <p className="patient-mode__thanks">{screening === 'stopped' ? patientScreeningWords[session.locale].stop : t.done}</p>}
            <h2>{t.staff}</h2>
            <Unlock onUnlocked={(l) => (l.length ? setLeft(l) : leave())} t={t} owner={session.staffId} />
            {unlocking && !finished && (
              <button type="button" className="button" onClick={() => setUnlocking(false)}>
                {t.back}
              </button>
            )}
          </div>
        )}
        {/* Hidden, not unmounted, while staff are asked for: the patient's typing, ticks and signature stay. */}
        {screening === 'pending' && (
          <div hidden={unlocking}>
            <PatientScreening session={session} />
          </div>
        )}
        {screening === 'clear' && intake.pending && (
          <div hidden={unlocking}>
            <IntakeStep session={session} />
          </div>
        )}
        {screening === 'clear' && !intake.pending && !intake.loading && checkin && (
          <div hidden={unlocking}>
            <CheckinStep session={session} />
          </div>
        )}
        {screening === 'clear' && !intake.pending && !intake.loading && !checkin && index >= 0 && (
          <div hidden={unlocking}>
            <SignOne key={list[index].id} session={session} template={list[index]} index={index} total={list.length} onSigned={() => void refresh()} onChanged={() => void client.invalidateQueries({ queryKey: ['consent.templates'] })} />
          </div>
        )}
      </main>
    </div>
  );
}
