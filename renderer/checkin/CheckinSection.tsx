import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Checkin, Questionnaire } from '../../shared/contract/checkin';
import type { Patient } from '../../shared/contract/patients';
import type { Locale } from '../../shared/contract/settings';
import { dayIn } from '../../shared/time';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { DataTable } from '../ui/DataTable';
import { HandOverDialog } from '../ui/HandOverDialog';
import { localeOptions } from '../ui/locales';
import { CheckinForm } from './CheckinForm';

/** The desk reads the items out on the phone, in the patient's language, and ticks what the patient says. */
function PhoneDialog({ patient, locale: initial, onClose }: { patient: Patient; locale: Locale; onClose(): void }) {
  const intl = useIntl();
  const questionnaire = useRead('checkin.questionnaire', {});
  const record = useWrite('checkin.record');
  const [locale, setLocale] = useState<Locale>(initial);
  const [tasks, setTasks] = useState<number | null>(null);
  return (
    <Dialog title={intl.formatMessage({ id: 'checkin.phone.title', defaultMessage: 'Check-in by phone with {name}' }, { name: `${patient.firstName} ${patient.lastName}` })} open onClose={onClose} wide>
      {tasks !== null ? (
        <div role="status">
          <p>
            {tasks > 0 ? (
              <FormattedMessage id="checkin.phone.savedTask" defaultMessage="Saved. A low answer or a drop was found: the therapist has a task to follow up." />
            ) : (
              <FormattedMessage id="checkin.phone.saved" defaultMessage="Saved. Thank the patient for their answers." />
            )}
          </p>
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            <FormattedMessage id="checkin.phone.done" defaultMessage="Done" />
          </button>
        </div>
      ) : (
        <>
          <SelectField label={intl.formatMessage({ id: 'checkin.phone.language', defaultMessage: 'Language of the statements' })} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
          {questionnaire.data ? (
            <CheckinForm
              key={locale}
              questionnaire={questionnaire.data}
              locale={locale}
              draftFor={patient.id}
              submitLabel={intl.formatMessage({ id: 'checkin.phone.save', defaultMessage: 'Save the answers' })}
              actions={
                <button type="button" className="button" onClick={onClose}>
                  <FormattedMessage id="checkin.phone.cancel" defaultMessage="Cancel" />
                </button>
              }
              onSubmit={async (answers) => {
                const r = await record.mutateAsync({ patientId: patient.id, questionnaireId: questionnaire.data.id, locale, answers });
                if (r.ok) setTasks(r.value.tasks.length);
                return r;
              }}
            />
          ) : (
            <p aria-busy="true">…</p>
          )}
        </>
      )}
    </Dialog>
  );
}

/** The last check-in's theme scores, lowest first: where the alliance needs care. */
function LastCheckin({ checkin, timeZone, themes, locale }: { checkin: Checkin; timeZone: string; themes: Questionnaire['definition']['themes']; locale: Locale }) {
  const scores = [...checkin.scores].sort((a, b) => a.score - b.score);
  // The theme in the desk's language where the questionnaire in use has it; else as the check-in was taken.
  const label = (s: Checkin['scores'][number]) => themes.find((t) => t.key === s.theme)?.label[locale] ?? s.label;
  return (
    <>
      <p className="intake-section__line">
        <FormattedMessage
          id="checkin.section.last"
          defaultMessage="Last check-in {day}, {how, select, patient {answered by the patient} other {taken by phone}} ({who}), version {version}"
          values={{ day: dayIn(timeZone, checkin.takenAt), how: checkin.takenBy, who: checkin.recordedBy, version: checkin.questionnaireVersion }}
        />
      </p>
      <DataTable
        className="checkin__scores"
        caption={<FormattedMessage id="checkin.section.scoresCaption" defaultMessage="Scores by theme at the last check-in" />}
        columns={[
          { header: <FormattedMessage id="checkin.section.theme" defaultMessage="Theme" />, cell: label },
          { header: <FormattedMessage id="checkin.section.score" defaultMessage="Score" />, cell: (s) => s.score },
        ]}
        rows={scores}
        rowKey={(s) => s.theme}
      />
    </>
  );
}

/** The alliance check-in in the patient record: when it was last answered, its scores, and the two ways to take it. */
export function CheckinSection({ patient }: { patient: Patient }) {
  const intl = useIntl();
  const history = useRead('checkin.history', { patientId: patient.id });
  const questionnaire = useRead('checkin.questionnaire', {});
  const clinic = useRead('settings.get', {});
  const [open, setOpen] = useState<'phone' | 'patient' | null>(null);
  if (history.isError) return <Problem message={history.error.message} />;
  if (!history.data || !clinic.data || !questionnaire.data) return <p aria-busy="true">{intl.formatMessage({ id: 'checkin.section.loading', defaultMessage: 'Loading check-ins…' })}</p>;
  const [last] = history.data.checkins;
  const locale = clinic.data.locale;
  return (
    <section aria-labelledby="checkin-h" className="intake-section">
      <div className="consent__head">
        <h3 id="checkin-h">
          <FormattedMessage id="checkin.section.title" defaultMessage="Alliance check-in" />
        </h3>
      </div>
      {!questionnaire.data.definition.validated && (
        <p className="pane__hint">
          <FormattedMessage id="checkin.section.notValidated" defaultMessage="A clinic feedback check-in, not a validated instrument." />
        </p>
      )}
      {last ? (
        <LastCheckin checkin={last} timeZone={clinic.data.timeZone} themes={questionnaire.data.definition.themes} locale={locale} />
      ) : (
        <p className="muted">
          <FormattedMessage id="checkin.section.none" defaultMessage="No check-in yet." />
        </p>
      )}
      {patient.archivedAt === null && (
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen('phone')}>
            <FormattedMessage id="checkin.section.phone" defaultMessage="Check-in by phone…" />
          </button>
          <button type="button" className="button" onClick={() => setOpen('patient')}>
            <FormattedMessage id="checkin.section.patient" defaultMessage="Patient answers the check-in…" />
          </button>
        </div>
      )}
      {open === 'phone' && <PhoneDialog patient={patient} locale={locale} onClose={() => setOpen(null)} />}
      {open === 'patient' && (
        <HandOverDialog
          title={intl.formatMessage({ id: 'checkin.handOver.title', defaultMessage: 'Patient answers the check-in' })}
          language={intl.formatMessage({ id: 'checkin.handOver.language', defaultMessage: 'Language of the check-in' })}
          hint={intl.formatMessage({ id: 'checkin.handOver.hint', defaultMessage: 'The screen will show only the check-in. A staff member’s own PIN is needed to leave.' })}
          defaultLocale={locale}
          input={(chosen) => ({ patientId: patient.id, kinds: [], locale: chosen, checkin: true })}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
