import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Appointment, AppointmentType, Room, Therapist } from '../../shared/contract/appointments';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { Actions } from '../ui/FormEnd';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { useWallClock } from './clock';

export interface Setup {
  therapists: Therapist[];
  rooms: Room[];
  types: AppointmentType[];
}

/** A free slot the desk picked on the day or week view (or nothing picked: the form starts empty). */
export interface Slot {
  day: string;
  start: string;
  therapistId?: string;
}

/**
 * Booking on the phone: find the patient by typing part of a name, phone or birth date,
 * then the type of visit and the room. Main refuses a slot taken meanwhile, naming the
 * booking in the way, next to the time.
 */
export function BookingDialog({ slot, setup, onClose, onBooked, patient }: { slot: Slot; setup: Setup; onClose(): void; onBooked(a: Appointment): void; patient?: { id: string; name: string } }) {
  const intl = useIntl();
  // Booked from a follow-up call (renderer/followups/CallDialog), the patient is already known.
  const [query, setQuery] = useState(patient?.name ?? '');
  const [patientId, setPatientId] = useState(patient?.id ?? '');
  const types = setup.types.filter((t) => t.active);
  const rooms = setup.rooms.filter((r) => r.active);
  const [form, setForm] = useState({ therapistId: slot.therapistId ?? setup.therapists[0]?.id ?? '', typeId: types[0]?.id ?? '', roomId: rooms[0]?.id ?? '', day: slot.day, start: slot.start });
  const found = useRead('patients.search', { query, limit: 8 }, { enabled: query.trim().length >= 2, keepPrevious: true });
  const book = useWrite('appointments.book');
  const action = useFormAction();
  // Typed work is a patient searched or chosen other than the one the dialog opened with.
  const dirty = patientId !== (patient?.id ?? '') || query !== (patient?.name ?? '');
  const set = (key: keyof typeof form) => ({ name: key, value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }), error: action.errors[key] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!patientId) {
      return action.refuse({
        message: intl.formatMessage({ id: 'appointments.book.choosePatient', defaultMessage: 'Choose the patient first.' }),
        fields: { patientId: intl.formatMessage({ id: 'appointments.book.choosePatientField', defaultMessage: 'Type part of a name, phone or birth date, then choose the patient' }) },
      });
    }
    const r = await action.run(() => book.mutateAsync({ ...form, patientId }));
    if (r.ok) onBooked(r.value);
  }

  const chosen = found.data?.results.find((p) => p.id === patientId);
  return (
    <Dialog title={intl.formatMessage({ id: 'appointments.book.title', defaultMessage: 'Book a visit' })} open onClose={onClose} wide dirty={dirty}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary {...action.summary} />
        <TextField
          label={intl.formatMessage({ id: 'appointments.book.patient', defaultMessage: 'Patient' })}
          name="patientId"
          required
          autoFocus
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPatientId('');
          }}
          hint={intl.formatMessage({ id: 'appointments.book.patientHint', defaultMessage: 'Part of a name, a phone number or a birth date' })}
          error={action.errors.patientId}
        />
        {query.trim().length >= 2 && !patientId && (
          <ul className="results booking__results" aria-label={intl.formatMessage({ id: 'appointments.book.matching', defaultMessage: 'Matching patients' })}>
            {(found.data?.results ?? []).map((p) => (
              <li key={p.id}>
                <button type="button" className="result booking__result" onClick={() => {
                  setPatientId(p.id);
                  setQuery(`${p.preferredName || p.firstName} ${p.lastName}`);
                }}>
                  <span className="result__name">{p.preferredName || p.firstName} {p.lastName}</span>
                  <span className="result__meta">{p.dateOfBirth} · {p.phone}</span>
                </button>
              </li>
            ))}
            {found.data && found.data.results.length === 0 && <li className="search__empty">{intl.formatMessage({ id: 'appointments.book.noMatch', defaultMessage: 'No patient matches. Register the patient on the Patients screen first.' })}</li>}
          </ul>
        )}
        {chosen && (
          <p className="pane__hint">
            {intl.formatMessage({ id: 'appointments.book.bookingFor', defaultMessage: 'Booking for {name}, born {born}.' }, { name: `${chosen.preferredName || chosen.firstName} ${chosen.lastName}`, born: chosen.dateOfBirth })}
          </p>
        )}
        <div className="grid grid--3">
          <SelectField label={intl.formatMessage({ id: 'appointments.visit.therapist', defaultMessage: 'Therapist' })} {...set('therapistId')} options={setup.therapists.map((t) => ({ value: t.id, label: t.name }))} />
          <SelectField label={intl.formatMessage({ id: 'appointments.book.type', defaultMessage: 'Type of visit' })} {...set('typeId')} options={types.map((t) => ({ value: t.id, label: `${t.name} (${t.minutes} min)` }))} />
          <SelectField label={intl.formatMessage({ id: 'appointments.visit.room', defaultMessage: 'Room' })} {...set('roomId')} options={rooms.map((r) => ({ value: r.id, label: r.name }))} />
        </div>
        <div className="grid grid--2">
          <TextField label={intl.formatMessage({ id: 'appointments.book.day', defaultMessage: 'Day' })} type="date" required {...set('day')} />
          <TextField label={intl.formatMessage({ id: 'appointments.book.start', defaultMessage: 'Start' })} type="time" required step={300} {...set('start')} />
        </div>
        <Actions submit={intl.formatMessage({ id: 'appointments.book.submit', defaultMessage: 'Book' })} busy={book.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Another day or time (and therapist or room) for a booked visit; main checks the new slot the same way. */
export function MoveDialog({ appointment, setup, onClose, onMoved }: { appointment: Appointment; setup: Setup; onClose(): void; onMoved(a: Appointment): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  const [form, setForm] = useState({ day: appointment.day, start: appointment.start, therapistId: appointment.therapistId, roomId: appointment.roomId });
  const move = useWrite('appointments.move');
  const action = useFormAction();
  const set = (key: keyof typeof form) => ({ name: key, value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }), error: action.errors[key] });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => move.mutateAsync({ id: appointment.id, ...form }));
    if (r.ok) onMoved(r.value);
  }
  return (
    <Dialog title={intl.formatMessage({ id: 'appointments.move.title', defaultMessage: 'Move {name}’s visit' }, { name: appointment.patientName })} open onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary {...action.summary} />
        <p className="pane__hint">
          {intl.formatMessage(
            { id: 'appointments.move.now', defaultMessage: 'Now: {day}, {start}–{end}, {therapist}, {room}.' },
            { day: clock.longDay(appointment.day), start: clock.time(appointment.start), end: clock.time(appointment.end), therapist: appointment.therapistName, room: appointment.roomName },
          )}
        </p>
        <div className="grid grid--2">
          <TextField label={intl.formatMessage({ id: 'appointments.move.day', defaultMessage: 'New day' })} type="date" required autoFocus {...set('day')} />
          <TextField label={intl.formatMessage({ id: 'appointments.move.start', defaultMessage: 'New start' })} type="time" required step={300} {...set('start')} />
          <SelectField label={intl.formatMessage({ id: 'appointments.visit.therapist', defaultMessage: 'Therapist' })} {...set('therapistId')} options={setup.therapists.map((t) => ({ value: t.id, label: t.name }))} />
          <SelectField label={intl.formatMessage({ id: 'appointments.visit.room', defaultMessage: 'Room' })} {...set('roomId')} options={setup.rooms.filter((r) => r.active).map((r) => ({ value: r.id, label: r.name }))} />
        </div>
        <Actions submit={intl.formatMessage({ id: 'appointments.move.submit', defaultMessage: 'Move the visit' })} busy={move.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Cancelling keeps the visit on the day, with why. */
export function CancelDialog({ appointment, onClose }: { appointment: Appointment; onClose(): void }) {
  const intl = useIntl();
  const clock = useWallClock();
  const [reason, setReason] = useState('');
  const cancel = useWrite('appointments.cancel');
  const action = useFormAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => cancel.mutateAsync({ id: appointment.id, reason }));
    if (r.ok) onClose();
  }
  return (
    <Dialog title={intl.formatMessage({ id: 'appointments.cancel.title', defaultMessage: 'Cancel {name}’s visit at {time}' }, { name: appointment.patientName, time: clock.time(appointment.start) })} open onClose={onClose} dirty={reason !== ''}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary {...action.summary} />
        <TextArea label={intl.formatMessage({ id: 'appointments.cancel.reason', defaultMessage: 'Why is it cancelled?' })} name="reason" required autoFocus value={reason} onChange={(e) => setReason(e.target.value)} error={action.errors.reason} />
        <Actions
          submit={intl.formatMessage({ id: 'appointments.cancel.submit', defaultMessage: 'Cancel the visit' })}
          tone="danger"
          busy={cancel.isPending}
          onCancel={onClose}
          cancel={intl.formatMessage({ id: 'appointments.cancel.keep', defaultMessage: 'Keep it' })}
        />
      </form>
    </Dialog>
  );
}
