import { useEffect, useState } from 'react';
import { hasUnsavedWork, whenLeaving } from './leave';

/**
 * Screens are addressed by the URL hash, so Back and Forward work (Alt+Left in
 * Electron) and a test can open a screen directly. No router library: a few shapes.
 */
export type Route =
  | { screen: 'today'; day?: string; view?: TodayView; therapistId?: string }
  | { screen: 'patients'; patientId?: string; mode?: 'view' | 'edit' }
  | { screen: 'patients'; mode: 'new' }
  | { screen: 'settings' }
  | { screen: 'consent-forms' }
  | { screen: 'staff' }
  | { screen: 'audit' }
  | { screen: 'intake'; patientId: string; view: 'fill' | 'history' }
  | { screen: 'backup' }
  // follow-ups
  | { screen: 'followups'; patientId?: string }
  // dashboard
  | { screen: 'dashboard' };

/** The Today screen's three views: the sheet of what each visit needs, the day by therapist, one therapist's week. */
export const todayViews = ['sheet', 'day', 'week'] as const;
export type TodayView = (typeof todayViews)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  // The first screen of the day: an empty address opens Today.
  if (parts.length === 0) return { screen: 'today' };
  if (parts[0] === 'today') {
    const view = todayViews.find((v) => v === parts[2]);
    const day = parts[1] && /^\d{4}-\d{2}-\d{2}$/.test(parts[1]) ? parts[1] : undefined;
    return { screen: 'today', day, view, therapistId: parts[3] ? decodeURIComponent(parts[3]) : undefined };
  }
  if (parts[0] === 'settings') return { screen: 'settings' };
  if (parts[0] === 'consent-forms') return { screen: 'consent-forms' };
  if (parts[0] === 'staff') return { screen: 'staff' };
  if (parts[0] === 'audit') return { screen: 'audit' };
  if (parts[0] === 'intake' && parts[1]) return { screen: 'intake', patientId: decodeURIComponent(parts[1]), view: parts[2] === 'history' ? 'history' : 'fill' };
  if (parts[0] === 'backup') return { screen: 'backup' };
  if (parts[0] === 'followups') return { screen: 'followups', patientId: parts[1] ? decodeURIComponent(parts[1]) : undefined }; // follow-ups
  if (parts[0] === 'dashboard') return { screen: 'dashboard' }; // dashboard
  if (parts[0] === 'patients' && parts[1] === 'new') return { screen: 'patients', mode: 'new' };
  if (parts[0] === 'patients' && parts[1]) {
    return { screen: 'patients', patientId: decodeURIComponent(parts[1]), mode: parts[2] === 'edit' ? 'edit' : 'view' };
  }
  return { screen: 'patients' };
}

export function href(route: Route): string {
  if (route.screen === 'today') {
    // `now`: whatever day it is when the address is opened (a bookmark stays on today).
    const parts = [route.day ?? 'now', route.view ?? 'sheet', ...(route.therapistId ? [encodeURIComponent(route.therapistId)] : [])];
    return `#/today/${parts.join('/')}`;
  }
  if (route.screen === 'settings') return '#/settings';
  if (route.screen === 'consent-forms') return '#/consent-forms';
  if (route.screen === 'staff') return '#/staff';
  if (route.screen === 'audit') return '#/audit';
  if (route.screen === 'intake') return `#/intake/${encodeURIComponent(route.patientId)}${route.view === 'history' ? '/history' : ''}`;
  if (route.screen === 'backup') return '#/backup';
  if (route.screen === 'followups') return `#/followups${route.patientId ? `/${encodeURIComponent(route.patientId)}` : ''}`; // follow-ups
  if (route.screen === 'dashboard') return '#/dashboard'; // dashboard
  if (route.mode === 'new') return '#/patients/new';
  if ('patientId' in route && route.patientId) {
    return `#/patients/${encodeURIComponent(route.patientId)}${route.mode === 'edit' ? '/edit' : ''}`;
  }
  return '#/patients';
}

/** Goes to a screen, asking first when a form there has unsaved typing. */
export function navigate(route: Route): void {
  whenLeaving(() => {
    window.location.hash = href(route);
  });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = () => {
      const next = window.location.hash;
      // A link or Back left a form with unsaved typing: put the address back (without a
      // new history entry) and go only if the user agrees.
      if (next !== shown && hasUnsavedWork()) {
        history.replaceState(history.state, '', shown || '#');
        whenLeaving(() => {
          window.location.hash = next;
        });
        return;
      }
      shown = next;
      setRoute(parseRoute(next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
