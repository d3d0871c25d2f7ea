import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { navigate, type Route } from '../app/route';
import { useRead } from '../ipc/hooks';
import { PatientDetail } from './PatientDetail';
import { PatientForm } from './PatientForm';
import { PatientSearch } from './PatientSearch';
import { Problem } from '../ui/FormEnd';

type PatientsRoute = Extract<Route, { screen: 'patients' }>;

const kbd = (chunks: ReactNode[]) => <kbd>{chunks}</kbd>;

/** Finder on the left, the open record (or its form) on the right: the desk never loses its list. */
export function PatientsScreen({ route }: { route: PatientsRoute }) {
  const intl = useIntl();
  const searchRef = useRef<HTMLInputElement>(null);
  const patientId = 'patientId' in route ? route.patientId : undefined;
  const patient = useRead('patients.get', { id: patientId ?? '' }, { enabled: Boolean(patientId) });
  // What was typed in the search when "New patient" was pressed: usually the caller's name.
  const [searchText, setSearchText] = useState('');
  const startNew = () => {
    if (route.mode === 'new') return;
    setSearchText(searchRef.current?.value ?? '');
    navigate({ screen: 'patients', mode: 'new' });
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const k = e.key.toLowerCase();
        if (k === 'n') {
          e.preventDefault();
          startNew();
        } else if (k === 'f') {
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
        } else if (k === 'e' && patientId && patient.data?.archivedAt === null) {
          e.preventDefault();
          navigate({ screen: 'patients', patientId, mode: 'edit' });
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- startNew reads the route and a ref, both current here
  }, [patientId, patient.data?.archivedAt, route.mode]);

  useEffect(() => {
    if (!patientId && route.mode !== 'new') searchRef.current?.focus();
  }, [patientId, route.mode]);

  // Focus goes to the search once the route has changed (the effect above), not before:
  // leaving may first ask whether to discard, and focus must come back to the form then.
  const back = () => navigate(patientId ? { screen: 'patients', patientId } : { screen: 'patients' });

  let pane;
  if (route.mode === 'new') {
    pane = <PatientForm key="new" searchText={searchText} onSaved={(p) => navigate({ screen: 'patients', patientId: p.id })} onCancel={back} />;
  } else if (patientId && patient.isError) {
    pane = <Problem message={patient.error.message} />;
  } else if (patientId && patient.data) {
    pane =
      route.mode === 'edit' ? (
        <PatientForm key={`edit-${patient.data.id}-${patient.data.updatedAt}`} patient={patient.data} onSaved={(p) => navigate({ screen: 'patients', patientId: p.id })} onCancel={back} />
      ) : (
        <PatientDetail patient={patient.data} />
      );
  } else if (!patientId) {
    pane = (
      <div className="welcome">
        <h2>
          <FormattedMessage id="patients.welcome.title" defaultMessage="Patients" />
        </h2>
        <p>
          <FormattedMessage id="patients.welcome.start" defaultMessage="Start typing in “Find a patient”: part of a name, a few phone digits or a birth date." />
        </p>
        <ul className="shortcuts" aria-label={intl.formatMessage({ id: 'patients.welcome.shortcuts', defaultMessage: 'Keyboard shortcuts' })}>
          <li>
            <FormattedMessage id="patients.welcome.keyFind" defaultMessage="<kbd>Alt</kbd>+<kbd>F</kbd> find a patient" values={{ kbd }} />
          </li>
          <li>
            <FormattedMessage id="patients.welcome.keyNew" defaultMessage="<kbd>Alt</kbd>+<kbd>N</kbd> new patient" values={{ kbd }} />
          </li>
          <li>
            <FormattedMessage id="patients.welcome.keyEdit" defaultMessage="<kbd>Alt</kbd>+<kbd>E</kbd> edit the open patient" values={{ kbd }} />
          </li>
          <li>
            <FormattedMessage id="patients.welcome.keySave" defaultMessage="<kbd>Ctrl</kbd>+<kbd>S</kbd> save a form, <kbd>Esc</kbd> cancel it" values={{ kbd }} />
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="patients">
      <section className="patients__list" aria-label={intl.formatMessage({ id: 'patients.screen.list', defaultMessage: 'Patient list' })}>
        <button type="button" className="button button--primary button--wide" onClick={startNew} aria-keyshortcuts="Alt+N">
          <FormattedMessage id="patients.screen.new" defaultMessage="New patient" />
        </button>
        <PatientSearch inputRef={searchRef} selectedId={patientId} onOpen={(id) => navigate({ screen: 'patients', patientId: id })} />
      </section>
      <section className="patients__pane" aria-label={intl.formatMessage({ id: 'patients.screen.record', defaultMessage: 'Patient record' })}>
        {pane}
      </section>
    </div>
  );
}
