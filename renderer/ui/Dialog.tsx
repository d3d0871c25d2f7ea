import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from 'react';
import { askToDiscard } from '../app/leave';

/**
 * A modal on the native <dialog>: the browser traps focus, Esc closes it, and focus
 * returns to where it was. Nothing to re-implement, nothing to get wrong. `dirty`
 * makes Esc ask first.
 */
export function Dialog({ title, open, onClose, children, wide, dirty }: { title: string; open: boolean; onClose(): void; children: ReactNode; wide?: boolean; dirty?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
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
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId} onClose={onClose} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}
