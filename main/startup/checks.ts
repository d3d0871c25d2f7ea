import { say, type MessageId } from '../../shared/messages';

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

/** The window's heading for each problem: what happened, in a few words (shared/messages/startup.ts). */
export const problemTitles: Record<StartupProblemCode, MessageId> = {
  folder_missing: 'startup.title.folderMissing',
  folder_read_only: 'startup.title.folderReadOnly',
  folder_synced: 'startup.title.folderSynced',
  already_open: 'startup.title.alreadyOpen',
  disk_full: 'startup.title.diskFull',
  disk_nearly_full: 'startup.title.diskNearlyFull',
  database_damaged: 'startup.title.databaseDamaged',
};

export interface StartupProblem {
  code: StartupProblemCode;
  /** 'stop': Rapport does not open the data; 'warn': it opens, and says this first. */
  severity: 'stop' | 'warn';
  /** What happened and what to do, in plain words: said in English, re-said in the clinic's language where it is shown. */
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
      problems: [stop('folder_missing', say('startup.folderMissing', { folder: root }))],
      release: null,
    };
  }
  // 'missing' with its parent present is a first start: the app creates the folder.
  if (state === 'ok') {
    if (!(await probe.canWrite(root))) {
      return { problems: [stop('folder_read_only', say('startup.folderReadOnly', { folder: root }))], release: null };
    }
    const kind = await probe.kind(root);
    if (kind !== 'local') {
      return { problems: [stop('folder_synced', say(kind === 'cloud' ? 'startup.folderCloud' : 'startup.folderNetwork', { folder: root }))], release: null };
    }
  }

  const problems: StartupProblem[] = [];
  const free = await probe.freeBytes(state === 'ok' ? root : parentOf(root));
  if (free < fullBytes) {
    return { problems: [stop('disk_full', say('startup.diskFull', { mb: mb(free) }))], release: null };
  }
  if (free < nearlyFullBytes) {
    problems.push({ code: 'disk_nearly_full', severity: 'warn', message: say('startup.diskNearlyFull', { mb: mb(free) }), offer: null });
  }

  if (state === 'ok') {
    const lock = await probe.lock(root);
    if (!lock.ok) {
      return { problems: [stop('already_open', say('startup.alreadyOpen', { holder: lock.holder }))], release: null };
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
              backup ? say('startup.damagedWithBackup', { made: localStamp(backup.createdAt) }) : say('startup.damagedNoBackup'),
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

const mb = (bytes: number) => Math.max(0, Math.floor(bytes / (1024 * 1024)));
/**
 * "2026-11-30 17:05": when a backup was made, on this computer's clock (the clinic's), in
 * a form both languages read; before the desk opens, the clinic's time zone may be unreadable.
 */
function localStamp(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
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
