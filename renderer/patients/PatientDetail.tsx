import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Patient } from '../../shared/contract/patients';
import { navigate } from '../app/route';
import { useRead, useWrite } from '../ipc/hooks';
import { ArchiveDialog } from './ArchiveDialog';
import { ExportAction } from '../export/ExportAction';
import { ConsentPanel } from '../consent/ConsentPanel';
import { IntakeSection } from '../intake/IntakeSection';
import { CarePanel } from '../followups/CarePanel'; // follow-ups
import { birthLine, displayName } from './format';
import { dayIn } from '../../shared/time';
import { usePhoneDisplay } from './usePhoneDisplay';

const contactLabel = { phone: 'Phone call', text: 'Text message', email: 'E-mail' } as const;

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className="detail__item">
      <dt>{label}</dt>
      <dd className={empty ? 'detail__empty' : undefined}>{empty ? 'Not recorded' : children}</dd>
    </div>
  );
}

const joinNonEmpty = (parts: string[], sep = ', ') => parts.filter(Boolean).join(sep);

export function PatientDetail({ patient }: { patient: Patient }) {
  const [archiving, setArchiving] = useState(false);
  const clinic = useRead('settings.get', {});
  const day = (iso: string) => dayIn(clinic.data?.timeZone ?? 'UTC', iso);
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
            born {birthLine(patient.dateOfBirth)}
          </p>
        </div>
        <div className="actions">
          {patient.archivedAt === null ? (
            <>
              <button type="button" className="button button--primary" onClick={edit} aria-keyshortcuts="Alt+E">
                Edit patient
              </button>
              <button type="button" className="button" onClick={() => setArchiving(true)}>
                Archive…
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary" disabled={restore.isPending} onClick={() => restore.mutate({ id: patient.id, expectedUpdatedAt: patient.updatedAt })}>
              Restore patient
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
          Archived on {day(patient.archivedAt)}: {patient.archiveReason}
        </div>
      )}

      <IntakeSection patient={patient} />

      <ConsentPanel patient={patient} />

      <CarePanel patient={patient} />

      <section aria-labelledby="contact-h">
        <h3 id="contact-h">Contact</h3>
        <dl className="detail">
          {patient.phones.length === 0 && <Item label="Phone">{''}</Item>}
          {patient.phones.map((p, i) => (
            <Item key={i} label={`Phone (${p.label})`}>
              {phone(p.number)}
            </Item>
          ))}
          <Item label="E-mail">{patient.email}</Item>
          <Item label="Preferred contact">{contactLabel[patient.preferredContact]}</Item>
          <Item label="Language">{patient.language}</Item>
          <Item label="Address">{joinNonEmpty([joinNonEmpty([a.line1, a.line2]), joinNonEmpty([a.city, a.region, a.postalCode], ' '), a.country])}</Item>
        </dl>
      </section>

      <section aria-labelledby="care-h">
        <h3 id="care-h">Care team and emergency</h3>
        <dl className="detail">
          <Item label="Emergency contact">
            {joinNonEmpty([patient.emergencyContact.name, patient.emergencyContact.relationship, phone(patient.emergencyContact.phone)], ' · ')}
          </Item>
          <Item label="Family physician">
            {joinNonEmpty([patient.familyPhysician.name, patient.familyPhysician.clinic, phone(patient.familyPhysician.phone)], ' · ')}
          </Item>
        </dl>
      </section>

      <section aria-labelledby="notes-h">
        <h3 id="notes-h">Front-desk notes</h3>
        <p className={patient.notes ? 'notes' : 'detail__empty'}>{patient.notes || 'No notes.'}</p>
      </section>

      <footer className="pane__footer">
        Record created {day(patient.createdAt)} · last changed {day(patient.updatedAt)}
      </footer>

      <ArchiveDialog patient={patient} open={archiving} onClose={() => setArchiving(false)} />
    </article>
  );
}
