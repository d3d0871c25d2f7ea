import type { Knex } from 'knex';
import { ok, type Result } from '../../shared/contract/result';
import type { ParsedInput } from '../../shared/contract';
import type { AuditEntryView, AuditFilter, ChainReportView } from '../../shared/contract/audit';
import { dayIn } from '../../shared/time';
import { appendAudit } from './log';
import { verifyChain, type ChainReport } from './verify';
import type { ChainedFields } from './chain';

export interface AuditDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  timeZone: () => string;
}

/** An audit row as the trail screen reads it: the chained columns (less the id) and who the actor is. */
type Row = Omit<ChainedFields, 'id'> & { actor_name: string | null };

const dayMs = 86_400_000;

/** A spreadsheet must not run a cell as a formula: one starting with = + - @ is kept as text. */
function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Reading the trail: filtered lists, CSV export, and the chain's verification. Who
 * is not an admin sees only their own entries: the filter is applied here, in main.
 */
export function createAuditService({ db, now, newId, timeZone }: AuditDeps) {
  let startup: ChainReportView | null = null;

  function query(filter: AuditFilter, viewer: { id: string; admin: boolean }) {
    const q = db('audit_events as a').leftJoin('staff as s', 's.id', 'a.actor');
    if (!viewer.admin) q.where('a.actor', viewer.id);
    if (filter.staffId) q.where('a.actor', filter.staffId);
    if (filter.patientId) q.where({ 'a.entity': 'patient', 'a.entity_id': filter.patientId });
    if (filter.action) q.where('a.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`, );
    // Days are the clinic's: widen by a day in SQL (an index range), then cut exactly below.
    if (filter.from) q.where('a.at', '>=', new Date(Date.parse(filter.from) - dayMs).toISOString());
    if (filter.to) q.where('a.at', '<', new Date(Date.parse(filter.to) + 2 * dayMs).toISOString());
    return q.select('a.seq', 'a.at', 'a.actor', 'a.action', 'a.entity', 'a.entity_id', 'a.detail', 's.name as actor_name');
  }
  const inDays = (filter: AuditFilter) => (row: Row) => {
    const day = dayIn(timeZone(), row.at);
    return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
  };
  const view = (r: Row): AuditEntryView => ({ seq: r.seq, at: r.at, actorId: r.actor, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail });

  const report = (r: ChainReport): ChainReportView => ({ ok: r.ok, checked: r.checked, checkedAt: now().toISOString(), firstBroken: r.firstBroken });

  async function checkpoint(): Promise<{ seq: number; hash: string } | null> {
    const row = await db('app_state').where({ key: 'audit_checkpoint' }).first('value');
    return row ? (JSON.parse(row.value) as { seq: number; hash: string }) : null;
  }
  async function saveCheckpoint(last: { seq: number; hash: string } | null) {
    if (!last) return;
    await db('app_state').insert({ key: 'audit_checkpoint', value: JSON.stringify(last), updated_at: now().toISOString() }).onConflict('key').merge();
  }
  async function record(r: ChainReport): Promise<ChainReportView> {
    if (r.ok) await saveCheckpoint(r.last);
    else {
      const broken = r.firstBroken!;
      await db.transaction((trx) =>
        appendAudit(trx, newId, { at: now().toISOString(), action: 'audit.chain_broken', entity: 'audit', entityId: String(broken.seq), detail: { problem: broken.problem }, actor: null }),
      );
    }
    return report(r);
  }

  return {
    async list(input: ParsedInput<'audit.list'>, viewer: { id: string; admin: boolean }): Promise<Result<{ entries: AuditEntryView[]; mineOnly: boolean }>> {
      const q = query(input, viewer).orderBy('a.seq', 'desc');
      if (input.beforeSeq !== undefined) q.where('a.seq', '<', input.beforeSeq);
      // Read a little more than asked, since the exact day cut happens after the query.
      const rows = ((await q.limit(input.limit * 2 + 50)) as Row[]).filter(inDays(input)).slice(0, input.limit);
      return ok({ entries: rows.map(view), mineOnly: !viewer.admin });
    },
    async exportCsv(input: AuditFilter, viewer: { id: string; admin: boolean }): Promise<Result<{ csv: string; fileName: string; rows: number }>> {
      const rows = ((await query(input, viewer).orderBy('a.seq')) as Row[]).filter(inDays(input));
      const lines = ['seq,time_utc,actor_id,actor,action,entity,entity_id,detail'];
      for (const r of rows) lines.push([r.seq, r.at, r.actor, r.actor_name, r.action, r.entity, r.entity_id, r.detail].map(csvCell).join(','));
      const stamp = dayIn(timeZone(), now());
      return ok({ csv: `${lines.join('\r\n')}\r\n`, fileName: `rapport-audit-${stamp}.csv`, rows: rows.length });
    },
    /** At start-up: only the rows since the last good check, from its saved hash. */
    async checkAtStartup(): Promise<ChainReportView> {
      startup = await record(await verifyChain(db, await checkpoint()));
      return startup;
    },
    status: async (): Promise<Result<{ startup: ChainReportView | null }>> => ok({ startup }),
    async verify(): Promise<Result<{ full: ChainReportView; startup: ChainReportView | null }>> {
      return ok({ full: await record(await verifyChain(db, null)), startup });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
