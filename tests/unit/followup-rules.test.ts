import { describe, expect, it } from 'vitest';
import { addDays, allianceVisit, followUpsFor, lapsed, reconcile, type VisitFact } from '../../main/followups/rules';
import type { RuleSetting } from '../../shared/contract/followups';

/** The follow-up rules on a fixed calendar (issue 11, item 3): what should exist, from visits, plans and today. */

const defaults: RuleSetting[] = [
  { id: 'first_visit_call', enabled: true, delayDays: 2, params: {} },
  { id: 'homecare_adherence', enabled: true, delayDays: 7, params: {} },
  { id: 'alliance_checkin', enabled: true, delayDays: 1, params: { visits: [1, 3], every: 5 } },
  { id: 'lapsed', enabled: true, delayDays: 60, params: {} },
];

// Weekly visits on Mondays from 2 March 2026; the clocks change on 8 March (nothing moves: days, not hours).
const mondays = Array.from({ length: 13 }, (_, i) => addDays('2026-03-02', 7 * i));
const visits = (n: number, status: VisitFact['status'] = 'checked_out'): VisitFact[] => mondays.slice(0, n).map((day, i) => ({ id: `v${i + 1}`, day, status }));
const brief = (w: ReturnType<typeof followUpsFor>) => w.map((f) => `${f.ruleId} ${f.sourceId} ${f.dueDay}`).sort();

describe('follow-up rules', () => {
  it('a first visit: the check-in call two days after, the alliance check-in the day after', () => {
    expect(brief(followUpsFor({ visits: visits(1), plans: [], rules: defaults }))).toEqual(['alliance_checkin v1 2026-03-03', 'first_visit_call v1 2026-03-04']);
  });

  it('thirteen visits and two plans: exactly the expected follow-ups, alliance after visits 1, 3, 8 and 13', () => {
    const plans = [
      { id: 'p1', givenOn: '2026-03-09', superseded: true },
      { id: 'p2', givenOn: '2026-03-23', superseded: false },
    ];
    expect(brief(followUpsFor({ visits: visits(13), plans, rules: defaults }))).toEqual([
      'alliance_checkin v1 2026-03-03',
      'alliance_checkin v13 2026-05-26',
      'alliance_checkin v3 2026-03-17',
      'alliance_checkin v8 2026-04-21',
      'first_visit_call v1 2026-03-04',
      // The replaced plan's check is no longer due; the current one's is a week after it was given.
      'homecare_adherence p2 2026-03-30',
    ]);
    expect([1, 2, 3, 4, 5, 8, 13, 18].map((n) => allianceVisit(n, { visits: [1, 3], every: 5 }))).toEqual([true, false, true, false, false, true, true, true]);
  });

  it('counts only visits that happened: booked, cancelled and no-shows are not visits', () => {
    const mixed: VisitFact[] = [
      { id: 'a', day: '2026-03-02', status: 'no_show' },
      { id: 'b', day: '2026-03-09', status: 'cancelled' },
      { id: 'c', day: '2026-03-16', status: 'checked_out' },
      { id: 'd', day: '2026-03-23', status: 'booked' },
    ];
    expect(brief(followUpsFor({ visits: mixed, plans: [], rules: defaults }))).toEqual(['alliance_checkin c 2026-03-17', 'first_visit_call c 2026-03-18']);
  });

  it('follows the clinic’s rules: a changed delay, a rule turned off', () => {
    const rules = defaults.map((r) => (r.id === 'first_visit_call' ? { ...r, delayDays: 5 } : r.id === 'alliance_checkin' ? { ...r, enabled: false } : r));
    expect(brief(followUpsFor({ visits: visits(3), plans: [], rules }))).toEqual(['first_visit_call v1 2026-03-07']);
  });

  it('lapsed: 60 days after the last visit with none booked, named by that visit; not before, not with a visit ahead', () => {
    const seen = visits(2); // last visit 9 March
    expect(lapsed({ visits: seen, today: '2026-05-07', rules: defaults })).toBeNull();
    expect(lapsed({ visits: seen, today: '2026-05-08', rules: defaults })).toMatchObject({ ruleId: 'lapsed', sourceId: 'v2', dueDay: '2026-05-08' });
    expect(lapsed({ visits: [...seen, { id: 'next', day: '2026-05-20', status: 'booked' }], today: '2026-05-08', rules: defaults })).toBeNull();
    // A booking left open in the past is not a visit ahead.
    expect(lapsed({ visits: [...seen, { id: 'stale', day: '2026-04-01', status: 'booked' }], today: '2026-05-08', rules: defaults })).toMatchObject({ sourceId: 'v2' });
    expect(lapsed({ visits: [], today: '2026-05-08', rules: defaults })).toBeNull();
  });

  it('reconcile: creates what is missing once, moves untried open ones, cancels open ones no longer due, leaves closed and hand-made ones', () => {
    const wanted = followUpsFor({ visits: visits(1), plans: [{ id: 'p1', givenOn: '2026-03-02', superseded: false }], rules: defaults });
    const first = reconcile([], wanted, () => true);
    expect(first.insert).toHaveLength(3);
    const existing = first.insert.map((w, i) => ({ id: `f${i}`, ruleId: w.ruleId, sourceId: w.sourceId, status: 'open' as const, dueDay: w.dueDay, attempts: 0, cancelledByRules: false }));
    // Run again on the same facts: nothing to do (no duplicate).
    expect(reconcile(existing, wanted, () => true)).toEqual({ insert: [], move: [], cancel: [], reopen: [] });
    // The rule's delay changed: the untried one moves, the one already tried keeps the desk's next try.
    const later = followUpsFor({ visits: visits(1), plans: [], rules: defaults.map((r) => ({ ...r, delayDays: r.delayDays + 1 })) });
    const tried = existing.map((e) => (e.ruleId === 'alliance_checkin' ? { ...e, attempts: 1 } : e));
    const manual = { id: 'm', ruleId: 'manual', sourceId: 'm', status: 'open' as const, dueDay: '2026-03-05', attempts: 0, cancelledByRules: false };
    const closed = { id: 'old', ruleId: 'first_visit_call', sourceId: 'gone', status: 'done' as const, dueDay: '2026-01-01', attempts: 1, cancelledByRules: false };
    expect(reconcile([...tried, manual, closed], later, (r) => r !== 'manual')).toEqual({
      insert: [],
      move: [{ id: 'f0', dueDay: '2026-03-05' }],
      // The plan was replaced by none: its check is cancelled.
      cancel: ['f2'],
      reopen: [],
    });
    // Cancelled by the rules and due again: opened again, at the rule's day; cancelled by a person: left alone.
    const cancelled = existing.map((e) => ({ ...e, status: 'cancelled' as const, cancelledByRules: e.ruleId !== 'first_visit_call' }));
    expect(reconcile(cancelled, wanted, () => true)).toEqual({ insert: [], move: [], cancel: [], reopen: [{ id: 'f1', dueDay: '2026-03-03' }, { id: 'f2', dueDay: '2026-03-09' }] });
  });
});
