import { useEffect } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { PatientsScreen } from '../patients/PatientsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useRead } from '../ipc/hooks';
import { PatientModeScreen } from '../consent/PatientModeScreen';
import { ConsentFormsScreen } from '../consent/ConsentFormsScreen';
import { BackupScreen } from '../backup/BackupScreen';
import { BackupStatusLine } from '../backup/StatusLine';
import { href, navigate, useRoute, type Route } from './route';
import { SessionGate } from '../staff/SessionGate';
import { StaffScreen } from '../staff/StaffScreen';
import { AuditScreen, ChainAlarm } from '../audit/AuditScreen';
import type { Role, SessionState } from '../../shared/contract/staff';
import { FailureScreen } from './Failure';
import { LeaveQuestion } from './leave';
import { IntakeScreen } from '../intake/IntakeScreen';
import { TodayScreen } from '../today/TodayScreen';
// follow-ups
import { QueueScreen } from '../followups/QueueScreen';
// check-ins
import { TasksNotice } from '../checkin/TasksNotice';
// dashboard
import { DashboardScreen } from '../dashboard/DashboardScreen';

type User = NonNullable<SessionState['user']>;

/** Who sees which section: the same rule main enforces (main/ipc/permissions.ts); the screen only offers what main allows. */
const labels = defineMessages({
  today: { id: 'app.section.today', defaultMessage: 'Today' },
  patients: { id: 'app.section.patients', defaultMessage: 'Patients' },
  // follow-ups
  followups: { id: 'app.section.followups', defaultMessage: 'Follow-ups' },
  // dashboard
  dashboard: { id: 'app.section.dashboard', defaultMessage: 'Dashboard' },
  staff: { id: 'app.section.staff', defaultMessage: 'Staff' },
  audit: { id: 'app.section.audit', defaultMessage: 'Audit trail' },
  backup: { id: 'app.section.backup', defaultMessage: 'Backups' },
  consentForms: { id: 'app.section.consentForms', defaultMessage: 'Consent forms' },
  settings: { id: 'app.section.settings', defaultMessage: 'Settings' },
});
const sections: ReadonlyArray<{ screen: Route['screen']; label: MessageDescriptor; key: string; roles?: readonly Role[] }> = [
  { screen: 'today', label: labels.today, key: '1' },
  { screen: 'patients', label: labels.patients, key: '2' },
  // follow-ups
  { screen: 'followups', label: labels.followups, key: '3' },
  // dashboard
  { screen: 'dashboard', label: labels.dashboard, key: '4' },
  { screen: 'staff', label: labels.staff, key: '5', roles: ['admin'] },
  { screen: 'audit', label: labels.audit, key: '6' },
  { screen: 'backup', label: labels.backup, key: '7', roles: ['admin'] },
  { screen: 'consent-forms', label: labels.consentForms, key: '8', roles: ['admin'] },
  { screen: 'settings', label: labels.settings, key: '9', roles: ['admin'] },
];
const mayOpen = (user: User, screen: Route['screen']) => {
  const section = sections.find((s) => s.screen === screen);
  return !section?.roles || section.roles.some((r) => user.roles.includes(r));
};

/** The frame the desk lives in all day: clinic name, sections, and the screen. */
/**
 * Patient mode is asked of main, which holds it: after a reload the patient is still
 * in patient mode, and nothing of the frame shows before main has answered.
 */
export function App() {
  const mode = useRead('patientMode.current', {});
  // Asked beside patient mode, not after it: the desk appears after one round trip, as before sign-in existed.
  const session = useRead('session.current', {});
  if (mode.isError) return <FailureScreen message={mode.error.message} />;
  if (!mode.data || (!mode.data.session && !session.data && !session.isError)) return null;
  if (mode.data.session) return <PatientModeScreen session={mode.data.session} />;
  return <SessionGate>{(user, actions) => <Frame user={user} {...actions} />}</SessionGate>;
}

