import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, defineMessage, defineMessages, useIntl } from 'react-intl';
import type { Patient } from '../../shared/contract/patients';
import { navigate } from '../app/route';
import { useWrite } from '../ipc/hooks';
import { ArchiveDialog } from './ArchiveDialog';
import { ExportAction } from '../export/ExportAction';
import { ConsentPanel } from '../consent/ConsentPanel';
import { IntakeSection } from '../intake/IntakeSection';
import { CarePanel } from '../followups/CarePanel'; // follow-ups
import { CheckinSection } from '../checkin/CheckinSection'; // check-ins
import { birthLine, bornMessage, contactLabels, displayName, phoneTypeLabels } from './format';
import { useClinicToday, useDay } from '../ui/useDay';
import { usePhoneDisplay } from './usePhoneDisplay';

const labels = defineMessages({
  phone: { id: 'patients.detail.phone', defaultMessage: 'Phone' },
  email: { id: 'patients.form.email', defaultMessage: 'E-mail' },
  preferredContact: { id: 'patients.form.preferredContact', defaultMessage: 'Preferred contact' },
  language: { id: 'patients.form.language', defaultMessage: 'Language' },
  address: { id: 'patients.form.address', defaultMessage: 'Address' },
  emergencyContact: { id: 'patients.form.emergency', defaultMessage: 'Emergency contact' },
  familyPhysician: { id: 'patients.form.physician', defaultMessage: 'Family physician' },
});

const phoneOf = defineMessage<{ label: string }>({ id: 'patients.detail.phoneOf', defaultMessage: 'Phone ({label})' });

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className="detail__item">
      <dt>{label}</dt>
      <dd className={empty ? 'detail__empty' : undefined}>{empty ? <FormattedMessage id="patients.detail.notRecorded" defaultMessage="Not recorded" /> : children}</dd>
    </div>
  );
}

const joinNonEmpty = (parts: string[], sep = ', ') => parts.filter(Boolean).join(sep);

export function PatientDetail({ patient }: { patient: Patient }) {
  const [archiving, setArchiving] = useState(false);
  const intl = useIntl();
  const day = useDay();
  const today = useClinicToday();
  const phone = usePhoneDisplay();
  const restore = useWrite('patients.restore');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [patient.id]);

  const edit = () => navigate({ screen: 'patients', patientId: patient.id, mode: 'edit' });
  const a = patient.address;

  return (
    <article className="patient-detail" aria-labelledby="patient-name">
      <header className="pane__header">
        <div>
          <h2 id="patient-name" tabIndex={-1} ref={headingRef}>
            {displayName(patient)}
          </h2>
          <p className="pane__sub">
            {patient.pronouns && <span>{patient.pronouns} · </span>}
            <FormattedMessage {...bornMessage} values={{ date: birthLine(patient.dateOfBirth, today) }} />
          </p>
        </div>
        <div className="actions">
          {patient.archivedAt === null ? (
            <>
              <button type="button" className="button button--primary" onClick={edit} aria-keyshortcuts="Alt+E">
                <FormattedMessage id="patients.detail.edit" defaultMessage="Edit patient" />
              </button>
              <button type="button" className="button" onClick={() => setArchiving(true)}>
                <FormattedMessage id="patients.detail.archive" defaultMessage="Archive…" />
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary" disabled={restore.isPending} onClick={() => restore.mutate({ id: patient.id, expectedUpdatedAt: patient.updatedAt })}>
              <FormattedMessage id="patients.detail.restore" defaultMessage="Restore patient" />
            </button>
          )}
          <ExportAction patient={patient} />
        </div>
      </header>

      {restore.data && !restore.data.ok && (
        // Refused in main: changed in another window meanwhile, or already restored there.
        <p className="banner banner--error" role="alert">
          {restore.data.error.message}
        </p>
      )}
      {patient.archivedAt && (
        <div className="banner banner--muted" role="status">
          <FormattedMessage id="patients.detail.archivedOn" defaultMessage="Archived on {day}: {reason}" values={{ day: day(patient.archivedAt), reason: patient.archiveReason }} />
        </div>
      )}

      <IntakeSection patient={patient} />
      <CheckinSection patient={patient} />

      <ConsentPanel patient={patient} />

      <CarePanel patient={patient} />

      <section aria-labelledby="contact-h">
        <h3 id="contact-h">
          <FormattedMessage id="patients.detail.contact" defaultMessage="Contact" />
        </h3>
        <dl className="detail">
          {patient.phones.length === 0 && <Item label={intl.formatMessage(labels.phone)}>{''}</Item>}
          {patient.phones.map((p, i) => (
            <Item key={i} label={intl.formatMessage(phoneOf, { label: intl.formatMessage(phoneTypeLabels[p.label]) })}>
              {phone(p.number)}
            </Item>
          ))}
          <Item label={intl.formatMessage(labels.email)}>{patient.email}</Item>
          <Item label={intl.formatMessage(labels.preferredContact)}>{intl.formatMessage(contactLabels[patient.preferredContact])}</Item>
          <Item label={intl.formatMessage(labels.language)}>{patient.language}</Item>
          <Item label={intl.formatMessage(labels.address)}>{joinNonEmpty([joinNonEmpty([a.line1, a.line2]), joinNonEmpty([a.city, a.region, a.postalCode], ' '), a.country])}</Item>
        </dl>
      </section>

      <section aria-labelledby="care-h">
        <h3 id="care-h">
          <FormattedMessage id="patients.detail.care" defaultMessage="Care team and emergency" />
        </h3>
        <dl className="detail">
          <Item label={intl.formatMessage(labels.emergencyContact)}>
            {joinNonEmpty([patient.emergencyContact.name, patient.emergencyContact.relationship, phone(patient.emergencyContact.phone)], ' · ')}
          </Item>
          <Item label={intl.formatMessage(labels.familyPhysician)}>
            {joinNonEmpty([patient.familyPhysician.name, patient.familyPhysician.clinic, phone(patient.familyPhysician.phone)], ' · ')}
          </Item>
        </dl>
      </section>

      <section aria-labelledby="notes-h">
        <h3 id="notes-h">
          <FormattedMessage id="patients.detail.notes" defaultMessage="Front-desk notes" />
        </h3>
        <p className={patient.notes ? 'notes' : 'detail__empty'}>{patient.notes || intl.formatMessage({ id: 'patients.detail.noNotes', defaultMessage: 'No notes.' })}</p>
      </section>

      <footer className="pane__footer">
        <FormattedMessage
          id="patients.detail.created"
          defaultMessage="Record created {created} · last changed {changed}"
          values={{ created: day(patient.createdAt), changed: day(patient.updatedAt) }}
        />
      </footer>

      <ArchiveDialog patient={patient} open={archiving} onClose={() => setArchiving(false)} />
    </article>
  );
}
