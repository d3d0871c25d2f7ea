import { describe, expect, it } from 'vitest';
import { dayBounds, dayStarts } from '../../main/appointments/clock';

/** The dashboard's day starts for many days at once must be the ones Temporal gives day by day. */
describe('dayStarts', () => {
  // Clocks that change at 02:00, at midnight (Havana: the day starts at 01:00), by half an hour (Lord Howe), never (Kathmandu, UTC), or on a half-hour offset (St John's).
  it.each(['America/Vancouver', 'America/St_Johns', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/Paris', 'UTC'])('gives every day of two years in %s', (zone) => {
    const starts = dayStarts('2025-01-01', '2026-12-31', zone);
    const days: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    expect(starts).toEqual(days.map((day) => new Date(dayBounds(day, zone).from).toISOString()));
  });

  it('gives one start for a single day', () => {
    expect(dayStarts('2026-03-08', '2026-03-08', 'America/Vancouver')).toEqual(['2026-03-08T08:00:00.000Z']);
  });
});
