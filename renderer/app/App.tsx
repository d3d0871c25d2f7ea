import { useEffect } from 'react';
import { PatientsScreen } from '../patients/PatientsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useRead } from '../ipc/hooks';
import { PatientModeScreen } from '../consent/PatientModeScreen';
import { ConsentFormsScreen } from '../consent/ConsentFormsScreen';
import { BackupScreen } from '../backup/BackupScreen';
import { BackupStatusLine } from '../backup/StatusLine';
import { href, navigate, useRoute, type Route } from './route';
import { FailureScreen } from './Failure';
import { LeaveQuestion } from './leave';

const sections: ReadonlyArray<{ screen: Route['screen']; label: string; key: string }> = [
  { screen: 'patients', label: 'Patients', key: '1' },
  { screen: 'consent-forms', label: 'Consent forms', key: '8' },
  { screen: 'backup', label: 'Backups', key: '7' },
  { screen: 'settings', label: 'Settings', key: '9' },
];

/** The frame the desk lives in all day: clinic name, sections, and the screen. */
/**
 * Patient mode is asked of main, which holds it: after a reload the patient is still
 * in patient mode, and nothing of the frame shows before main has answered.
 */
export function App() {
  const mode = useRead('patientMode.current', {});
  if (mode.isError) return <FailureScreen message={mode.error.message} />;
  if (!mode.data) return null;
  return mode.data.session ? <PatientModeScreen session={mode.data.session} /> : <Frame />;
}

function Frame() {
  const route = useRoute();
  const profile = useRead('settings.get', {});

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const section = sections.find((s) => s.key === e.key);
      if (section) {
        e.preventDefault();
        navigate({ screen: section.screen } as Route);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const name = profile.data?.name;
    document.title = name ? `Rapport — ${name}` : 'Rapport';
  }, [profile.data?.name]);

  return (
    <div className="frame">
      <a className="skip-link" href="#content" onClick={(e) => { e.preventDefault(); document.getElementById('content')?.focus(); }}>
        Skip to content
      </a>
      <header className="frame__top">
        <span className="brand" aria-hidden="true">Rapport</span>
        <span className="frame__clinic">{profile.data?.name || 'Clinic not set up yet'}</span>
        <BackupStatusLine />
      </header>
      <nav className="frame__nav" aria-label="Sections">
        <ul>
          {sections.map((s) => (
            <li key={s.screen}>
              <a href={href({ screen: s.screen } as Route)} aria-current={route.screen === s.screen ? 'page' : undefined} aria-keyshortcuts={`Alt+${s.key}`}>
                {s.label}
                <kbd className="nav__key" aria-hidden="true">Alt+{s.key}</kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" className="frame__main" tabIndex={-1}>
        {profile.data && !profile.data.name && route.screen !== 'settings' && (
          <div className="banner banner--info" role="status">
            This clinic has no profile yet: <a href={href({ screen: 'settings' })}>set the clinic name and address</a> for the letterhead of its forms.
          </div>
        )}
        {route.screen === 'settings' ? <SettingsScreen /> : route.screen === 'consent-forms' ? <ConsentFormsScreen /> : route.screen === 'backup' ? <BackupScreen /> : <PatientsScreen route={route} />}
      </main>
      <LeaveQuestion />
    </div>
  );
}
