import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useRead } from '../ipc/hooks';
import { call } from '../ipc/client';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';

type Person = { id: string; name: string; initials: string; secretKind: 'pin' | 'password'; lockedUntil: string | null };

/** Seconds until `until`, ticking, for the lockout countdown; 0 once it has passed. */
function useCountdown(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : 0;
}
const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * Sign-in for a shared reception PC: pick your name (or type your initials and press
 * Enter), then your PIN. `only` narrows it to one person: the lock screen, where the same
 * person unlocks; `Someone else` opens the whole list.
 */
export function SignIn({ only, onSignedIn }: { only?: { id: string; name: string }; onSignedIn?: (userId: string) => void }) {
  const client = useQueryClient();
  const intl = useIntl();
  const people = useRead('session.people', {});
  const [chosen, setChosen] = useState<string | null>(only?.id ?? null);
  const [initials, setInitials] = useState('');
  const [secret, setSecret] = useState('');
  const action = useFormAction();
  const errors = action.errors;
  const secretRef = useRef<HTMLInputElement>(null);
  const person = people.data?.people.find((p) => p.id === chosen) as Person | undefined;
  const left = useCountdown(person?.lockedUntil ?? null);

  useEffect(() => {
    if (chosen) secretRef.current?.focus();
  }, [chosen]);

  function pickByInitials(e: FormEvent) {
    e.preventDefault();
    const match = people.data?.people.find((p) => p.initials.toUpperCase() === initials.trim().toUpperCase());
    if (match) {
      action.clear();
      setChosen(match.id);
    } else action.refuse({
        message: intl.formatMessage({ id: 'staff.signIn.noInitials', defaultMessage: 'Nobody signs in with these initials:' }),
        fields: { initials: intl.formatMessage({ id: 'staff.signIn.checkInitials', defaultMessage: 'Check the initials, or choose your name above' }) },
      });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    const r = await action.run(() => call('session.signIn', { staffId: chosen, secret }));
    setSecret('');
    if (r.ok) {
      // Everything cached was read for the person before: read it again for this one.
      await client.invalidateQueries();
      onSignedIn?.(r.value.user!.id);
    } else await people.refetch(); // the countdown, if that was the last try
  }

  if (!chosen || !person) {
    return (
      <div className="sign-in">
        <h2 id="sign-in-who">
          <FormattedMessage id="staff.signIn.who" defaultMessage="Who is signing in?" />
        </h2>
        <ul className="sign-in__people" aria-labelledby="sign-in-who">
          {(people.data?.people ?? []).map((p) => (
            <li key={p.id}>
              <button type="button" className="button button--wide" onClick={() => setChosen(p.id)}>
                {p.name} <span className="muted">{p.initials}</span>
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={pickByInitials} className="sign-in__initials">
          <ErrorSummary {...action.summary} />
          <TextField label={intl.formatMessage({ id: 'staff.signIn.initials', defaultMessage: 'Or type your initials' })} name="initials" value={initials} onChange={(e) => setInitials(e.target.value)} error={errors.initials} autoComplete="off" maxLength={4} autoFocus />
        </form>
      </div>
    );
  }

  return (
    <form className="sign-in" onSubmit={submit}>
      <h2>{person.name}</h2>
      {left > 0 ? null : <ErrorSummary {...action.summary} />}
      {left > 0 ? (
        <p className="banner banner--warning" role="timer" aria-live="polite">
          <FormattedMessage id="staff.signIn.lockedOut" defaultMessage="Too many wrong attempts. {name} can try again in {time}." values={{ name: person.name, time: clock(left) }} />
        </p>
      ) : null}
      <TextField
        ref={secretRef}
        label={
          person.secretKind === 'pin'
            ? intl.formatMessage({ id: 'staff.signIn.pin', defaultMessage: 'Your PIN' })
            : intl.formatMessage({ id: 'staff.signIn.password', defaultMessage: 'Your password' })
        }
        name="secret"
        type="password"
        inputMode={person.secretKind === 'pin' ? 'numeric' : undefined}
        autoComplete="off"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        error={left > 0 ? undefined : errors.secret}
        disabled={left > 0}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={left > 0 || secret === ''}>
          {only ? <FormattedMessage id="staff.signIn.unlock" defaultMessage="Unlock" /> : <FormattedMessage id="staff.signIn.signIn" defaultMessage="Sign in" />}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setChosen(null);
            action.clear();
            setSecret('');
          }}
        >
          {only ? <FormattedMessage id="staff.signIn.someoneElse" defaultMessage="Someone else" /> : <FormattedMessage id="staff.signIn.notMe" defaultMessage="Not me" />}
        </button>
      </div>
    </form>
  );
}
