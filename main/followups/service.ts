import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/contract/result';
import { contactChannels } from '../../shared/contract/consent';
import { ruleIds, type FollowUp, type RuleSetting } from '../../shared/contract/followups';
import { appendAudit } from '../audit/log';
import { currentActor } from '../audit/actor';
import { dayBounds } from '../appointments/clock';
import { dayIn } from '../../shared/time';
import { addDays, followUpsFor, lapsed, reconcile, type Existing, type VisitFact } from './rules';
import { mailtoFor } from './mail';
import { say } from '../../shared/messages';
import { chunks } from '../db/chunks';

export interface FollowUpDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  timeZone: () => string;
  locale: () => 'en-CA' | 'fr-CA';
  clinicName: () => string;
  /** Opens a mailto: link in the clinic's mail program (main/app/context.ts lets nothing else through); false if none. */
  openMailto: (url: string) => Promise<boolean>;
}

/** Upcoming: the next two weeks. */
export const upcomingDays = 14;
const lapsedCursor = 'followups_lapsed_scanned';
/** Days of visits per lapsed-scan transaction (about 16,000 visits at two years of 400,000). */
export const lapsedWindowDays = 30;
const minDay = (a: string, b: string) => (a < b ? a : b);
const noLongerDue = 'no_longer_due';
/** "More" is counted up to this many (the screen says "1,000 or more"). */
export const countCap = 1000;
const unavailable = say('followups.closed');

interface FollowUpRow {
  id: string;
  patient_id: string;
  first_name: string;
  last_name: string;
  email: string;
  kind: FollowUp['kind'];
  rule_id: string;
  source_visit_id: string | null;
  source_plan_id: string | null;
  due_day: string;
  reason: string;
  status: FollowUp['status'];
  attempts: number;
}

type Q = Knex | Knex.Transaction;

/**
 * A patient who declined further contact (not undone since), for `whereNotExists` on
 * `follow_ups as f`: the queue and the Today step both leave that patient alone.
 */
export const declinedContact = (d: Knex.QueryBuilder) => d.from('contact_declines as d').whereRaw('d.patient_id = f.patient_id').whereNull('d.undone_at');

export async function readRules(q: Q): Promise<RuleSetting[]> {
  const rows = (await q('followup_rules').select('id', 'enabled', 'delay_days', 'params')) as Array<{ id: RuleSetting['id']; enabled: number; delay_days: number; params: string }>;
  return ruleIds.map((id) => rows.find((r) => r.id === id)!).map((r) => ({ id: r.id, enabled: r.enabled === 1, delayDays: r.delay_days, params: JSON.parse(r.params) }));
}

/**
 * Follow-ups (issue 11, items 3–4): the rules applied where visits change, the queue
 * the desk works through, each attempt and its outcome, and "declined further contact".
 */
