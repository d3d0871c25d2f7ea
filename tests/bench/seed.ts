import type { Knex } from 'knex';
import { patientColumns, phoneRows, searchRow, type PatientInput } from '../../main/patients/service';
import { chainRows } from '../../main/audit/chain';

/**
 * Seeds patients fast for the benchmark: the same row builders the service uses
 * (patientColumns, phoneRows, searchRow), written in large batches inside a few
 * transactions instead of one transaction per patient. Each patient also gets the
 * "patient.created" audit event the service would write, so the tables have the
 * shape and size they would have in a clinic. Search rowids follow on from the highest
 * in use, as the service numbers them.
 */
export async function seedPatients(
  db: Knex,
  patients: readonly PatientInput[],
  options: {
    newId: () => string;
    /** created_at / updated_at of the i-th patient. */
    at: (i: number) => string;
    /** Archive reason of the i-th patient, or null to keep it active. */
    archived?: (i: number) => string | null;
    batch?: number;
  },
): Promise<string[]> {
  const batch = options.batch ?? 5000;
  const ids: string[] = [];
  const [{ top }] = (await db('patients').max({ top: 'search_rowid' })) as Array<{ top: number | null }>;
  let rowid = top ?? 0;
  for (let start = 0; start < patients.length; start += batch) {
    const slice = patients.slice(start, start + batch);
    const patientRows: Record<string, unknown>[] = [];
    const searchRows: Record<string, unknown>[] = [];
    const phones: Record<string, unknown>[] = [];
    const audit: Array<{ id: string; at: string; actor: null; action: string; entity: string; entity_id: string; detail: string }> = [];
    slice.forEach((p, k) => {
      const id = options.newId();
      const at = options.at(start + k);
      const reason = options.archived?.(start + k) ?? null;
      const doc = searchRow(p, id, reason !== null);
      rowid++;
      ids.push(id);
      searchRows.push({ rowid, ...doc });
      patientRows.push({
        id,
        ...patientColumns(p),
        search_rowid: rowid,
        created_at: at,
        updated_at: at,
        archived_at: reason === null ? null : at,
        archive_reason: reason ?? '',
      });
      phones.push(...phoneRows(id, p.phones).map((row) => ({ ...row })));
      audit.push({ id: options.newId(), at, actor: null, action: 'patient.created', entity: 'patient', entity_id: id, detail: '{}' });
    });
    await db.transaction(async (trx) => {
      await insertRows(trx, 'patient_search', searchRows);
      await insertRows(trx, 'patients', patientRows);
      await insertRows(trx, 'patient_phones', phones);
      // Linked into the audit chain like the service's own entries, so the trail still verifies.
      const last = (await trx('audit_events').orderBy('seq', 'desc').first('seq', 'hash')) as { seq: number; hash: string } | undefined;
      await insertRows(trx, 'audit_events', chainRows(last ?? null, audit));
    });
  }
  return ids;
}

/**
 * Multi-row INSERT … VALUES, in chunks under SQLite's limit of 32,766 bound
 * parameters. (knex's batchInsert writes SELECT … UNION ALL for SQLite, which stops
 * at 500 terms and builds slowly.)
 */
async function insertRows(trx: Knex.Transaction, table: string, rows: ReadonlyArray<Record<string, unknown>>) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perChunk = Math.floor(32_000 / columns.length);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values: unknown[] = [];
    for (const row of chunk) for (const c of columns) values.push(row[c]);
    await trx.raw(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`,
      values as Knex.RawBinding[],
    );
  }
}
