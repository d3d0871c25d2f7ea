import type { Knex } from 'knex';
import type { Appointment } from '../../shared/contract/appointments';
import type { ConsentKind } from '../../shared/contract/consent';
import { wallClocks } from './clock';

/** An appointment row joined with the names the desk reads, in one query. */
export interface AppointmentRow {
  id: string;
  patient_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string;
  therapist_id: string;
  therapist_name: string;
  room_id: string;
  room_name: string;
  type_id: string;
  type_name: string;
  consent_forms: string;
  starts_at: string;
  ends_at: string;
  status: Appointment['status'];
  cancel_reason: string | null;
  scheduled_at: string;
}

export function appointmentQuery(db: Knex) {
  return db('appointments as a')
    .join('patients as p', 'p.id', 'a.patient_id')
    .join('staff as s', 's.id', 'a.therapist_id')
    .join('rooms as r', 'r.id', 'a.room_id')
    .join('appointment_types as t', 't.id', 'a.type_id')
    .select(
      'a.id', 'a.patient_id', 'p.first_name', 'p.last_name', 'p.preferred_name', 'a.therapist_id', 's.name as therapist_name',
      'a.room_id', 'r.name as room_name', 'a.type_id', 't.name as type_name', 't.consent_forms', 'a.starts_at', 'a.ends_at', 'a.status', 'a.cancel_reason', 'a.scheduled_at',
    );
}

/** `clock` is wallClocks(zone), shared by the rows of one answer. */
export function toAppointment(row: AppointmentRow, clock: ReturnType<typeof wallClocks>): Appointment {
  const start = clock(row.starts_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: `${row.preferred_name || row.first_name} ${row.last_name}`,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    roomId: row.room_id,
    roomName: row.room_name,
    typeId: row.type_id,
    typeName: row.type_name,
    consentForms: JSON.parse(row.consent_forms) as ConsentKind[],
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    day: start.day,
    start: start.time,
    end: clock(row.ends_at).time,
    status: row.status,
    cancelReason: row.cancel_reason,
    scheduledAt: row.scheduled_at,
  };
}

/** Visits that hold their time: a cancelled visit or a no-show frees it. */
export const holdingTime = ['booked', 'checked_in', 'checked_out'] as const;
