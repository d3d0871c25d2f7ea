import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import type { IntakeVersion } from '../../shared/contract/intake';
import type { Patient } from '../../shared/contract/patients';
import type { locales } from '../../shared/contract/settings';
import { answerText, intakeDiff } from '../../shared/intake/diff';
import { useLeaveGuard } from '../app/leave';
import { href, navigate } from '../app/route';
import { useRead, useWrite } from '../ipc/hooks';
import { displayName } from '../patients/format';
import { SelectField } from '../ui/Field';
import { useDay } from '../ui/useDay';
import { Problem } from '../ui/FormEnd';
import { localeOptions } from '../ui/locales';
import { IntakeForm } from './IntakeForm';

type Locale = (typeof locales)[number];
const notAnswered = defineMessage({ id: 'intake.history.notAnswered', defaultMessage: 'Not answered' });

/** Staff take the health history by phone (or at the desk): the questions in the language they are asked in. */
function FillByPhone({ patient, defaultLocale }: { patient: Patient; defaultLocale: Locale }) {
  const intl = useIntl();
  const template = useRead('intake.template', {});
  const current = useRead('intake.current', { patientId: patient.id });
  const submit = useWrite('intake.submit');
  const [locale, setLocale] = useState<Locale>(current.data?.intake?.locale ?? defaultLocale);
  const [dirty, setDirty] = useState(false);
  const guard = useLeaveGuard(dirty);
  const back = () => navigate({ screen: 'patients', patientId: patient.id });
  if (template.isError || current.isError) return <Problem message={(template.error ?? current.error)?.message} />;
  if (!template.data || !current.data) return <Loading />;
  const basedOn = current.data.intake;
  return (
    <>
      <p className="pane__hint">
        {basedOn ? (
          <FormattedMessage
            id="intake.phone.newVersion"
            defaultMessage="Changes make version {next}; version {version} stays in the history."
            values={{ next: basedOn.version + 1, version: basedOn.version }}
          />
        ) : (
          <FormattedMessage id="intake.phone.howTo" defaultMessage="Read each question to the patient and type the answers." />
        )}
      </p>
      <SelectField label={intl.formatMessage({ id: 'intake.phone.language', defaultMessage: 'Language the questions are asked in' })} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
      <IntakeForm
        key={locale}
        template={template.data}
        locale={locale}
        initial={basedOn?.answers ?? {}}
        onChange={() => setDirty(true)}
        submitLabel={
          basedOn
            ? intl.formatMessage({ id: 'intake.phone.saveVersion', defaultMessage: 'Save as version {next}' }, { next: basedOn.version + 1 })
            : intl.formatMessage({ id: 'intake.phone.save', defaultMessage: 'Save the health history' })
        }
        onSubmit={async (answers) => {
          const r = await submit.mutateAsync({ patientId: patient.id, templateVersion: template.data.version, locale, answers, basedOnVersion: basedOn?.version ?? null });
          if (r.ok) {
            guard.release();
            back();
          }
          return r;
        }}
        actions={
          <button type="button" className="button" onClick={back}>
            <FormattedMessage id="ui.actions.cancel" defaultMessage="Cancel" />
          </button>
        }
      />
    </>
  );
}

const Loading = () => (
  <p aria-busy="true">
    <FormattedMessage id="intake.loading" defaultMessage="Loading the health history…" />
  </p>
);

