import type { Knex } from 'knex';
import type { Appointment, AppointmentType, Room, Therapist } from '../../shared/contract/appointments';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import { currentActor } from '../audit/actor';
import { addMinutes, dayBounds, instantAt, minutesBetween, wallMinutes, wallClocks, weekOf } from './clock';
import { appointmentQuery, holdingTime, toAppointment, type AppointmentRow } from './rows';
import { say } from '../../shared/messages';

export interface AppointmentDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  timeZone: () => string;
  /**
   * Whether this visit may start now (the screening's say, main/screening): a refusal
   * names why. Asked inside check-in's transaction, so nothing slips in between.
   */
  mayCheckIn?: (trx: Knex.Transaction, appointmentId: string) => Promise<Result<never> | null>;
  // follow-ups
  /** A visit was booked, moved or changed status: the follow-up rules re-apply in the same transaction (main/followups). */
  afterChange?: (trx: Knex.Transaction, visit: Appointment) => Promise<void>;
}

type Book = ParsedInput<'appointments.book'>;
type Move = ParsedInput<'appointments.move'>;

const parseRoles = (roles: string) => JSON.parse(roles) as string[];

/**
 * Booking, moving and closing visits. Every change runs in one write transaction that
 * first reads what it must not collide with: SQLite has one writer and this app one
 * connection, so two windows booking the same slot at once are served one after the
 * other, and the second sees the first's booking and is refused with its name.
 */
