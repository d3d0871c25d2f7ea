import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from './pdf/hash';

/**
 * The documents folder: signed PDFs, signature images and scans, named by record id
 * (never by patient name), each checked against the SHA-256 the database keeps.
 */

export { sha256 };

/**
 * The rename itself must reach the disk before the database says the file exists:
 * after a power cut the row would survive (synchronous=FULL) and the file not. Windows
 * cannot open a folder for syncing, and NTFS journals the rename anyway.
 */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export function documentStore(dir: string) {
  const file = (name: string) => path.join(dir, path.basename(name));

  /** Written beside, synced, then renamed: a power cut leaves the old file or the new one, never half of one. */
  async function write(name: string, bytes: Buffer): Promise<string> {
    await mkdir(dir, { recursive: true });
    const final = file(name);
    const partial = `${final}.partial`;
    const handle = await open(partial, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, final);
    await syncFolder(dir);
    return final;
  }

  /** The bytes, if they are still the ones whose hash was recorded. */
  async function readVerified(name: string, expected: string): Promise<{ ok: true; bytes: Buffer; path: string } | { ok: false; reason: 'missing' | 'changed' }> {
    const bytes = await readFile(file(name)).catch(() => null);
    if (!bytes) return { ok: false, reason: 'missing' };
    return sha256(bytes) === expected ? { ok: true, bytes, path: file(name) } : { ok: false, reason: 'changed' };
  }

  return { dir, path: file, write, readVerified, remove: (name: string) => rm(file(name), { force: true }) };
}
export type DocumentStore = ReturnType<typeof documentStore>;
