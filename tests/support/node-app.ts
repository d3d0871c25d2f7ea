import { spawn } from 'node:child_process';
import path from 'node:path';
import Conf from 'conf';
import { createApp, type AppDeps } from '../../main/app/context';
import { hostApp } from '../../main/app/host';
import { dataPaths } from '../../main/app/paths';
import { systemPrinter } from '../../main/printing';

/**
 * The app as Electron's main builds it, with Node stand-ins only where Electron is
 * absent: `conf` (what electron-store is built on) for settings, the system's own
 * printing, and xdg-open for "open in viewer". Used by the tests, the browser harness,
 * the demo and the benchmark, so they all run the real handlers.
 */
type NodeAppOptions = { dataDir: string; settingsDir?: string } & Partial<Omit<AppDeps, 'paths' | 'restart'>>;

export async function nodeApp(options: NodeAppOptions) {
  return createApp(nodeDeps(options));
}

/** The app inside its host, as Electron runs it: a restore closes and reopens it in place. */
export async function nodeHost(options: NodeAppOptions) {
  return hostApp(nodeDeps(options));
}

function nodeDeps(options: NodeAppOptions): AppDeps {
  const { dataDir, settingsDir = path.join(dataDir, 'settings'), ...rest } = options;
  return {
    paths: dataPaths(dataDir, {}),
    store: new Conf({ cwd: settingsDir, projectName: 'rapport' }),
    version: process.env.npm_package_version ?? '0.0.0-dev',
    resourcesDir: path.resolve('resources'),
    printer: systemPrinter(),
    openPath: openWithSystem,
    ...rest,
  };
}

/** Opens a file with the desktop's handler; false where there is none (a server, CI). */
function openWithSystem(file: string): Promise<boolean> {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return new Promise((resolve) => {
    const child = spawn(command, [file], { stdio: 'ignore', detached: true });
    child.on('error', () => resolve(false));
    child.on('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
