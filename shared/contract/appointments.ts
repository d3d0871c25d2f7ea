import { z } from 'zod';
import { id, isoDate, isoTimestamp, requiredText } from './fields';
import { consentKinds } from './consent';
import { say } from '../messages';

/**
 * Appointments (issue 9, item 1). The desk speaks in the clinic's day and clock time;
 * main turns them into UTC instants in the clinic's time zone, and refuses a time the
 * clock skips or a booking the clocks change during, naming the field.
 */

export const appointmentStatuses = ['booked', 'checked_in', 'checked_out', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const clockTime = z
  .string({ error: say('field.expectedTime') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, say('field.clockTime'));

export const appointmentSchema = z.object({
  id,
  patientId: id,
  patientName: z.string(),
  therapistId: id,
  therapistName: z.string(),
  roomId: id,
  roomName: z.string(),
  typeId: id,
  typeName: z.string(),
  /** The consent forms this type of visit needs. */
  consentForms: z.array(z.enum(consentKinds)),
  startsAt: isoTimestamp,
  endsAt: isoTimestamp,
  /** The clinic's calendar day and clock times of the visit. */
  day: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(appointmentStatuses),
  cancelReason: z.string().nullable(),
  /** When it was booked or last moved to this time: a screening taken before was for another slot. */
  scheduledAt: isoTimestamp,
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const roomSchema = z.object({ id, name: z.string(), active: z.boolean() });
export const appointmentTypeSchema = z.object({ id, name: z.string(), minutes: z.number().int(), consentForms: z.array(z.enum(consentKinds)), active: z.boolean() });
export const workingHoursSchema = z.object({ weekday: z.number().int().min(1).max(7), start: clockTime, end: clockTime });
export const therapistSchema = z.object({ id, name: z.string(), initials: z.string(), hours: z.array(workingHoursSchema) });
export type Room = z.infer<typeof roomSchema>;
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;
export type Therapist = z.infer<typeof therapistSchema>;

/** When: a day and clock times in the clinic's zone; no end means the type's length. */
const when = {
  day: isoDate,
  start: clockTime,
  end: clockTime.optional(),
};

const byId = z.object({ id });

export const appointmentsContract = {
  'appointments.setup': {
    input: z.object({}),
    output: z.object({ therapists: z.array(therapistSchema), rooms: z.array(roomSchema), types: z.array(appointmentTypeSchema), timeZone: z.string() }),
  },
  'appointments.saveRoom': {
    input: z.object({ id: id.optional(), name: requiredText(60, say('appointments.roomName')), active: z.boolean().default(true) }),
    output: roomSchema,
  },
  'appointments.saveType': {
    input: z.object({
      id: id.optional(),
      name: requiredText(80, say('appointments.typeName')),
      minutes: z.number({ error: say('field.minutes') }).int(say('field.wholeMinutes')).min(5, say('appointments.minMinutes')).max(480, say('appointments.maxMinutes')),
      consentForms: z.array(z.enum(consentKinds)).max(consentKinds.length).default([]),
      active: z.boolean().default(true),
    }),
    output: appointmentTypeSchema,
  },
  'appointments.saveHours': {
    input: z.object({
      staffId: id,
      hours: z
        .array(workingHoursSchema.refine((h) => h.start < h.end, { message: say('appointments.endAfterStart'), path: ['end'] }))
        .max(7)
        .refine((hs) => new Set(hs.map((h) => h.weekday)).size === hs.length, say('appointments.oneLinePerDay')),
    }),
    output: therapistSchema,
  },
  'appointments.day': {
    input: z.object({ day: isoDate }),
    output: z.object({ day: z.string(), appointments: z.array(appointmentSchema) }),
  },
  'appointments.week': {
    /** The week (Monday to Sunday) that holds `day`, for one therapist. */
    input: z.object({ therapistId: id, day: isoDate }),
    output: z.object({ days: z.array(z.string()), appointments: z.array(appointmentSchema) }),
  },
  'appointments.book': {
    input: z.object({ patientId: id, therapistId: id, roomId: id, typeId: id, ...when }),
    output: appointmentSchema,
  },
  'appointments.move': {
    input: z.object({ id, therapistId: id.optional(), roomId: id.optional(), ...when }),
    output: appointmentSchema,
  },
  'appointments.cancel': {
    input: z.object({ id, reason: requiredText(500, say('appointments.cancelReason')) }),
    output: appointmentSchema,
  },
  'appointments.noShow': { input: byId, output: appointmentSchema },
  'appointments.checkIn': { input: byId, output: appointmentSchema },
  'appointments.checkOut': { input: byId, output: appointmentSchema },
} as const;