export function createFollowUpService(deps: FollowUpDeps) {
  const { db, now, newId, timeZone } = deps;
  const stamp = () => now().toISOString();
  const today = () => dayIn(timeZone(), now());
  const audit = (trx: Knex.Transaction, action: string, entity: string, entityId: string, detail?: Record<string, unknown>) =>
    appendAudit(trx, newId, { at: stamp(), action, entity, entityId, detail });

  async function visitFacts(q: Q, patientId: string): Promise<VisitFact[]> {
    const rows = (await q('appointments').where({ patient_id: patientId }).select('id', 'starts_at', 'status')) as Array<{ id: string; starts_at: string; status: VisitFact['status'] }>;
    const zone = timeZone();
    return rows.map((r) => ({ id: r.id, day: dayIn(zone, r.starts_at), status: r.status }));
  }

  /**
   * Brings one patient's follow-ups in line with the rules, inside the caller's
   * transaction (check-out, cancel, move, book, a plan given): new ones created once,
   * open ones moved with what they follow, those no longer due cancelled. Not audited
   * on its own: the rules' writes follow from the visit change audited beside them.
   */
  async function rederive(trx: Knex.Transaction, patientId: string): Promise<void> {
    const rules = await readRules(trx);
    const visits = await visitFacts(trx, patientId);
    const plans = (await trx('homecare_plans').where({ patient_id: patientId }).select('id', 'given_on', 'superseded_at')) as Array<{ id: string; given_on: string; superseded_at: string | null }>;
    const wanted = followUpsFor({ visits, plans: plans.map((p) => ({ id: p.id, givenOn: p.given_on, superseded: p.superseded_at !== null })), rules });
    const away = lapsed({ visits, today: today(), rules });
    if (away) wanted.push(away);
    const existing = (await trx('follow_ups').where({ patient_id: patientId }).whereNot({ rule_id: 'manual' }).select('id', 'rule_id as ruleId', 'source_id as sourceId', 'status', 'due_day as dueDay', 'attempts', 'cancel_reason')) as Array<Existing & { cancel_reason: string | null }>;
    const change = reconcile(
      existing.map(({ cancel_reason, ...e }) => ({ ...e, cancelledByRules: cancel_reason === noLongerDue })),
      wanted,
      (ruleId) => ruleId !== 'manual',
    );
    if (change.insert.length + change.move.length + change.cancel.length + change.reopen.length === 0) return;
    const at = stamp();
    for (const w of change.insert) {
      await trx('follow_ups').insert({
        id: newId(), patient_id: patientId, kind: w.kind, rule_id: w.ruleId, source_id: w.sourceId, source_visit_id: w.sourceVisitId, source_plan_id: w.sourcePlanId,
        due_day: w.dueDay, created_by: currentActor(), created_at: at,
      });
    }
    for (const m of change.move) await trx('follow_ups').where({ id: m.id }).update({ due_day: m.dueDay });
    for (const r of change.reopen) await trx('follow_ups').where({ id: r.id }).update({ due_day: r.dueDay, status: 'open', cancel_reason: null, closed_at: null, closed_by: null });
    if (change.cancel.length) {
      await trx('follow_ups').whereIn('id', change.cancel).update({ status: 'cancelled', cancel_reason: noLongerDue, closed_at: at, closed_by: currentActor() });
    }
  }

  /**
   * The lapsed rule, asked when the queue is read: last visits that passed the rule's
   * days since the last scan, with nothing after them. Each day's visits are looked at
   * once (the cursor); a patient whose booking is cancelled later is caught by the
   * cancel's re-derive instead. The days are scanned `lapsedWindowDays` at a time, each
   * window its own short transaction that moves the cursor: the first read after an
   * upgrade (two years of visits) no longer holds the one connection for minutes, the
   * desk's other reads run between windows, and a read cut short resumes where it stopped.
   */
  async function scanLapsed(): Promise<void> {
    const rule = (await readRules(db)).find((r) => r.id === 'lapsed')!;
    if (!rule.enabled) return;
    const day = today();
    const cutoff = addDays(day, -rule.delayDays);
    const cursor = ((await db('app_state').where({ key: lapsedCursor }).first('value')) as { value: string } | undefined)?.value;
    const scanned = cursor ? (JSON.parse(cursor) as { day: string; delay: number }) : null;
    if (scanned && scanned.delay === rule.delayDays && scanned.day >= cutoff) return;
    const zone = timeZone();
    const startOfToday = dayBounds(day, zone).from;
    let done: string;
    if (scanned && scanned.delay === rule.delayDays) done = scanned.day;
    else {
      // Never scanned (or the delay changed): from the day before the first visit that happened.
      const first = (await db('appointments').where('status', 'checked_out').orderBy('starts_at').first('starts_at')) as { starts_at: string } | undefined;
      done = first ? addDays(dayIn(zone, first.starts_at), -1) : cutoff;
    }
    for (;;) {
      const until: string = done < cutoff ? minDay(addDays(done, lapsedWindowDays), cutoff) : cutoff;
      await scanWindow(rule.delayDays, dayBounds(addDays(done, 1), zone).from, dayBounds(until, zone).to, startOfToday, until);
      done = until;
      if (done >= cutoff) return;
      // Let the desk's other reads have the connection between windows.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One window of the lapsed scan: checked-out visits in [from, to) with no later visit
   * that happened and nothing booked from today on. Two NOT EXISTS, each a range on
   * appointments (patient_id, starts_at): one with an OR could not use the range.
   */
  async function scanWindow(delayDays: number, from: string, to: string, startOfToday: string, until: string): Promise<void> {
    const zone = timeZone();
    await db.transaction(async (trx) => {
      const last = (await trx('appointments as a')
        .join('patients as p', 'p.id', 'a.patient_id')
        .whereNull('p.archived_at')
        .where('a.status', 'checked_out')
        .where('a.starts_at', '>=', from)
        .where('a.starts_at', '<', to)
        .whereNotExists((later) => later.from('appointments as b').whereRaw('b.patient_id = a.patient_id').whereRaw('b.starts_at > a.starts_at').where('b.status', 'checked_out'))
        .whereNotExists((booked) => booked.from('appointments as b').whereRaw('b.patient_id = a.patient_id').where('b.starts_at', '>=', startOfToday).whereIn('b.status', ['booked', 'checked_in']))
        .select('a.id', 'a.patient_id', 'a.starts_at')) as Array<{ id: string; patient_id: string; starts_at: string }>;
      const at = stamp();
      const rows = last.map((v) => ({
        id: newId(), patient_id: v.patient_id, kind: 'lapsed', rule_id: 'lapsed', source_id: v.id, source_visit_id: v.id,
        due_day: addDays(dayIn(zone, v.starts_at), delayDays), created_at: at,
      }));
      for (const run of chunks(rows, 100)) await trx('follow_ups').insert(run).onConflict(['rule_id', 'source_id']).ignore();
      await trx('app_state').insert({ key: lapsedCursor, value: JSON.stringify({ day: until, delay: delayDays }), updated_at: at }).onConflict('key').merge();
    });
  }

  const base = (q: Q) =>
    q('follow_ups as f')
      .join('patients as p', 'p.id', 'f.patient_id')
      .whereNull('p.archived_at')
      .whereNotExists(declinedContact);
  const columns = ['f.id', 'f.patient_id', 'p.first_name', 'p.last_name', 'p.email', 'f.kind', 'f.rule_id', 'f.source_visit_id', 'f.source_plan_id', 'f.due_day', 'f.reason', 'f.status', 'f.attempts'];

  /** Rows → what the desk sees: channels from the privacy consent, the last contact, the next visit. */
  async function present(q: Q, rows: FollowUpRow[]): Promise<FollowUp[]> {
    if (rows.length === 0) return [];
    const zone = timeZone();
    const patientIds = [...new Set(rows.map((r) => r.patient_id))];
    const ids = rows.map((r) => r.id);
    const [consents, phones, attempts, visits, sources] = await Promise.all([
      q('consents').where({ kind: 'privacy' }).whereNot({ method: 'verbal' }).whereIn('patient_id', patientIds).orderBy('signed_at').select('patient_id', 'choices', 'withdrawn_at'),
      q('patient_phones').whereIn('patient_id', patientIds).orderBy('position').select('patient_id', 'number'),
      q('contact_attempts as c').leftJoin('staff as s', 's.id', 'c.by').whereIn('c.patient_id', patientIds).orderBy('c.at').select('c.patient_id', 'c.at', 'c.channel', 'c.outcome', 's.name'),
      q('appointments').whereIn('patient_id', patientIds).whereIn('status', ['booked', 'checked_in']).where('starts_at', '>=', dayBounds(today(), zone).from).orderBy('starts_at').select('patient_id', 'starts_at'),
      q('follow_ups as f')
        .whereIn('f.id', ids)
        .leftJoin('appointments as v', 'v.id', 'f.source_visit_id')
        .leftJoin('homecare_plans as h', 'h.id', 'f.source_plan_id')
        .select('f.id', 'v.starts_at', 'h.given_on', 'f.patient_id'),
    ]);
    // Visit numbers only where a rule counted visits: the how-manieth checked-out visit the source was.
    const numbered = rows.filter((r) => r.source_visit_id && r.kind === 'alliance_checkin').map((r) => r.id);
    const counts = new Map<string, number>();
    if (numbered.length) {
      const n = (await q('follow_ups as f')
        .join('appointments as v', 'v.id', 'f.source_visit_id')
        .whereIn('f.id', numbered)
        .select('f.id', q.raw("(SELECT COUNT(*) FROM appointments w WHERE w.patient_id = v.patient_id AND w.status = 'checked_out' AND w.starts_at <= v.starts_at) AS n"))) as Array<{ id: string; n: number }>;
      for (const r of n) counts.set(r.id, Number(r.n));
    }
    const channelsOf = new Map<string, FollowUp['channels']>();
    for (const c of consents as Array<{ patient_id: string; choices: string; withdrawn_at: string | null }>) {
      const chosen = c.withdrawn_at ? [] : (JSON.parse(c.choices) as string[]);
      channelsOf.set(c.patient_id, contactChannels.filter((ch) => chosen.includes(ch)));
    }
    const lastOf = new Map<string, FollowUp['lastContact']>();
    for (const a of attempts as Array<{ patient_id: string; at: string; channel: 'phone'; outcome: 'reached'; name: string | null }>) {
      lastOf.set(a.patient_id, { at: a.at, channel: a.channel, outcome: a.outcome, by: a.name ?? '' });
    }
    // First of each (each list is read in order), looked up by id: pages of hundreds of rows.
    const firstBy = <T,>(list: T[], key: (x: T) => string) => {
      const out = new Map<string, T>();
      for (const x of list) if (!out.has(key(x))) out.set(key(x), x);
      return out;
    };
    const sourceOf = firstBy(sources as Array<{ id: string; starts_at: string | null; given_on: string | null }>, (x) => x.id);
    const nextOf = firstBy(visits as Array<{ patient_id: string; starts_at: string }>, (x) => x.patient_id);
    const phoneOf = firstBy(phones as Array<{ patient_id: string; number: string }>, (x) => x.patient_id);
    return rows.map((r) => {
      const src = sourceOf.get(r.id);
      const next = nextOf.get(r.patient_id);
      return {
        id: r.id,
        patientId: r.patient_id,
        patientName: `${r.first_name} ${r.last_name}`,
        phone: phoneOf.get(r.patient_id)?.number ?? '',
        email: r.email,
        kind: r.kind,
        ruleId: r.rule_id,
        visitNumber: counts.get(r.id) ?? null,
        sourceDay: src?.starts_at ? dayIn(zone, src.starts_at) : (src?.given_on ?? null),
        reason: r.reason,
        dueDay: r.due_day,
        status: r.status,
        attempts: r.attempts,
        lastContact: lastOf.get(r.patient_id) ?? null,
        channels: channelsOf.get(r.patient_id) ?? [],
        nextVisitDay: next ? dayIn(zone, next.starts_at) : null,
      };
    });
  }

  async function one(q: Q, id: string): Promise<FollowUp | null> {
    const row = (await q('follow_ups as f').join('patients as p', 'p.id', 'f.patient_id').where('f.id', id).first(columns)) as FollowUpRow | undefined;
    return row ? (await present(q, [row]))[0] : null;
  }

  async function declinedOf(q: Q, patientId: string) {
    const row = (await q('contact_declines as d').leftJoin('staff as s', 's.id', 'd.declined_by').where('d.patient_id', patientId).whereNull('d.undone_at').first('d.declined_at', 's.name')) as
      | { declined_at: string; name: string | null }
      | undefined;
    return row ? { at: row.declined_at, by: row.name ?? '' } : null;
  }

  /**
   * One list, oldest due first. Read in the queue index's order (status, due_day) so
   * SQLite stops at `limit` instead of sorting every open follow-up; names order each
   * day within the page. What is left is counted up to `countCap`: past that, "more"
   * is all the desk needs, and a clinic with years of lapsed patients pays nothing for it.
   */
  async function list(where: (qb: Knex.QueryBuilder) => void, limit: number) {
    const rows = (await base(db).where('f.status', 'open').where(where).orderBy('f.due_day').limit(limit).select([...columns, 'p.sort_key'])) as Array<FollowUpRow & { sort_key: string }>;
    rows.sort((a, b) => (a.due_day === b.due_day ? (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0) : a.due_day < b.due_day ? -1 : 1));
    const counted = (await db
      .count({ n: '*' })
      .from(base(db).where('f.status', 'open').where(where).limit(limit + countCap).select('f.id').as('page'))) as Array<{ n: number }>;
    return { rows, more: Number(counted[0].n) - rows.length };
  }

  return {
    rederive,
    scanLapsed,
    /** For the appointments service's hook: the visit changed, inside its transaction. */
    afterVisitChange: (trx: Knex.Transaction, visit: { patientId: string }) => rederive(trx, visit.patientId),

    async queue({ limit }: ParsedInput<'followups.queue'>) {
      await scanLapsed();
      const day = today();
      const [dueToday, overdue, upcoming] = await Promise.all([
        list((w) => w.where('f.due_day', day), limit),
        list((w) => w.where('f.due_day', '<', day), limit),
        list((w) => w.where('f.due_day', '>', day).where('f.due_day', '<=', addDays(day, upcomingDays)), limit),
      ]);
      // The three pages presented together: one read of consents, phones, contacts and visits, not three.
      const items = await present(db, [...dueToday.rows, ...overdue.rows, ...upcoming.rows]);
      const a = dueToday.rows.length;
      const b = a + overdue.rows.length;
      return ok({ today: day, dueToday: items.slice(0, a), overdue: items.slice(a, b), upcoming: items.slice(b), more: { dueToday: dueToday.more, overdue: overdue.more, upcoming: upcoming.more } });
    },

    record: (input: ParsedInput<'followups.record'>): Promise<Result<FollowUp>> =>
      db.transaction(async (trx) => {
        const current = await one(trx, input.followUpId);
        if (!current) return err('not_found', say('followups.noSuch'), { followUpId: say('followups.noSuchField') });
        if (current.status !== 'open') return err('conflict', unavailable, { followUpId: unavailable });
        const archived = (await trx('patients').where({ id: current.patientId }).first('archived_at')) as { archived_at: string | null };
        if (archived.archived_at) return err('invalid_input', say('followups.patientArchived'), { followUpId: say('followups.patientArchivedField') });
        if (await declinedOf(trx, current.patientId)) return err('conflict', say('followups.declined'), { followUpId: say('followups.declinedField') });
        const fields: Record<string, string> = {};
        if (input.channel !== 'visit' && !current.channels.includes(input.channel)) fields.channel = say('followups.channelNotAllowed');
        const retry = input.outcome !== 'reached' && input.outcome !== 'declined';
        if (input.nextTryDay !== null && !retry) fields.nextTryDay = say('followups.noNextTry');
        if (input.nextTryDay !== null && input.nextTryDay < today()) fields.nextTryDay = say('followups.nextTryPast');
        if (Object.keys(fields).length) return err('invalid_input', say('ipc.invalidInput'), fields);
        const at = stamp();
        const attemptId = newId();
        await trx('contact_attempts').insert({ id: attemptId, follow_up_id: current.id, patient_id: current.patientId, channel: input.channel, outcome: input.outcome, note: input.note, next_try_day: input.nextTryDay, by: currentActor(), at });
        // Reached, declined, or no next try set: this follow-up is done; a next try moves it.
        const closes = input.nextTryDay === null;
        await trx('follow_ups').where({ id: current.id }).update({
          channel: input.channel, outcome: input.outcome, note: input.note, attempts: current.attempts + 1, last_attempt_at: at,
          ...(closes ? { status: 'done', closed_at: at, closed_by: currentActor() } : { due_day: input.nextTryDay }),
        });
        if (input.outcome === 'declined') {
          await trx('contact_declines').insert({ id: newId(), patient_id: current.patientId, attempt_id: attemptId, declined_by: currentActor(), declined_at: at });
        }
        await audit(trx, 'follow_up.recorded', 'follow_up', current.id, { outcome: input.outcome, channel: input.channel, nextTry: input.nextTryDay !== null });
        return ok((await one(trx, current.id))!);
      }),

    create: (input: ParsedInput<'followups.create'>): Promise<Result<FollowUp>> =>
      db.transaction(async (trx) => {
        const p = (await trx('patients').where({ id: input.patientId }).first('archived_at')) as { archived_at: string | null } | undefined;
        if (!p) return err('not_found', say('followups.noPatient'), { patientId: say('appointments.noPatient') });
        if (p.archived_at) return err('invalid_input', say('followups.patientArchived'), { patientId: say('appointments.patientArchived') });
        if (input.dueDay < today()) return err('invalid_input', say('ipc.invalidInput'), { dueDay: say('followups.duePast') });
        const id = newId();
        await trx('follow_ups').insert({ id, patient_id: input.patientId, kind: 'manual', rule_id: 'manual', source_id: id, due_day: input.dueDay, reason: input.reason, created_by: currentActor(), created_at: stamp() });
        await audit(trx, 'follow_up.created', 'follow_up', id, { patientId: input.patientId });
        return ok((await one(trx, id))!);
      }),

    async patient({ patientId }: { patientId: string }) {
      const rows = (await db('follow_ups as f').join('patients as p', 'p.id', 'f.patient_id').where('f.patient_id', patientId).orderBy('f.due_day', 'desc').select(columns)) as FollowUpRow[];
      return ok({ followUps: await present(db, rows), declined: await declinedOf(db, patientId) });
    },

    undoDecline: ({ patientId }: { patientId: string }) =>
      db.transaction(async (trx) => {
        const n = await trx('contact_declines').where({ patient_id: patientId }).whereNull('undone_at').update({ undone_at: stamp(), undone_by: currentActor() });
        if (n === 0) return err('not_found', say('followups.notDeclined'), { patientId: say('followups.notDeclinedField') });
        await audit(trx, 'follow_up.decline_undone', 'patient', patientId);
        return ok({ declined: null });
      }),

    rules: async () => ok(await readRules(db)),

    saveRule: (input: ParsedInput<'followups.saveRule'>): Promise<Result<RuleSetting[]>> =>
      db.transaction(async (trx) => {
        const current = (await readRules(trx)).find((r) => r.id === input.id)!;
        const params = input.id === 'alliance_checkin' ? { visits: input.visits ?? current.params.visits ?? [], every: input.every ?? current.params.every ?? 0 } : current.params;
        await trx('followup_rules').where({ id: input.id }).update({ enabled: input.enabled ? 1 : 0, delay_days: input.delayDays, params: JSON.stringify(params), updated_by: currentActor(), updated_at: stamp() });
        await audit(trx, 'follow_up_rule.changed', 'follow_up_rule', input.id, { enabled: input.enabled, delayDays: input.delayDays });
        return ok(await readRules(trx));
      }),

    async openMail({ followUpId }: { followUpId: string }): Promise<Result<{ opened: boolean }>> {
      const f = await one(db, followUpId);
      if (!f) return err('not_found', say('followups.noSuch'), { followUpId: say('followups.noSuchField') });
      if (!f.channels.includes('email')) return err('invalid_input', say('followups.noEmailConsent'), { followUpId: say('followups.noEmailConsentField') });
      if (!f.email) return err('invalid_input', say('followups.noEmail'), { followUpId: say('followups.noEmailField') });
      const opened = await deps.openMailto(mailtoFor(f, deps.locale(), deps.clinicName()));
      await db.transaction((trx) => audit(trx, 'follow_up.mail_opened', 'follow_up', f.id));
      return ok({ opened });
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
