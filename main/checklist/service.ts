import type { Knex } from 'knex';
import type { ParsedInput } from '../../shared/contract';
import type { ChecklistItem, ChecklistTick } from '../../shared/contract/checklist';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import { currentActor } from '../audit/actor';
import { say, type MessageLocale } from '../../shared/messages';

interface ItemRow { id: string; position: number; en: string; fr: string; active: number }
const toItem = (r: ItemRow): ChecklistItem => ({ id: r.id, en: r.en, fr: r.fr, active: r.active === 1 });

/** The safety checklist (issue 9 item 5): the clinic's items, and their ticks per visit with who and when. */
export function createChecklistService({ db, now, newId, locale }: { db: Knex; now: () => Date; newId: () => string; locale: () => MessageLocale }) {
  const items = async (q: Knex = db) => ((await q('checklist_items').orderBy('position').select()) as ItemRow[]).map(toItem);
  const ticks = async (q: Knex, appointmentId: string): Promise<ChecklistTick[]> =>
    (
      (await q('checklist_ticks as t')
        .leftJoin('staff as s', 's.id', 't.ticked_by')
        .where('t.appointment_id', appointmentId)
        .orderBy('t.ticked_at')
        .select('t.item_id', 't.item_text', 's.name', 't.ticked_at')) as Array<{ item_id: string; item_text: string; name: string | null; ticked_at: string }>
    ).map((r) => ({ itemId: r.item_id, text: r.item_text, tickedBy: r.name, tickedAt: r.ticked_at }));

  return {
    items: async () => ok({ items: await items() }),

    /** The list as the admin left it, in order; an item left out stays for the ticks that name it, inactive. */
    saveItems: ({ items: list }: ParsedInput<'checklist.saveItems'>) =>
      db.transaction(async (trx) => {
        const at = now().toISOString();
        const known = new Set(((await trx('checklist_items').select('id')) as Array<{ id: string }>).map((r) => r.id));
        const fields: Record<string, string> = {};
        list.forEach((item, i) => {
          if (item.id && !known.has(item.id)) fields[`items.${i}.id`] = say('checklist.noItem');
        });
        if (!list.some((i) => i.active)) fields.items = say('checklist.keepOneInUse');
        if (Object.keys(fields).length > 0) return err('invalid_input', say('ipc.invalidInput'), fields);
        const kept = new Set<string>();
        for (const [position, item] of list.entries()) {
          const id = item.id ?? newId();
          kept.add(id);
          const row = { position: position + 1, en: item.en, fr: item.fr, active: item.active ? 1 : 0, updated_at: at };
          if (item.id) await trx('checklist_items').where({ id }).update(row);
          else await trx('checklist_items').insert({ id, ...row });
        }
        const dropped = [...known].filter((id) => !kept.has(id));
        if (dropped.length) await trx('checklist_items').whereIn('id', dropped).update({ active: 0, position: list.length + 1, updated_at: at });
        await appendAudit(trx, newId, { at, action: 'checklist.items_saved', entity: 'checklist', entityId: 'items', detail: { items: list.length } });
        return ok({ items: await items(trx) });
      }),

    forVisit: async ({ appointmentId }: { appointmentId: string }) => {
      const visit = await db('appointments').where({ id: appointmentId }).first('id');
      if (!visit) return err('not_found', say('appointments.noSuch'), { appointmentId: say('appointments.noSuchField') });
      return ok({ items: await items(), ticks: await ticks(db, appointmentId) });
    },

    /** Ticks for the visit now, by whoever is signed in; an item already ticked keeps its first tick. */
    tick: ({ appointmentId, itemIds }: ParsedInput<'checklist.tick'>): Promise<Result<{ items: ChecklistItem[]; ticks: ChecklistTick[] }>> =>
      db.transaction(async (trx) => {
        const visit = (await trx('appointments').where({ id: appointmentId }).first('room_id', 'status')) as { room_id: string; status: string } | undefined;
        if (!visit) return err('not_found', say('appointments.noSuch'), { appointmentId: say('appointments.noSuchField') });
        if (visit.status === 'cancelled' || visit.status === 'no_show') return err('invalid_input', say('checklist.visitOver'), { appointmentId: say('checklist.visitOverField') });
        const active = new Map((await items(trx)).filter((i) => i.active).map((i) => [i.id, i]));
        const unknown = itemIds.findIndex((i) => !active.has(i));
        if (unknown >= 0) return err('invalid_input', say('ipc.invalidInput'), { [`itemIds.${unknown}`]: say('checklist.notInUse') });
        const at = now().toISOString();
        // The wording as the desk showed it, in the clinic's language: a later rewording or a change of language leaves it.
        const shown = locale() === 'fr-CA' ? 'fr' : 'en';
        const rows = [...new Set(itemIds)].map((itemId) => ({ id: newId(), appointment_id: appointmentId, room_id: visit.room_id, item_id: itemId, item_text: active.get(itemId)![shown], ticked_by: currentActor(), ticked_at: at }));
        await trx('checklist_ticks').insert(rows).onConflict(['appointment_id', 'item_id']).ignore();
        await appendAudit(trx, newId, { at, action: 'checklist.ticked', entity: 'appointment', entityId: appointmentId, detail: { items: rows.length } });
        return ok({ items: await items(trx), ticks: await ticks(trx, appointmentId) });
      }),

    /** For the Today sheet: the day's ticks in one query. */
    ticksOf: async (appointmentIds: readonly string[]) =>
      appointmentIds.length === 0 ? [] : ((await db('checklist_ticks').whereIn('appointment_id', appointmentIds).select('appointment_id', 'item_id')) as Array<{ appointment_id: string; item_id: string }>),
    activeItems: async () => (await items()).filter((i) => i.active),
  };
}
export type ChecklistService = ReturnType<typeof createChecklistService>;
