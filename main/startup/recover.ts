import path from 'node:path';
import type { DataPaths } from '../app/paths';
import type { KeyValueStore } from '../settings/service';
import { swapInData, type SettingsFile } from '../backup/restore';
import { verifyBackup } from '../backup/verify';
import { backupKey, type BackupConfig } from '../backup/service';

/**
 * The start-up window's "restore the last good backup", before any app exists: the same
 * check and the same swap as a restore from the Backups screen, so the damaged data is
 * set aside whole, not deleted.
 */
export async function restoreBeforeStart(paths: DataPaths, store: KeyValueStore & SettingsFile, name: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: string }> {
  const folder = (store.get(backupKey) as Partial<BackupConfig> | undefined)?.folder;
  if (!folder) return { ok: false, reason: 'No backup folder is set.' };
  const dir = path.join(folder, path.basename(name));
  const checked = await verifyBackup(dir);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  await swapInData({ paths, from: dir, settings: store, keepKeys: [backupKey], reason: 'before-restore', now });
  return { ok: true };
}
