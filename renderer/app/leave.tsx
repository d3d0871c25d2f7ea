import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../ui/Dialog';

/**
 * Typed work is never thrown away without a question (issue 7, item 13). A form with
 * changes registers with `useLeaveGuard`; every way out of it asks first: in-app
 * navigation (`navigate`, links, Back: see route.ts), Alt+number, Esc in a dialog
 * (`Dialog`'s `dirty`), and reloading or closing the window (beforeunload).
 */
interface Guard {
  dirty(): boolean;
  release(): void;
}
const guards = new Set<Guard>();
/** The question being asked: what to do on "discard", and whether that leaves the page's forms. */
let pending: { proceed: () => void; leavesPage: boolean } | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function hasUnsavedWork(): boolean {
  for (const guard of guards) if (guard.dirty()) return true;
  return false;
}

/** Asks whether to discard typing in a dialog, and calls `proceed` only if the answer is yes. */
export function askToDiscard(proceed: () => void): void {
  pending = { proceed, leavesPage: false };
  emit();
}

/** Leaves the page at once when nothing is unsaved; otherwise asks first. */
export function whenLeaving(proceed: () => void): void {
  if (!hasUnsavedWork()) return proceed();
  pending = { proceed, leavesPage: true };
  emit();
}

/**
 * Holds the page while `dirty`. Call `release()` once the work is saved, just before
 * the form navigates away on its own.
 */
export function useLeaveGuard(dirty: boolean) {
  const state = useRef({ dirty, released: false });
  useEffect(() => {
    state.current.dirty = dirty;
    // Typing again after a "discard" that left the form in place (a dialog kept open behind
    // a move within the same screen) holds the page again.
    if (!dirty) state.current.released = false;
  }, [dirty]);
  useEffect(() => {
    const current = state.current;
    const guard: Guard = { dirty: () => current.dirty && !current.released, release: () => void (current.released = true) };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (guard.dirty()) e.preventDefault();
    };
    guards.add(guard);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
  return { release: () => void (state.current.released = true) };
}

/**
 * A settings form between loading and saving: any change (`edit`, or an input event in
 * the form through `onInput`) holds the page until main keeps it, and `settle(ok)` after
 * the save turns a kept change into "saved", shown until the next edit. The small forms
 * of Settings each save on their own, so each holds the page on its own.
 */
export function useEdits() {
  const [state, setState] = useState<'loaded' | 'edited' | 'saved'>('loaded');
  useLeaveGuard(state === 'edited');
  const edit = () => setState('edited');
  return { saved: state === 'saved', edit, onInput: edit, settle: (ok: boolean) => ok && setState('saved') };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The question itself, once in the frame; "Keep editing" is the safe default and has focus. */
export function LeaveQuestion() {
  const intl = useIntl();
  const open = useSyncExternalStore(subscribe, () => pending !== null);
  const keep = () => {
    pending = null;
    emit();
  };
  const discard = () => {
    const question = pending;
    pending = null;
    emit();
    // "Discard" when leaving the page: its forms no longer hold it, or going would ask again.
    if (question?.leavesPage) guards.forEach((g) => g.release());
    question?.proceed();
  };
  return (
    <Dialog title={intl.formatMessage({ id: 'app.leave.title', defaultMessage: 'Discard the changes you typed?' })} open={open} onClose={keep}>
      <p>
        <FormattedMessage id="app.leave.why" defaultMessage="This form has changes that are not saved. If you leave now, they are lost." />
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={keep} autoFocus>
          <FormattedMessage id="app.leave.keep" defaultMessage="Keep editing" />
        </button>
        <button type="button" className="button button--danger" onClick={discard}>
          <FormattedMessage id="app.leave.discard" defaultMessage="Discard changes" />
        </button>
      </div>
    </Dialog>
  );
}
