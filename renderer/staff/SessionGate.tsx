import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SessionState } from '../../shared/contract/staff';
import { call, lockedEvent, read } from '../ipc/client';
import { keys } from '../ipc/hooks';
import { FirstRun } from './FirstRun';
import { SignIn } from './SignIn';

type User = NonNullable<SessionState['user']>;

/** Checks the session this often, so a lock made by main (the OS locked, the idle time passed in main) shows soon. */
const pollMs = 5000;
const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the clinic's idle time with no key pressed or pointer moved.
 * Answers whether there was input since it was last asked, for main's own idle clock.
 */
function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): () => boolean {
  const last = useRef(0);
  const reported = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const e of activity) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last.current < minutes * 60_000) return;
      last.current = Date.now(); // once, not every second until main has answered
      onIdle();
    }, 1000);
    return () => {
      for (const e of activity) window.removeEventListener(e, touch, { capture: true });
      clearInterval(timer);
    };
  }, [minutes, enabled, onIdle]);
  return useCallback(() => {
    const active = last.current > reported.current;
    reported.current = last.current;
    return active;
  }, []);
}

/** The lock screen: a modal dialog over everything (even a dialog left open), and the app beneath it hidden. */
function LockScreen({ user, chooseSomeoneElse }: { user: User; chooseSomeoneElse: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="lock" aria-labelledby="lock-h" onCancel={(e) => e.preventDefault()}>
      <div className="gate__card">
        <h1 id="lock-h">
          <FormattedMessage id="staff.lock.title" defaultMessage="Rapport is locked" />
        </h1>
        <p>
          {chooseSomeoneElse ? (
            <FormattedMessage id="staff.lock.takeOver" defaultMessage="Choose who is taking over the desk." />
          ) : (
            <FormattedMessage id="staff.lock.wasSignedIn" defaultMessage="{name} was signed in. Enter the PIN to go on, or sign in as someone else." values={{ name: user.name }} />
          )}
        </p>
        <SignIn only={chooseSomeoneElse ? undefined : { id: user.id, name: user.name }} />
      </div>
    </dialog>
  );
}

/**
 * Nothing of the desk shows until someone is signed in; while the session is locked the
 * desk stays mounted but hidden, so the same person comes back to their half-filled form.
 * When someone else signs in, the desk is built again for them (their key) and the
 * previous person's unsaved work is gone, which the notice says.
 */
export function SessionGate({ children }: { children: (user: User, actions: { switchPerson(): void; lock(): void }) => ReactNode }) {
  const client = useQueryClient();
  const intl = useIntl();
  const wasActive = useRef<() => boolean>(() => false);
  // The key is the plain one, so a write's refresh and the poll are the same query.
  const session = useQuery({ queryKey: keys.call('session.current', {}), queryFn: () => read('session.current', { active: wasActive.current() }), refetchInterval: pollMs });
  const [holder, setHolder] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const state = session.data;
  const open = Boolean(state?.user && !state.locked);

  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: keys.channel('session.current') }), [client]);
  const lock = useCallback(
    (reason: 'idle' | 'manual' | 'switch') => {
      setSwitching(reason === 'switch');
      void call('session.lock', { reason }).then(refresh);
    },
    [refresh],
  );
  const onIdle = useCallback(() => lock('idle'), [lock]);
  const activeSinceAsked = useIdleLock(state?.autoLockMinutes ?? 5, open, onIdle);
  useEffect(() => {
    wasActive.current = activeSinceAsked;
  }, [activeSinceAsked]);

  useEffect(() => {
    window.addEventListener(lockedEvent, refresh);
    return () => window.removeEventListener(lockedEvent, refresh);
  }, [refresh]);

  // A new person at an open desk: theirs from now on (set while rendering, React's way to follow a changed value).
  if (state?.user && !state.locked && holder?.id !== state.user.id) {
    if (holder) {
      setNotice(
        intl.formatMessage(
          { id: 'staff.gate.discarded', defaultMessage: 'Signed in as {name}. Anything {before} had not saved was discarded.' },
          { name: state.user.name, before: holder.name },
        ),
      );
    }
    setHolder(state.user);
    setSwitching(false);
  }

  if (!state) return null;
  if (state.firstRun) return <FirstRun />;
  if (!state.user) {
    return (
      <main className="gate" aria-label={intl.formatMessage({ id: 'staff.gate.signIn', defaultMessage: 'Sign in' })}>
        <div className="gate__card">
          <h1>Rapport</h1>
          <SignIn />
        </div>
      </main>
    );
  }
  const mounted = holder && holder.id === state.user.id;
  return (
    <>
      {mounted && (
        <div className="gate__desk" key={holder.id} hidden={state.locked} inert={state.locked || undefined}>
          {notice && !state.locked && (
            <div className="banner banner--info gate__notice" role="status">
              {notice}{' '}
              <button type="button" className="button button--small" onClick={() => setNotice(null)}>
                <FormattedMessage id="staff.gate.ok" defaultMessage="OK" />
              </button>
            </div>
          )}
          {children(holder, { switchPerson: () => lock('switch'), lock: () => lock('manual') })}
        </div>
      )}
      {state.locked && <LockScreen key={`${state.user.id}-${switching}`} user={state.user} chooseSomeoneElse={switching} />}
    </>
  );
}
