import { useIntl } from 'react-intl';
import type { Appointment, Therapist } from '../../shared/contract/appointments';
import type { Slot } from './VisitDialogs';
import { useWallClock } from './clock';

/** Half-hour rows from 08:00 to 20:00: the hours a clinic books in. */
export const slotTimes = Array.from({ length: 24 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const holding = (a: Appointment) => a.status !== 'cancelled' && a.status !== 'no_show';
const weekdayOf = (day: string) => ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Open for booking: within the therapist's hours that weekday, or any time when no hours are set. */
function working(t: Therapist, day: string, time: string) {
  if (t.hours.length === 0) return true;
  const h = t.hours.find((x) => x.weekday === weekdayOf(day));
  return h !== undefined && time >= h.start && time < h.end;
}

/** One cell: the visit starting in it, the rest of a visit, a free slot to book, or off hours. */
function Cell({ therapist, day, time, visits, onFree, onVisit }: { therapist: Therapist; day: string; time: string; visits: Appointment[]; onFree(s: Slot): void; onVisit(a: Appointment): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  const next = slotTimes[slotTimes.indexOf(time) + 1] ?? '24:00';
  const starting = visits.find((a) => a.start >= time && a.start < next);
  if (starting) {
    return (
      <td className="slot slot--booked">
        <button type="button" className="slot__visit" onClick={() => onVisit(starting)}>
          {clock.time(starting.start)} {starting.patientName}
          <span className="result__meta">{starting.typeName} · {starting.roomName}</span>
        </button>
      </td>
    );
  }
  if (visits.some((a) => a.start < time && a.end > time)) return <td className="slot slot--busy" aria-label={intl.formatMessage({ id: 'appointments.grid.busy', defaultMessage: 'busy' })} />;
  if (!working(therapist, day, time)) return <td className="slot slot--off" />;
  const at = clock.time(time);
  return (
    <td className="slot slot--free">
      <button
        type="button"
        className="slot__free"
        onClick={() => onFree({ day, start: time, therapistId: therapist.id })}
        aria-label={intl.formatMessage({ id: 'appointments.grid.freeLabel', defaultMessage: '{time} free: book {therapist} on {day}' }, { time: at, therapist: therapist.name, day: clock.longDay(day) })}
      >
        {intl.formatMessage({ id: 'appointments.grid.free', defaultMessage: '{time} free' }, { time: at })}
      </button>
    </td>
  );
}

/** The day with a column per therapist. */
export function DayGrid({ day, therapists, appointments, onFree, onVisit }: { day: string; therapists: Therapist[]; appointments: Appointment[]; onFree(s: Slot): void; onVisit(a: Appointment): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  if (therapists.length === 0) {
    return <p className="search__empty">{intl.formatMessage({ id: 'appointments.grid.noTherapists', defaultMessage: 'No therapists yet: an admin gives a staff member the therapist role on the Staff screen.' })}</p>;
  }
  return (
    <table className="table schedule" aria-label={intl.formatMessage({ id: 'appointments.grid.dayLabel', defaultMessage: 'Day view, {day}' }, { day: clock.longDay(day) })}>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'appointments.grid.time', defaultMessage: 'Time' })}</th>
          {therapists.map((t) => (
            <th scope="col" key={t.id}>
              {t.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {slotTimes.map((time) => (
          <tr key={time}>
            <th scope="row">{clock.time(time)}</th>
            {therapists.map((t) => (
              <Cell key={t.id} therapist={t} day={day} time={time} visits={appointments.filter((a) => a.therapistId === t.id && holding(a))} onFree={onFree} onVisit={onVisit} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One therapist's week, Monday to Sunday. */
export function WeekGrid({ therapist, days, appointments, onFree, onVisit }: { therapist: Therapist; days: string[]; appointments: Appointment[]; onFree(s: Slot): void; onVisit(a: Appointment): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  return (
    <table className="table schedule" aria-label={intl.formatMessage({ id: 'appointments.grid.weekLabel', defaultMessage: 'Week of {day}, {therapist}' }, { day: clock.longDay(days[0]), therapist: therapist.name })}>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'appointments.grid.time', defaultMessage: 'Time' })}</th>
          {days.map((d) => (
            <th scope="col" key={d}>
              {clock.shortDay(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {slotTimes.map((time) => (
          <tr key={time}>
            <th scope="row">{clock.time(time)}</th>
            {days.map((d) => (
              <Cell key={d} therapist={therapist} day={d} time={time} visits={appointments.filter((a) => a.day === d && holding(a))} onFree={onFree} onVisit={onVisit} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
