import type { Handlers } from '../ipc/dispatcher';
import { ok } from '../../shared/contract/result';
import type { AppointmentService } from './service';

type AppointmentChannels = Extract<keyof Handlers, `appointments.${string}`>;

export function appointmentHandlers(appointments: AppointmentService, timeZone: () => string): Pick<Handlers, AppointmentChannels> {
  return {
    'appointments.setup': async () => ok({ ...(await appointments.setup()), timeZone: timeZone() }),
    'appointments.saveRoom': appointments.saveRoom,
    'appointments.saveType': appointments.saveType,
    'appointments.saveHours': appointments.saveHours,
    'appointments.day': async ({ day }) => ok({ day, appointments: await appointments.day(day) }),
    'appointments.week': async ({ therapistId, day }) => ok(await appointments.week(therapistId, day)),
    'appointments.book': appointments.book,
    'appointments.move': appointments.move,
    'appointments.cancel': appointments.cancel,
    'appointments.noShow': appointments.noShow,
    'appointments.checkIn': appointments.checkIn,
    'appointments.checkOut': appointments.checkOut,
  };
}
