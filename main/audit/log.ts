import type { Knex } from 'knex';
import { currentActor } from './actor';
import { genesisHash, rowHash } from './chain';

export interface AuditEntry {
  at: string;
  action: string;
  entity: string;
  entityId: string;
  /** Names of what changed, never the clinical values themselves. */
  detail?: Record<string, unknown>;
  /** Who did it; by default the signed-in person making the current call. */
  actor?: string | null;
}

/**
 * Appends to the audit log inside the caller's transaction, so the change and its trace
 * land together. The row is linked to the last one by hash (main/audit/chain.ts); the
 * link is read inside the same transaction, so two appends cannot fork the chain (and
 * `seq` is the primary key: a second writer with the same position fails, not forks).
 */
export async function appendAudit(trx: Knex.Transaction, newId: () => string, entry: AuditEntry): Promise<void> {
  const last = (await trx('audit_events').orderBy('seq', 'desc').first('seq', 'hash')) as { seq: number; hash: string | null } | undefined;
  const prevHash = last ? (last.hash ?? '') : genesisHash;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: entry.at,
    actor: entry.actor === undefined ? currentActor() : entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  await trx('audit_events').insert({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) });
}
