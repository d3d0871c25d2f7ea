import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { referencedDocuments } from '../backup/documents';
import { privateFolderMode } from '../files/private';

export const quarantineFolder = 'quarantine';

/**
 * A kill between a document's write and its row's commit leaves a signed PDF, a
 * signature or a half-written temporary file that no record accounts for. At start-up,
 * before anything writes, such files are moved (never deleted: they may be the only copy
 * of something) into quarantine/<time>/ beside the data, and only their number is logged.
 */
export async function sweepOrphans(db: Knex, documentsDir: string, root: string, now: Date): Promise<{ moved: number; folder: string | null }> {
  const known = new Set((await referencedDocuments(db)).map((r) => path.basename(r.file)));
  const entries = await readdir(documentsDir, { withFileTypes: true }).catch(() => []);
  const orphans = entries.filter((e) => e.isFile() && !known.has(e.name)).map((e) => e.name);
  if (orphans.length === 0) return { moved: 0, folder: null };
  const folder = path.join(root, quarantineFolder, now.toISOString().replace(/[-:.]/g, ''));
  await mkdir(folder, { recursive: true, mode: privateFolderMode });
  for (const name of orphans) {
    // The same name again in quarantine (a second sweep in one millisecond) keeps both.
    const taken = await stat(path.join(folder, name)).then(() => true, () => false);
    await rename(path.join(documentsDir, name), path.join(folder, taken ? `${name}.${Date.now()}` : name));
  }
  return { moved: orphans.length, folder };
}
