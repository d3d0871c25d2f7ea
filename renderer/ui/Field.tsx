import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

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
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, required, error, hint, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      {/* Marked from the start, not after a refused save. The mark stays out of the label:
          the control says "required" to screen readers, and its name stays the plain label. */}
      <span className="field__label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={errorId}>
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
