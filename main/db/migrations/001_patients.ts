import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('patients', (t) => {
    t.text('id').primary(); // random UUID, so records can move between workstations
    t.text('first_name').notNullable();
    t.text('last_name').notNullable();
    t.text('preferred_name').notNullable().defaultTo('');
    t.text('pronouns').notNullable().defaultTo('');
    t.text('date_of_birth').notNullable(); // YYYY-MM-DD
    t.text('email').notNullable().defaultTo('');
    t.text('address').notNullable().defaultTo('{}'); // JSON: line1, line2, city, region, postalCode, country
    t.text('emergency_contact').notNullable().defaultTo('{}'); // JSON
    t.text('family_physician').notNullable().defaultTo('{}'); // JSON
    t.text('preferred_contact').notNullable().defaultTo('phone');
    t.text('language').notNullable().defaultTo('');
    t.text('notes').notNullable().defaultTo('');
    t.text('sort_key').notNullable(); // folded "last first", for lists in name order
    t.integer('search_rowid').notNullable().unique(); // its row in patient_search
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.text('archived_at'); // archived, never deleted
    t.text('archive_reason').notNullable().defaultTo('');
    t.index(['sort_key']);
    t.index(['updated_at']);
    t.index(['date_of_birth']);
  });

  await db.schema.createTable('patient_phones', (t) => {
    t.text('patient_id').notNullable().references('id').inTable('patients');
    t.integer('position').notNullable();
    t.text('label').notNullable();
    t.text('number').notNullable(); // as typed
    t.text('digits').notNullable(); // for duplicate checks
    t.primary(['patient_id', 'position']);
    t.index(['digits']);
  });

  // Type-ahead search. Columns hold folded words (see shared/text/fold.ts); `phone`
  // holds every suffix of each number so a prefix query finds any run of digits.
  // Prefix indexes make 2-, 3- and 4-letter type-ahead cheap. Rowids follow name
  // order (main/patients/search-index.ts), so the first matches by name are read
  // without sorting every match. `status` ("active" / "archived") is stored, not
  // indexed: it is checked on the few rows a search reads, which costs less than
  // intersecting with a word nearly every row has.
  await db.raw(`
    CREATE VIRTUAL TABLE patient_search USING fts5(
      last, given, phone, dob,
      status UNINDEXED, patient_id UNINDEXED, sort_key UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3 4'
    )
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE patient_search');
  await db.schema.dropTable('patient_phones');
  await db.schema.dropTable('patients');
}
