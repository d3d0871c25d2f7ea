import { Temporal } from 'temporal-polyfill';
import type { Period } from '../../shared/contract/dashboard';

/**
 * The period's buckets in the clinic's calendar, with no side effects: whole weeks
 * (Monday to Sunday) or months, the one holding today last and cut at today.
 */
export interface Bucket {
  start: string;
  /** Last day in the bucket (today for the current one). */
  end: string;
}

export function bucketsOf({ unit, count }: Period, today: string): Bucket[] {
  const day = Temporal.PlainDate.from(today);
  const current = unit === 'week' ? day.subtract({ days: day.dayOfWeek - 1 }) : day.with({ day: 1 });
  const step = unit === 'week' ? { weeks: 1 } : { months: 1 };
  const out: Bucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = current.subtract(unit === 'week' ? { weeks: i } : { months: i });
    const end = i === 0 ? day : start.add(step).subtract({ days: 1 });
    out.push({ start: start.toString(), end: end.toString() });
  }
  return out;
}

/** The index of the bucket holding `day`, or -1 (buckets in order, days as YYYY-MM-DD compare as text). */
export function bucketOf(buckets: readonly Bucket[], day: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < buckets[mid].start) hi = mid - 1;
    else if (day > buckets[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export const monthsOf = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = Temporal.PlainYearMonth.from(from.slice(0, 7)); Temporal.PlainYearMonth.compare(m, Temporal.PlainYearMonth.from(to.slice(0, 7))) <= 0; m = m.add({ months: 1 })) {
    out.push(m.toString());
  }
  return out;
};
