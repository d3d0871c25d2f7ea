import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../files/atomic';
import { privateFileMode, privateFolderMode } from '../files/private';
import type { DataPaths } from '../app/paths';
import { copySynced, sha256File } from './files';
import { manifestBytes, manifestName, type Manifest } from './manifest';
import { openReadOnly, snapshotInto } from './sqlite';
import { referencedDocuments, type DocumentRef } from './documents';
import { verifyBackup, type BackupProgress } from './verify';
import { backupFolderName } from './rotation';

export const settingsName = 'settings.json';
/** A backup being written; never counted, and removed by the next run if a crash left it. */
export const partialPrefix = '.partial-';

export interface CreateBackupInput {
  paths: DataPaths;
  /** Where the clinic keeps its backups. */
  folder: string;
  /** The clinic's settings (profile, consent rules, PIN hash), without the backup's own state. */
  settings: Record<string, unknown>;
  appVersion: string;
  now: Date;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * Writes one backup whole or not at all: everything goes into a partial folder, each
 * file flushed, checked as a restore would check it, then renamed to its final name and
 * the folder synced. A crash, a full stick or a failed check leaves no backup that
 * looks good and is not.
 */
export async function createBackup(input: CreateBackupInput): Promise<{ name: string; dir: string; manifest: Manifest }> {
  const { paths, folder, now, onProgress = () => {} } = input;
  const name = backupFolderName(now);
  const partial = path.join(folder, `${partialPrefix}${name}`);
  await removePartials(folder);
  // One level at a time: a recursive mkdir on a read-only drive reports ENOENT, not EROFS.
  // Health records: the backup is for the account that runs Rapport alone, as the data folder is.
  await mkdir(partial, { mode: privateFolderMode });
  await mkdir(path.join(partial, 'documents'), { mode: privateFolderMode });
  await mkdir(path.join(partial, 'assets'), { mode: privateFolderMode });
  try {
    onProgress({ phase: 'database', fraction: 0 });
    const dbCopy = path.join(partial, 'rapport.sqlite3');
    await snapshotInto(paths.database, dbCopy);
    await chmod(dbCopy, privateFileMode); // SQLite creates it with the umask's mode
    const { refs, counts } = await contentsOf(dbCopy);
    const files: Manifest['files'] = [{ path: 'rapport.sqlite3', bytes: (await stat(dbCopy)).size, sha256: await sha256File(dbCopy) }];

    // Documents are written before the row that names them and never rewritten, so every
    // file the snapshot's rows name is already whole in the live folder.
    for (const [i, ref] of refs.entries()) {
      onProgress({ phase: 'documents', fraction: 0.3 + (0.3 * i) / Math.max(1, refs.length) });
      const to = path.join(partial, 'documents', path.basename(ref.file));
      await copySynced(path.join(paths.documents, path.basename(ref.file)), to);
      files.push({ path: `documents/${path.basename(ref.file)}`, bytes: (await stat(to)).size, sha256: ref.sha256 });
    }
    for (const asset of await readdir(paths.assets).catch(() => [] as string[])) {
      if (asset.startsWith('.')) continue; // a logo write in progress
      const to = path.join(partial, 'assets', asset);
      await copySynced(path.join(paths.assets, asset), to);
      files.push({ path: `assets/${asset}`, bytes: (await stat(to)).size, sha256: await sha256File(to) });
    }
    const settingsBytes = Buffer.from(JSON.stringify(input.settings, null, 1));
    await writeFile(path.join(partial, settingsName), settingsBytes, { flush: true, mode: privateFileMode });
    files.push({ path: settingsName, bytes: settingsBytes.length, sha256: await sha256File(path.join(partial, settingsName)) });

    const manifest: Manifest = { format: 1, appVersion: input.appVersion, createdAt: now.toISOString(), counts, files };
    await writeFile(path.join(partial, manifestName), manifestBytes(manifest), { flush: true, mode: privateFileMode });
    for (const dir of ['documents', 'assets', '.']) await syncFolder(path.join(partial, dir));

    // Checked as a restore would check it: a backup counts only once it could be restored.
    const verified = await verifyBackup(partial, (p) => onProgress({ phase: 'verifying', fraction: 0.6 + 0.35 * p.fraction }));
    if (!verified.ok) throw new BackupRefused(verified.reason);

    onProgress({ phase: 'finishing', fraction: 0.97 });
    const dir = path.join(folder, name);
    await rename(partial, dir);
    await syncFolder(folder);
    return { name, dir, manifest };
  } catch (e) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** What the copy's rows name and hold: the documents to copy, and the counts the restore screen shows. */
async function contentsOf(dbCopy: string): Promise<{ refs: DocumentRef[]; counts: Manifest['counts'] }> {
  const db = openReadOnly(dbCopy);
  try {
    const refs = await referencedDocuments(db);
    const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);
    return { refs, counts: { patients: await count('patients'), consents: await count('consents'), documents: refs.length } };
  } finally {
    await db.destroy();
  }
}

/** A backup that was written but did not pass its own check. */
export class BackupRefused extends Error {}

async function removePartials(folder: string): Promise<void> {
  for (const entry of await readdir(folder)) {
    if (entry.startsWith(partialPrefix)) await rm(path.join(folder, entry), { recursive: true, force: true });
  }
}
