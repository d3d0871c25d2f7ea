import type { Knex } from 'knex';
import { genesisHash, rowHash, type ChainedFields } from './chain';

export type ChainProblem =
  /** The row's content no longer gives its stored hash: it was changed. */
  | 'altered'
  /** A position in the sequence is empty: a row was removed. */
  | 'missing'
  /** The row does not point at the row before it: slipped in, or its predecessor replaced. */
  | 'unlinked';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The last row that verified: where the next check may start. */
  last: { seq: number; hash: string } | null;
  firstBroken: { seq: number; id: string | null; problem: ChainProblem } | null;
}

const page = 20_000;

/**
 * Walks the chain in order from `from` (a checkpoint already verified, or the start)
 * and stops at the first row that does not fit. Reads by pages of primary-key ranges,
 * so a trail of millions of rows never sits in memory at once.
 */
export async function verifyChain(db: Knex, from: { seq: number; hash: string } | null = null): Promise<ChainReport> {
  let prev = from ?? { seq: 0, hash: genesisHash };
  let checked = 0;
  const broken = (seq: number, id: string | null, problem: ChainProblem): ChainReport => ({
    ok: false,
    checked,
    last: prev.seq === 0 ? null : prev,
    firstBroken: { seq, id, problem },
  });
  if (from) {
    // The checkpoint row itself must still be there, unchanged: a trail cut back to
    // before it (its tail deleted) would otherwise verify.
    const anchor = (await db('audit_events').where({ seq: from.seq }).first('id', 'hash')) as { id: string; hash: string | null } | undefined;
    if (!anchor) return broken(from.seq, null, 'missing');
    if (anchor.hash !== from.hash) return broken(from.seq, anchor.id, 'altered');
  }
  for (;;) {
    const rows = (await db('audit_events')
      .where('seq', '>', prev.seq)
      .orderBy('seq')
      .limit(page)
      .select('seq', 'id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash')) as Array<ChainedFields & { prev_hash: string | null; hash: string | null }>;
    for (const row of rows) {
      if (row.seq !== prev.seq + 1) return broken(prev.seq + 1, null, 'missing');
      if (row.prev_hash !== prev.hash) return broken(row.seq, row.id, 'unlinked');
      if (row.hash !== rowHash(prev.hash, row)) return broken(row.seq, row.id, 'altered');
      prev = { seq: row.seq, hash: row.hash };
      checked += 1;
    }
    if (rows.length < page) break;
  }
  return { ok: true, checked, last: prev.seq === 0 ? null : prev, firstBroken: null };
}
