import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { App, AppDeps } from '../../main/app/context';
import { nodeApp, type StartAs } from './node-app';

/** A real app on a real SQLite file in a fresh temporary folder. */
export async function tempApp(options: Partial<Omit<AppDeps, 'paths' | 'store'>> & { as?: StartAs } = {}): Promise<App & { dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-test-'));
  const app = await nodeApp({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-test', ...options });
  return {
    ...app,
    dir,
    async cleanup() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
