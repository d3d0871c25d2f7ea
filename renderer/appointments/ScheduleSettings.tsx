import { useState, type FormEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { consentKinds, type ConsentKind } from '../../shared/contract/consent';
import type { AppointmentType, Room, Therapist } from '../../shared/contract/appointments';
import { useRead, useWrite } from '../ipc/hooks';
import { SelectField, TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { typedNumber } from '../ui/form';
import { useEdits } from '../app/leave';

/**
 * The clinic's schedule, set by an admin (issue 9 item 1): rooms, types of visit (length
 * and the consent forms the visit needs) and each therapist's working hours. One small
 * form per line, so Tab and Enter save the line in front of you; main checks every field.
 */
export function ScheduleSettings() {
  const intl = useIntl();
  const setup = useRead('appointments.setup', {});
  if (!setup.data) return null;
  return (
    <section className="settings__consent schedule-settings" aria-labelledby="schedule-h">
      <h2 id="schedule-h">{intl.formatMessage({ id: 'appointments.settings.title', defaultMessage: 'Rooms, types of visit and working hours' })}</h2>
      <h3>{intl.formatMessage({ id: 'appointments.settings.rooms', defaultMessage: 'Rooms' })}</h3>
      {setup.data.rooms.map((r) => (
        <RoomLine key={r.id} room={r} />
      ))}
      <RoomLine key={`new-${setup.data.rooms.length}`} />
      <h3>{intl.formatMessage({ id: 'appointments.settings.types', defaultMessage: 'Types of visit' })}</h3>
      {setup.data.types.map((t) => (
        <TypeLine key={t.id} type={t} />
      ))}
      <TypeLine key={`new-${setup.data.types.length}`} />
      <h3>{intl.formatMessage({ id: 'appointments.settings.hours', defaultMessage: 'Working hours' })}</h3>
      {setup.data.therapists.length === 0 ? (
        <p className="pane__hint">{intl.formatMessage({ id: 'appointments.settings.noTherapists', defaultMessage: 'No therapists yet: give a staff member the therapist role on the Staff screen.' })}</p>
      ) : (
        <HoursForm therapists={setup.data.therapists} />
      )}
    </section>
  );
}

function Saved({ shown, intl }: { shown: boolean; intl: IntlShape }) {
  return shown ? (
    <span className="pill pill--ok" role="status">
      {intl.formatMessage({ id: 'appointments.settings.saved', defaultMessage: 'Saved' })}
    </span>
  ) : null;
}

function RoomLine({ room }: { room?: Room }) {
  const intl = useIntl();
  const [name, setName] = useState(room?.name ?? '');
  const [active, setActive] = useState(room?.active ?? true);
  const edits = useEdits();
  const save = useWrite('appointments.saveRoom');
  const action = useFormAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ id: room?.id, name, active }));
    edits.settle(r.ok);
  }
  const label = room ? intl.formatMessage({ id: 'appointments.settings.roomName', defaultMessage: 'Room name' }) : intl.formatMessage({ id: 'appointments.settings.newRoom', defaultMessage: 'New room' });
  return (
    <form className="schedule-settings__line" onSubmit={(e) => void submit(e)} onInput={edits.onInput} noValidate aria-label={room?.name ?? label}>
      <ErrorSummary {...action.summary} />
      <TextField label={label} name="name" value={name} onChange={(e) => setName(e.target.value)} error={action.errors.name} />
      {room && <Active value={active} onChange={setActive} intl={intl} />}
      <button type="submit" className="button button--small" disabled={save.isPending}>
        {room ? intl.formatMessage({ id: 'appointments.settings.save', defaultMessage: 'Save' }) : intl.formatMessage({ id: 'appointments.settings.addRoom', defaultMessage: 'Add the room' })}
      </button>
      <Saved shown={edits.saved} intl={intl} />
    </form>
  );
}

function Active({ value, onChange, intl }: { value: boolean; onChange(v: boolean): void; intl: IntlShape }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {intl.formatMessage({ id: 'appointments.settings.active', defaultMessage: 'In use (can be booked)' })}
    </label>
  );
}

export function kindName(intl: IntlShape, kind: ConsentKind): string {
  const names: Record<ConsentKind, string> = {
    treatment: intl.formatMessage({ id: 'appointments.kind.treatment', defaultMessage: 'Treatment' }),
    outbreak: intl.formatMessage({ id: 'appointments.kind.outbreak', defaultMessage: 'Outbreak' }),
    privacy: intl.formatMessage({ id: 'appointments.kind.privacy', defaultMessage: 'Privacy' }),
    sensitive_areas: intl.formatMessage({ id: 'appointments.kind.sensitiveAreas', defaultMessage: 'Sensitive areas' }),
  };
  return names[kind];
}

