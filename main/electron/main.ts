import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import Store from 'electron-store';
import { err } from '../../shared/contract/result';
import { hostApp, type AppHost } from '../app/host';
import { runStartupChecks, type StartupAnswer } from '../startup/run';
import { startupLocale, storedClinicLocale } from '../startup/locale';
import { nodeProbes } from '../startup/probes';
import { problemTitles } from '../startup/checks';
import { systemPrinter } from '../printing';
import { dataPaths, settingsStoreOptions } from '../app/paths';
import { preparePrivateFolder } from '../files/private';
import type { DispatchLogEntry } from '../ipc/dispatcher';
import { APP_ENTRY_URL, APP_SCHEME, INVOKE_CHANNEL, isTrustedSender, resolveAppFile, responseHeaders } from './policy';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { menuTemplate, patientModeMenuTemplate } from './menu';
import { patientWindowLock } from './patient-lock';
import { resay, say, sayIn } from '../../shared/messages';

/**
 * The Electron shell, and nothing more: everything behind IPC is built by createApp,
 * which runs the same under Node in the tests. Keep logic out of this file; decisions
 * belong in policy.ts where they can be tested without the Electron binary.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

// Must run before 'ready', and this file is an ES module: no top-level await above this
// line, or 'ready' may fire first (https://www.electronjs.org/docs/latest/tutorial/esm).
// 'standard' gives app:// real origins and relative URLs; 'secure' makes it a secure
// context like https. No bypassCSP, no service workers, and no corsEnabled: same-origin
// module scripts load without it, and leaving it off keeps app:// unreadable cross-origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const paths = dataPaths(app.getPath('userData'));
// One running instance per data folder: the lock exists to keep two processes off one
// SQLite file, and Electron keys it on userData. It also keeps a test run (which sets
// RAPPORT_DATA_DIR) out of the real clinic profile.
if (paths.root !== path.resolve(app.getPath('userData'))) app.setPath('userData', paths.root);
// Chromium's own words (a date picker's months, the spelling menu) in French in a French
// clinic, whatever the computer's language. Not for an English one: Chromium has no
// Canadian English and would take British English, turning the computer's US dates
// round. Only at start-up: a change in Settings reaches them at the next start. (macOS
// takes its apps' language from the system, and ignores this.)
if (storedClinicLocale(paths.settings) === 'fr-CA') app.commandLine.appendSwitch('lang', 'fr-CA');

let mainWindow: BrowserWindow | null = null;
let rapport: AppHost | null = null;
/** The data folder's lock (main/startup), let go when the database has closed. */
let releaseLock: (() => Promise<void>) | null = null;

const isMac = process.platform === 'darwin';
// Patient mode's hold on the window (patient-lock.ts): menu without window shortcuts,
// back to the front when the screen is taken, reload after a crash, no closing.
const lock = patientWindowLock({
  setMenu: (on) => Menu.setApplicationMenu(Menu.buildFromTemplate(on ? patientModeMenuTemplate({ isMac }) : menuTemplate({ isMac, isPackaged: app.isPackaged }))),
  reportLeft: (left) => void rapport?.current().services.patientMode.screenLeft(left),
  reportReload: (reason) => console.warn(`[rapport] patient screen reloaded (${reason})`),
  now: () => new Date(),
});

/** Channel and outcome only: inputs are health information and never reach a log. */
function log({ channel, code }: Pick<DispatchLogEntry, 'channel'> & { code: DispatchLogEntry['code'] | 'forbidden' }): void {
  console.warn(`[rapport] ${channel} ${code}`);
}

function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: responseHeaders('not-found.txt') });
    try {
      return new Response(await readFile(file), { status: 200, headers: responseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: responseHeaders('not-found.txt') });
    }
  });
}

