import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { privateFileMode, privateFolderMode } from './private';

/**
 * Writes a file so that it is there whole or not at all: a temporary name beside it,
 * flushed to disk, renamed into place, then the folder synced so the rename itself
 * survives a power cut (clinics lose power; the database runs synchronous=FULL and
 * must not name a file the disk lost). A failed write leaves no partial file behind.
 */
export async function writeAtomically(dir: string, name: string, bytes: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true, mode: privateFolderMode });
  const final = path.join(dir, path.basename(name));
  const temporary = path.join(dir, `.${path.basename(name)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx', flush: true, mode: privateFileMode });
    await rename(temporary, final);
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
  return final;
}

/** Windows cannot open a folder for syncing, and NTFS journals the rename anyway. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
