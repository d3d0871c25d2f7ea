import type { Knex } from 'knex';
import { searchDocument } from '../../patients/search-index';

/**
 * Patient search becomes a plain FTS5 index (issue 6.1). Until now the rowids of
 * patient_search followed name order through a code of each name, so that a search
 * read only the rows it showed; a name whose block of rowids was full could not be
 * saved. Now a search sorts its matches by sort_key, which measured within the targets
 * at 100,000 patients (`npm run bench`), and rowids are plain numbers 1, 2, 3….
 *
 * The index is derived data, so it is rebuilt from the patients and their phones with
 * today's searchDocument (which also indexes names with particles joined from each
 * word on: "de la Cruz" → "lacruz"). Coded rowids reached 2^53, past what JavaScript
 * numbers hold exactly, so patients.search_rowid is renumbered first.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('DROP TABLE patient_search');
  await db.raw(`
    CREATE VIRTUAL TABLE patient_search USING fts5(
      last, given, phone, dob,
      status, patient_id UNINDEXED, sort_key UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3 4'
    )
  `);
  // Negative first, so the unique index never sees two rows with one number.
  await db.raw(`UPDATE patients SET search_rowid = -o.n
                  FROM (SELECT id, row_number() OVER (ORDER BY sort_key, id) AS n FROM patients) AS o
                 WHERE o.id = patients.id`);
  await db.raw('UPDATE patients SET search_rowid = -search_rowid');

  const patients = (await db('patients').select('id', 'first_name', 'last_name', 'preferred_name', 'date_of_birth', 'archived_at', 'search_rowid')) as Array<{
    id: string;
    first_name: string;
    last_name: string;
    preferred_name: string;
    date_of_birth: string;
    archived_at: string | null;
    search_rowid: number;
  }>;
  const phones = (await db('patient_phones').select('patient_id', 'number').orderBy('position')) as Array<{ patient_id: string; number: string }>;
  const numbersOf = new Map<string, Array<{ number: string }>>();
  for (const ph of phones) (numbersOf.get(ph.patient_id) ?? numbersOf.set(ph.patient_id, []).get(ph.patient_id)!).push({ number: ph.number });
  const rows = patients.map((p) => ({
    rowid: p.search_rowid,
    ...searchDocument({
      firstName: p.first_name,
      lastName: p.last_name,
      preferredName: p.preferred_name,
      dateOfBirth: p.date_of_birth,
      phones: numbersOf.get(p.id) ?? [],
      archived: p.archived_at !== null,
    }),
    patient_id: p.id,
  }));
  for (let i = 0; i < rows.length; i += 200) await db('patient_search').insert(rows.slice(i, i + 200));
}

export async function down(): Promise<void> {
  throw new Error('005_plain_search cannot be undone: the coded rowids are not kept');
}
