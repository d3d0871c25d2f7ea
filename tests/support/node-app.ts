import { spawn } from 'node:child_process';
import path from 'node:path';
import Conf from 'conf';
import { createApp, type App, type AppDeps } from '../../main/app/context';
import { hostApp } from '../../main/app/host';
import { dataPaths } from '../../main/app/paths';
import { systemPrinter } from '../../main/printing';

/**
 * Who is at the desk when a test starts. Tests written before staff accounts call
 * `dispatch` with no notion of a session; they get the default: an admin signed in.
 * `signed-out` has the same staff but nobody signed in; `first-run` has no staff at all.
 */
export type StartAs = 'admin' | 'therapist' | 'reception' | 'signed-out' | 'first-run';

/** The people the test support creates, with their PINs (test data, never a real clinic's). */
export const testStaff = {
  // The name the consent samples have always used for who explained a form.
  admin: { name: 'Priya Natarajan, RMT', initials: 'PN', secret: '246813', roles: ['admin'] },
  therapist: { name: 'Amélie Tremblay, RMT', initials: 'AT', secret: '135792', roles: ['therapist'] },
  reception: { name: 'Marc Tremblay', initials: 'MT', secret: '975310', roles: ['reception'] },
} as const;
export const testPin = testStaff.admin.secret;

/** Makes the staff a test needs (once per data folder) and signs the chosen one in, through the real services. */
export async function startAs(app: App, who: StartAs): Promise<void> {
  if (who === 'first-run') return;
  const { staff, session } = app.services;
  if ((await staff.count()) === 0) {
    const admin = await staff.createFirstAdmin(testStaff.admin);
    if (!admin.ok) throw new Error(admin.error.message);
  }
  if (who === 'signed-out') return;
  const person = testStaff[who];
  if (who !== 'admin' && !(await staff.active()).some((s) => s.initials === person.initials)) {
    const made = await staff.create({ ...person, roles: [...person.roles] }, null);
    if (!made.ok) throw new Error(made.error.message);
  }
  const signed = await session.signIn({ initials: person.initials, secret: person.secret });
  if (!signed.ok) throw new Error(signed.error.message);
}

/**
 * The app as Electron's main builds it, with Node stand-ins only where Electron is
 * absent: `conf` (what electron-store is built on) for settings, the system's own
 * printing, and xdg-open for "open in viewer". Used by the tests, the browser harness,
 * the demo and the benchmark, so they all run the real handlers.
 */
type NodeAppOptions = { dataDir: string; settingsDir?: string; as?: StartAs } & Partial<Omit<AppDeps, 'paths' | 'restart'>>;

export async function nodeApp(options: NodeAppOptions) {
  const app = await createApp(nodeDeps(options));
  await startAs(app, options.as ?? 'admin');
  return app;
}

/**
 * The app inside its host, as Electron runs it: a restore closes and reopens it in place.
 * The reopened app starts signed out, as after a restart; the same test person signs in
 * again before the next call, as they would at the desk.
 */
export async function nodeHost(options: NodeAppOptions) {
  const host = await hostApp(nodeDeps(options));
  const as = options.as ?? 'admin';
  let signedIn = host.current();
  // Every call waits for the sign-in into the app of the moment, not only the call that
  // noticed the reopen: the screen's reads arrive together, and one let through before
  // the sign-in was answered "nobody is signed in".
  let ready = startAs(signedIn, as);
  await ready;
  return {
    ...host,
    dispatch: async (channel: unknown, input: unknown) => {
      await host.dispatch('session.current', {}); // waits out a restore in progress
      if (host.current() !== signedIn) {
        signedIn = host.current();
        ready = startAs(signedIn, as);
      }
      await ready;
      return host.dispatch(channel, input);
    },
  };
}

function nodeDeps(options: NodeAppOptions): AppDeps {
  const { dataDir, settingsDir = path.join(dataDir, 'settings'), as: _as, ...rest } = options;
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
