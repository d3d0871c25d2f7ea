import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../shared/contract';
import type { Questionnaire } from '../../shared/contract/checkin';
import type { Locale } from '../../shared/contract/settings';
import { call } from '../ipc/client';
import { formWords } from './words';
import './checkin.css';

export type Given = Array<{ itemId: string; value: number }>;

/**
 * The check-in, item by item, in one language: the patient's own in patient mode, the
 * one asked in on the phone. Every word comes from the questionnaire version (items,
 * scale) or `formWords`, so a French check-in has no English left. Each item is a
 * radio group: arrow keys move along the scale, Tab to the next item.
 * Each answer is kept as a draft in main as it is given (`draftFor`, the patient), so a
 * reload of the window comes back with the answers ticked; leaving the form drops it.
 */
export function CheckinForm({ questionnaire, locale, onSubmit, submitLabel, actions, draftFor }: {
  questionnaire: Questionnaire;
  locale: Locale;
  onSubmit(answers: Given): Promise<Result<unknown>>;
  submitLabel?: string;
  actions?: ReactNode;
  draftFor: string;
}) {
  const t = formWords[locale];
  const { definition } = questionnaire;
  const { min, max } = definition.scale;
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const [values, setValues] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const [ready, setReady] = useState(false);

  // The answers given before a reload, on this version's items and scale only. A reload
  // never runs this clean-up, so the draft outlives it; leaving the form does not.
  useEffect(() => {
    let live = true;
    void call('checkin.draft', { patientId: draftFor, questionnaireId: questionnaire.id }).then((r) => {
      if (!live) return;
      const onScale = (a: { itemId: string; value: number }) => a.value >= min && a.value <= max && definition.items.some((i) => i.id === a.itemId);
      if (r.ok) setValues(Object.fromEntries(r.value.answers.filter(onScale).map((a) => [a.itemId, a.value])));
      setReady(true);
    });
    return () => {
      live = false;
      void call('checkin.dropDraft', { patientId: draftFor });
    };
  }, [draftFor, questionnaire.id, definition.items, min, max]);

  function answer(itemId: string, value: number) {
    const next = { ...values, [itemId]: value };
    setValues(next);
    setErrors(({ [itemId]: _, ...rest }) => rest);
    void call('checkin.saveDraft', { patientId: draftFor, questionnaireId: questionnaire.id, answers: Object.entries(next).map(([id, v]) => ({ itemId: id, value: v })) });
  }

  const refuse = (message: string, fields: Record<string, string>) => {
    setErrors(fields);
    setProblem(message);
    requestAnimationFrame(() => problemRef.current?.focus());
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    const missing = Object.fromEntries(definition.items.filter((i) => values[i.id] === undefined).map((i) => [i.id, t.choose]));
    if (Object.keys(missing).length) return refuse(t.chooseAll, missing);
    busy.current = true;
    const answers = definition.items.map((i) => ({ itemId: i.id, value: values[i.id] }));
    const r = await onSubmit(answers);
    busy.current = false;
    // Main names answers by position (answers.3.value): shown at that item, in this form's language.
    if (!r.ok) refuse(t.failed, Object.fromEntries(Object.keys(r.error.fields ?? {}).flatMap((f) => { const m = /^answers\.(\d+)\./.exec(f); return m ? [[answers[Number(m[1])].itemId, t.choose]] : []; })));
  }

  if (!ready) return <p aria-busy="true">{t.step}…</p>;
  return (
    <form className="checkin" onSubmit={submit} noValidate aria-labelledby="checkin-title" lang={locale.slice(0, 2)}>
      <h2 id="checkin-title" tabIndex={-1}>
        {definition.title[locale]}
      </h2>
      <p className="checkin__intro">{definition.intro[locale]}</p>
      {!definition.validated && <p className="checkin__label">{t.notValidated}</p>}
      {problem && (
        <p className="banner banner--error" role="alert" tabIndex={-1} ref={problemRef}>
          {problem}
        </p>
      )}
      {definition.items.map((item, i) => (
        <fieldset key={item.id} className={`checkin__item${errors[item.id] ? ' field--invalid' : ''}`} aria-describedby={errors[item.id] ? `checkin-${item.id}-error` : undefined}>
          <legend>
            <span className="checkin__of">{t.of(i + 1, definition.items.length)}</span> {item.text[locale]}
          </legend>
          <div className="checkin__scale">
            {points.map((p, j) => (
              <label key={p} className="checkin__point">
                <input type="radio" name={`answers.${i}.value`} value={p} checked={values[item.id] === p} onChange={() => answer(item.id, p)} />
                <span>{definition.scale.labels[locale][j]}</span>
              </label>
            ))}
          </div>
          {errors[item.id] && (
            <span className="field__error" id={`checkin-${item.id}-error`}>
              {errors[item.id]}
            </span>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="button button--primary button--big">
          {submitLabel ?? t.send}
        </button>
        {actions}
      </div>
    </form>
  );
}
