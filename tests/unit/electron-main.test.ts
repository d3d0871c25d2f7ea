import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { rolesOf } from '../../main/electron/menu';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * main/electron/main.ts itself, on machines without the Electron binary: a small
 * stand-in for the `electron` module (app, menu, window, IPC) with the real createApp,
 * real SQLite and real settings behind it. It checks the wiring the lock's own unit test
 * cannot: patient mode entered through IPC swaps the menu and locks the window, a focus
 * loss is reported at unlock, a renderer crash reloads into the same session.
 * tests/electron/launch.spec.ts does the same with the real binary where it exists.
 */
const electron = vi.hoisted(() => {
  // vi.hoisted runs before any import, so the stand-in brings its own tiny event emitter.
  class Emitter {
    #listeners = new Map<string, Array<(...args: unknown[]) => void>>();
    on(event: string, listener: (...args: unknown[]) => void) {
      this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => void) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.#listeners.get(event) ?? []) listener(...args);
      return true;
    }
  }
  const state = { switches: [] as Array<[string, string?]>, asked: [] as Array<{ message: string; buttons: string[] }>, menu: [] as unknown[], handlers: new Map<string, (...args: unknown[]) => unknown>(), windows: [] as unknown[], dataDir: '' };
  class WebContents extends Emitter {
    loads = 0;
    mainFrame = { url: 'app://rapport/index.html' };
    reload() {
      this.loads += 1;
    }
    forcefullyCrashRenderer() {
      this.emit('render-process-gone', {}, { reason: 'killed' });
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new WebContents();
    state = { minimized: false, visible: false, focused: false, kiosk: false, onTop: false, closable: true, minimizable: true, destroyed: false };
    /** What main asked for: the hardening test reads its webPreferences. */
    options: { webPreferences?: Record<string, unknown> };
    constructor(options: { webPreferences?: Record<string, unknown> } = {}) {
      super();
      this.options = options;
      state.windows.push(this);
    }
    async loadURL() {
      this.webContents.loads += 1;
      this.emit('ready-to-show');
    }
    isDestroyed = () => this.state.destroyed;
    isMinimized = () => this.state.minimized;
    isFocused = () => this.state.focused;
    isVisible = () => this.state.visible;
    restore = () => void (this.state.minimized = false);
    show = () => void (this.state.visible = true);
    moveTop = () => undefined;
    focus = () => {
      if (this.state.focused) return;
      this.state.focused = true;
      this.emit('focus');
    };
    blur = () => {
      this.state.focused = false;
      this.emit('blur');
    };
    minimize = () => {
      this.state.minimized = true;
      this.blur();
      this.emit('minimize');
    };
    close = () => {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.state.destroyed = true;
      return !prevented;
    };
    setKiosk = (flag: boolean) => void (this.state.kiosk = flag);
    setAlwaysOnTop = (flag: boolean) => void (this.state.onTop = flag);
    setClosable = (flag: boolean) => void (this.state.closable = flag);
    setMinimizable = (flag: boolean) => void (this.state.minimizable = flag);
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    getPath: () => state.dataDir,
    setPath: () => undefined,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    commandLine: { appendSwitch: (name: string, value?: string) => void state.switches.push([name, value]) },
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  });
  const noop = () => undefined;
  const module = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => state.handlers.set(channel, fn), on: noop },
    Menu: { buildFromTemplate: (template: unknown[]) => template, setApplicationMenu: (menu: unknown[]) => void (state.menu = menu) },
    protocol: { registerSchemesAsPrivileged: noop, handle: noop },
    session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, setDevicePermissionHandler: noop, webRequest: { onBeforeRequest: noop } } },
    shell: { openPath: async () => '' },
    // The question a page with unsaved typing asks before it unloads: recorded, and answered "keep".
    dialog: { showMessageBoxSync: (_window: unknown, options: { message: string; buttons: string[] }) => (state.asked.push(options), 1) },
    // The operating system locking or sleeping (issue 8): the test emits these.
    powerMonitor: new Emitter(),
  };
  return { state, module: { ...module, default: module } };
});
vi.mock('electron', () => electron.module);
// electron-store is a package, which the stand-in cannot reach inside (it would load the
// real electron, which wants its binary): conf, what it is built on, with its one renaming.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf {
      constructor({ name, ...options }: { name: string; cwd: string }) {
        super({ ...options, configName: name, projectName: 'rapport' });
      }
    },
  };
});

type StandInWindow = InstanceType<typeof electron.module.BrowserWindow>;
const pin = '246813';
let dir: string;
let window: StandInWindow;

async function invoke<T = unknown>(channel: string, input: unknown): Promise<{ ok: boolean; value: T; error?: unknown }> {
  const handle = electron.state.handlers.get('rapport:invoke')!;
  return (await handle({ senderFrame: window.webContents.mainFrame }, channel, input)) as { ok: boolean; value: T };
}
async function must<T = unknown>(channel: string, input: unknown): Promise<T> {
  const r = await invoke<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}
const menuRoles = () => rolesOf(electron.state.menu as MenuItemConstructorOptions[]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-shell-'));
  electron.state.dataDir = dir;
  vi.stubEnv('RAPPORT_DATA_DIR', dir);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // A French clinic's settings, as a restart finds them (see the language test below).
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ clinic: { ...clinicProfile(), locale: 'fr-CA' } }));
  await import('../../main/electron/main');
  await vi.waitFor(() => expect(electron.state.windows.length).toBe(1), { timeout: 20_000 });
  window = electron.state.windows[0] as StandInWindow;
  await vi.waitFor(() => expect(electron.state.handlers.has('rapport:invoke')).toBe(true));
}, 30_000);

