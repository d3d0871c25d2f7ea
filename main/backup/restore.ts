import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../files/atomic';
import { privateFileMode, privateFolderMode } from '../files/private';
import type { DataPaths } from '../app/paths';
import { syncFile } from './files';
import { settingsName } from './create';

/**
 * Puts a backup (or data set aside by an earlier restore) in place of the current
 * data. The app is closed meanwhile (see main/app/host.ts). Order matters for "nothing
 * lost": the incoming data is first copied whole beside the live data, then the live
 * data is set aside whole by renames, then the copy is renamed in; if any rename fails
 * the set-aside data goes back.
 */

export const setAsideFolder = 'set-aside';
export type SetAsideReason = 'before-restore' | 'before-undo';

/** The settings store as a whole: electron-store (and conf, under Node) read and replace it as `store`. */
export interface SettingsFile {
  store: Record<string, unknown>;
}

/** What moves as a whole; the WAL and shared-memory files belong to the database beside them. */
const pieces = (paths: DataPaths) => [
  ['rapport.sqlite3', paths.database],
  ['rapport.sqlite3-wal', `${paths.database}-wal`],
  ['rapport.sqlite3-shm', `${paths.database}-shm`],
  ['documents', paths.documents],
  ['assets', paths.assets],
] as const;

export async function swapInData(options: {
  paths: DataPaths;
  /** A folder laid out like a backup: rapport.sqlite3, documents/, assets/, settings.json. */
  from: string;
  settings: SettingsFile;
  /** Settings keys that describe this installation, not the clinic's data (the backup folder). */
  keepKeys: readonly string[];
  reason: SetAsideReason;
  now: Date;
}): Promise<{ setAside: string }> {
  const { paths, from, settings, now } = options;
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const staged = path.join(paths.root, `.restoring-${stamp}`);
  const aside = path.join(paths.root, setAsideFolder, `${stamp}-${options.reason}`);

  // 1. The incoming data, copied whole and flushed, beside the live data (same disk, so renames are atomic).
  await rm(staged, { recursive: true, force: true });
  await mkdir(staged, { recursive: true, mode: privateFolderMode });
  try {
    for (const [piece] of pieces(paths)) {
      const source = path.join(from, piece);
      if (await exists(source)) await cp(source, path.join(staged, piece), { recursive: true });
    }
    await syncTree(staged);
  } catch (e) {
    await rm(staged, { recursive: true, force: true });
    throw e;
  }
  const incomingSettings = JSON.parse(await readFile(path.join(from, settingsName), 'utf8').catch(() => '{}')) as Record<string, unknown>;

  // 2. The live data, set aside whole: renames only, nothing copied or deleted.
  await mkdir(aside, { recursive: true, mode: privateFolderMode });
  const current = settings.store;
  await writeFile(path.join(aside, settingsName), JSON.stringify(current, null, 1), { flush: true, mode: privateFileMode });
  const moved: Array<[string, string]> = [];
  const move = async (a: string, b: string) => {
    await rename(a, b);
    moved.push([a, b]);
  };
  try {
    for (const [piece, live] of pieces(paths)) {
      if (await exists(live)) await move(live, path.join(aside, piece));
    }
    // 3. The incoming data, renamed into place.
    for (const [piece, live] of pieces(paths)) {
      if (await exists(path.join(staged, piece))) await move(path.join(staged, piece), live);
    }
    await mkdir(paths.documents, { recursive: true, mode: privateFolderMode });
    await mkdir(paths.assets, { recursive: true, mode: privateFolderMode });
    await syncFolder(aside);
    await syncFolder(paths.root);
  } catch (e) {
    // Undo in reverse: the data the clinic had is put back where it was.
    for (const [a, b] of moved.reverse()) await rename(b, a).catch(() => undefined);
    await rm(staged, { recursive: true, force: true });
    throw e;
  }
  await rm(staged, { recursive: true, force: true });
  const kept = Object.fromEntries(options.keepKeys.filter((k) => k in current).map((k) => [k, current[k]]));
  settings.store = { ...withoutKeys(incomingSettings, options.keepKeys), ...kept };
  return { setAside: aside };
}

/** The most recent set-aside folder, and why it was made. */
export async function latestSetAside(paths: DataPaths): Promise<{ dir: string; reason: SetAsideReason } | null> {
  const names = (await readdir(path.join(paths.root, setAsideFolder)).catch(() => [] as string[])).sort();
  const last = names.at(-1);
  if (!last) return null;
  return { dir: path.join(paths.root, setAsideFolder, last), reason: last.endsWith('before-undo') ? 'before-undo' : 'before-restore' };
}

export function withoutKeys(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
}

const exists = (p: string) => stat(p).then(() => true, () => false);

async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(full);
    else await syncFile(full);
  }
  await syncFolder(dir);
}
