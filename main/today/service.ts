import type { Knex } from 'knex';
import type { Appointment } from '../../shared/contract/appointments';
import type { StepStatus, TodayRow } from '../../shared/contract/today';
import type { TodayStepModule } from './steps/types';
import { sayIn, type MessageId, type MessageLocale, type Values } from '../../shared/messages';

/**
 * The Today sheet: the day's visits (appointments.day) and, for each, every step's
 * status. Each step answers for the whole day at once, so the sheet costs one query
 * per step, whatever the number of visits. Cancelled visits and no-shows are listed
 * with no steps: there is nothing left to do for them.
 */
export function createToday(deps: { db: Knex; now: () => Date; timeZone: () => string; day: (day: string) => Promise<Appointment[]>; steps: TodayStepModule[]; locale: () => MessageLocale }) {
  return async (day: string): Promise<TodayRow[]> => {
    const all = await deps.day(day);
    const open = all.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show');
    const locale = deps.locale();
    const ctx = { db: deps.db, appointments: open, now: deps.now(), timeZone: deps.timeZone(), say: (id: MessageId, values?: Values) => sayIn(locale, id, values) };
    const answers = await Promise.all(deps.steps.map(async (m) => [m.step, await m.check(ctx)] as const));
    return all.map((appointment) => {
      const steps: StepStatus[] = open.includes(appointment)
        ? answers.map(([step, byVisit]) => ({ step, ...(byVisit.get(appointment.id) ?? { state: 'not_needed', detail: '' }) }))
        : [];
      // Before check-in the booking screening comes first; once the patient is here, what is left in row order.
      const next = steps.find((s) => s.state === 'missing' || s.state === 'blocked')?.step ?? null;
      return { appointment, steps, next };
    });
  };
}
