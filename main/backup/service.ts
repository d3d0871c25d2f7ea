import { randomBytes } from 'node:crypto';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../shared/contract/result';
import { staleBackupDays, type BackupStatus, type BackupSummary } from '../../shared/contract/backup';
import type { DataPaths } from '../app/paths';
import { BackupRefused, createBackup } from './create';
import { readManifest } from './manifest';
import { backupsToKeep, backupTime } from './rotation';
import { verifyBackup, type BackupProgress } from './verify';
import type { KeyValueStore } from '../settings/service';
import { latestSetAside, swapInData, withoutKeys, type SettingsFile } from './restore';
import { say } from '../../shared/messages';

/** The backup's own state, kept in the settings store under this key (never restored over). */
export const backupKey = 'backup';
export interface BackupConfig {
  folder: string | null;
  lastGoodAt: string | null;
  lastError: string | null;
}

export interface BackupDeps {
  paths: DataPaths;
  /** electron-store: the clinic's settings travel with a backup; the backup's own state stays. */
  settings: SettingsFile & KeyValueStore;
  appVersion: string;
  now: () => Date;
  /** Closes the app, runs `between` on its closed files, opens it again (main/app/host.ts). */
  restart?: (between: () => Promise<void>) => Promise<{ audit(action: string, entityId: string): Promise<void> }>;
  audit: (action: string, entityId: string) => Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

export function createBackupService(deps: BackupDeps) {
  const { paths, settings, now } = deps;
  let running: BackupProgress | null = null;
  let current: Promise<void> | null = null;

  const config = (): BackupConfig => ({ folder: null, lastGoodAt: null, lastError: null, ...(settings.get(backupKey) as Partial<BackupConfig> | undefined) });
  const saveConfig = (patch: Partial<BackupConfig>) => settings.set(backupKey, { ...config(), ...patch });
  const isFolder = (dir: string) => stat(dir).then((s) => s.isDirectory(), () => false);

  async function status(): Promise<Result<BackupStatus>> {
    const c = config();
    const folderAvailable = c.folder !== null && (await isFolder(c.folder));
    const age = c.lastGoodAt ? now().getTime() - Date.parse(c.lastGoodAt) : Infinity;
    const warning: BackupStatus['warning'] = !c.folder
      ? 'no_folder'
      : !folderAvailable
        ? 'folder_missing'
        : c.lastError
          ? 'failed'
          : !c.lastGoodAt
            ? 'never'
            : age > staleBackupDays * dayMs
              ? 'stale'
              : 'none';
    const undo = await latestSetAside(paths);
    return ok({ folder: c.folder, folderAvailable, lastGoodAt: c.lastGoodAt, warning, running, lastError: c.lastError, canUndoRestore: undo?.reason === 'before-restore' });
  }

  async function run(): Promise<void> {
    const { folder } = config();
    if (!folder) return;
    running = { phase: 'database', fraction: 0 };
    try {
      const made = await createBackup({
        paths,
        folder,
        settings: withoutKeys(settings.store, [backupKey]),
        appVersion: deps.appVersion,
        now: now(),
        onProgress: (p) => (running = p),
      });
      await rotate(folder);
      saveConfig({ lastGoodAt: made.manifest.createdAt, lastError: null });
      await deps.audit('backup.created', made.name);
    } catch (e) {
      saveConfig({ lastError: plainReason(e) });
    } finally {
      running = null;
    }
  }

  /** Starts a run unless one is going; resolves when that run ends. */
  function runOnce(): Promise<void> {
    current ??= run().finally(() => (current = null));
    return current;
  }

  async function rotate(folder: string): Promise<void> {
    const names = (await readdir(folder)).filter((n) => backupTime(n));
    const keep = backupsToKeep(names);
    for (const n of names) if (!keep.has(n)) await rm(path.join(folder, n), { recursive: true, force: true });
  }

  async function backupDir(name: string): Promise<Result<string>> {
    const { folder } = config();
    if (!folder || !(await isFolder(folder))) return err('not_found', say('backup.folderGone'), { folder: say('backup.notFound') });
    return ok(path.join(folder, name));
  }

  async function verify({ name }: { name: string }): Promise<Result<BackupSummary>> {
    const dir = await backupDir(name);
    if (!dir.ok) return dir;
    if (!(await isFolder(dir.value))) return err('not_found', say('backup.gone'), { name: say('backup.notFound') });
    const checked = await verifyBackup(dir.value);
    if (!checked.ok) return err('integrity', say('backup.unusable', { reason: checked.reason }), { name: checked.reason });
    return ok({ name, ...checked.summary });
  }

  /** Restore and undo share this: close the app, swap the data whole, open it again, log it there. */
  async function swap(from: string, reason: 'before-restore' | 'before-undo', action: string, entityId: string): Promise<Result<true>> {
    if (current) return err('conflict', say('backup.running'));
    if (!deps.restart) return err('internal', say('backup.noRestoreHere'));
    try {
      const reopened = await deps.restart(() => swapInData({ paths, from, settings, keepKeys: [backupKey], reason, now: now() }).then(() => undefined));
      await reopened.audit(action, entityId);
      return ok(true);
    } catch (e) {
      return err('internal', say('backup.notReplaced', { reason: plainReason(e) }));
    }
  }

  return {
    status,
    runOnce,
    /** Resolves when no backup is running (the app waits for one before closing). */
    idle: async () => {
      await current;
    },
    /** Daily: checked every quarter hour while the app runs, so a PC left on overnight still gets one. */
    schedule(everyMs = 15 * 60 * 1000): () => void {
      const tick = () => {
        const { folder, lastGoodAt } = config();
        if (folder && (!lastGoodAt || now().getTime() - Date.parse(lastGoodAt) >= dayMs)) void runOnce();
      };
      const timer = setInterval(tick, everyMs);
      timer.unref();
      const first = setTimeout(tick, 60_000);
      first.unref();
      return () => {
        clearInterval(timer);
        clearTimeout(first);
      };
    },

    async setFolder({ folder }: { folder: string }): Promise<Result<BackupStatus>> {
      const full = path.resolve(folder);
      const inside = path.relative(paths.root, full);
      if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
        return err('invalid_input', say('backup.outside'), { folder: say('backup.outsideField') });
      }
      if (!(await isFolder(full))) return err('invalid_input', say('backup.noFolder'), { folder: say('backup.noFolderField') });
      const probe = path.join(full, `.rapport-probe-${randomBytes(4).toString('hex')}`);
      const writable = await writeFile(probe, 'x', { flag: 'wx' }).then(() => true, () => false);
      await rm(probe, { force: true });
      if (!writable) return err('invalid_input', say('backup.cannotWrite'), { folder: say('backup.cannotWriteField') });
      saveConfig({ folder: full, lastError: null });
      return status();
    },

    async start(): Promise<Result<BackupStatus>> {
      const { folder } = config();
      if (!folder) return err('invalid_input', say('backup.chooseFolder'), { folder: say('backup.chooseFolder') });
      if (current) return err('conflict', say('backup.alreadyRunning'));
      if (!(await isFolder(folder))) return err('not_found', say('backup.folderGone'), { folder: say('backup.notFound') });
      void runOnce();
      return status();
    },

    async list(): Promise<Result<{ backups: BackupSummary[] }>> {
      const { folder } = config();
      if (!folder) return ok({ backups: [] });
      if (!(await isFolder(folder))) return err('not_found', say('backup.folderGone'), { folder: say('backup.notFound') });
      const names = (await readdir(folder)).filter((n) => backupTime(n)).sort().reverse();
      const backups: BackupSummary[] = [];
      for (const name of names) {
        const m = await readManifest(path.join(folder, name));
        if (m) backups.push({ name, createdAt: m.createdAt, appVersion: m.appVersion, ...m.counts, bytes: m.files.reduce((n, f) => n + f.bytes, 0) });
      }
      return ok({ backups });
    },

    verify,

    async restore({ name }: { name: string }): Promise<Result<{ restored: BackupSummary }>> {
      const checked = await verify({ name });
      if (!checked.ok) return checked;
      const dir = await backupDir(name);
      if (!dir.ok) return dir;
      const swapped = await swap(dir.value, 'before-restore', 'backup.restored', name);
      return swapped.ok ? ok({ restored: checked.value }) : swapped;
    },

    async undoRestore(): Promise<Result<{ undone: true }>> {
      const aside = await latestSetAside(paths);
      if (aside?.reason !== 'before-restore') return err('not_found', say('backup.nothingToUndo'));
      const swapped = await swap(aside.dir, 'before-undo', 'backup.restore_undone', path.basename(aside.dir));
      return swapped.ok ? ok({ undone: true as const }) : swapped;
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

/** What went wrong, for the screen: the kind of fault, never a path or a name. */
function plainReason(e: unknown): string {
  if (e instanceof BackupRefused) return say('backup.checkFailed', { reason: e.message });
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return say('backup.driveFull');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return say('backup.driveReadOnly');
  if (code === 'ENOENT') return say('backup.disappeared');
  return say('backup.notWritten');
}
