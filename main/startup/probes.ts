import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import knexFactory from 'knex';
import { classifyFolder, type StartupProbes } from './checks';
import { databaseProblems } from '../backup/sqlite';
import { verifyBackup } from '../backup/verify';
import { backupTime } from '../backup/rotation';

export const lockName = 'rapport.lock';

/** The real probes: the disk as it is. */
export function nodeProbes(options: { backupFolder: () => string | null; pid?: number; host?: string }): StartupProbes {
  const { pid = process.pid, host = hostname() } = options;
  return {
    async folder(dir) {
      const s = await stat(dir).catch(() => null);
      if (s) return s.isDirectory() ? 'ok' : 'not_a_folder';
      return (await stat(path.dirname(dir)).then((p) => p.isDirectory(), () => false)) ? 'missing' : 'unreachable';
    },
    async canWrite(dir) {
      // Asked of the disk, not of the permission bits: a read-only mount says yes to access() checks.
      const probe = path.join(dir, `.write-probe-${randomBytes(4).toString('hex')}`);
      try {
        await writeFile(probe, 'rapport', { flag: 'wx', flush: true });
        await rm(probe, { force: true });
        return true;
      } catch {
        return false;
      }
    },
    async kind(dir) {
      const s = await statfs(dir).catch(() => null);
      return classifyFolder(dir, s ? Number(s.type) : null);
    },
    async freeBytes(dir) {
      const s = await statfs(dir).catch(() => null);
      return s ? Number(s.bavail) * Number(s.bsize) : Number.MAX_SAFE_INTEGER;
    },
    async lock(dir) {
      const file = path.join(dir, lockName);
      const mine = JSON.stringify({ pid, host, since: new Date().toISOString() });
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await writeFile(file, mine, { flag: 'wx', flush: true });
          return { ok: true, release: async () => (await readFile(file, 'utf8').catch(() => '')) === mine ? rm(file, { force: true }) : undefined };
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const held = parseLock(await readFile(file, 'utf8').catch(() => ''));
        if (held && (held.host !== host || isAlive(held.pid))) {
          return { ok: false, holder: held.host === host ? `since ${held.since}` : `on the computer ${held.host}, since ${held.since}` };
        }
        await rm(file, { force: true }); // left by a copy that crashed or was killed
      }
      return { ok: false, holder: 'another copy is starting' };
    },
    databaseExists: (file) => stat(file).then((s) => s.isFile(), () => false),
    async quickCheck(file) {
      // Read-write without the app's pragmas: a WAL left by a crash is recovered as a normal open would.
      const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
      try {
        return await databaseProblems(db, 'quick_check');
      } catch (e) {
        return [e instanceof Error ? e.message : 'cannot be read'];
      } finally {
        await db.destroy();
      }
    },
    async lastGoodBackup() {
      const folder = options.backupFolder();
      if (!folder) return null;
      const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => backupTime(n)).sort().reverse();
      for (const name of names) {
        const v = await verifyBackup(path.join(folder, name));
        if (v.ok) return { name, createdAt: v.summary.createdAt };
      }
      return null;
    },
  };
}

function parseLock(text: string): { pid: number; host: string; since: string } | null {
  try {
    const v = JSON.parse(text) as { pid?: unknown; host?: unknown; since?: unknown };
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, since: String(v.since) } : null;
  } catch {
    return null;
  }
}

/** Signal 0 tests a process without touching it; EPERM means it exists but is another user's. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