function Answers({ version }: { version: IntakeVersion }) {
  const intl = useIntl();
  return (
    <dl className="detail">
      {version.questions.map((q) => (
        <div className="detail__item" key={q.key}>
          <dt>{q.label}</dt>
          <dd className={version.answers[q.key] === undefined ? 'detail__empty' : undefined}>{answerText(q, version.answers[q.key]) || intl.formatMessage(notAnswered)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Two versions side by side, the questions whose answers differ marked; each version with who took it and when. */
function History({ patientId }: { patientId: string }) {
  const intl = useIntl();
  const day = useDay();
  const history = useRead('intake.history', { patientId });
  const [pair, setPair] = useState<[number, number] | null>(null);
  if (history.isError) return <Problem message={history.error.message} />;
  if (!history.data) return <Loading />;
  const { versions, reviews } = history.data;
  if (versions.length === 0) {
    return (
      <p>
        <FormattedMessage id="intake.state.none" defaultMessage="No health history yet" />
      </p>
    );
  }
  const when = (v: IntakeVersion) =>
    intl.formatMessage(
      { id: 'intake.history.when', defaultMessage: '{day}, {by, select, patient {by the patient} other {by staff}} ({who}), form version {form}' },
      { day: day(v.recordedAt), by: v.filledBy, who: v.recordedBy, form: v.templateVersion },
    );
  const versionLabel = (v: IntakeVersion) => intl.formatMessage({ id: 'intake.history.version', defaultMessage: 'Version {version}' }, { version: v.version });
  const options = versions.map((v) => ({ value: String(v.version), label: `${versionLabel(v)} — ${day(v.recordedAt)}` }));
  const [olderNo, newerNo] = pair ?? [versions[Math.min(1, versions.length - 1)].version, versions[0].version];
  const older = versions.find((v) => v.version === olderNo)!;
  const newer = versions.find((v) => v.version === newerNo)!;
  const rows = intakeDiff(older, newer);
  const changes = rows.filter((r) => r.changed).length;
  return (
    <>
      {reviews.length > 0 && (
        <p className="pane__hint">
          <FormattedMessage
            id="intake.history.reviews"
            defaultMessage="“No changes” confirmed: {reviews}."
            values={{
              reviews: reviews
                .map((r) => intl.formatMessage({ id: 'intake.history.reviewBy', defaultMessage: '{day} by {who}' }, { day: day(r.reviewedAt), who: r.reviewedBy }))
                .join('; '),
            }}
          />
        </p>
      )}
      {versions.length === 1 ? (
        <section aria-labelledby="only-h">
          <h3 id="only-h">
            {versionLabel(newer)} — {when(newer)}
          </h3>
          <Answers version={newer} />
        </section>
      ) : (
        <>
          <div className="grid grid--2">
            <SelectField
              label={intl.formatMessage({ id: 'intake.history.earlier', defaultMessage: 'Earlier version' })}
              value={String(olderNo)}
              options={options}
              onChange={(e) => setPair([Number(e.target.value), newerNo])}
            />
            <SelectField
              label={intl.formatMessage({ id: 'intake.history.later', defaultMessage: 'Later version' })}
              value={String(newerNo)}
              options={options}
              onChange={(e) => setPair([olderNo, Number(e.target.value)])}
            />
          </div>
          <p role="status">
            {older === newer ? (
              <FormattedMessage id="intake.history.sameTwice" defaultMessage="The same version is chosen twice." />
            ) : (
              <FormattedMessage
                id="intake.history.changes"
                defaultMessage="{changes, plural, =0 {No answers differ between these versions.} one {# answer differs, marked “Changed”.} other {# answers differ, marked “Changed”.}}"
                values={{ changes }}
              />
            )}
          </p>
          <table className="intake-diff">
            <caption className="visually-hidden">
              <FormattedMessage
                id="intake.history.caption"
                defaultMessage="Health history, version {older} and version {newer} side by side"
                values={{ older: older.version, newer: newer.version }}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="intake.history.question" defaultMessage="Question" />
                </th>
                <th scope="col">
                  {versionLabel(older)}
                  <span className="intake-diff__when">{when(older)}</span>
                </th>
                <th scope="col">
                  {versionLabel(newer)}
                  <span className="intake-diff__when">{when(newer)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.changed ? 'intake-diff__changed' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.changed && (
                      <span className="pill pill--warn intake-diff__mark">
                        <FormattedMessage id="intake.history.changed" defaultMessage="Changed" />
                      </span>
                    )}
                  </th>
                  <td>{r.before || <span className="detail__empty">{intl.formatMessage(notAnswered)}</span>}</td>
                  <td>{r.after || <span className="detail__empty">{intl.formatMessage(notAnswered)}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** The health history of one patient: taking it by phone, or its versions side by side. */
export function IntakeScreen({ patientId, view }: { patientId: string; view: 'fill' | 'history' }) {
  const patient = useRead('patients.get', { id: patientId });
  const clinic = useRead('settings.get', {});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [view]);
  if (patient.isError) return <Problem message={patient.error.message} />;
  if (!patient.data || !clinic.data) return <Loading />;
  return (
    <article className="intake-screen" aria-labelledby="intake-screen-h">
      <header className="pane__header">
        <h2 id="intake-screen-h" tabIndex={-1} ref={heading}>
          <FormattedMessage
            id="intake.screen.title"
            defaultMessage="{view, select, fill {Take the health history} other {Health history}} — {name}"
            values={{ view, name: displayName(patient.data) }}
          />
        </h2>
        <a className="button" href={href({ screen: 'patients', patientId })}>
          <FormattedMessage id="intake.screen.back" defaultMessage="Back to the record" />
        </a>
      </header>
      {view === 'fill' ? <FillByPhone patient={patient.data} defaultLocale={clinic.data.locale} /> : <History patientId={patientId} />}
    </article>
  );
}
