import { useEffect, useRef, useState } from 'react';
import type { IntakeVersion } from '../../shared/contract/intake';
import type { Patient } from '../../shared/contract/patients';
import type { locales } from '../../shared/contract/settings';
import { answerText, intakeDiff } from '../../shared/intake/diff';
import { dayIn } from '../../shared/time';
import { useLeaveGuard } from '../app/leave';
import { href, navigate } from '../app/route';
import { useRead, useWrite } from '../ipc/hooks';
import { displayName } from '../patients/format';
import { SelectField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { localeLabels } from '../consent/words';
import { IntakeForm } from './IntakeForm';

type Locale = (typeof locales)[number];
const localeOptions = Object.entries(localeLabels).map(([value, label]) => ({ value, label }));

/** Staff take the health history by phone (or at the desk): the questions in the language they are asked in. */
function FillByPhone({ patient, defaultLocale }: { patient: Patient; defaultLocale: Locale }) {
  const template = useRead('intake.template', {});
  const current = useRead('intake.current', { patientId: patient.id });
  const submit = useWrite('intake.submit');
  const [locale, setLocale] = useState<Locale>(current.data?.intake?.locale ?? defaultLocale);
  const [dirty, setDirty] = useState(false);
  const guard = useLeaveGuard(dirty);
  const back = () => navigate({ screen: 'patients', patientId: patient.id });
  if (template.isError || current.isError) return <Problem message={(template.error ?? current.error)?.message} />;
  if (!template.data || !current.data) return <p aria-busy="true">Loading the health history…</p>;
  const basedOn = current.data.intake;
  return (
    <>
      <p className="pane__hint">
        {basedOn ? `Changes make version ${basedOn.version + 1}; version ${basedOn.version} stays in the history.` : 'Read each question to the patient and type the answers.'}
      </p>
      <SelectField label="Language the questions are asked in" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
      <IntakeForm
        key={locale}
        template={template.data}
        locale={locale}
        initial={basedOn?.answers ?? {}}
        onChange={() => setDirty(true)}
        submitLabel={basedOn ? `Save as version ${basedOn.version + 1}` : 'Save the health history'}
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
            Cancel
          </button>
        }
      />
    </>
  );
}

function Answers({ version }: { version: IntakeVersion }) {
  return (
    <dl className="detail">
      {version.questions.map((q) => (
        <div className="detail__item" key={q.key}>
          <dt>{q.label}</dt>
          <dd className={version.answers[q.key] === undefined ? 'detail__empty' : undefined}>{answerText(q, version.answers[q.key]) || 'Not answered'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Two versions side by side, the questions whose answers differ marked; each version with who took it and when. */
function History({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const history = useRead('intake.history', { patientId });
  const [pair, setPair] = useState<[number, number] | null>(null);
  if (history.isError) return <Problem message={history.error.message} />;
  if (!history.data) return <p aria-busy="true">Loading the history…</p>;
  const { versions, reviews } = history.data;
  if (versions.length === 0) return <p>No health history yet.</p>;
  const when = (v: IntakeVersion) => `${dayIn(timeZone, v.recordedAt)}, ${v.filledBy === 'patient' ? 'by the patient' : 'by staff'} (${v.recordedBy}), form version ${v.templateVersion}`;
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} — ${dayIn(timeZone, v.recordedAt)}` }));
  const [olderNo, newerNo] = pair ?? [versions[Math.min(1, versions.length - 1)].version, versions[0].version];
  const older = versions.find((v) => v.version === olderNo)!;
  const newer = versions.find((v) => v.version === newerNo)!;
  const rows = intakeDiff(older, newer);
  const changes = rows.filter((r) => r.changed).length;
  return (
    <>
      {reviews.length > 0 && (
        <p className="pane__hint">
          “No changes” confirmed: {reviews.map((r) => `${dayIn(timeZone, r.reviewedAt)} by ${r.reviewedBy}`).join('; ')}.
        </p>
      )}
      {versions.length === 1 ? (
        <section aria-labelledby="only-h">
          <h3 id="only-h">Version 1 — {when(newer)}</h3>
          <Answers version={newer} />
        </section>
      ) : (
        <>
          <div className="grid grid--2">
            <SelectField label="Earlier version" value={String(olderNo)} options={options} onChange={(e) => setPair([Number(e.target.value), newerNo])} />
            <SelectField label="Later version" value={String(newerNo)} options={options} onChange={(e) => setPair([olderNo, Number(e.target.value)])} />
          </div>
          <p role="status">{older === newer ? 'The same version is chosen twice.' : changes === 0 ? 'No answers differ between these versions.' : `${changes} ${changes === 1 ? 'answer differs' : 'answers differ'}, marked “Changed”.`}</p>
          <table className="intake-diff">
            <caption className="visually-hidden">Health history, version {older.version} and version {newer.version} side by side</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Version {older.version}<span className="intake-diff__when">{when(older)}</span></th>
                <th scope="col">Version {newer.version}<span className="intake-diff__when">{when(newer)}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.changed ? 'intake-diff__changed' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.changed && <span className="pill pill--warn intake-diff__mark">Changed</span>}
                  </th>
                  <td>{r.before || <span className="detail__empty">Not answered</span>}</td>
                  <td>{r.after || <span className="detail__empty">Not answered</span>}</td>
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
  if (!patient.data || !clinic.data) return <p aria-busy="true">Loading…</p>;
  return (
    <article className="intake-screen" aria-labelledby="intake-screen-h">
      <header className="pane__header">
        <h2 id="intake-screen-h" tabIndex={-1} ref={heading}>
          {view === 'fill' ? 'Take the health history' : 'Health history'} — {displayName(patient.data)}
        </h2>
        <a className="button" href={href({ screen: 'patients', patientId })}>
          Back to the record
        </a>
      </header>
      {view === 'fill' ? <FillByPhone patient={patient.data} defaultLocale={clinic.data.locale} /> : <History patientId={patientId} timeZone={clinic.data.timeZone} />}
    </article>
  );
}
