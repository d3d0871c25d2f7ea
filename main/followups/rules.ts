import { Temporal } from 'temporal-polyfill';
import type { FollowUpKind, RuleId, RuleSetting } from '../../shared/contract/followups';

/**
 * The follow-up rules (issue 11, item 3) as pure functions: given a patient's visits
 * and plans, the clinic's rules and today, the follow-ups that should exist. No
 * database, no clock: the service reads, calls these, and writes the difference
 * (reconcile), so the same rules hold at check-out, on a cancel or a move, and when
 * the queue is read.
 *
 * A follow-up is named by (rule, source): the visit or plan it follows from. The table
 * holds that pair unique, so re-running the rules never makes a second one.
 */

export interface VisitFact {
  id: string;
  /** The clinic day of the visit. */
  day: string;
  status: 'booked' | 'checked_in' | 'checked_out' | 'cancelled' | 'no_show';
}

export interface PlanFact {
  id: string;
  /** Clinic day it was given. */
  givenOn: string;
  /** A newer plan replaced it: its adherence check is no longer due. */
  superseded: boolean;
}

export interface Wanted {
  ruleId: RuleId;
  sourceId: string;
  kind: FollowUpKind;
  dueDay: string;
  sourceVisitId: string | null;
  sourcePlanId: string | null;
}

export const addDays = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString();

/** Visits that happened, in order: the first visit is number 1. */
function happened(visits: readonly VisitFact[]): VisitFact[] {
  return visits.filter((v) => v.status === 'checked_out').sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Whether visit number n gets an alliance check-in: the listed visits (1 and 3 by
 * default) and then every `every`-th visit after the last listed one (8, 13, 18…).
 */
export function allianceVisit(n: number, params: RuleSetting['params']): boolean {
  const listed = params.visits ?? [];
  if (listed.includes(n)) return true;
  const after = listed.length ? Math.max(...listed) : 0;
  const every = params.every ?? 0;
  return every > 0 && n > after && (n - after) % every === 0;
}

/** The follow-ups a patient's visits and plans call for (the lapsed rule is `lapsed`, below). */
export function followUpsFor(input: { visits: readonly VisitFact[]; plans: readonly PlanFact[]; rules: readonly RuleSetting[] }): Wanted[] {
  const rule = (id: RuleId) => input.rules.find((r) => r.id === id && r.enabled);
  const out: Wanted[] = [];
  const visits = happened(input.visits);
  const first = rule('first_visit_call');
  if (first && visits.length > 0) {
    out.push({ ruleId: first.id, sourceId: visits[0].id, kind: 'call', dueDay: addDays(visits[0].day, first.delayDays), sourceVisitId: visits[0].id, sourcePlanId: null });
  }
  const alliance = rule('alliance_checkin');
  if (alliance) {
    visits.forEach((v, i) => {
      if (allianceVisit(i + 1, alliance.params)) {
        out.push({ ruleId: alliance.id, sourceId: v.id, kind: 'alliance_checkin', dueDay: addDays(v.day, alliance.delayDays), sourceVisitId: v.id, sourcePlanId: null });
      }
    });
  }
  const adherence = rule('homecare_adherence');
  if (adherence) {
    for (const p of input.plans) {
      if (p.superseded) continue;
      out.push({ ruleId: adherence.id, sourceId: p.id, kind: 'adherence', dueDay: addDays(p.givenOn, adherence.delayDays), sourceVisitId: null, sourcePlanId: p.id });
    }
  }
  return out;
}

/**
 * "No visit for 60 days and none booked": due on the day the 60 days are up, named by
 * the last visit, so a patient who comes back and lapses again gets a new one. Asked
 * when the queue is read, never by a timer.
 */
export function lapsed(input: { visits: readonly VisitFact[]; today: string; rules: readonly RuleSetting[] }): Wanted | null {
  const rule = input.rules.find((r) => r.id === 'lapsed' && r.enabled);
  if (!rule) return null;
  // A booked visit ahead means they are coming back; one left booked in the past does not.
  if (input.visits.some((v) => (v.status === 'booked' || v.status === 'checked_in') && v.day >= input.today)) return null;
  const visits = happened(input.visits);
  const last = visits[visits.length - 1];
  if (!last) return null;
  const dueDay = addDays(last.day, rule.delayDays);
  if (dueDay > input.today) return null;
  return { ruleId: 'lapsed', sourceId: last.id, kind: 'lapsed', dueDay, sourceVisitId: last.id, sourcePlanId: null };
}

export interface Existing {
  id: string;
  ruleId: string;
  sourceId: string;
  status: 'open' | 'done' | 'cancelled';
  dueDay: string;
  /** Tried already: its day is the next try the desk set, not the rule's to move. */
  attempts: number;
  /** Cancelled by the rules (no longer due), not by a person: due again, it opens again. */
  cancelledByRules: boolean;
}

/**
 * What to write so the patient's follow-ups match what the rules want: new ones, open
 * ones whose day moved, open ones no longer due, and ones the rules cancelled that are
 * due again (a booking made, then cancelled). Done ones and ones a person cancelled are
 * history and stay as they are; a hand-made follow-up is not the rules' to cancel.
 */
export function reconcile(existing: readonly Existing[], wanted: readonly Wanted[], ruled: (ruleId: string) => boolean) {
  const key = (ruleId: string, sourceId: string) => `${ruleId}\u0000${sourceId}`;
  const have = new Map(existing.map((e) => [key(e.ruleId, e.sourceId), e]));
  const want = new Set(wanted.map((w) => key(w.ruleId, w.sourceId)));
  const insert: Wanted[] = [];
  const move: Array<{ id: string; dueDay: string }> = [];
  const reopen: Array<{ id: string; dueDay: string }> = [];
  for (const w of wanted) {
    const e = have.get(key(w.ruleId, w.sourceId));
    if (!e) insert.push(w);
    else if (e.status === 'open' && e.attempts === 0 && e.dueDay !== w.dueDay) move.push({ id: e.id, dueDay: w.dueDay });
    else if (e.status === 'cancelled' && e.cancelledByRules) reopen.push({ id: e.id, dueDay: w.dueDay });
  }
  const cancel = existing.filter((e) => e.status === 'open' && ruled(e.ruleId) && !want.has(key(e.ruleId, e.sourceId))).map((e) => e.id);
  return { insert, move, cancel, reopen };
}
