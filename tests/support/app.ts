import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { createApp, type App } from '../../main/app/context';
import { dataPaths } from '../../main/app/paths';

/**
 * A real app on a real SQLite file in a fresh temporary folder. Settings go through
 * `conf`, the library electron-store is built on, since Electron is not here.
 */
export async function tempApp(options: { now?: () => Date } = {}): Promise<App & { dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-test-'));
  const paths = dataPaths(path.join(dir, 'data'), {});
  const store = new Conf({ cwd: path.join(dir, 'settings'), projectName: 'rapport-test' });
  const app = await createApp({ paths, store, version: '0.0.0-test', now: options.now });
  return {
    ...app,
    dir,
    async cleanup() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
