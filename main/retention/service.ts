import type { Knex } from 'knex';
import { defaultRetentionYears, retentionYearsSchema, type PurgeCandidate } from '../../shared/contract/export';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import type { DocumentStore } from '../consent/documents';
import type { KeyValueStore } from '../settings/service';
import { say } from '../../shared/messages';
import { referencedDocuments } from '../backup/documents';
import { patientOwnedTables, patientStateKeys } from './owned';
import { chunks } from '../db/chunks';
import { sqliteSearch, type SearchStore } from '../patients/search-sqlite';

export interface RetentionDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  documents: DocumentStore;
  /** The settings file, seen through the journal: the period is a clinic setting, not patient data. */
  store: KeyValueStore;
  /** Settings changes and their audit entry, both or neither (main/settings/journal.ts). */
  journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>;
  /** The patient search index, which the purge empties of these patients too. */
  search?: SearchStore;
}

/**
 * Records are kept for the period the clinic's college sets after a record is archived
 * (issue 10.6). An admin may then purge them: first a list of exactly what would go,
 * then the purge of that list, refused if the list changed in between. The audit entry
 * says how many, never who: the point of a purge is that the details are gone.
 */
export function createRetentionService({ db, now, newId, documents, store, journaled, search = sqliteSearch }: RetentionDeps) {
  function years(): number {
    const stored = retentionYearsSchema.safeParse(store.get('retentionYears'));
    return stored.success ? stored.data : defaultRetentionYears;
  }

  /** Archived on or before this instant: past the period. Calendar years, from today in UTC. */
  function cutoff(): string {
    const d = now();
    d.setUTCFullYear(d.getUTCFullYear() - years());
    return d.toISOString();
  }

  async function candidates(q: Knex | Knex.Transaction, before: string): Promise<PurgeCandidate[]> {
    const rows = (await q('patients as p')
      .whereNotNull('p.archived_at')
      .where('p.archived_at', '<=', before)
      .select('p.id', 'p.first_name', 'p.last_name', 'p.date_of_birth', 'p.archived_at')
      .select(q.raw('(SELECT COUNT(*) FROM consents c WHERE c.patient_id = p.id) AS consents'))
      .orderBy([{ column: 'p.last_name' }, { column: 'p.first_name' }, { column: 'p.id' }])) as Array<{
      id: string; first_name: string; last_name: string; date_of_birth: string; archived_at: string; consents: number;
    }>;
    const files = await filesOf(q, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, firstName: r.first_name, lastName: r.last_name, dateOfBirth: r.date_of_birth, archivedAt: r.archived_at,
      consents: Number(r.consents), documents: files.filter((f) => f.patientId === r.id).length,
    }));
  }

  /** The stored files of these patients: signed consents, screening records, alliance summaries. */
  async function filesOf(q: Knex | Knex.Transaction, patientIds: string[]) {
    return patientIds.length === 0 ? [] : referencedDocuments(q, patientIds);
  }

  async function preview() {
    const before = cutoff();
    return ok({ years: years(), cutoff: before, patients: await candidates(db, before) });
  }

  /**
   * Rows first, in one transaction with the audit entry; then the files, which nothing
   * names any more. A crash between the two leaves files without a row, which the
   * start-up sweep moves to quarantine (issue 10.3), never a row without its file.
   */
  async function purge({ patientIds }: { patientIds: string[] }): Promise<Result<{ removed: number; documents: number }>> {
    const files = await db.transaction(async (trx) => {
      const listed = (await candidates(trx, cutoff())).map((c) => c.id);
      const asked = [...new Set(patientIds)];
      if (asked.length !== patientIds.length || asked.some((id) => !listed.includes(id))) return null;
      const toRemove = await filesOf(trx, asked);
      // Everything of theirs: every row that points at them, from the schema; the search index has no key to follow.
      const owned = await patientOwnedTables(trx);
      for (const chunk of chunks(asked, 500)) {
        await search.remove(trx, chunk);
        await trx('app_state').whereIn('key', chunk.flatMap(patientStateKeys)).delete();
        for (const { table, where } of owned) await trx(table).whereRaw(...where(chunk)).delete();
      }
      await appendAudit(trx, newId, {
        at: now().toISOString(),
        action: 'patients.purged',
        entity: 'retention',
        entityId: '',
        // How many and under which rule; never who.
        detail: { patients: asked.length, documents: toRemove.length, retentionYears: years() },
      });
      return toRemove;
    });
    if (!files) {
      return err('conflict', say('retention.changed'));
    }
    await Promise.all(files.map((f) => documents.remove(f.file)));
    return ok({ removed: patientIds.length, documents: files.length });
  }

  return {
    years,
    preview,
    purge,
    get: async () => ok({ years: years() }),
    set: ({ years: next }: { years: number }) =>
      journaled('settings.retention_changed', async () => {
        store.set('retentionYears', next);
        return ok({ years: next });
      }),
  };
}
