import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/**
 * What the window shows when the app cannot go on: what happened and how to recover,
 * never a blank window (issue 7, item 20). Saved work is in the database; reloading
 * starts the screens again from it.
 */
export function FailureScreen({ message }: { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const reloadAt = (hash?: string) => {
    if (hash !== undefined) window.location.hash = hash;
    window.location.reload();
  };
  return (
    <main className="failure" role="alert" aria-labelledby="failure-h">
      <h1 id="failure-h" tabIndex={-1} ref={heading}>
        <FormattedMessage id="app.failure.title" defaultMessage="Rapport stopped showing this screen" />
      </h1>
      <p>
        <FormattedMessage id="app.failure.safe" defaultMessage="Everything that was saved is safe in the clinic’s database. Changes not yet saved on this screen may need to be typed again." />
      </p>
      <p className="failure__what">
        <FormattedMessage id="app.failure.what" defaultMessage="What happened: {message}" values={{ message }} />
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => reloadAt()}>
          <FormattedMessage id="app.failure.reload" defaultMessage="Reload Rapport" />
        </button>
        <button type="button" className="button" onClick={() => reloadAt('#/patients')}>
          <FormattedMessage id="app.failure.reloadPatients" defaultMessage="Reload at the patient list" />
        </button>
      </div>
      <p className="pane__hint">
        <FormattedMessage id="app.failure.again" defaultMessage="If this keeps happening, restart the application and tell whoever looks after this computer." />
      </p>
    </main>
  );
}

/** Catches an error thrown while drawing any screen below it. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The console stays in this window; nothing of a patient reaches a log file.
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error ? <FailureScreen message={this.state.error.message || String(this.state.error)} /> : this.props.children;
  }
}
