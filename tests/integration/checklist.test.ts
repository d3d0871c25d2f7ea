import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAs } from '../support/node-app';
import { openClinicDay, type ClinicDay, type OpenClinicDay } from '../support/clinic-day';
import type { ChecklistItem, ChecklistTick } from '../../shared/contract/checklist';
import type { TodayRow } from '../../shared/contract/today';
import { must } from '../support/must';
import { clinicProfile } from '../support/fixtures';

/** The safety checklist through the real dispatcher (issue 9, item 5). */

let day: OpenClinicDay;
let app: OpenClinicDay['app'];
let c: ClinicDay;
beforeEach(async () => {
  ({ app, c } = day = await openClinicDay('2026-07-14T13:00:00.000Z'));
});
afterEach(async () => app?.cleanup());
const book = (patientId: string, start: string) => day.book(patientId, '2026-07-14', start);
const checklistOf = async () => (await must<{ rows: TodayRow[] }>(app.dispatch('today.day', { day: '2026-07-14' }))).rows.map((r) => r.steps.find((s) => s.step === 'checklist'));
type Visit = { items: ChecklistItem[]; ticks: ChecklistTick[] };

describe('the safety checklist', () => {
  it('ships four items in English and French; ticks per visit keep who, when and the wording; the Today row follows', async () => {
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const { items } = await must<{ items: ChecklistItem[] }>(app.dispatch('checklist.items', {}));
    expect(items.map((i) => i.en)).toEqual([expect.stringMatching(/cleaned and disinfected/), expect.stringMatching(/^Hands washed/), expect.stringMatching(/^Mask or other protective equipment/), expect.stringMatching(/ventilation/)]);
    expect(items.every((i) => i.fr.length > 0 && i.active)).toBe(true);
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'missing', detail: '4 of 4 left' }]);

    await startAs(app, 'reception');
    const first = await must<Visit>(app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [items[0].id, items[1].id] }));
    expect(first.ticks).toEqual([
      { itemId: items[0].id, text: items[0].en, tickedBy: expect.stringMatching(/\S/), tickedAt: '2026-07-14T13:00:00.000Z' },
      { itemId: items[1].id, text: items[1].en, tickedBy: expect.stringMatching(/\S/), tickedAt: '2026-07-14T13:00:00.000Z' },
    ]);
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'missing', detail: '2 of 4 left' }]);
    // Ticked again from another desk: the first tick stands.
    day.at('2026-07-14T13:02:00.000Z');
    const again = await must<Visit>(app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: items.map((i) => i.id) }));
    expect(again.ticks).toHaveLength(4);
    expect(again.ticks[0].tickedAt).toBe('2026-07-14T13:00:00.000Z');
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'done', detail: 'Done' }]);

    // The admin rewords an item: the tick keeps the wording shown; the visit is still done (same item).
    await startAs(app, 'admin');
    const edited = items.map((i, n) => (n === 0 ? { ...i, en: 'Table, cradle and handles disinfected' } : i));
    await must(app.dispatch('checklist.saveItems', { items: edited }));
    expect((await must<Visit>(app.dispatch('checklist.forVisit', { appointmentId: visit.id }))).ticks[0].text).toBe(items[0].en);
    // A new item makes the visit's checklist incomplete again.
    await must(app.dispatch('checklist.saveItems', { items: [...edited, { en: 'Fresh linen', fr: 'Draps propres' }] }));
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'missing', detail: '1 of 5 left' }]);
    const audit = (await app.db('audit_events').where('action', 'like', 'checklist.%').orderBy('seq').pluck('action')) as string[];
    expect(audit).toEqual(['checklist.ticked', 'checklist.ticked', 'checklist.items_saved', 'checklist.items_saved']);
  });

  it('an admin adds, renames, reorders and retires items; every tick keeps the wording it was ticked with, in the language shown', async () => {
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto', locale: 'fr-CA' }));
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const { items } = await must<{ items: ChecklistItem[] }>(app.dispatch('checklist.items', {}));
    // A French desk ticks the first two: the ticks keep the French it showed.
    await must(app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [items[0].id, items[1].id] }));

    // Renamed (first), moved (the fourth to the top), retired (the second), one added at the end.
    const [cleaned, hands, mask, air] = items;
    const saved = await must<{ items: ChecklistItem[] }>(
      app.dispatch('checklist.saveItems', {
        items: [air, { ...cleaned, en: 'Table, cradle and handles disinfected', fr: 'Table, appui-tête et poignées désinfectés' }, mask, { en: 'Fresh linen', fr: 'Draps propres' }, { ...hands, active: false }],
      }),
    );
    expect(saved.items.map((i) => [i.en, i.active])).toEqual([
      [air.en, true],
      ['Table, cradle and handles disinfected', true],
      [mask.en, true],
      ['Fresh linen', true],
      [hands.en, false],
    ]);
    // The ids stay: a renamed item is the same item, so its tick still counts; the retired one no longer asks.
    expect(saved.items[1].id).toBe(cleaned.id);
    const after = await must<Visit>(app.dispatch('checklist.forVisit', { appointmentId: visit.id }));
    expect(after.ticks.map((t) => t.text)).toEqual([cleaned.fr, hands.fr]);
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'missing', detail: '3 sur 4 à faire' }]);
    expect(await app.db('checklist_items').count({ n: '*' })).toEqual([{ n: 5 }]);

    // The new wording is what the next tick keeps; the old ticks are unchanged, whatever the desk's language now.
    await app.services.settings.update(clinicProfile({ timeZone: 'America/Toronto', locale: 'en-CA' }));
    day.at('2026-07-14T13:05:00.000Z');
    await must(app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [air.id, mask.id, saved.items[3].id] }));
    const done = await must<Visit>(app.dispatch('checklist.forVisit', { appointmentId: visit.id }));
    expect(done.ticks.map((t) => t.text).slice(0, 2)).toEqual([cleaned.fr, hands.fr]);
    // Ticked together, at the same moment: in no particular order.
    expect(done.ticks.map((t) => t.text).slice(2).sort()).toEqual([air.en, mask.en, 'Fresh linen'].sort());
    expect(await checklistOf()).toEqual([{ step: 'checklist', state: 'done', detail: 'Done' }]);
    // A retired item cannot be ticked.
    expect(await app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [hands.id] })).toMatchObject({ ok: false, error: { fields: { 'itemIds.0': 'Not an item of the checklist in use' } } });
  });

  it('refuses bad ticks by field and changes nothing; reception cannot edit the items', async () => {
    const visit = await book(await c.patient('Zoë', 'Martin'), '10:00');
    const { items } = await must<{ items: ChecklistItem[] }>(app.dispatch('checklist.items', {}));
    expect(await app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { itemIds: 'Tick at least one item' } } });
    expect(await app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [items[0].id, '6f1c0a4e-2b7d-4c11-9f3a-1d2e3f4a5b6c'] })).toMatchObject({ ok: false, error: { fields: { 'itemIds.1': 'Not an item of the checklist in use' } } });
    expect(await app.dispatch('checklist.tick', { appointmentId: '6f1c0a4e-2b7d-4c11-9f3a-1d2e3f4a5b6c', itemIds: [items[0].id] })).toMatchObject({ ok: false, error: { code: 'not_found', fields: { appointmentId: 'This appointment does not exist' } } });
    await must(app.dispatch('appointments.cancel', { id: visit.id, reason: 'Sick' }));
    expect(await app.dispatch('checklist.tick', { appointmentId: visit.id, itemIds: [items[0].id] })).toMatchObject({ ok: false, error: { fields: { appointmentId: 'This visit is cancelled or a no-show' } } });
    expect(await app.db('checklist_ticks').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await app.dispatch('checklist.saveItems', { items: items.map((i) => ({ ...i, active: false })) })).toMatchObject({ ok: false, error: { fields: { items: 'Keep at least one item in use' } } });
    await startAs(app, 'reception');
    expect(await app.dispatch('checklist.saveItems', { items })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