export function createAppointmentService(deps: AppointmentDeps) {
  const { db, now, newId, timeZone } = deps;
  const stamp = () => now().toISOString();

  async function read(q: Knex, id: string): Promise<Appointment | null> {
    const row = (await appointmentQuery(q).where('a.id', id).first()) as AppointmentRow | undefined;
    return row ? toAppointment(row, wallClocks(timeZone())) : null;
  }

  /** Day and clock times → UTC instants, or field errors the form shows. */
  function times(input: { day: string; start: string; end?: string }, minutes: number): Result<{ startsAt: string; endsAt: string }> {
    const zone = timeZone();
    const end = input.end ?? addMinutes(input.start, minutes);
    if (input.end === undefined && wallMinutes(input.start, end) <= 0) return err('invalid_input', say('ipc.invalidInput'), { start: say('appointments.pastMidnight') });
    if (wallMinutes(input.start, end) <= 0) return err('invalid_input', say('ipc.invalidInput'), { end: say('appointments.endAfterStart') });
    const from = instantAt(input.day, input.start, zone);
    if (!from.ok) return err('invalid_input', say('ipc.invalidInput'), { start: from.message });
    const to = instantAt(input.day, end, zone);
    if (!to.ok) return err('invalid_input', say('ipc.invalidInput'), { end: to.message });
    if (minutesBetween(from.instant, to.instant) !== wallMinutes(input.start, end)) {
      return err('invalid_input', say('ipc.invalidInput'), { end: say('appointments.clocksChange', { day: input.day }) });
    }
    return ok({ startsAt: from.instant, endsAt: to.instant });
  }

  /** The first visit that holds this therapist's or this room's time in that span, named. */
  async function collision(trx: Knex.Transaction, span: { startsAt: string; endsAt: string; therapistId: string; roomId: string; except?: string }): Promise<Result<never> | null> {
    const q = appointmentQuery(trx)
      .whereIn('a.status', holdingTime)
      .where('a.starts_at', '<', span.endsAt)
      .where('a.ends_at', '>', span.startsAt)
      .where((w) => w.where('a.therapist_id', span.therapistId).orWhere('a.room_id', span.roomId))
      .orderBy('a.starts_at');
    if (span.except) q.whereNot('a.id', span.except);
    const row = (await q.first()) as AppointmentRow | undefined;
    if (!row) return null;
    const other = toAppointment(row, wallClocks(timeZone()));
    const when = { patient: other.patientName, start: other.start, end: other.end, day: other.day, room: other.roomName, therapist: other.therapistName };
    if (other.therapistId === span.therapistId) {
      const message = say('appointments.therapistBooked', when);
      return err('conflict', message, { start: message, therapistId: message });
    }
    const message = say('appointments.roomBooked', when);
    return err('conflict', message, { start: message, roomId: message });
  }

  async function therapist(q: Knex, id: string): Promise<boolean> {
    const row = (await q('staff').where({ id, active: 1 }).first('roles')) as { roles: string } | undefined;
    return row !== undefined && parseRoles(row.roles).includes('therapist');
  }

  /** Who, where and what exist and can be booked: field errors otherwise. */
  async function parties(trx: Knex.Transaction, input: { patientId?: string; therapistId: string; roomId: string; typeId?: string }): Promise<Result<{ minutes: number }>> {
    const fields: Record<string, string> = {};
    let minutes = 0;
    if (input.patientId !== undefined) {
      const p = (await trx('patients').where({ id: input.patientId }).first('archived_at')) as { archived_at: string | null } | undefined;
      if (!p) fields.patientId = say('appointments.noPatient');
      else if (p.archived_at) fields.patientId = say('appointments.patientArchived');
    }
    if (!(await therapist(trx, input.therapistId))) fields.therapistId = say('appointments.chooseTherapist');
    if (!(await trx('rooms').where({ id: input.roomId, active: 1 }).first('id'))) fields.roomId = say('appointments.chooseRoom');
    if (input.typeId !== undefined) {
      const t = (await trx('appointment_types').where({ id: input.typeId, active: 1 }).first('minutes')) as { minutes: number } | undefined;
      if (!t) fields.typeId = say('appointments.chooseType');
      else minutes = t.minutes;
    }
    return Object.keys(fields).length > 0 ? err('invalid_input', say('ipc.invalidInput'), fields) : ok({ minutes });
  }

  // follow-ups: the visit as it now stands, after the rules had their say.
  async function afterChange(trx: Knex.Transaction, id: string): Promise<Result<Appointment>> {
    const visit = (await read(trx, id))!;
    await deps.afterChange?.(trx, visit);
    return ok(visit);
  }

  const audit = (trx: Knex.Transaction, action: string, id: string, detail?: Record<string, unknown>) =>
    appendAudit(trx, newId, { at: stamp(), action, entity: 'appointment', entityId: id, detail });

  /** A status change from the statuses it may follow; anything else is refused by name. */
  function transition(to: Appointment['status'], from: readonly Appointment['status'][], action: string, refusal: (a: Appointment) => string, extra: (trx: Knex.Transaction, a: Appointment) => Promise<Result<Record<string, unknown>>> = async () => ok({})) {
    return ({ id }: { id: string }): Promise<Result<Appointment>> =>
      db.transaction(async (trx) => {
        const current = await read(trx, id);
        if (!current) return err('not_found', say('appointments.noSuch'), { id: say('appointments.noSuchField') });
        if (!from.includes(current.status)) return err('invalid_input', refusal(current), { id: refusal(current) });
        const more = await extra(trx, current);
        if (!more.ok) return more;
        const at = stamp();
        await trx('appointments').where({ id }).update({
          status: to, updated_at: at, updated_by: currentActor(), ...more.value,
          ...(to === 'checked_in' ? { checked_in_at: at } : to === 'checked_out' ? { checked_out_at: at } : {}),
        });
        await audit(trx, action, id, { from: current.status });
        return afterChange(trx, id);
      });
  }

  const stateWords: Record<Appointment['status'], string> = {
    booked: say('appointments.state.booked'), checked_in: say('appointments.state.checkedIn'), checked_out: say('appointments.state.checkedOut'), cancelled: say('appointments.state.cancelled'), no_show: say('appointments.state.noShow'),
  };

  return {
    /** `q`: the caller's transaction, when it holds the one connection. */
    read: (id: string, q: Knex = db) => read(q, id),

    async setup(): Promise<{ therapists: Therapist[]; rooms: Room[]; types: AppointmentType[] }> {
      const staff = (await db('staff').where({ active: 1 }).orderBy('name').select('id', 'name', 'initials', 'roles')) as Array<{ id: string; name: string; initials: string; roles: string }>;
      const hours = (await db('working_hours').orderBy(['staff_id', 'weekday']).select()) as Array<{ staff_id: string; weekday: number; start_time: string; end_time: string }>;
      const rooms = (await db('rooms').orderBy('name').select()) as Array<{ id: string; name: string; active: number }>;
      const types = (await db('appointment_types').orderBy('name').select()) as Array<{ id: string; name: string; minutes: number; consent_forms: string; active: number }>;
      return {
        therapists: staff
          .filter((s) => parseRoles(s.roles).includes('therapist'))
          .map((s) => ({ id: s.id, name: s.name, initials: s.initials, hours: hours.filter((h) => h.staff_id === s.id).map((h) => ({ weekday: h.weekday, start: h.start_time, end: h.end_time })) })),
        rooms: rooms.map((r) => ({ id: r.id, name: r.name, active: r.active === 1 })),
        types: types.map((t) => ({ id: t.id, name: t.name, minutes: t.minutes, consentForms: JSON.parse(t.consent_forms), active: t.active === 1 })),
      };
    },

    saveRoom: (input: ParsedInput<'appointments.saveRoom'>): Promise<Result<Room>> =>
      db.transaction(async (trx) => {
        const id = input.id ?? newId();
        const row = { id, name: input.name, active: input.active ? 1 : 0 };
        if (input.id && !(await trx('rooms').where({ id }).first('id'))) return err('not_found', say('appointments.noRoom'));
        await (input.id ? trx('rooms').where({ id }).update(row) : trx('rooms').insert(row));
        await appendAudit(trx, newId, { at: stamp(), action: input.id ? 'room.updated' : 'room.created', entity: 'room', entityId: id });
        return ok({ id, name: input.name, active: input.active });
      }),

    saveType: (input: ParsedInput<'appointments.saveType'>): Promise<Result<AppointmentType>> =>
      db.transaction(async (trx) => {
        const id = input.id ?? newId();
        const row = { id, name: input.name, minutes: input.minutes, consent_forms: JSON.stringify(input.consentForms), active: input.active ? 1 : 0 };
        if (input.id && !(await trx('appointment_types').where({ id }).first('id'))) return err('not_found', say('appointments.noType'));
        await (input.id ? trx('appointment_types').where({ id }).update(row) : trx('appointment_types').insert(row));
        await appendAudit(trx, newId, { at: stamp(), action: input.id ? 'appointment_type.updated' : 'appointment_type.created', entity: 'appointment_type', entityId: id });
        return ok({ id, name: input.name, minutes: input.minutes, consentForms: input.consentForms, active: input.active });
      }),

    saveHours: (input: ParsedInput<'appointments.saveHours'>): Promise<Result<Therapist>> =>
      db.transaction(async (trx) => {
        if (!(await therapist(trx, input.staffId))) return err('invalid_input', say('ipc.invalidInput'), { staffId: say('appointments.chooseTherapist') });
        await trx('working_hours').where({ staff_id: input.staffId }).delete();
        if (input.hours.length > 0) await trx('working_hours').insert(input.hours.map((h) => ({ staff_id: input.staffId, weekday: h.weekday, start_time: h.start, end_time: h.end })));
        await appendAudit(trx, newId, { at: stamp(), action: 'working_hours.changed', entity: 'staff', entityId: input.staffId });
        const person = (await trx('staff').where({ id: input.staffId }).first('name', 'initials')) as { name: string; initials: string };
        return ok({ id: input.staffId, ...person, hours: [...input.hours].sort((a, b) => a.weekday - b.weekday) });
      }),

    /** Every visit of a clinic day, in time order (cancelled ones too: the desk sees why a slot is free). */
    async day(day: string, q: Knex = db): Promise<Appointment[]> {
      const zone = timeZone();
      const { from, to } = dayBounds(day, zone);
      const rows = (await appointmentQuery(q).where('a.starts_at', '>=', from).where('a.starts_at', '<', to).orderBy(['a.starts_at', 's.name'])) as AppointmentRow[];
      const clock = wallClocks(zone);
      return rows.map((r) => toAppointment(r, clock));
    },

    async week(therapistId: string, day: string): Promise<{ days: string[]; appointments: Appointment[] }> {
      const zone = timeZone();
      const days = weekOf(day);
      const from = dayBounds(days[0], zone).from;
      const to = dayBounds(days[6], zone).to;
      const rows = (await appointmentQuery(db).where('a.therapist_id', therapistId).where('a.starts_at', '>=', from).where('a.starts_at', '<', to).orderBy('a.starts_at')) as AppointmentRow[];
      const clock = wallClocks(zone);
      return { days, appointments: rows.map((r) => toAppointment(r, clock)) };
    },

    book: (input: Book): Promise<Result<Appointment>> =>
      db.transaction(async (trx) => {
        const found = await parties(trx, input);
        if (!found.ok) return found;
        const span = times(input, found.value.minutes);
        if (!span.ok) return span;
        const taken = await collision(trx, { ...span.value, therapistId: input.therapistId, roomId: input.roomId });
        if (taken) return taken;
        const id = newId();
        const at = stamp();
        await trx('appointments').insert({
          id, patient_id: input.patientId, therapist_id: input.therapistId, room_id: input.roomId, type_id: input.typeId,
          starts_at: span.value.startsAt, ends_at: span.value.endsAt, status: 'booked', scheduled_at: at, created_by: currentActor(), created_at: at, updated_by: currentActor(), updated_at: at,
        });
        await audit(trx, 'appointment.booked', id, { patientId: input.patientId });
        return afterChange(trx, id);
      }),

    move: (input: Move): Promise<Result<Appointment>> =>
      db.transaction(async (trx) => {
        const current = await read(trx, input.id);
        if (!current) return err('not_found', say('appointments.noSuch'), { id: say('appointments.noSuchField') });
        if (current.status !== 'booked') return err('invalid_input', say('appointments.onlyMove', { state: stateWords[current.status] }), { id: say('appointments.isState', { state: stateWords[current.status] }) });
        const therapistId = input.therapistId ?? current.therapistId;
        const roomId = input.roomId ?? current.roomId;
        const found = await parties(trx, { therapistId, roomId });
        if (!found.ok) return found;
        const span = times(input, minutesBetween(current.startsAt, current.endsAt));
        if (!span.ok) return span;
        const taken = await collision(trx, { ...span.value, therapistId, roomId, except: input.id });
        if (taken) return taken;
        const retimed = current.startsAt !== span.value.startsAt || current.endsAt !== span.value.endsAt;
        await trx('appointments').where({ id: input.id }).update({
          therapist_id: therapistId, room_id: roomId, starts_at: span.value.startsAt, ends_at: span.value.endsAt, updated_by: currentActor(), updated_at: stamp(),
          // A new time needs its own screenings: the ones taken for the old slot stay in the history only.
          ...(retimed ? { scheduled_at: stamp() } : {}),
        });
        const changed = [retimed ? 'time' : null, therapistId !== current.therapistId ? 'therapist' : null, roomId !== current.roomId ? 'room' : null].filter(Boolean);
        await audit(trx, 'appointment.moved', input.id, { fields: changed });
        return afterChange(trx, input.id);
      }),

    cancel: ({ id, reason }: { id: string; reason: string }) =>
      transition('cancelled', ['booked'], 'appointment.cancelled', (a) => say('appointments.onlyCancel', { state: stateWords[a.status] }), async () => ok({ cancel_reason: reason }))({ id }),
    noShow: transition('no_show', ['booked'], 'appointment.no_show', (a) => say('appointments.onlyNoShow', { state: stateWords[a.status] })),
    checkIn: transition('checked_in', ['booked'], 'appointment.checked_in', (a) => say('appointments.onlyCheckIn', { state: stateWords[a.status] }), async (trx, a) => (await deps.mayCheckIn?.(trx, a.id)) ?? ok({})),
    checkOut: transition('checked_out', ['checked_in'], 'appointment.checked_out', (a) =>
      a.status === 'booked' ? say('appointments.neverCheckedIn') : say('appointments.onlyCheckOut', { state: stateWords[a.status] })),
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
