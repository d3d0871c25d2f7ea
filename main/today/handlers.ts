import type { Handlers } from '../ipc/dispatcher';
import { ok } from '../../shared/contract/result';
import type { TodayRow } from '../../shared/contract/today';

export function todayHandlers(today: (day: string) => Promise<TodayRow[]>): Pick<Handlers, 'today.day'> {
  return { 'today.day': async ({ day }) => ok({ day, rows: await today(day) }) };
}