function Frame({ user, switchPerson, lock }: { user: User; switchPerson(): void; lock(): void }) {
  const route = useRoute();
  const intl = useIntl();
  const profile = useRead('settings.get', {});
  const visible = sections.filter((s) => mayOpen(user, s.screen));

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const section = visible.find((s) => s.key === e.key);
      if (section) {
        e.preventDefault();
        navigate({ screen: section.screen } as Route);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A screen puts the focus where its work starts; one that has nothing to offer yet (still
  // loading) leaves it with the screen, so keys never fall on the page's body and are lost.
  const place = JSON.stringify(route);
  useEffect(() => {
    const at = document.activeElement;
    if (!at || at === document.body) document.getElementById('content')?.focus();
  }, [place]);

  useEffect(() => {
    const name = profile.data?.name;
    document.title = name ? `Rapport — ${name}` : 'Rapport';
  }, [profile.data?.name]);

  return (
    <div className="frame">
      <a className="skip-link" href="#content" onClick={(e) => { e.preventDefault(); document.getElementById('content')?.focus(); }}>
        <FormattedMessage id="app.skipToContent" defaultMessage="Skip to content" />
      </a>
      <header className="frame__top">
        <span className="brand" aria-hidden="true">Rapport</span>
        <span className="frame__clinic">{profile.data?.name || intl.formatMessage({ id: 'app.clinicNotSetUp', defaultMessage: 'Clinic not set up yet' })}</span>
        <BackupStatusLine />
        <span className="frame__user">
          <span>
            <FormattedMessage id="app.signedIn" defaultMessage="Signed in: <b>{name}</b>" values={{ name: user.name, b: (chunks) => <strong>{chunks}</strong> }} />
          </span>
          <button type="button" className="button button--small" onClick={switchPerson}>
            <FormattedMessage id="app.switchPerson" defaultMessage="Switch person" />
          </button>
          <button type="button" className="button button--small" onClick={lock}>
            <FormattedMessage id="app.lock" defaultMessage="Lock" />
          </button>
        </span>
      </header>
      <nav className="frame__nav" aria-label={intl.formatMessage({ id: 'app.sections', defaultMessage: 'Sections' })}>
        <ul>
          {visible.map((s) => (
            <li key={s.screen}>
              <a href={href({ screen: s.screen } as Route)} aria-current={route.screen === s.screen ? 'page' : undefined} aria-keyshortcuts={`Alt+${s.key}`}>
                {intl.formatMessage(s.label)}
                <kbd className="nav__key" aria-hidden="true">Alt+{s.key}</kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" className="frame__main" tabIndex={-1}>
        {user.roles.includes('admin') && route.screen !== 'audit' && <ChainAlarm />}
        {/* check-ins: a therapist's open tasks, from sign-in on */}
        {(user.roles.includes('therapist') || user.roles.includes('admin')) && <TasksNotice />}
        {profile.data && !profile.data.name && route.screen !== 'settings' && mayOpen(user, 'settings') && (
          <div className="banner banner--info" role="status">
            <FormattedMessage
              id="app.noProfile"
              defaultMessage="This clinic has no profile yet: <a>set the clinic name and address</a> for the letterhead of its forms."
              values={{ a: (chunks) => <a href={href({ screen: 'settings' })}>{chunks}</a> }}
            />
          </div>
        )}
        {!mayOpen(user, route.screen) ? (
          <p className="banner banner--warning" role="alert">
            <FormattedMessage
              id="app.adminOnly"
              defaultMessage="Only an admin can open this screen. Ask an admin, or go back to <a>Patients</a>."
              values={{ a: (chunks) => <a href={href({ screen: 'patients' })}>{chunks}</a> }}
            />
          </p>
        ) : route.screen === 'settings' ? (
          <SettingsScreen />
        ) : route.screen === 'consent-forms' ? (
          <ConsentFormsScreen />
        ) : route.screen === 'backup' ? (
          <BackupScreen />
        ) : route.screen === 'staff' ? (
          <StaffScreen />
        ) : route.screen === 'audit' ? (
          <AuditScreen user={user} />
        ) : route.screen === 'intake' ? (
          <IntakeScreen key={`${route.patientId}-${route.view}`} patientId={route.patientId} view={route.view} />
        ) : route.screen === 'today' ? (
          <TodayScreen route={route} user={user} />
        ) : route.screen === 'followups' ? (
          <QueueScreen patientId={route.patientId} />
        ) : route.screen === 'dashboard' ? (
          <DashboardScreen />
        ) : (
          <PatientsScreen route={route} />
        )}
      </main>
      <LeaveQuestion />
    </div>
  );
}
