import { useId, useRef, type ComponentPropsWithRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/**
 * A labelled control with its hint and its error, wired for screen readers: the
 * error is read with the field (aria-describedby) and the field is marked invalid.
 * The error is not an alert of its own: a failed save is announced once, by the
 * form's ErrorSummary, not once per field (issue 7, item 19).
 */
interface FieldFrameProps {
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Said at once (role=alert): for a field checked as soon as it changes, with no form summary to say it. */
  alert?: boolean;
  children: (ids: { id: string; labelId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, required, error, hint, className, alert, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      {/* Marked from the start, not after a refused save. The mark stays out of the label:
          the control says "required" to screen readers, and its name stays the plain label. */}
      <span className="field__label">
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {children({ id, labelId: `${id}-label`, describedBy, invalid: Boolean(error) })}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={errorId} role={alert ? 'alert' : undefined}>
          {error}
        </span>
      )}
    </div>
  );
}

type Common = { label: string; error?: string; hint?: ReactNode; className?: string; required?: boolean };

export function TextField({ label, error, hint, className, required, ...input }: Common & ComponentPropsWithRef<'input'>) {
  return (
    <FieldFrame label={label} required={required} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined} {...input} />
      )}
    </FieldFrame>
  );
}

export function TextArea({ label, error, hint, className, ...input }: Common & ComponentPropsWithRef<'textarea'>) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  options,
  ...select
}: Common & ComponentPropsWithRef<'select'> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * A file chooser in the clinic's language. The browser's own button and its "No file
 * chosen" speak the computer's language, whatever the clinic chose, so the input stays
 * (focusable, opened with Enter or Space, named by its label) but is drawn by us: a
 * button, and when `chosen` is given, the chosen file's name and a way to remove it.
 * The input is emptied after each choice, so the same file can be chosen again after a
 * refusal; a refusal is said at once, as the file is checked when chosen.
 */
export function FileField({
  label,
  error,
  hint,
  accept,
  chosen,
  onFile,
  onRemove,
}: Common & { accept: string; chosen?: string | null; onFile(file: File): void; onRemove?(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const buttonId = useId();
  return (
    <FieldFrame label={label} error={error} hint={hint} alert>
      {({ id, labelId, describedBy, invalid }) => (
        <span className="file">
          <input
            ref={input}
            id={id}
            type="file"
            className="file__input"
            accept={accept}
            // The button's words are in the name too, so "Choose a file" said aloud finds it.
            aria-labelledby={`${labelId} ${buttonId}`}
            aria-describedby={[chosen !== undefined && nameId, describedBy].filter(Boolean).join(' ') || undefined}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
          {/* For the mouse; the keyboard and screen readers have the input itself. */}
          <span className="button file__button" id={buttonId} aria-hidden="true" onClick={() => input.current?.click()}>
            <FormattedMessage id="ui.file.choose" defaultMessage="Choose a file…" />
          </span>
          {chosen !== undefined && (
            <span className="file__name" id={nameId}>
              {chosen ?? <FormattedMessage id="ui.file.none" defaultMessage="No file chosen" />}
            </span>
          )}
          {chosen && onRemove && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                // The button goes with the file: the focus stays in the field, not on the page's body.
                input.current?.focus();
                onRemove();
              }}
            >
              <FormattedMessage id="ui.file.remove" defaultMessage="Remove the file" />
            </button>
          )}
        </span>
      )}
    </FieldFrame>
  );
}
