import type { ReactNode } from 'react';

/** What a refused save says, where the eye is: announced, and shown until the next try. */
export function Problem({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="banner banner--error" role="alert">
      {message}
    </p>
  );
}

/** Submit and cancel, the same way round in every form and dialog. */
export function Actions({ submit, busy, onCancel, cancel = 'Cancel', tone = 'primary' }: { submit: ReactNode; busy?: boolean; onCancel(): void; cancel?: string; tone?: 'primary' | 'danger' }) {
  return (
    <div className="actions">
      <button type="submit" className={`button button--${tone}`} disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
