import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../shared/contract';
import type { Answers, IntakeQuestion, IntakeTemplate, PainArea } from '../../shared/contract/intake';
import type { locales } from '../../shared/contract/settings';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { formWords } from './words';

type Locale = (typeof locales)[number];

const painOptions = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
/** An area being typed: the pain as the select holds it, so an empty row can exist. */
type AreaRow = { area: string; pain: string };

const areasOf = (answers: Answers, key: string): AreaRow[] =>
  ((answers[key] ?? []) as PainArea[]).filter((a) => typeof a === 'object').map((a) => ({ area: a.area, pain: String(a.pain) }));

/**
 * The health history, question by question, in one language: the patient's own in
 * patient mode, the one asked in on the phone. Every word comes from the template (the
 * questions) or `formWords` (the buttons), so a French form has no English left.
 */
export function IntakeForm({
  template,
  locale,
  initial,
  onChange,
  onSubmit,
  submitLabel,
  actions,
}: {
  template: IntakeTemplate;
  locale: Locale;
  initial: Answers;
  onChange?(answers: Answers): void;
  onSubmit(answers: Answers): Promise<Result<unknown>>;
  submitLabel?: string;
  actions?: ReactNode;
}) {
  const t = formWords[locale];
  const words = template.locales[locale];
  const [answers, setAnswers] = useState<Answers>(initial);
  const [areas, setAreas] = useState<Record<string, AreaRow[]>>(() =>
    Object.fromEntries(template.questions.filter((q) => q.type === 'areas').map((q) => [q.key, areasOf(initial, q.key)])),
  );
  const busy = useRef(false);
  const action = useFormAction();
  const errors = action.errors;

  /** The answers as main takes them: areas with a name and a pain; a row without a name is not sent. */
  const collect = (a: Answers, rows: Record<string, AreaRow[]>): Answers => ({
    ...a,
    ...Object.fromEntries(Object.entries(rows).map(([k, list]) => [k, list.filter((r) => r.area.trim() !== '').map((r) => ({ area: r.area, pain: Number(r.pain) }))])),
  });
  const change = (next: Answers, rows = areas) => {
    setAnswers(next);
    setAreas(rows);
    onChange?.(collect(next, rows));
  };
  const setRows = (key: string, rows: AreaRow[]) => change(answers, { ...areas, [key]: rows });

  // A second Enter while saving is ignored. The button is not disabled: that would drop
  // the focus on it, and a refused save moves focus to the error summary.
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    await action.run(() => onSubmit(collect(answers, areas)));
    busy.current = false;
  }

  function question(q: IntakeQuestion) {
    const w = words.questions[q.key];
    const name = `answers.${q.key}`;
    const error = errors[name];
    const hint = q.required ? t.required : undefined;
    if (q.type === 'text') {
      return <TextArea key={q.key} label={w.label} name={name} rows={2} maxLength={4000} value={(answers[q.key] as string) ?? ''} onChange={(e) => change({ ...answers, [q.key]: e.target.value })} error={error} hint={hint} aria-required={q.required || undefined} />;
    }
    if (q.type === 'checklist' || q.type === 'choice') {
      const ticked = q.type === 'checklist' ? ((answers[q.key] as string[]) ?? []) : [(answers[q.key] as string) ?? ''];
      return (
        <fieldset key={q.key} className={`intake__group${error ? ' field--invalid' : ''}`}>
          <legend>{w.label}</legend>
          <div className={q.type === 'checklist' ? 'intake__options intake__options--grid' : 'intake__options'}>
            {(q.options ?? []).map((o) => (
              <label key={o} className="checkbox checkbox--large">
                <input
                  type={q.type === 'checklist' ? 'checkbox' : 'radio'}
                  name={q.type === 'choice' ? name : `${name}.${o}`}
                  checked={ticked.includes(o)}
                  onChange={(e) =>
                    change({ ...answers, [q.key]: q.type === 'choice' ? o : e.target.checked ? [...ticked, o] : ticked.filter((x) => x !== o) })
                  }
                />
                {w.options[o]}
              </label>
            ))}
          </div>
          {error && <span className="field__error">{error}</span>}
        </fieldset>
      );
    }
    const rows = areas[q.key] ?? [];
    return (
      <fieldset key={q.key} className={`intake__group${error ? ' field--invalid' : ''}`}>
        <legend>{w.label}</legend>
        {rows.length === 0 && <p className="muted">{t.noAreas}</p>}
        {rows.map((r, i) => (
          <div key={i} className="intake__area" role="group" aria-label={t.areaN(i + 1)}>
            <TextField label={t.area} name={`${name}.${i}.area`} maxLength={100} value={r.area} autoComplete="off" onChange={(e) => setRows(q.key, rows.map((x, j) => (j === i ? { ...x, area: e.target.value } : x)))} error={errors[`${name}.${i}.area`]} />
            <SelectField label={t.pain} name={`${name}.${i}.pain`} value={r.pain} options={painOptions} onChange={(e) => setRows(q.key, rows.map((x, j) => (j === i ? { ...x, pain: e.target.value } : x)))} error={errors[`${name}.${i}.pain`]} />
            <button type="button" className="button button--small" onClick={() => setRows(q.key, rows.filter((_, j) => j !== i))}>
              {t.removeArea(i + 1)}
            </button>
          </div>
        ))}
        <button type="button" className="button" name={rows.length === 0 ? name : undefined} onClick={() => setRows(q.key, [...rows, { area: '', pain: '0' }])}>
          {t.addArea}
        </button>
        {error && <span className="field__error">{error}</span>}
      </fieldset>
    );
  }

  return (
    <form className="intake" onSubmit={submit} noValidate aria-labelledby="intake-title" lang={locale.slice(0, 2)}>
      <h2 id="intake-title" tabIndex={-1}>
        {words.title}
      </h2>
      {words.intro && <p className="intake__intro">{words.intro}</p>}
      <ErrorSummary {...action.summary} />
      {template.questions.map(question)}
      <div className="actions intake__actions">
        <button type="submit" className="button button--primary button--big">
          {submitLabel ?? t.save}
        </button>
        {actions}
      </div>
    </form>
  );
}