function TypeLine({ type }: { type?: AppointmentType }) {
  const intl = useIntl();
  const [name, setName] = useState(type?.name ?? '');
  const [minutes, setMinutes] = useState(String(type?.minutes ?? 60));
  const [forms, setForms] = useState<ConsentKind[]>(type?.consentForms ?? ['treatment']);
  const [active, setActive] = useState(type?.active ?? true);
  const edits = useEdits();
  const save = useWrite('appointments.saveType');
  const action = useFormAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ id: type?.id, name, minutes: typedNumber(minutes), consentForms: forms, active }));
    edits.settle(r.ok);
  }
  const label = type ? intl.formatMessage({ id: 'appointments.settings.typeName', defaultMessage: 'Type of visit' }) : intl.formatMessage({ id: 'appointments.settings.newType', defaultMessage: 'New type of visit' });
  return (
    <form className="schedule-settings__line" onSubmit={(e) => void submit(e)} onInput={edits.onInput} noValidate aria-label={type?.name ?? label}>
      <ErrorSummary {...action.summary} />
      <TextField label={label} name="name" value={name} onChange={(e) => setName(e.target.value)} error={action.errors.name} />
      <TextField label={intl.formatMessage({ id: 'appointments.settings.minutes', defaultMessage: 'Length (minutes)' })} name="minutes" inputMode="numeric" className="schedule-settings__short" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={action.errors.minutes} />
      <fieldset>
        <legend>{intl.formatMessage({ id: 'appointments.settings.forms', defaultMessage: 'Consent forms this visit needs' })}</legend>
        {consentKinds.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" checked={forms.includes(k)} onChange={(e) => setForms(e.target.checked ? [...forms, k] : forms.filter((x) => x !== k))} />
            {kindName(intl, k)}
          </label>
        ))}
      </fieldset>
      {type && <Active value={active} onChange={setActive} intl={intl} />}
      <button type="submit" className="button button--small" disabled={save.isPending}>
        {type ? intl.formatMessage({ id: 'appointments.settings.save', defaultMessage: 'Save' }) : intl.formatMessage({ id: 'appointments.settings.addType', defaultMessage: 'Add the type of visit' })}
      </button>
      <Saved shown={edits.saved} intl={intl} />
    </form>
  );
}

const weekdays: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
type Day = { works: boolean; start: string; end: string };

function HoursForm({ therapists }: { therapists: Therapist[] }) {
  const intl = useIntl();
  const [staffId, setStaffId] = useState(therapists[0].id);
  const therapist = therapists.find((t) => t.id === staffId) ?? therapists[0];
  return (
    <>
      <SelectField label={intl.formatMessage({ id: 'appointments.settings.therapist', defaultMessage: 'Therapist' })} value={therapist.id} onChange={(e) => setStaffId(e.target.value)} options={therapists.map((t) => ({ value: t.id, label: t.name }))} />
      <Hours key={therapist.id} therapist={therapist} />
    </>
  );
}

function Hours({ therapist }: { therapist: Therapist }) {
  const intl = useIntl();
  const [days, setDays] = useState<Record<number, Day>>(() =>
    Object.fromEntries(weekdays.map((w) => {
      const h = therapist.hours.find((x) => x.weekday === w);
      return [w, { works: Boolean(h), start: h?.start ?? '09:00', end: h?.end ?? '17:00' }];
    })),
  );
  const edits = useEdits();
  const save = useWrite('appointments.saveHours');
  const action = useFormAction();
  // 2024-01-01 was a Monday: ISO weekday w is 2024-01-0w, named in the desk's language.
  const dayName = (w: number) => intl.formatDate(new Date(Date.UTC(2024, 0, w)), { weekday: 'long', timeZone: 'UTC' });
  const worked = weekdays.filter((w) => days[w].works);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ staffId: therapist.id, hours: worked.map((w) => ({ weekday: w, start: days[w].start, end: days[w].end })) }));
    edits.settle(r.ok);
  }
  // Main names a line by its place in the list (hours.0.end): said here by the weekday.
  const errorOf = (w: number, field: 'start' | 'end') => action.errors[`hours.${worked.indexOf(w)}.${field}`];
  const set = (w: number, change: Partial<Day>) => setDays({ ...days, [w]: { ...days[w], ...change } });
  return (
    <form onSubmit={(e) => void submit(e)} onInput={edits.onInput} noValidate aria-label={intl.formatMessage({ id: 'appointments.settings.hoursOf', defaultMessage: 'Working hours of {name}' }, { name: therapist.name })}>
      <ErrorSummary {...action.summary} />
      <table className="table schedule-settings__hours">
        <tbody>
          {weekdays.map((w) => (
            <tr key={w}>
              <th scope="row">
                <label className="checkbox">
                  <input type="checkbox" checked={days[w].works} onChange={(e) => set(w, { works: e.target.checked })} />
                  {dayName(w)}
                </label>
              </th>
              <td>
                {days[w].works && <TextField label={intl.formatMessage({ id: 'appointments.settings.from', defaultMessage: 'From ({day})' }, { day: dayName(w) })} type="time" value={days[w].start} onChange={(e) => set(w, { start: e.target.value })} error={errorOf(w, 'start')} />}
              </td>
              <td>
                {days[w].works && <TextField label={intl.formatMessage({ id: 'appointments.settings.to', defaultMessage: 'To ({day})' }, { day: dayName(w) })} type="time" value={days[w].end} onChange={(e) => set(w, { end: e.target.value })} error={errorOf(w, 'end')} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {intl.formatMessage({ id: 'appointments.settings.saveHours', defaultMessage: 'Save the working hours' })}
      </button>
      <Saved shown={edits.saved} intl={intl} />
    </form>
  );
}
