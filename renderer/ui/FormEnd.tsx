import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

/** What a refused save says, where the eye is: announced, and shown until the next try. */
export function Problem({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="banner banner--error" role="alert">
      {message}
    </p>
  );
}

/** What was just done, where the eye is: announced politely; nothing when there is nothing to say. */
export function Done({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="banner banner--ok" role="status">
      {children}
    </p>
  );
}

/** Submit and cancel, the same way round in every form and dialog. */
export function Actions({ submit, busy, onCancel, cancel, tone = 'primary' }: { submit: ReactNode; busy?: boolean; onCancel(): void; cancel?: string; tone?: 'primary' | 'danger' }) {
  const intl = useIntl();
  return (
    <div className="actions">
      <button type="submit" className={`button button--${tone}`} disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancel ?? intl.formatMessage({ id: 'ui.actions.cancel', defaultMessage: 'Cancel' })}
      </button>
    </div>
  );
}
