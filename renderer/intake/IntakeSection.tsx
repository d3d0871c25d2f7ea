import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Patient } from '../../shared/contract/patients';
import { href } from '../app/route';
import { useRead, useWrite } from '../ipc/hooks';
import { useDay } from '../ui/useDay';
import { Problem } from '../ui/FormEnd';
import { HandOverDialog } from '../ui/HandOverDialog';
import { stateLabels, stateTone } from './words';

/**
 * The health history in the patient record: where it stands (loud when missing or due),
 * and the next step in one action: fill it in, or "no changes since the last visit".
 */
export function IntakeSection({ patient }: { patient: Patient }) {
  const intl = useIntl();
  const day = useDay();
  const current = useRead('intake.current', { patientId: patient.id });
  const clinic = useRead('settings.get', {});
  const session = useRead('session.current', {});
  const confirm = useWrite('intake.confirmNoChanges');
  const [handing, setHanding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (current.isError) return <Problem message={current.error.message} />;
  if (!current.data || !clinic.data) {
    return (
      <p aria-busy="true">
        <FormattedMessage id="intake.loading" defaultMessage="Loading the health history…" />
      </p>
    );
  }
  const { intake, lastReview, status } = current.data;
  const roles = session.data?.user?.roles ?? [];
  const mayReadHistory = roles.includes('therapist') || roles.includes('admin');
  const archived = patient.archivedAt !== null;
  const reviewedLast = lastReview && intake && lastReview.reviewedAt > intake.recordedAt;

  async function noChanges() {
    setError(null);
    const r = await confirm.mutateAsync({ patientId: patient.id, intakeVersion: intake!.version });
    if (!r.ok) setError(r.error.message);
  }

  return (
    <section aria-labelledby="intake-h" className="intake-section">
      <div className="consent__head">
        <h3 id="intake-h">
          <FormattedMessage id="intake.section.title" defaultMessage="Health history" />
        </h3>
        <span className={`pill pill--${stateTone[status.state]}`}>{intl.formatMessage(stateLabels[status.state])}</span>
      </div>
      {status.state !== 'current' && !archived && (
        <div className={`banner banner--${status.state === 'none' ? 'warning' : 'info'}`} role="status">
          {status.state === 'none'
            ? intl.formatMessage({ id: 'intake.section.takeFirst', defaultMessage: 'Take the health history before the first treatment.' })
            : intl.formatMessage({ id: 'intake.section.askChanges', defaultMessage: 'Ask: “Any changes since your last visit?”' })}
        </div>
      )}
      {intake && (
        <p className="intake-section__line">
          <FormattedMessage
            id="intake.section.version"
            defaultMessage="Version {version}, {by, select, patient {filled in by the patient} other {taken by phone or at the desk}} {day} ({who})"
            values={{ version: intake.version, by: intake.filledBy, day: day(intake.recordedAt), who: intake.recordedBy }}
          />
          {reviewedLast && (
            <>
              {' · '}
              <FormattedMessage
                id="intake.section.reviewed"
                defaultMessage="no changes confirmed {day} by {who}"
                values={{ day: day(lastReview.reviewedAt), who: lastReview.reviewedBy }}
              />
            </>
          )}
        </p>
      )}
      <Problem message={error} />
      {!archived && (
        <div className="actions">
          {intake && (
            <button type="button" className={`button ${status.state === 'current' ? '' : 'button--primary'}`} disabled={confirm.isPending} onClick={noChanges}>
              <FormattedMessage id="intake.section.noChanges" defaultMessage="No changes since the last visit" />
            </button>
          )}
          <a className={`button ${intake ? '' : 'button--primary'}`} href={href({ screen: 'intake', patientId: patient.id, view: 'fill' })}>
            {intake
              ? intl.formatMessage({ id: 'intake.section.updateByPhone', defaultMessage: 'Update by phone…' })
              : intl.formatMessage({ id: 'intake.section.fillByPhone', defaultMessage: 'Fill in by phone…' })}
          </a>
          <button type="button" className="button" onClick={() => setHanding(true)}>
            {intake
              ? intl.formatMessage({ id: 'intake.section.patientUpdates', defaultMessage: 'Patient updates it…' })
              : intl.formatMessage({ id: 'intake.section.patientFills', defaultMessage: 'Patient fills it in…' })}
          </button>
          {intake && mayReadHistory && (
            <a className="button" href={href({ screen: 'intake', patientId: patient.id, view: 'history' })}>
              <FormattedMessage id="intake.section.history" defaultMessage="Answers and history" />
            </a>
          )}
        </div>
      )}
      {handing && (
        // The health history alone; with forms to sign, the consent panel's "Sign on screen".
        <HandOverDialog
          title={intl.formatMessage({ id: 'intake.handOver.title', defaultMessage: 'Patient fills in the health history' })}
          language={intl.formatMessage({ id: 'intake.handOver.language', defaultMessage: 'Language of the questions' })}
          hint={intl.formatMessage({ id: 'intake.handOver.why', defaultMessage: 'The screen will show only the health history. A staff member’s own PIN is needed to leave.' })}
          defaultLocale={clinic.data.locale}
          input={(locale) => ({ patientId: patient.id, kinds: [], locale, intake: true })}
          onClose={() => setHanding(false)}
        />
      )}
    </section>
  );
}
