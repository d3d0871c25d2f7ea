import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ConsentKind, TemplateLocale, TemplateVersion } from '../../shared/contract/consent';
import { placeholders } from '../../shared/consent/placeholders';
import { useRead, useWrite } from '../ipc/hooks';
import { TextArea, TextField } from '../ui/Field';
import { focusFirstError, setIn } from '../ui/form';
import { kindOrder } from './words';
import { localeLabels } from '../ui/locales';
import { Actions, Problem } from '../ui/FormEnd';
import { dayIn } from '../../shared/time';
import { hidden } from './hidden';

type Locale = keyof typeof localeLabels;

/** One language of a template: title, choice labels, and sections as editable text. */
function LocaleEditor({ locale, value, choices, errors, onChange }: { locale: Locale; value: TemplateLocale; choices: string[]; errors: Record<string, string>; onChange(v: TemplateLocale): void }) {
  const at = (path: string) => errors[`locales.${locale}.${path}`];
  const lang = localeLabels[locale];
  const intl = useIntl();
  return (
    <fieldset lang={locale.slice(0, 2)}>
      <legend>{lang}</legend>
      <TextField label={intl.formatMessage({ id: 'consent.editor.name', defaultMessage: 'Form name ({lang})' }, { lang })} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} error={at('name')} />
      <TextField label={intl.formatMessage({ id: 'consent.editor.title', defaultMessage: 'Title printed on the form ({lang})' }, { lang })} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} error={at('title')} />
      {choices.length > 0 && (
        <>
          <TextField label={intl.formatMessage({ id: 'consent.editor.choiceGroup', defaultMessage: 'Heading of the choices ({lang})' }, { lang })} value={value.choiceGroup} onChange={(e) => onChange({ ...value, choiceGroup: e.target.value })} error={at('choiceGroup')} />
          {choices.map((key) => (
            <TextField
              key={key}
              label={intl.formatMessage({ id: 'consent.editor.choice', defaultMessage: 'Choice “{key}” ({lang})' }, { key: key.replace(/_/g, ' '), lang })}
              value={value.choiceLabels[key] ?? ''}
              onChange={(e) => onChange({ ...value, choiceLabels: { ...value.choiceLabels, [key]: e.target.value } })}
              error={at(`choiceLabels.${key}`)}
            />
          ))}
        </>
      )}
      {value.sections.map((section, i) => (
        <div key={i} className="template-section">
          <TextField label={intl.formatMessage({ id: 'consent.editor.sectionHeading', defaultMessage: 'Section {n} heading ({lang})' }, { n: i + 1, lang })} value={section.heading} onChange={(e) => onChange(setIn(value, `sections.${i}.heading`, e.target.value))} error={at(`sections.${i}.heading`)} />
          <TextArea
            label={intl.formatMessage({ id: 'consent.editor.sectionText', defaultMessage: 'Section {n} text ({lang})' }, { n: i + 1, lang })}
            rows={Math.min(12, 2 + section.paragraphs.join('\n\n').length / 90)}
            value={section.paragraphs.join('\n\n')}
            onChange={(e) => onChange(setIn(value, `sections.${i}.paragraphs`, e.target.value.split(/\n\s*\n/)))}
            error={Object.entries(errors).find(([k]) => k.startsWith(`locales.${locale}.sections.${i}.paragraphs`))?.[1]}
            hint={intl.formatMessage({ id: 'consent.editor.paragraphs', defaultMessage: 'A blank line starts a new paragraph.' })}
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
  const intl = useIntl();
  const next = template.version + 1;

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
        <FormattedMessage
          id="consent.editor.heading"
          defaultMessage="Edit “{form}” (saving makes version {next})"
          values={{ form: template.locales[intl.locale as Locale].name, next }}
        />
      </h2>
      <p className="pane__hint">
        <FormattedMessage
          id="consent.editor.placeholders"
          defaultMessage="Placeholders: {list}. Signed consents keep the version they were signed on."
          values={{ list: placeholders.map((p) => `{{${p}}}`).join(', ') }}
        />
      </p>
      <Problem message={problem} />
      <div className="grid grid--2">
        {(['en-CA', 'fr-CA'] as const).map((l) => (
          <LocaleEditor key={l} locale={l} value={locales[l]} choices={template.choices} errors={errors} onChange={(v) => setLocales({ ...locales, [l]: v })} />
        ))}
      </div>
      <TextField label={intl.formatMessage({ id: 'consent.editor.changeNote', defaultMessage: 'What changed, and why' })} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={errors.changeNote} />
      <label className="checkbox">
        <input type="checkbox" checked={material} onChange={(e) => setMaterial(e.target.checked)} />
        <FormattedMessage id="consent.editor.material" defaultMessage="Material change: patients who signed an earlier version must consent again" />
      </label>
      <Actions
        submit={<FormattedMessage id="consent.editor.save" defaultMessage="Save as version {next}" values={{ next }} />}
        cancel={intl.formatMessage({ id: 'consent.editor.cancel', defaultMessage: 'Cancel' })}
        busy={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}

function History({ kind }: { kind: ConsentKind }) {
  const history = useRead('consent.templateHistory', { kind });
  const timeZone = useRead('settings.get', {}).data?.timeZone ?? 'UTC';
  const intl = useIntl();
  if (!history.data) return null;
  return (
    <ol className="template-history" reversed aria-label={intl.formatMessage({ id: 'consent.forms.versions', defaultMessage: 'Versions' })}>
      {history.data.versions.map((v) => (
        <li key={v.id}>
          <FormattedMessage id="consent.forms.version" defaultMessage="Version {version}, {day}: {note}" values={{ version: v.version, day: dayIn(timeZone, v.createdAt), note: v.changeNote }} />
          {v.material && (
            <span className="pill pill--warn">
              <FormattedMessage id="consent.forms.reconsent" defaultMessage="re-consent" />
            </span>
          )}
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
  const intl = useIntl();
  // The desk reads each form by its name in its own language, and sees the other beneath it.
  const desk = intl.locale as Locale;
  const other: Locale = desk === 'fr-CA' ? 'en-CA' : 'fr-CA';

  return (
    <div className="consent-forms">
      <h1 ref={heading} tabIndex={-1} className="screen-title">
        <FormattedMessage id="consent.forms.title" defaultMessage="Consent forms" />
      </h1>
      <Problem message={templates.error?.message} />
      {current ? (
        <TemplateEditor key={current.id} template={current} onDone={() => setEditing(null)} />
      ) : (
        <ul className="template-list">
          {list.map((t) => (
            <li key={t.id} className="template-card">
              <h2>{t.locales[desk].name}</h2>
              <p className="pane__sub">
                <FormattedMessage id="consent.forms.sub" defaultMessage="{other} · version {version}" values={{ other: t.locales[other].name, version: t.version }} />
              </p>
              <p className="template-source">{t.source}</p>
              <History kind={t.kind} />
              <button type="button" className="button" onClick={() => setEditing(t.kind)}>
                <FormattedMessage id="consent.forms.edit" defaultMessage="Edit wording…<hidden> of {form}</hidden>" values={{ form: t.locales[desk].name, hidden }} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
