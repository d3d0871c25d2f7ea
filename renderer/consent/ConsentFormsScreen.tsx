import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConsentKind, TemplateLocale, TemplateVersion } from '../../shared/contract/consent';
import { placeholders } from '../../shared/consent/placeholders';
import { useRead, useWrite } from '../ipc/hooks';
import { TextArea, TextField } from '../ui/Field';
import { focusFirstError, setIn } from '../ui/form';
import { kindOrder, localeLabels } from './words';
import { Actions, Problem } from '../ui/FormEnd';
import { dayIn } from '../../shared/time';

type Locale = keyof typeof localeLabels;

/** One language of a template: title, choice labels, and sections as editable text. */
function LocaleEditor({ locale, value, choices, errors, onChange }: { locale: Locale; value: TemplateLocale; choices: string[]; errors: Record<string, string>; onChange(v: TemplateLocale): void }) {
  const at = (path: string) => errors[`locales.${locale}.${path}`];
  const lang = localeLabels[locale];
  return (
    <fieldset lang={locale.slice(0, 2)}>
      <legend>{lang}</legend>
      <TextField label={`Form name (${lang})`} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} error={at('name')} />
      <TextField label={`Title printed on the form (${lang})`} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} error={at('title')} />
      {choices.length > 0 && (
        <>
          <TextField label={`Heading of the choices (${lang})`} value={value.choiceGroup} onChange={(e) => onChange({ ...value, choiceGroup: e.target.value })} error={at('choiceGroup')} />
          {choices.map((key) => (
            <TextField
              key={key}
              label={`Choice “${key.replace(/_/g, ' ')}” (${lang})`}
              value={value.choiceLabels[key] ?? ''}
              onChange={(e) => onChange({ ...value, choiceLabels: { ...value.choiceLabels, [key]: e.target.value } })}
              error={at(`choiceLabels.${key}`)}
            />
          ))}
        </>
      )}
      {value.sections.map((section, i) => (
        <div key={i} className="template-section">
          <TextField label={`Section ${i + 1} heading (${lang})`} value={section.heading} onChange={(e) => onChange(setIn(value, `sections.${i}.heading`, e.target.value))} error={at(`sections.${i}.heading`)} />
          <TextArea
            label={`Section ${i + 1} text (${lang})`}
            rows={Math.min(12, 2 + section.paragraphs.join('\n\n').length / 90)}
            value={section.paragraphs.join('\n\n')}
            onChange={(e) => onChange(setIn(value, `sections.${i}.paragraphs`, e.target.value.split(/\n\s*\n/)))}
            error={Object.entries(errors).find(([k]) => k.startsWith(`locales.${locale}.sections.${i}.paragraphs`))?.[1]}
            hint="A blank line starts a new paragraph."
          />
        </div>
      ))}
    </fieldset>
  );
}

function TemplateEditor({ template, onDone }: { template: TemplateVersion; onDone(): void }) {
  const [locales, setLocales] = useState(template.locales);
  const [material, setMaterial] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const save = useWrite('consent.saveTemplate');
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await save.mutateAsync({ kind: template.kind, basedOnVersion: template.version, locales, material, changeNote });
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setProblem(r.error.message);
    requestAnimationFrame(() => focusFirstError(form.current));
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="editor-h" className="template-editor">
      <h2 id="editor-h">
        Edit “{template.locales['en-CA'].name}” (saving makes version {template.version + 1})
      </h2>
      <p className="pane__hint">Placeholders: {placeholders.map((p) => `{{${p}}}`).join(', ')}. Signed consents keep the version they were signed on.</p>
      <Problem message={problem} />
      <div className="grid grid--2">
        {(['en-CA', 'fr-CA'] as const).map((l) => (
          <LocaleEditor key={l} locale={l} value={locales[l]} choices={template.choices} errors={errors} onChange={(v) => setLocales({ ...locales, [l]: v })} />
        ))}
      </div>
      <TextField label="What changed, and why" value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={errors.changeNote} />
      <label className="checkbox">
        <input type="checkbox" checked={material} onChange={(e) => setMaterial(e.target.checked)} />
        Material change: patients who signed an earlier version must consent again
      </label>
      <Actions submit={`Save as version ${template.version + 1}`} busy={save.isPending} onCancel={onDone} />
    </form>
  );
}

function History({ kind }: { kind: ConsentKind }) {
  const history = useRead('consent.templateHistory', { kind });
  const timeZone = useRead('settings.get', {}).data?.timeZone ?? 'UTC';
  if (!history.data) return null;
  return (
    <ol className="template-history" reversed aria-label="Versions">
      {history.data.versions.map((v) => (
        <li key={v.id}>
          Version {v.version}, {dayIn(timeZone, v.createdAt)}: {v.changeNote}
          {v.material && <span className="pill pill--warn">re-consent</span>}
        </li>
      ))}
    </ol>
  );
}

/** The clinic's consent wording, versioned: editing makes a new version, never changes a signed one. */
export function ConsentFormsScreen() {
  const templates = useRead('consent.templates', {});
  const [editing, setEditing] = useState<ConsentKind | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [editing]);
  const list = kindOrder.map((k) => templates.data?.templates.find((t) => t.kind === k)).filter((t): t is TemplateVersion => Boolean(t));
  const current = list.find((t) => t.kind === editing);

  return (
    <div className="consent-forms">
      <h1 ref={heading} tabIndex={-1} className="screen-title">
        Consent forms
      </h1>
      <Problem message={templates.error?.message} />
      {current ? (
        <TemplateEditor key={current.id} template={current} onDone={() => setEditing(null)} />
      ) : (
        <ul className="template-list">
          {list.map((t) => (
            <li key={t.id} className="template-card">
              <h2>{t.locales['en-CA'].name}</h2>
              <p className="pane__sub">
                {t.locales['fr-CA'].name} · version {t.version}
              </p>
              <p className="template-source">{t.source}</p>
              <History kind={t.kind} />
              <button type="button" className="button" onClick={() => setEditing(t.kind)}>
                Edit wording…<span className="visually-hidden"> of {t.locales['en-CA'].name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
