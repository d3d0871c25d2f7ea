import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { Appointment } from '../../shared/contract/appointments';
import type { SessionState } from '../../shared/contract/staff';
import type { TodayRow, TodayStep } from '../../shared/contract/today';
import { dayIn } from '../../shared/time';
import { navigate, todayViews, type Route, type TodayView } from '../app/route';
import { useRead } from '../ipc/hooks';
import { call } from '../ipc/client';
import { BookingDialog, CancelDialog, MoveDialog, type Setup, type Slot } from '../appointments/VisitDialogs';
import { DayGrid, WeekGrid } from '../appointments/Schedule';
import { useWallClock } from '../appointments/clock';
import { ScreeningDialog } from '../screening/ScreeningDialog';
import { TextField, SelectField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';
import { Sheet } from './Sheet';
import { HandOverDialog } from './HandOver';
import { ChecklistDialog } from './ChecklistDialog';

type User = NonNullable<SessionState['user']>;
type Open =
  | { kind: 'book'; slot: Slot }
  | { kind: 'screening'; appointment: Appointment; stage: 'booking' | 'arrival' }
  | { kind: 'move'; appointment: Appointment }
  | { kind: 'cancel'; appointment: Appointment }
  | { kind: 'handOver'; row: TodayRow }
  | { kind: 'checklist'; appointment: Appointment };

const viewNames = defineMessages<TodayView>({
  sheet: { id: 'today.view.sheet', defaultMessage: 'What each visit needs' },
  day: { id: 'today.view.day', defaultMessage: 'Day by therapist' },
  week: { id: 'today.view.week', defaultMessage: 'Week of one therapist' },
});

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The first screen of the day: every visit with what it still needs, the day by
 * therapist, or one therapist's week, for today in the clinic's time zone or a day
 * picked. Every step opens from here and the row updates when it is done.
 */
export function TodayScreen({ route, user }: { route: Extract<Route, { screen: 'today' }>; user: User }) {
  const setup = useRead('appointments.setup', {});
  if (setup.isError) return <Problem message={setup.error.message} />;
  if (!setup.data) return null;
  return <Today route={route} user={user} setup={setup.data} today={dayIn(setup.data.timeZone, new Date())} />;
}

function Today({ route, user, setup, today }: { route: Extract<Route, { screen: 'today' }>; user: User; setup: Setup; today: string }) {
  const day = route.day ?? today;
  const view = route.view ?? 'sheet';
  const therapistId = route.therapistId ?? setup.therapists[0]?.id;
  const [open, setOpen] = useState<Open | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sheet = useRead('today.day', { day }, { enabled: view === 'sheet', keepPrevious: true });
  const dayList = useRead('appointments.day', { day }, { enabled: view === 'day', keepPrevious: true });
  const week = useRead('appointments.week', { therapistId: therapistId ?? '', day }, { enabled: view === 'week' && Boolean(therapistId), keepPrevious: true });
  const go = (change: Partial<Extract<Route, { screen: 'today' }>>) => navigate({ screen: 'today', day, view, therapistId: route.therapistId, ...change });
  const mayOverride = user.roles.some((r) => r === 'therapist' || r === 'admin');
  const clinic = useRead('settings.get', {});
  const intl = useIntl();
  const clock = useWallClock();

  // Alt+B books from any view of the day, as the phone rings.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'b' && !open) {
        e.preventDefault();
        setOpen({ kind: 'book', slot: { day, start: '09:00', therapistId } });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  function openStep(row: TodayRow, step: TodayStep) {
    if (step === 'booking_screening' || step === 'arrival_screening') setOpen({ kind: 'screening', appointment: row.appointment, stage: step === 'booking_screening' ? 'booking' : 'arrival' });
    // Consents are signed from the patient's record, where the consent panel is.
    else if (step === 'consents') navigate({ screen: 'patients', patientId: row.appointment.patientId });
    // Follow-ups due: the queue, with the patient's call open.
    else if (step === 'followups') navigate({ screen: 'followups', patientId: row.appointment.patientId });
    // A new patient's health history opens to be filled in; one due for review opens the record, where "no changes" is one action.
    else if (step === 'checklist') setOpen({ kind: 'checklist', appointment: row.appointment });
    else if (step === 'intake') void openIntake(row.appointment.patientId);
  }

  // Asked of main, not read from the step's words: those are in the clinic's language.
  async function openIntake(patientId: string) {
    const r = await call('intake.status', { patientIds: [patientId] });
    const isNew = r.ok && r.value.statuses[0]?.state === 'none';
    navigate(isNew ? { screen: 'intake', patientId, view: 'fill' } : { screen: 'patients', patientId });
  }

  return (
    <section className="today" aria-labelledby="today-h">
      <div className="today__top">
        <h1 id="today-h" className="screen-title">
          {day === today ? intl.formatMessage({ id: 'today.title', defaultMessage: 'Today' }) : intl.formatMessage({ id: 'today.titleOtherDay', defaultMessage: 'Day' })}{' '}
          <span className="today__date">{clock.longDay(day)}</span>
        </h1>
        <div className="today__controls">
          <button type="button" className="button button--small" onClick={() => go({ day: shift(day, view === 'week' ? -7 : -1) })} aria-label={view === 'week' ? intl.formatMessage({ id: 'today.previousWeek', defaultMessage: 'Previous week' }) : intl.formatMessage({ id: 'today.previousDay', defaultMessage: 'Previous day' })}>
            ←
          </button>
          <TextField label={intl.formatMessage({ id: 'today.showDay', defaultMessage: 'Show day' })} type="date" className="today__picker" value={day} onChange={(e) => e.target.value && go({ day: e.target.value })} />
          <button type="button" className="button button--small" onClick={() => go({ day: shift(day, view === 'week' ? 7 : 1) })} aria-label={view === 'week' ? intl.formatMessage({ id: 'today.nextWeek', defaultMessage: 'Next week' }) : intl.formatMessage({ id: 'today.nextDay', defaultMessage: 'Next day' })}>
            →
          </button>
          {day !== today && (
            <button type="button" className="button button--small" onClick={() => go({ day: undefined })}>
              {intl.formatMessage({ id: 'today.backToToday', defaultMessage: 'Back to today' })}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'book', slot: { day, start: '09:00', therapistId } })} aria-keyshortcuts="Alt+B">
            {intl.formatMessage({ id: 'today.book', defaultMessage: 'Book a visit' })}
          </button>
        </div>
      </div>
      <div className="today__views" role="group" aria-label={intl.formatMessage({ id: 'today.view', defaultMessage: 'View' })}>
        {todayViews.map((v) => (
          <button key={v} type="button" className={`button button--small${v === view ? ' button--primary' : ''}`} aria-pressed={v === view} onClick={() => go({ view: v })}>
            {intl.formatMessage(viewNames[v])}
          </button>
        ))}
        {view === 'week' && (
          <SelectField label={intl.formatMessage({ id: 'today.therapist', defaultMessage: 'Therapist' })} value={therapistId ?? ''} onChange={(e) => go({ therapistId: e.target.value })} options={setup.therapists.map((t) => ({ value: t.id, label: t.name }))} className="today__therapist" />
        )}
      </div>
      <Problem message={problem ?? sheet.error?.message ?? dayList.error?.message ?? week.error?.message} />
      {view === 'sheet' && sheet.data && (
        <Sheet rows={sheet.data.rows} onStep={openStep} onMove={(a) => setOpen({ kind: 'move', appointment: a })} onCancel={(a) => setOpen({ kind: 'cancel', appointment: a })} onHandOver={(row) => setOpen({ kind: 'handOver', row })} onProblem={setProblem} />
      )}
      {view === 'day' && dayList.data && (
        <DayGrid day={day} therapists={setup.therapists} appointments={dayList.data.appointments} onFree={(slot) => setOpen({ kind: 'book', slot })} onVisit={(a) => setOpen({ kind: 'move', appointment: a })} />
      )}
      {view === 'week' && week.data && therapistId && (
        <WeekGrid therapist={setup.therapists.find((t) => t.id === therapistId)!} days={week.data.days} appointments={week.data.appointments} onFree={(slot) => setOpen({ kind: 'book', slot })} onVisit={(a) => setOpen({ kind: 'move', appointment: a })} />
      )}
      {open?.kind === 'book' && <BookingDialog slot={open.slot} setup={setup} onClose={() => setOpen(null)} onBooked={() => setOpen(null)} />}
      {open?.kind === 'move' && <MoveDialog appointment={open.appointment} setup={setup} onClose={() => setOpen(null)} onMoved={() => setOpen(null)} />}
      {open?.kind === 'handOver' && <HandOverDialog row={open.row} defaultLocale={clinic.data?.locale ?? 'en-CA'} onClose={() => setOpen(null)} />}
      {open?.kind === 'checklist' && <ChecklistDialog appointment={open.appointment} timeZone={clinic.data?.timeZone ?? 'UTC'} onClose={() => setOpen(null)} />}
      {open?.kind === 'cancel' && <CancelDialog appointment={open.appointment} onClose={() => setOpen(null)} />}
      {open?.kind === 'screening' && (
        <ScreeningDialog appointment={open.appointment} stage={open.stage} mayOverride={mayOverride} onClose={() => setOpen(null)} onMove={() => setOpen({ kind: 'move', appointment: open.appointment })} />
      )}
    </section>
  );
}