afterAll(async () => {
  // What Electron does on quit: main holds it until the database is closed.
  await new Promise<void>((resolve) => {
    electron.module.app.quit = () => {
      resolve();
      return undefined;
    };
    electron.module.app.emit('will-quit', { preventDefault: () => undefined });
  });
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('the Electron shell (main.ts) with a stand-in electron module', () => {
  // Issue 10.7: hardening checked, not assumed. Every window main creates, with exactly these.
  it('opens every window isolated, sandboxed, without Node, with its preload only', () => {
    expect(electron.state.windows.length).toBeGreaterThan(0);
    for (const w of electron.state.windows as StandInWindow[]) {
      const prefs = w.options.webPreferences ?? {};
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      });
      // Nothing that loosens them: no remote module, no extra features, no devtools flags, no other preload.
      expect(Object.keys(prefs).sort()).toEqual(
        ['allowRunningInsecureContent', 'contextIsolation', 'disableBlinkFeatures', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'],
      );
      expect(path.basename(String(prefs.preload))).toMatch(/^preload\.c?js$/);
    }
  });

  it('starts Chromium in the clinic’s language, so its own words (date pickers) are French in a French clinic', () => {
    expect(electron.state.switches).toContainEqual(['lang', 'fr-CA']);
  });

  it('uses the real invoke channel of the policy', async () => {
    const { INVOKE_CHANNEL } = await import('../../main/electron/policy');
    expect(INVOKE_CHANNEL).toBe('rapport:invoke');
    expect(menuRoles()).toEqual(expect.arrayContaining(['windowMenu', 'togglefullscreen']));
  });

  it('in patient mode: shortcuts gone, focus loss brought back and reported at unlock, a crash reloads into the same session', async () => {
    // A first run: the clinic and its first admin, who is then signed in.
    await must('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: 'Priya Natarajan, RMT', initials: 'PN', secret: pin } });
    const patient = await must<{ id: string }>('patients.create', { patient: patientInput() });
    const beforeEntry = window.webContents.loads;
    await must('patientMode.enter', { patientId: patient.id, kinds: ['treatment'], locale: 'fr-CA' });

    expect(menuRoles().filter((r) => ['minimize', 'close', 'quit', 'togglefullscreen', 'windowMenu', 'fileMenu', 'reload', 'toggleDevTools'].includes(r))).toEqual([]);
    expect(window.state).toMatchObject({ kiosk: true, onTop: true, closable: false, minimizable: false });
    expect(window.webContents.loads, 'a fresh page for the patient').toBe(beforeEntry + 1);
    expect(window.close()).toBe(false);

    window.minimize();
    expect(window.state).toMatchObject({ minimized: false, focused: true });

    const loads = window.webContents.loads;
    window.webContents.forcefullyCrashRenderer();
    expect(window.webContents.loads).toBe(loads + 1);
    expect(await must('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });

    const unlocked = await must<{ screenLeft: Array<{ at: string; seconds: number }> }>('patientMode.exit', { pin });
    expect(unlocked.screenLeft).toEqual([{ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), seconds: expect.any(Number) }]);
    expect(menuRoles()).toEqual(expect.arrayContaining(['windowMenu', 'togglefullscreen']));
    expect(window.state).toMatchObject({ kiosk: false, onTop: false, closable: true });
  });

  it('asks before typing is lost on a reload, in the clinic’s language, but never holds the page patient mode takes', async () => {
    const unload = () => {
      const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
      window.webContents.emit('will-prevent-unload', event);
      return event.prevented;
    };
    await must('settings.update', { ...clinicProfile(), locale: 'fr-CA' });
    electron.state.asked.length = 0;
    expect(unload(), 'kept: the page stays').toBe(false);
    expect(electron.state.asked).toEqual([expect.objectContaining({ message: 'Ce formulaire contient des changements non enregistrés.', buttons: ['Abandonner les changements', 'Continuer la saisie'] })]);

    // Entering patient mode reloads the page, whatever the desk had typed in a dialog behind.
    const patient = await must<{ id: string }>('patients.create', { patient: patientInput({ firstName: 'Lena', lastName: 'Okafor', dateOfBirth: '1990-02-03' }), acknowledgeDuplicates: true });
    await must('patientMode.enter', { patientId: patient.id, kinds: ['treatment'], locale: 'fr-CA' });
    expect(unload(), 'the page goes without a question').toBe(true);
    expect(electron.state.asked).toHaveLength(1);
    await must('patientMode.exit', { pin });
    await must('settings.update', clinicProfile());
  });

  it('locks the desk when the operating system locks the screen or sleeps (powerMonitor)', async () => {
    for (const event of ['lock-screen', 'suspend']) {
      expect(await must('session.current', {})).toMatchObject({ locked: false, user: { initials: 'PN' } });
      electron.module.powerMonitor.emit(event);
      await vi.waitFor(async () => expect(await must('session.current', {})).toMatchObject({ locked: true }));
      expect(await invoke('patients.search', { query: 'zoe' })).toMatchObject({ ok: false, error: { code: 'locked' } });
      await must('session.signIn', { initials: 'PN', secret: pin });
    }
  });
});
