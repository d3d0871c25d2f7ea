import { useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from 'react';
import { askToDiscard, useLeaveGuard } from '../app/leave';

/**
 * A modal on the native <dialog>: the browser traps focus, Esc closes it, and focus
 * returns to where it was. Nothing to re-implement, nothing to get wrong. `dirty`
 * makes Esc ask first, and holds the page like any form with typing in it: a reload,
 * closing the window or going to another screen asks too.
 */
export function Dialog({ title, open, onClose, children, wide, dirty }: { title: string; open: boolean; onClose(): void; children: ReactNode; wide?: boolean; dirty?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLeaveGuard(open && !!dirty);
  // In the commit itself, not after paint: a key pressed in between would reach a dialog
  // the screen has already closed (Enter on "Keep editing", then Esc at once: the Esc
  // closed the question instead of asking about the dialog under it).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // Most dialogs close by being unmounted. Closed while still in the page (a layout
  // effect's cleanup runs before React removes the node), the browser gives the focus back
  // to where it was; removed while open, it would drop the focus on the page's body.
  useLayoutEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  // Esc on a dialog with typing in it asks before the typing is thrown away. Without
  // typing, the browser closes it and its close event tells the owner: a cancel held
  // back here would leave the closing to the effect above, which does not run again
  // when the owner's `open` is already false (once, the discard question stayed open
  // after Esc in CI).
  const onCancel = (e: SyntheticEvent) => {
    if (!dirty) return;
    e.preventDefault();
    askToDiscard(onClose);
  };
  // The browser fires `close` a task after the dialog shut. Only a close the owner has not
  // asked for is news to it: not one the effect above made (the owner's `open` is already
  // false), and not a late one for a dialog opened again since (it is open now). Taken
  // as news, a late close of the discard question closed the question asked next.
  const onNativeClose = () => {
    if (open && !ref.current?.open) onClose();
  };
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId} onClose={onNativeClose} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}
