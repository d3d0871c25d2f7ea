import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Result } from '../../shared/contract';
import type { FieldErrors } from './form';

/** Why a form's action was refused: one message, and the fields it names. */
export interface Refusal {
  message: string;
  fields: FieldErrors;
}

/**
 * One way to run a form's action and show its error (issue 7, item 19): the form
 * calls `run` (or `refuse` for what it checks itself), renders `<ErrorSummary
 * {...action.summary} />` once, and passes `action.errors[path]` to its fields.
 * The summary takes focus, so the failure is announced once and the eye is on it;
 * each message in it moves focus to its field (controls carry `name={path}`).
 */
export function useFormAction() {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves once the summary is on screen: an animation frame could come before
  // React has drawn it (seen on a busy machine), and then focus stayed on the button.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) ref.current?.focus();
  }, [refusals]);

  function refuse(next: Refusal) {
    setRefusal(next);
    setRefusals((n) => n + 1);
  }

  /** Runs a write; a refused one is shown. `fields` maps main's field names to the form's. */
  async function run<T>(action: () => Promise<Result<T>>, fields: (f: FieldErrors) => FieldErrors = (f) => f): Promise<Result<T>> {
    setRefusal(null);
    const result = await action();
    if (!result.ok) refuse({ message: result.error.message, fields: fields(result.error.fields ?? {}) });
    return result;
  }

  /** Field errors re-checked while the user corrects them, without moving focus; none left clears the summary. */
  function recheck(fields: FieldErrors) {
    setRefusal((r) => (r && Object.keys(fields).length ? { ...r, fields } : null));
  }

  return {
    errors: refusal?.fields ?? {},
    refusal,
    run,
    refuse,
    recheck,
    clear: () => setRefusal(null),
    summary: { refusal, summaryRef: ref },
  };
}

/** The one place a refused action is announced: focused, with a way to each field it names. */
export function ErrorSummary({ refusal, summaryRef }: { refusal: Refusal | null; summaryRef: RefObject<HTMLDivElement | null> }) {
  const titleId = useId();
  if (!refusal) return null;
  const focusField = (path: string) => {
    const form = summaryRef.current?.closest('form') ?? document;
    const name = CSS.escape(path);
    form.querySelector<HTMLElement>(`[name="${name}"], [name^="${name}."]`)?.focus();
  };
  const entries = Object.entries(refusal.fields);
  return (
    <div className="banner banner--error error-summary" role="group" aria-labelledby={titleId} tabIndex={-1} ref={summaryRef}>
      <p id={titleId} className="error-summary__title">
        {refusal.message}
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, message]) => (
            <li key={path}>
              <button type="button" className="link" onClick={() => focusField(path)}>
                {message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
