import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Appointment } from '../../shared/contract/appointments';
import type { TodayRow, TodayStep } from '../../shared/contract/today';
import { useWrite } from '../ipc/hooks';
import { statusNames, stepNames } from './words';
import { useWallClock } from '../appointments/clock';

/** What the patient can do on the screen turned to them. */
const handOverSteps: readonly TodayStep[] = ['arrival_screening', 'intake', 'consents'];

/**
 * The day as a sheet: a row per visit in time order, a cell per step. Missing and
 * blocked steps are buttons that open the step (loud); done steps are quiet text. The
 * first button of a row opens its next missing step; ↑ and ↓ move between rows.
 */
export function Sheet({ rows, onStep, onMove, onCancel, onHandOver, onProblem }: {
  rows: TodayRow[];
  onStep(row: TodayRow, step: TodayStep): void;
  onMove(a: Appointment): void;
  onCancel(a: Appointment): void;
  onHandOver(row: TodayRow): void;
  onProblem(message: string | null): void;
}) {
  const intl = useIntl();
  const clock = useWallClock();
  const checkIn = useWrite('appointments.checkIn');
  const checkOut = useWrite('appointments.checkOut');
  const noShow = useWrite('appointments.noShow');
  const steps = rows.find((r) => r.steps.length > 0)?.steps.map((s) => s.step) ?? [];
  const act = async (run: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await run;
    onProblem(r.ok ? null : (r.error?.message ?? null));
  };
  function moveFocus(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-next]')];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = all[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (to) {
      e.preventDefault();
      to.focus();
    }
  }
  if (rows.length === 0) return <p className="search__empty">{intl.formatMessage({ id: 'today.sheet.empty', defaultMessage: 'No visits booked this day. Pick a free slot on the day view to book one.' })}</p>;
  return (
    <table className="table today__sheet">
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'today.sheet.time', defaultMessage: 'Time' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'today.sheet.patient', defaultMessage: 'Patient' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'today.sheet.next', defaultMessage: 'Next' })}</th>
          {steps.map((s) => (
            <th scope="col" key={s}>
              {intl.formatMessage(stepNames[s])}
            </th>
          ))}
          <th scope="col">{intl.formatMessage({ id: 'today.sheet.visit', defaultMessage: 'Visit' })}</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveFocus}>
        {rows.map((row) => {
          const a = row.appointment;
          const closed = a.status === 'cancelled' || a.status === 'no_show';
          return (
            <tr key={a.id} className={closed ? 'today__row--closed' : undefined} aria-label={`${clock.time(a.start)} ${a.patientName}`}>
              <td className="today__time">
                {clock.time(a.start)}–{clock.time(a.end)}
              </td>
              <th scope="row">
                <span className="result__name">{a.patientName}</span>
                <span className="result__meta">
                  {a.typeName} · {a.therapistName} · {a.roomName}
                </span>
              </th>
              <td>
                {row.next ? (
                  <button type="button" className="button button--primary button--small" data-next onClick={() => onStep(row, row.next!)}>
                    {intl.formatMessage(stepNames[row.next])}
                  </button>
                ) : closed ? (
                  <span className="step step--quiet">
                    {a.cancelReason
                      ? intl.formatMessage({ id: 'today.sheet.closedWhy', defaultMessage: '{status}: {reason}' }, { status: intl.formatMessage(statusNames[a.status]), reason: a.cancelReason })
                      : intl.formatMessage(statusNames[a.status])}
                  </span>
                ) : (
                  <span className="step step--done" data-next tabIndex={-1}>
                    {intl.formatMessage({ id: 'today.sheet.nothingMissing', defaultMessage: 'Nothing missing' })}
                  </span>
                )}
              </td>
              {steps.map((name) => {
                const s = row.steps.find((x) => x.step === name);
                if (!s) return <td key={name} />;
                if (s.state === 'missing' || s.state === 'blocked') {
                  return (
                    <td key={name}>
                      <button type="button" className={`step step--${s.state}`} onClick={() => onStep(row, name)} aria-label={intl.formatMessage({ id: 'today.sheet.stepLabel', defaultMessage: '{step}: {state, select, blocked {stopped} other {missing}}, {detail}' }, { step: intl.formatMessage(stepNames[name]), state: s.state, detail: s.detail })}>
                        {s.state === 'blocked' ? intl.formatMessage({ id: 'today.sheet.stopped', defaultMessage: 'Stopped:' }) + ' ' : '● '}
                        {s.detail}
                      </button>
                    </td>
                  );
                }
                return (
                  <td key={name} className={`step step--${s.state === 'done' ? 'done' : 'quiet'}`}>
                    {s.state === 'done' ? `✓ ${s.detail}` : '—'}
                  </td>
                );
              })}
              <td>
                <span className="today__status">{intl.formatMessage(statusNames[a.status])}</span>
                <span className="actions">
                  {(a.status === 'booked' || a.status === 'checked_in') && row.steps.some((s) => handOverSteps.includes(s.step) && s.state === 'missing') && !row.steps.some((s) => s.state === 'blocked') && (
                    <button type="button" className="button button--small" onClick={() => onHandOver(row)}>
                      {intl.formatMessage({ id: 'today.sheet.handOver', defaultMessage: 'Patient’s screen…' })}
                    </button>
                  )}
                  {a.status === 'booked' && (
                    <>
                      <button type="button" className="button button--small" onClick={() => void act(checkIn.mutateAsync({ id: a.id }))}>
                        {intl.formatMessage({ id: 'today.sheet.checkIn', defaultMessage: 'Check in' })}
                      </button>
                      <button type="button" className="button button--small" onClick={() => onMove(a)}>
                        {intl.formatMessage({ id: 'today.sheet.move', defaultMessage: 'Move' })}
                      </button>
                      <button type="button" className="button button--small" onClick={() => onCancel(a)}>
                        {intl.formatMessage({ id: 'today.sheet.cancel', defaultMessage: 'Cancel' })}
                      </button>
                      <button type="button" className="button button--small" onClick={() => void act(noShow.mutateAsync({ id: a.id }))}>
                        {intl.formatMessage({ id: 'today.sheet.noShow', defaultMessage: 'No-show' })}
                      </button>
                    </>
                  )}
                  {a.status === 'checked_in' && (
                    <button type="button" className="button button--small" onClick={() => void act(checkOut.mutateAsync({ id: a.id }))}>
                      {intl.formatMessage({ id: 'today.sheet.checkOut', defaultMessage: 'Check out' })}
                    </button>
                  )}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
