import { hash } from 'node:crypto';

/**
 * The audit trail is a hash chain: each row stores the SHA-256 of the row before it
 * (its link) and of itself. A row changed, removed or slipped in with SQL, past the
 * triggers, no longer fits, and the verification names the first row that does not.
 * Unkeyed, so it shows tampering by anyone who does not also recompute every later
 * hash; the start-up checkpoint (the last verified hash, kept apart) narrows even that.
 */

export const genesisHash = '0'.repeat(64);

/** The columns the hash covers: everything but the hashes themselves. */
export type ChainedFields = {
  seq: number;
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
};

export function rowHash(prevHash: string, row: ChainedFields): string {
  // A JSON array, not a join: no separator inside a value can make two rows hash alike.
  const content = JSON.stringify([row.seq, row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail]);
  // The one-shot hash: a verification runs it once per row, 100,000 times and more.
  return hash('sha256', `${prevHash}\n${content}`, 'hex');
}

/** Rows to insert in one batch after `last` (null: an empty trail), with their positions and links. */
export function chainRows(last: { seq: number; hash: string } | null, rows: ReadonlyArray<Omit<ChainedFields, 'seq'>>): Array<ChainedFields & { prev_hash: string; hash: string }> {
  let prev = last ?? { seq: 0, hash: genesisHash };
  return rows.map((r) => {
    const row = { ...r, seq: prev.seq + 1 };
    const hash = rowHash(prev.hash, row);
    const out = { ...row, prev_hash: prev.hash, hash };
    prev = { seq: row.seq, hash };
    return out;
  });
}
