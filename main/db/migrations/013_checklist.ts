import type { Knex } from 'knex';

/**
 * The safety checklist, issue 9 item 5: the clinic's items (cleaning, hand hygiene,
 * protective equipment, ventilation), ticked per visit in front of the patient with who
 * and when. Each tick keeps the item's wording as it was shown, like a screening keeps
 * its questions; an item the clinic stops using is set inactive, never deleted.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('checklist_items', (t) => {
    t.text('id').primary();
    t.integer('position').notNullable();
    t.text('en').notNullable();
    t.text('fr').notNullable();
    t.integer('active').notNullable().defaultTo(1);
    t.text('updated_at').notNullable();
  });
  await db.schema.createTable('checklist_ticks', (t) => {
    t.text('id').primary();
    t.text('appointment_id').notNullable().references('appointments.id');
    // The room turned over for this visit, kept as it was when ticked (a visit can move rooms).
    t.text('room_id').notNullable().references('rooms.id');
    t.text('item_id').notNullable().references('checklist_items.id');
    t.text('item_text').notNullable();
    t.text('ticked_by').references('staff.id');
    t.text('ticked_at').notNullable();
    // Two desks ticking the same item for the same visit record it once.
    t.unique(['appointment_id', 'item_id']);
  });
  // Our own wording of the public guidance (DESIGN.md, "Facts for the clinical content").
  const at = '2026-01-01T00:00:00.000Z';
  await db('checklist_items').insert([
    { id: 'c4ec0000-0000-4000-8000-000000000001', position: 1, en: 'Room cleaned and disinfected since the last patient (table, face cradle, door handles)', fr: 'Salle nettoyée et désinfectée depuis le dernier patient (table, appui-tête, poignées)', updated_at: at },
    { id: 'c4ec0000-0000-4000-8000-000000000002', position: 2, en: 'Hands washed or sanitized by the therapist in front of the patient', fr: 'Mains lavées ou désinfectées par le thérapeute devant le patient', updated_at: at },
    { id: 'c4ec0000-0000-4000-8000-000000000003', position: 3, en: 'Mask or other protective equipment worn as the clinic requires', fr: 'Masque ou autre équipement de protection porté selon les règles de la clinique', updated_at: at },
    { id: 'c4ec0000-0000-4000-8000-000000000004', position: 4, en: 'Room aired or ventilation running between patients', fr: 'Salle aérée ou ventilation en marche entre les patients', updated_at: at },
  ]);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('checklist_ticks');
  await db.schema.dropTable('checklist_items');
}
