/**
 * Start-up checks: what is wrong with the data folder before the app opens it, each as
 * a message that says what happened and what to do. Pure: every look at the disk is
 * passed in (main/startup/probes.ts gives the real ones), so each case is tested alone.
 */

export type FolderKind = 'local' | 'network' | 'cloud';

export interface StartupProbes {
  /** 'missing' when the folder is not there; 'unreachable' when its parent is not either (a drive gone). */
  folder(dir: string): Promise<'ok' | 'missing' | 'unreachable' | 'not_a_folder'>;
  canWrite(dir: string): Promise<boolean>;
  kind(dir: string): Promise<FolderKind>;
  freeBytes(dir: string): Promise<number>;
  /** Takes the data folder's lock, or says who holds it. */
  lock(dir: string): Promise<{ ok: true; release(): Promise<void> } | { ok: false; holder: string }>;
  databaseExists(file: string): Promise<boolean>;
  /** SQLite's quick_check on the file: empty when it passes. */
  quickCheck(file: string): Promise<string[]>;
  /** The newest backup that passed its check, if the clinic has one. */
  lastGoodBackup(): Promise<{ name: string; createdAt: string } | null>;
}

export type StartupProblemCode = 'folder_missing' | 'folder_read_only' | 'folder_synced' | 'already_open' | 'disk_full' | 'disk_nearly_full' | 'database_damaged';

/** The window's heading for each problem: what happened, in a few words. */
export const problemTitles: Record<StartupProblemCode, string> = {
  folder_missing: 'Rapport’s data folder cannot be found',
  folder_read_only: 'Rapport cannot write to its data folder',
  folder_synced: 'Rapport’s data is in a synced or network folder',
  already_open: 'Rapport is already open',
  disk_full: 'The disk is full',
  disk_nearly_full: 'The disk is nearly full',
  database_damaged: 'Rapport’s database is damaged',
};

export interface StartupProblem {
  code: StartupProblemCode;
  /** 'stop': Rapport does not open the data; 'warn': it opens, and says this first. */
  severity: 'stop' | 'warn';
  /** What happened and what to do, in plain words. */
  message: string;
  /** What the window offers besides quitting. */
  offer: { kind: 'restore_backup'; name: string; createdAt: string } | null;
}

export type StartupResult = { problems: StartupProblem[]; release: (() => Promise<void>) | null };

/** Below this, writes start failing soon: a signed PDF is ~100 KB, a backup much more. */
export const nearlyFullBytes = 500 * 1024 * 1024;
/** Below this, SQLite cannot be trusted to finish a write. */
export const fullBytes = 50 * 1024 * 1024;

const stop = (code: StartupProblemCode, message: string, offer: StartupProblem['offer'] = null): StartupProblem => ({ code, severity: 'stop', message, offer });

export async function checkStartup(paths: { root: string; database: string }, probe: StartupProbes): Promise<StartupResult> {
  const { root, database } = paths;
  const state = await probe.folder(root);
  if (state === 'unreachable' || state === 'not_a_folder') {
    return {
      problems: [stop('folder_missing', `Rapport's data folder cannot be found (${root}). If it is on another drive, connect that drive, then start Rapport again. Nothing has been changed.`)],
      release: null,
    };
  }
  // 'missing' with its parent present is a first start: the app creates the folder.
  if (state === 'ok') {
    if (!(await probe.canWrite(root))) {
      return { problems: [stop('folder_read_only', `Rapport cannot write to its data folder (${root}): it is read-only or this user may not change it. Ask whoever looks after this computer to give this user write access, then start Rapport again. Nothing has been changed.`)], release: null };
    }
    const kind = await probe.kind(root);
    if (kind !== 'local') {
      const where = kind === 'cloud' ? 'a folder that a cloud service (OneDrive, Dropbox, Google Drive, iCloud…) keeps in sync' : 'a network folder';
      return {
        problems: [stop('folder_synced', `Rapport's data folder is in ${where} (${root}). The database can be damaged there, because the service copies it while Rapport writes. Move the Rapport folder to a folder on this computer's own disk, then start Rapport again; to keep a copy elsewhere, use Backups, which are safe on any drive.`)],
        release: null,
      };
    }
  }

  const problems: StartupProblem[] = [];
  const free = await probe.freeBytes(state === 'ok' ? root : parentOf(root));
  if (free < fullBytes) {
    return { problems: [stop('disk_full', `The disk that holds Rapport's data is full (${mb(free)} free). Rapport cannot safely save anything. Free some space (empty the recycle bin, remove large files), then start Rapport again.`)], release: null };
  }
  if (free < nearlyFullBytes) {
    problems.push({ code: 'disk_nearly_full', severity: 'warn', message: `The disk that holds Rapport's data is nearly full (${mb(free)} free). Rapport will open, but free some space soon: when the disk is full, nothing new can be saved.`, offer: null });
  }

  if (state === 'ok') {
    const lock = await probe.lock(root);
    if (!lock.ok) {
      return { problems: [stop('already_open', `Rapport is already open with this data (${lock.holder}). Use that window, or close it first. Two copies at once could overwrite each other's work.`)], release: null };
    }
    if (await probe.databaseExists(database)) {
      const damage = await probe.quickCheck(database);
      if (damage.length) {
        const backup = await probe.lastGoodBackup();
        await lock.release();
        return {
          problems: [
            stop(
              'database_damaged',
              backup
                ? `Rapport's database is damaged and cannot be opened safely. You can restore the last good backup (from ${backup.createdAt}); the damaged data is set aside, not deleted. Work recorded after that backup will need to be entered again.`
                : 'Rapport’s database is damaged and cannot be opened safely, and no backup was found. Do not delete anything: copy the whole data folder to a USB drive and ask for help.',
              backup ? { kind: 'restore_backup', ...backup } : null,
            ),
          ],
          release: null,
        };
      }
    }
    return { problems, release: lock.release };
  }
  return { problems, release: null };
}

const mb = (bytes: number) => `${Math.max(0, Math.floor(bytes / (1024 * 1024)))} MB`;
const parentOf = (dir: string) => dir.replace(/[\\/][^\\/]*[\\/]?$/, '') || dir;

/**
 * Where SQLite's WAL is unsafe: sync clients copy the database mid-write, and network
 * file systems do not share the memory WAL needs. Known by the path, or by the file
 * system type Linux reports (statfs magic numbers).
 */
export function classifyFolder(dir: string, fsType: number | null): FolderKind {
  if (/^\\\\|^\/\/|^smb:|^nfs:/i.test(dir)) return 'network';
  if (/[\\/](OneDrive|Dropbox|Google ?Drive|My Drive|iCloud ?Drive|iCloudDrive|Mobile Documents|CloudStorage|Box|Box Sync|pCloud ?Drive|Nextcloud|ownCloud|MEGA|Sync)([\\/ -]|$)/i.test(dir)) return 'cloud';
  const network = new Set([0x6969 /* nfs */, 0x517b /* smb */, 0xff534d42 /* cifs */, 0xfe534d42 /* smb2 */, 0x65735546 /* fuse: sshfs, rclone */, 0x01021997 /* 9p */, 0x5346414f /* afs */]);
  return fsType !== null && network.has(fsType) ? 'network' : 'local';
}