async function handleInvoke(event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<unknown> {
  const frame = event.senderFrame;
  const trusted = isTrustedSender({
    frameUrl: frame?.url,
    isMainWindowFrame: frame !== null && mainWindow !== null && !mainWindow.isDestroyed() && frame === mainWindow.webContents.mainFrame,
  });
  if (!trusted) {
    log({ channel: String(channel).slice(0, 80), code: 'forbidden' });
    return err('forbidden', say('ipc.forbiddenWindow'));
  }
  if (!rapport) return err('internal', say('ipc.closing'));
  return rapport.dispatch(channel, input);
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  lock.set(false);
  serveRenderer(path.join(app.getAppPath(), 'dist/renderer'));

  // The data folder is checked before anything touches it; each problem is shown in a
  // plain window that says what happened and what to do (main/startup).
  const openStore = () => new Store<Record<string, unknown>>(settingsStoreOptions(paths));
  const checks = () =>
    runStartupChecks({
      paths,
      openStore,
      probes: nodeProbes({ backupFolder: () => ((openStore().get('backup') as { folder?: string } | undefined)?.folder ?? null) }),
      ask: async (problem) => {
        // In the clinic's language; read at each window, since a restore may bring other settings.
        const locale = await startupLocale(paths.settings, app.getLocale());
        const first = problem.offer ? 'restore' : problem.severity === 'warn' ? 'continue' : null;
        const answers: StartupAnswer[] = first ? [first, 'quit'] : ['quit'];
        const buttons = answers.map((a) => sayIn(locale, `startup.${a}`));
        const { response } = await dialog.showMessageBox({ type: problem.severity === 'stop' ? 'error' : 'warning', title: 'Rapport', message: sayIn(locale, problemTitles[problem.code]), detail: resay(problem.message, locale), buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
        return answers[response] ?? 'quit';
      },
    });
  let started = await checks();
  if (!started.go) return app.exit(1);
  // Settings only (clinic profile); patient data lives in SQLite. The folder is made
  // private before electron-store creates it with the default (world-readable) mode.
  await preparePrivateFolder(paths.root);
  // A first start had no folder to lock: now it has one.
  if (!started.release) started = await checks();
  if (!started.go) return app.exit(1);
  releaseLock = started.release;
  const store = openStore();
  rapport = await hostApp({
    paths,
    store,
    version: app.getVersion(),
    log,
    // Fonts and the shipped consent wording; asarUnpack keeps them real files on disk.
    resourcesDir: path.join(app.getAppPath(), 'resources'),
    printer: systemPrinter(),
    // shell.openPath answers an error message, or '' when the viewer opened.
    openPath: async (file) => (await shell.openPath(file)) === '',
    // follow-ups: the clinic's mail program for a prepared message; main/app/context.ts lets only mailto: through.
    openExternal: (url) => shell.openExternal(url).then(() => true, () => false),
    onPatientModeChange: (on) => lock.set(on),
  });
  ipcMain.handle(INVOKE_CHANNEL, handleInvoke);
  // The operating system locking, sleeping or starting its screen saver locks Rapport
  // too (issue 8); the screen finds out at its next call or its session poll.
  const lockForSystem = () => void rapport?.current().services.session.lock('system').catch(() => {});
  powerMonitor.on('lock-screen', lockForSystem);
  powerMonitor.on('suspend', lockForSystem);

  mainWindow = createMainWindow({
    preload: path.join(here, 'preload.cjs'),
    title: 'Rapport',
    leaveQuestion: () => {
      // Entering patient mode reloads the page whatever the desk had typed behind it.
      if (lock.holding() || !rapport) return null;
      const locale = rapport.current().services.settings.details().locale;
      return { message: sayIn(locale, 'window.leave.message'), detail: sayIn(locale, 'window.leave.detail'), discard: sayIn(locale, 'window.leave.discard'), keep: sayIn(locale, 'window.leave.keep') };
    },
  });
  lock.attach(mainWindow);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // A front desk has one window; closing it ends the session and closes the database,
  // on macOS too, rather than leaving a windowless app holding the file open.
  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !rapport) return;
    // Hold the quit until knex has closed SQLite, so the WAL is checkpointed cleanly.
    event.preventDefault();
    const closing = rapport;
    rapport = null;
    // The day's work goes to the backup folder first (issue 10: a backup when the app closes).
    closing
      .close({ backup: true })
      .then(() => releaseLock?.())
      .catch(() => console.error('[rapport] database did not close cleanly'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app.whenReady().then(start).catch(async (error: unknown) => {
    const why = error instanceof Error ? error.message : 'unknown error';
    console.error('[rapport] failed to start:', why);
    // Never a silent exit: the desk sees why, and what to do, in the clinic's language.
    const locale = await startupLocale(paths.settings, app.getLocale());
    dialog.showErrorBox(sayIn(locale, 'startup.failed'), sayIn(locale, 'startup.failedDetail', { reason: resay(why, locale) }));
    app.exit(1);
  });
}
