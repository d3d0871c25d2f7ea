import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../pdf/hash';
import { writeAtomically } from '../files/atomic';

/**
 * The documents folder: signed PDFs, signature images and scans, named by record id
 * (never by patient name), each checked against the SHA-256 the database keeps.
 */

export function documentStore(dir: string) {
  const file = (name: string) => path.join(dir, path.basename(name));

  /**
   * Whole or not at all (see writeAtomically): a power cut leaves the old file or the new one.
   * A documents folder gone while Rapport runs (moved, deleted) is not made anew: that would
   * hide the loss of every signed form in it. The ENOENT says so (main/ipc/faults.ts).
   */
  const write = async (name: string, bytes: Buffer) => {
    await access(dir);
    return writeAtomically(dir, name, bytes);
  };

  /** The bytes, if they are still the ones whose hash was recorded. */
  async function readVerified(name: string, expected: string): Promise<{ ok: true; bytes: Buffer; path: string } | { ok: false; reason: 'missing' | 'changed' }> {
    const bytes = await readFile(file(name)).catch(() => null);
    if (!bytes) return { ok: false, reason: 'missing' };
    return sha256(bytes) === expected ? { ok: true, bytes, path: file(name) } : { ok: false, reason: 'changed' };
  }

  const exists = (name: string) => access(file(name)).then(() => true, () => false);

  return { dir, path: file, write, readVerified, exists, remove: (name: string) => rm(file(name), { force: true }) };
}
export type DocumentStore = ReturnType<typeof documentStore>;
