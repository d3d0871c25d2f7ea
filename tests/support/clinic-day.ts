import type { App } from '../../main/app/context';
import type { Appointment } from '../../shared/contract/appointments';
import { tempApp } from './app';
import { must as mustAnswer } from './must';
import { testStaff } from './node-app';
import { clinicProfile, patientInput } from './fixtures';

/** What a test needs to book: two therapists, two rooms, two types of visit, through the real services. */
export async function clinicDay(app: App) {
  const { staff, appointments, patients } = app.services;
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const existing = (await staff.active()).find((s) => s.initials === testStaff.therapist.initials);
  const amelie = existing ?? must(await staff.create({ ...testStaff.therapist, roles: ['therapist'] }, null));
  const aiko = must(await staff.create({ name: 'Aiko Tanaka, RMT', initials: 'AK', secret: '864297', roles: ['therapist'] }, null));
  const room1 = must(await appointments.saveRoom({ name: 'Room 1', active: true }));
  const room2 = must(await appointments.saveRoom({ name: 'Room 2', active: true }));
  const massage = must(await appointments.saveType({ name: 'Massage, 60 min', minutes: 60, consentForms: ['treatment', 'outbreak'], active: true }));
  const sensitive = must(await appointments.saveType({ name: 'Chest and abdomen, 45 min', minutes: 45, consentForms: ['treatment', 'outbreak', 'sensitive_areas'], active: true }));
  let phone = 1000;
  const patient = async (firstName: string, lastName: string) =>
    must(await patients.create({ patient: patientInput({ firstName, lastName, phones: [{ label: 'mobile', number: `604 555 ${phone++}` }] }), acknowledgeDuplicates: true })).id;
  return { amelie, aiko, room1, room2, massage, sensitive, patient, must };
}

export type ClinicDay = Awaited<ReturnType<typeof clinicDay>>;

/**
 * The start the front desk's integration tests share: a real app on a fresh SQLite file,
 * a clinic in Toronto (so days and times are the clinic's, not the machine's), the clock
 * at `startsAt` until the test moves it with `at`, and clinicDay's staff, rooms and types.
 */
export async function openClinicDay(startsAt: string) {
  let now = new Date(startsAt);
  const app = await tempApp({ now: () => now });
  await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto' }));
  const c = await clinicDay(app);
  const at = (iso: string) => {
    now = new Date(iso);
  };
  /** A visit booked through the dispatcher: a massage unless told, with Amélie in room 1 or with Aiko in room 2. */
  const book = (patientId: string, day: string, start: string, { therapistId = c.amelie.id, typeId = c.massage.id } = {}) =>
    mustAnswer<Appointment>(app.dispatch('appointments.book', { patientId, therapistId, roomId: therapistId === c.amelie.id ? c.room1.id : c.room2.id, typeId, day, start }));
  return { app, c, at, book };
}

export type OpenClinicDay = Awaited<ReturnType<typeof openClinicDay>>;
export const summary = (a: Appointment) => `${a.start}-${a.end} ${a.patientName} ${a.therapistName} ${a.roomName} ${a.status}`;
