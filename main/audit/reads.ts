import type { Knex } from 'knex';
import type { Result } from '../../shared/contract/result';
import { appendAudit } from './log';

/**
 * Reading a record leaves a trace too (issue 8: every view of a patient's record, every
 * print and preview of a signed document). Written after the read succeeds; a failed
 * read showed nothing, so it has nothing to record.
 */
export function auditReads(db: Knex, newId: () => string, now: () => Date) {
  return <I, O>(action: string, target: (input: I, value: O) => { entity: string; entityId: string; detail?: Record<string, unknown> }, handler: (input: I) => Promise<Result<O>>) =>
    async (input: I): Promise<Result<O>> => {
      const result = await handler(input);
      if (result.ok) await db.transaction((trx) => appendAudit(trx, newId, { at: now().toISOString(), action, ...target(input, result.value) }));
      return result;
    };
}
