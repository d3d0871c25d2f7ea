import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The reception PC is shared, and on Linux and macOS a folder made with the default
 * umask is 0755 and its files 0644: every account on the PC could read the clinic's
 * database, signed consents and settings (issue 12, item 5). Everything Rapport keeps
 * is for the account that runs it alone.
 *
 * Windows has no such bits: the data lives under the user's own profile, whose ACL
 * already keeps other accounts out, so there is nothing to do there.
 */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

const posix = process.platform !== 'win32';

/**
 * Creates the folders 0700. A data folder that is not private already (from before this
 * rule, or copied back from a backup with other modes) has every folder in it set 0700
 * and every file 0600 the next time the app opens it.
 *
 * Once the folder itself is 0700 no other account can reach anything inside it, and
 * everything Rapport writes is created 0600, so a private folder is not walked again:
 * a start costs one stat instead of one per file (10,000 documents took 0.3 to 1.1 s
 * to check, on this machine, at every start).
 */
export async function preparePrivateFolder(root: string, folders: string[] = []): Promise<void> {
  const existing = await lstat(root).catch(() => null);
  for (const dir of [root, ...folders]) await mkdir(dir, { recursive: true, mode: privateFolderMode });
  if (posix && existing && (existing.mode & 0o777) !== privateFolderMode) await tighten(root);
}

/**
 * Every folder 0700, every file 0600. Symbolic links are neither followed nor changed
 * (chmod would act on whatever they point at, which is not ours to change).
 */
async function tighten(target: string): Promise<void> {
  const info = await lstat(target);
  if (info.isSymbolicLink()) return;
  const mode = info.isDirectory() ? privateFolderMode : privateFileMode;
  if ((info.mode & 0o777) !== mode) await chmod(target, mode);
  if (!info.isDirectory()) return;
  for (const name of await readdir(target)) await tighten(path.join(target, name));
}
