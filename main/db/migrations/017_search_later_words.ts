import type { Knex } from 'knex';
import { laterWords } from '../../patients/search-index';

/**
 * Patient search, one name word typed (main/patients/search-sqlite.ts, byName): the last
 * names whose later word matches ("Cruz Reyes" for "re", "de la Cruz" for "delacruz")
 * were found in patient_search as "a word of the last name, but not the first", and FTS5
 * keeps one list per word for every column, so two letters walked every last and given
 * name with a word starting with them. Those later words now have a table of their own,
 * holding only multi-word last names (about one patient in ten), at the patient's
 * search_rowid; it is filled here from every patient's last name as the service writes
 * it (laterWords). And the given names matching a word are put in name order through an
 * index of patients (search_rowid, sort_key, id) instead of patient_search's own rows,
 * which hold every word of a patient. Measured at 100,000 patients (CPU, best of five):
 * the later-word walk 0.18 → 0.10 ms at the median, 0.38 → 0.21 at p95; the given names
 * of a two-to-four-letter prefix 1.82 → 1.14 ms at p95 (README, "Patient search").
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE VIRTUAL TABLE patient_search_later USING fts5(
      later, status, patient_id UNINDEXED, sort_key UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3 4'
    )
  `);
  await db.raw('CREATE INDEX patients_search_order ON patients (search_rowid, sort_key, id)');
  const patients = (await db('patients').select('id', 'last_name', 'sort_key', 'archived_at', 'search_rowid')) as Array<{
    id: string;
    last_name: string;
    sort_key: string;
    archived_at: string | null;
    search_rowid: number;
  }>;
  const rows = patients
    .map((p) => ({ rowid: p.search_rowid, later: laterWords(p.last_name), status: p.archived_at === null ? 'active' : 'archived', patient_id: p.id, sort_key: p.sort_key }))
    .filter((r) => r.later !== '');
  for (let i = 0; i < rows.length; i += 200) await db('patient_search_later').insert(rows.slice(i, i + 200));
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX patients_search_order');
  await db.raw('DROP TABLE patient_search_later');
}
