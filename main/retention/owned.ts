import type { Knex } from 'knex';
import { draftKey as intakeDraftKey } from '../intake/service';

/**
 * The tables whose rows belong to a patient, read from the schema's foreign keys, in the
 * order they can be deleted (a row before the rows it points at). A purge that named its
 * tables went stale as features were added: visits, health histories, goals and the rest
 * each point at the patient, and each made the purge fail on its foreign key. Read from
 * the schema, a table added later is purged with no list to remember.
 *
 * A table with a `patient_id` column is selected by it, with or without a foreign key; a
 * table without one (a check-in's answers, a visit's checklist ticks) through its foreign
 * keys to tables already owned.
 * A table's key to itself (a plan superseded by the next) needs nothing: SQLite checks
 * those at the end of the statement that deletes them all. SQLite-only, like
 * search-sqlite.ts: the server mode reads its own catalogue.
 */
export interface OwnedTable {
  table: string;
  /** Where the rows of these patients are: SQL with `?` bindings. */
  where(patientIds: string[]): [string, string[]];
  /** Its keys to other tables (the export reads a staff member or a room by name). */
  references: ForeignKey[];
}

export interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

export async function patientOwnedTables(db: Knex | Knex.Transaction): Promise<OwnedTable[]> {
  // Not the search index (virtual tables, kept by the patients service behind its SearchStore, which the purge asks to forget them).
  const names = ((await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")) as Array<{ name: string }>).map((r) => r.name);
  const keys = new Map<string, ForeignKey[]>();
  const columns = new Map<string, string[]>();
  for (const name of names) {
    keys.set(name, ((await db.raw(`PRAGMA foreign_key_list("${name}")`)) as ForeignKey[]).filter((k) => k.table !== name));
    columns.set(name, ((await db.raw(`PRAGMA table_info("${name}")`)) as Array<{ name: string }>).map((c) => c.name));
  }

  const where = new Map<string, OwnedTable['where']>([['patients', (ids) => [`id IN (${marks(ids)})`, ids]]]);
  const order: string[] = [];
  // Depth first from the patient: each table is placed after every table that points at it.
  const visit = (parent: string) => {
    for (const name of names) {
      const up = keys.get(name)!.filter((k) => k.table === parent);
      if (up.length === 0 || where.has(name)) continue;
      where.set(name, columns.get(name)!.includes('patient_id') ? (ids) => [`patient_id IN (${marks(ids)})`, ids] : through(keys.get(name)!, where));
      visit(name);
      order.push(name);
    }
  };
  visit('patients');
  // A patient_id with no key to follow (a total kept by triggers, say) is theirs all the
  // same; nothing points at such a table, so it can go first.
  const loose = names.filter((name) => name !== 'patients' && !where.has(name) && columns.get(name)!.includes('patient_id'));
  for (const name of loose) where.set(name, (ids) => [`patient_id IN (${marks(ids)})`, ids]);
  return [...loose, ...order, 'patients'].map((table) => ({ table, where: where.get(table)!, references: keys.get(table)! }));
}

/**
 * A patient's data kept in app_state, where no foreign key leads: the health history
 * typed and not yet submitted. A feature that keeps a patient's words there adds its key.
 */
export const patientStateKeys = (patientId: string): string[] => [intakeDraftKey(patientId)];

const marks = (ids: string[]) => ids.map(() => '?').join(', ');

/** Rows that point at owned rows, through whichever of these keys lead to an owned table. */
function through(keys: ForeignKey[], where: Map<string, OwnedTable['where']>): OwnedTable['where'] {
  return (ids) => {
    const parts = keys.filter((k) => where.has(k.table)).map((k) => {
      const [sql, bindings] = where.get(k.table)!(ids);
      return [`"${k.from}" IN (SELECT "${k.to}" FROM "${k.table}" WHERE ${sql})`, bindings] as const;
    });
    return [parts.map(([sql]) => sql).join(' OR '), parts.flatMap(([, b]) => b)];
  };
}
