import type { Knex } from 'knex';

export interface AuditEntry {
  at: string;
  action: string;
  entity: string;
  entityId: string;
  /** Names of what changed, never the clinical values themselves. */
  detail?: Record<string, unknown>;
}

/** Appends to the audit log inside the caller's transaction, so the change and its trace land together. */
export async function appendAudit(trx: Knex.Transaction, newId: () => string, entry: AuditEntry): Promise<void> {
  await trx('audit_events').insert({
    id: newId(),
    at: entry.at,
    actor: null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}
