import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readManifest, type Manifest } from './manifest';
import { sha256File } from './files';
import { databaseProblems, openReadOnly, unknownMigrations } from './sqlite';
import { migrations } from '../db/migrations';
import { referencedDocuments } from './documents';
import type { BackupSummary } from '../../shared/contract/backup';
import { say } from '../../shared/messages';

export interface BackupProgress {
  phase: 'database' | 'documents' | 'verifying' | 'finishing';
  fraction: number;
}

export type Verified = { ok: true; manifest: Manifest; summary: Omit<BackupSummary, 'name'> } | { ok: false; reason: string };

/**
 * Checks a backup folder the same way before it counts and before it is restored:
 * the manifest's own checksum, every file's size and SHA-256, SQLite's integrity and
 * foreign-key checks on the copy, and every document the copy's rows name, against
 * the hash those rows keep. The reason is plain words for the screen, never a name.
 */
export async function verifyBackup(dir: string, onProgress: (p: { fraction: number }) => void = () => {}): Promise<Verified> {
  const manifest = await readManifest(dir);
  if (!manifest) return { ok: false, reason: say('backup.noManifest') };
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const total = manifest.files.reduce((n, f) => n + f.bytes, 0) || 1;
  let done = 0;
  for (const file of manifest.files) {
    const full = path.join(dir, ...file.path.split('/'));
    if (path.relative(dir, full).startsWith('..')) return { ok: false, reason: say('backup.badManifest') };
    const size = await stat(full).then((s) => s.size, () => null);
    if (size === null) return { ok: false, reason: say('backup.fileMissing', { kind: kindOf(file.path) }) };
    if (size !== file.bytes || (await sha256File(full)) !== file.sha256) return { ok: false, reason: say('backup.fileChanged', { kind: kindOf(file.path) }) };
    done += file.bytes;
    onProgress({ fraction: (0.9 * done) / total });
  }
  if (!listed.has('rapport.sqlite3')) return { ok: false, reason: say('backup.noDatabase') };

  const db = openReadOnly(path.join(dir, 'rapport.sqlite3'));
  try {
    const problems = await databaseProblems(db).catch((e: Error) => [e.message]);
    if (problems.length) return { ok: false, reason: say('backup.integrity') };
    // A backup from a newer Rapport would not open here: refused now, not after the swap.
    if ((await unknownMigrations(db, migrations.map(([name]) => name))).length) {
      return { ok: false, reason: say('backup.newer') };
    }
    for (const ref of await referencedDocuments(db)) {
      if (listed.get(`documents/${path.basename(ref.file)}`)?.sha256 !== ref.sha256) return { ok: false, reason: say('backup.documentMismatch') };
    }
  } finally {
    await db.destroy();
  }
  onProgress({ fraction: 1 });
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  return { ok: true, manifest, summary: { createdAt: manifest.createdAt, appVersion: manifest.appVersion, ...manifest.counts, bytes } };
}

const kindOf = (file: string) => (file === 'rapport.sqlite3' ? say('backup.kind.database') : file.startsWith('documents/') ? say('backup.kind.document') : file.startsWith('assets/') ? say('backup.kind.logo') : say('backup.kind.settings'));
