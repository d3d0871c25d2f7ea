import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { patientColumns, phoneRows, searchRow, type PatientInput } from '../../main/patients/service';
import { tableRows } from '../../main/patients/search-sqlite';
import { chainRows } from '../../main/audit/chain';
import { addDays, followUpsFor, type VisitFact } from '../../main/followups/rules';
import { readRules } from '../../main/followups/service';
import type { App } from '../../main/app/context';
import { dayIn } from '../../shared/time';
import { generatePatients } from '../../scripts/lib/people';
import { clinicDay, type ClinicDay } from '../support/clinic-day';

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
    const laterRows: Record<string, unknown>[] = [];
    const phones: Record<string, unknown>[] = [];
    const audit: Array<{ id: string; at: string; actor: null; action: string; entity: string; entity_id: string; detail: string }> = [];
    slice.forEach((p, k) => {
      const id = options.newId();
      const at = options.at(start + k);
      const reason = options.archived?.(start + k) ?? null;
      const { search, later } = tableRows(++rowid, searchRow(p, id, reason !== null));
      ids.push(id);
      searchRows.push(search);
      if (later) laterRows.push(later);
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
      await insertRows(trx, 'patient_search_later', laterRows);
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

/** Rows written in one transaction, in multi-row INSERTs. */
export const insertMany = (db: Knex, table: string, rows: ReadonlyArray<Record<string, unknown>>) => db.transaction((trx) => insertRows(trx, table, rows));

/** An appointments row of the clinic's massage type, every time of it at `at` (the benches read when a visit was, not how long). */
export function visitRow(c: ClinicDay, v: { id?: string; patientId: string; therapistId: string; roomId: string; at: string; status: string }) {
  const { at } = v;
  return { id: v.id ?? randomUUID(), patient_id: v.patientId, therapist_id: v.therapistId, room_id: v.roomId, type_id: c.massage.id, starts_at: at, ends_at: at, status: v.status, scheduled_at: at, created_at: at, updated_at: at };
}

/**
 * The clinic of the follow-up and dashboard benchmarks: `patients` patients, `visits`
 * visits over the two years up to `today` (one in 23 cancelled) and 3,000 booked over
 * the next 20 days, the follow-ups the rules make from them (each patient's visits go
 * through the pure rules module, main/followups/rules.ts, in memory; those due more than
 * three weeks ago mostly closed with an attempt each), and a privacy consent allowing
 * phone and e-mail for half the patients.
 */
export async function seedTwoYears(app: App, { patients, visits, today }: { patients: number; visits: number; today: string }) {
  let t = performance.now();
  const c = await clinicDay(app);
  const zone = app.services.settings.details().timeZone;
  const ids = await seedPatients(app.db, generatePatients(patients, 20200311), { newId: randomUUID, at: () => '2024-01-01T00:00:00.000Z' });
  const seededPatientsMs = performance.now() - t;

  // Two years of visits up to today, spread over the patients; a few booked ahead.
  t = performance.now();
  const start = Date.parse(`${addDays(today, -730)}T14:00:00Z`);
  const span = Date.parse(`${today}T14:00:00Z`) - start;
  const byPatient = new Map<string, VisitFact[]>();
  const visitRows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < visits; i++) {
    const patientId = ids[(i * 7919) % ids.length];
    const at = new Date(start + Math.floor((i / visits) * span) + (i % 8) * 3_600_000).toISOString();
    const status = i % 23 === 0 ? 'cancelled' : 'checked_out';
    const id = randomUUID();
    visitRows.push(visitRow(c, { id, patientId, therapistId: i % 2 ? c.amelie.id : c.aiko.id, roomId: i % 2 ? c.room1.id : c.room2.id, at, status }));
    const list = byPatient.get(patientId) ?? [];
    list.push({ id, day: dayIn(zone, at), status });
    byPatient.set(patientId, list);
  }
  for (let i = 0; i < 3000; i++) {
    const at = new Date(Date.parse(`${addDays(today, 1 + (i % 20))}T14:00:00Z`) + (i % 8) * 3_600_000).toISOString();
    visitRows.push(visitRow(c, { patientId: ids[(i * 104_729) % ids.length], therapistId: c.amelie.id, roomId: c.room1.id, at, status: 'booked' }));
  }
  await insertMany(app.db, 'appointments', visitRows);

  // The follow-ups the rules make, closed when long past (an attempt each), open when recent.
  const rules = await readRules(app.db);
  const followRows: Array<Record<string, unknown>> = [];
  const attemptRows: Array<Record<string, unknown>> = [];
  const recent = addDays(today, -21);
  let n = 0;
  for (const [patientId, list] of byPatient) {
    for (const w of followUpsFor({ visits: list, plans: [], rules })) {
      const id = randomUUID();
      const closed = w.dueDay < recent && n++ % 20 !== 0;
      followRows.push({
        id, patient_id: patientId, kind: w.kind, rule_id: w.ruleId, source_id: w.sourceId, source_visit_id: w.sourceVisitId, due_day: w.dueDay,
        status: closed ? 'done' : 'open', attempts: closed ? 1 : 0, outcome: closed ? 'reached' : null, channel: closed ? 'phone' : null, created_at: `${w.dueDay}T12:00:00.000Z`,
      });
      if (closed) attemptRows.push({ id: randomUUID(), follow_up_id: id, patient_id: patientId, channel: 'phone', outcome: 'reached', note: '', at: `${w.dueDay}T15:00:00.000Z` });
    }
  }
  await insertMany(app.db, 'follow_ups', followRows);
  await insertMany(app.db, 'contact_attempts', attemptRows);
  const privacy = (await app.db('consent_templates').where({ kind: 'privacy' }).first('id')) as { id: string };
  await insertMany(
    app.db,
    'consents',
    ids.filter((_, i) => i % 2 === 0).map((patientId) => ({
      id: randomUUID(), patient_id: patientId, template_id: privacy.id, kind: 'privacy', locale: 'en-CA', choices: '["phone","email"]', method: 'paper', signer_name: 'Patient',
      signed_at: '2024-06-01T15:00:00.000Z', explained_by: 'Desk', recorded_at: '2024-06-01T15:00:00.000Z', snapshot: '{}', pdf_sha256: 'x',
    })),
  );
  await app.db.raw('ANALYZE');
  return { c, ids, seededPatientsMs, seededMs: performance.now() - t, followUps: followRows.length, attempts: attemptRows.length };
}
