import type { Knex } from 'knex';
import { Temporal } from 'temporal-polyfill';
import type { ParsedInput } from '../../shared/contract';
import { contactLogPolicySchema, defaultContactLogPolicy, type ContactLogPolicy, type ContactPerson } from '../../shared/contract/contactlog';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import { dayBounds, wallClock, weekday } from '../appointments/clock';
import type { KeyValueStore } from '../settings/service';
import { say } from '../../shared/messages';

export interface ContactLogDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  timeZone: () => string;
  store: KeyValueStore;
  /** The PDF (main/contactlog/pdf.ts). */
  pdf: (input: { from: string; to: string; people: ContactPerson[]; timeZone: string }) => Promise<Result<Buffer>>;
}

const iso = (instant: string) => new Date(instant).toISOString();

/** A CSV field, quoted when it must be; a leading = + - @ is defused so a spreadsheet cannot run it as a formula. */
const field = (v: string) => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(people: ContactPerson[]): string {
  const lines = [['Name', 'Role', 'Phone', 'Times in the clinic'], ...people.map((p) => [p.name, p.role, p.phone, p.times.join('; ')])];
  // The byte order mark: a spreadsheet opening the file reads "Zoë" and not "ZoÃ«".
  return `\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}

/**
 * Everyone who was in the clinic over a range of the clinic's days (issue 9 item 6):
 * each patient who arrived (checked in), with each stay's arrival and departure, and
 * their first phone; each staff member on shift: a therapist's working hours that day,
 * or the hours of their visits, or the time they signed in at the desk. Every person
 * once, with all their times, in the clinic's time zone.
 */
export function createContactLog(deps: ContactLogDeps) {
  const { db, now, newId } = deps;

  function policy(): ContactLogPolicy {
    const stored = contactLogPolicySchema.safeParse(deps.store.get('contactLogPolicy'));
    return stored.success ? stored.data : defaultContactLogPolicy;
  }

  async function people(fromDay: string, toDay: string): Promise<ContactPerson[]> {
    const tz = deps.timeZone();
    const from = iso(dayBounds(fromDay, tz).from);
    const to = iso(dayBounds(toDay, tz).to);
    const wall = (instant: string) => wallClock(instant, tz);
    const visits = (await db('appointments as a')
      .join('patients as p', 'p.id', 'a.patient_id')
      .join('staff as s', 's.id', 'a.therapist_id')
      .whereNotNull('a.checked_in_at')
      .where('a.checked_in_at', '>=', from)
      .where('a.checked_in_at', '<', to)
      .orderBy('a.checked_in_at')
      .select('a.patient_id', 'p.first_name', 'p.last_name', 'a.therapist_id', 's.name as therapist', 'a.checked_in_at', 'a.checked_out_at', 'a.starts_at', 'a.ends_at')) as Array<{
      patient_id: string; first_name: string; last_name: string; therapist_id: string; therapist: string; checked_in_at: string; checked_out_at: string | null; starts_at: string; ends_at: string;
    }>;
    // The first phone on the record (lowest position) is the one to call.
    const phones = (await db('patient_phones').whereIn('patient_id', [...new Set(visits.map((v) => v.patient_id))]).orderBy('position').select('patient_id', 'number')) as Array<{ patient_id: string; number: string }>;
    const patients = new Map<string, ContactPerson>();
    for (const v of visits) {
      const p = patients.get(v.patient_id) ?? { name: `${v.first_name} ${v.last_name}`, role: 'patient' as const, phone: phones.find((x) => x.patient_id === v.patient_id)?.number ?? '', times: [] };
      const inAt = wall(v.checked_in_at);
      const out = v.checked_out_at ? wall(v.checked_out_at) : null;
      p.times.push(`${inAt.day} ${inAt.time}–${out ? (out.day === inAt.day ? out.time : `${out.day} ${out.time}`) : '?'}`);
      patients.set(v.patient_id, p);
    }

    // Staff: working hours on the days they worked, visits' hours, or sign-ins at the desk.
    const staff = (await db('staff').select('id', 'name')) as Array<{ id: string; name: string }>;
    const hours = (await db('working_hours').select('staff_id', 'weekday', 'start_time', 'end_time')) as Array<{ staff_id: string; weekday: number; start_time: string; end_time: string }>;
    // Whoever came to the desk: a sign-in, a switch to them, an unlock (the audit names them, never a patient).
    const signIns = (await db('audit_events').whereIn('action', ['session.signed_in', 'session.switched', 'session.unlocked']).where('at', '>=', from).where('at', '<', to).orderBy('at').select('actor', 'at')) as Array<{ actor: string | null; at: string }>;
    const staffTimes = new Map<string, string[]>();
    const add = (id: string, time: string) => staffTimes.set(id, [...(staffTimes.get(id) ?? []), time]);
    for (let day = Temporal.PlainDate.from(fromDay); Temporal.PlainDate.compare(day, Temporal.PlainDate.from(toDay)) <= 0; day = day.add({ days: 1 })) {
      const d = day.toString();
      const onDay = visits.filter((v) => wall(v.starts_at).day === d);
      const working = hours.filter((h) => h.weekday === weekday(d));
      // A therapist is on shift on a working day only if the clinic was open: someone came in, or signed in.
      const open = onDay.length > 0 || signIns.some((s) => wall(s.at).day === d);
      for (const s of staff) {
        const h = working.find((x) => x.staff_id === s.id);
        const theirs = onDay.filter((v) => v.therapist_id === s.id);
        const signedIn = signIns.find((x) => x.actor === s.id && wall(x.at).day === d);
        if (h && open) add(s.id, `${d} ${h.start_time}–${h.end_time}`);
        else if (theirs.length) add(s.id, `${d} ${wall(theirs[0].starts_at).time}–${wall(theirs.at(-1)!.ends_at).time}`);
        else if (signedIn) add(s.id, `${d} ${wall(signedIn.at).time}– (signed in)`);
      }
    }
    const onShift = staff.filter((s) => staffTimes.has(s.id)).map((s): ContactPerson => ({ name: s.name, role: 'staff', phone: '', times: staffTimes.get(s.id)! }));
    const byName = (a: ContactPerson, b: ContactPerson) => a.name.localeCompare(b.name);
    return [...[...patients.values()].sort(byName), ...onShift.sort(byName)];
  }

  /** The visits whose arrival and departure times are past the retention period. */
  const cutoff = () => new Date(now().getTime() - policy().retentionDays * 86_400_000).toISOString();
  const purgeable = (q: Knex, before: string) => q('appointments').whereNotNull('checked_in_at').where('checked_in_at', '<', before);

  return {
    policy,
    setPolicy(p: ContactLogPolicy) {
      deps.store.set('contactLogPolicy', p);
      return p;
    },

    async export({ from, to }: ParsedInput<'contactlog.export'>) {
      const list = await people(from, to);
      const pdf = await deps.pdf({ from, to, people: list, timeZone: deps.timeZone() });
      if (!pdf.ok) return pdf;
      // Who asked for it and for which days, never who is in it.
      await db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action: 'contactlog.exported', entity: 'contactlog', entityId: `${from}..${to}`, detail: { people: list.length } }));
      return ok({ people: list, fileName: `contact-log-${from}-to-${to}`, csv: toCsv(list), pdfBase64: pdf.value.toString('base64') });
    },

    async purgePreview() {
      const before = cutoff();
      const row = (await purgeable(db, before).count({ n: '*' }).min({ first: 'checked_in_at' }).max({ last: 'checked_in_at' }).first()) as { n: number; first: string | null; last: string | null };
      const tz = deps.timeZone();
      return ok({ before, visits: Number(row.n), firstDay: row.first && wallClock(row.first, tz).day, lastDay: row.last && wallClock(row.last, tz).day });
    },

    /** Removes the arrival and departure times the preview counted; the visits themselves stay (they are the clinical record). */
    purge: ({ before, visits }: ParsedInput<'contactlog.purge'>): Promise<Result<{ removed: number }>> =>
      db.transaction(async (trx) => {
        const due = cutoff();
        // The preview's cutoff, up to a day old: a cutoff later than today's would remove what is not yet due.
        if (before > due || Date.parse(due) - Date.parse(before) > 86_400_000) return err('conflict', say('contactlog.changed'), { before: say('contactlog.showAgain') });
        const counted = (await purgeable(trx, before).count({ n: '*' }).first()) as { n: number };
        if (Number(counted.n) !== visits) return err('conflict', say('contactlog.changed'), { visits: say('contactlog.showAgain') });
        const removed = await purgeable(trx, before).update({ checked_in_at: null, checked_out_at: null });
        await appendAudit(trx, newId, { at: deps.now().toISOString(), action: 'contactlog.purged', entity: 'contactlog', entityId: before, detail: { visits: removed } });
        return ok({ removed });
      }),
  };
}
export type ContactLog = ReturnType<typeof createContactLog>;
