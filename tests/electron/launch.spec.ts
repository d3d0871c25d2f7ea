import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { allowRequest } from '../../main/electron/policy';
import { clinicProfile, patientInput } from '../support/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, but without
 * requiring that package: requiring it from Node starts a download when the binary is
 * missing, and these machines cannot download it (ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
function electronBinary(): { found: true; path: string } | { found: false; why: string } {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = path.join(override, executable || 'electron');
    return existsSync(bin) ? { found: true, path: bin } : { found: false, why: `ELECTRON_OVERRIDE_DIST_PATH has no ${bin}` };
  }
  if (!executable) {
    return {
      found: false,
      why: 'node_modules/electron/path.txt and node_modules/electron/dist missing; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1',
    };
  }
  const bin = path.join(pkg, 'dist', executable);
  return existsSync(bin)
    ? { found: true, path: bin }
    : { found: false, why: `node_modules/electron/dist/${executable} missing; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1` };
}

const binary = electronBinary();
const notRunReason = binary.found ? '' : `Electron launch test DID NOT RUN: the Electron binary is not installed (${binary.why})`;

test.describe('Electron shell', () => {
  test.beforeAll(() => {
    if (notRunReason) console.log(notRunReason);
  });

  test('launches locked down, exposes only rapport.invoke, and saves a patient', async () => {
    test.skip(!binary.found, notRunReason);

    for (const built of ['dist/main/main.mjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
      expect(existsSync(path.join(root, built)), `${built} is missing: run npm run build first`).toBe(true);
    }

    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rapport-electron-'));
    // Launch the folder, not main.mjs: Electron then takes package.json's "main" and sets
    // the app path to the repository root, which is where main looks for dist/renderer.
    // No executablePath: the binary exists, so Playwright's own lookup cannot download.
    const app = await electron.launch({
      args: [root],
      cwd: root,
      env: { ...process.env, RAPPORT_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      const requests: string[] = [];
      window.on('request', (request) => requests.push(request.url()));
      await window.waitForLoadState('domcontentloaded');
      expect(window.url()).toBe('app://rapport/index.html');

      const globals = await window.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        rapport: Object.keys((globalThis as unknown as { rapport: object }).rapport ?? {}),
        invoke: typeof (globalThis as unknown as { rapport?: { invoke?: unknown } }).rapport?.invoke,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', rapport: ['invoke'], invoke: 'function' });

      const csp = await window.evaluate(async () => (await fetch('app://rapport/index.html')).headers.get('content-security-policy'));
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      const remote = await window.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'blocked'));
      expect(remote).toBe('blocked');

      // Nothing answers before someone signs in: the first run makes the first admin (issue 8).
      const setup = (await window.evaluate(
        (input) => (globalThis as unknown as { rapport: { invoke(c: string, i: unknown): Promise<unknown> } }).rapport.invoke('setup.createFirstAdmin', input),
        { clinic: clinicProfile(), admin: { name: 'Priya Natarajan, RMT', initials: 'PN', secret: '246813' } },
      )) as { ok: boolean };
      expect(setup.ok, JSON.stringify(setup)).toBe(true);

      const patient = patientInput({ firstName: 'Łukasz', lastName: 'Wiśniewski', email: 'lukasz@example.org' });
      const created = (await window.evaluate(
        (input) => (globalThis as unknown as { rapport: { invoke(c: string, i: unknown): Promise<unknown> } }).rapport.invoke('patients.create', input),
        { patient, acknowledgeDuplicates: false },
      )) as { ok: boolean; value?: { id: string; firstName: string } };
      expect(created.ok, JSON.stringify(created)).toBe(true);
      expect(created.value?.firstName).toBe('Łukasz');

      const found = (await window.evaluate(
        (input) => (globalThis as unknown as { rapport: { invoke(c: string, i: unknown): Promise<unknown> } }).rapport.invoke('patients.search', input),
        { query: 'lukasz wisniewski' },
      )) as { ok: boolean; value?: { results: Array<{ id: string }> } };
      expect(found.ok, JSON.stringify(found)).toBe(true);
      expect(found.value?.results.map((r) => r.id)).toContain(created.value?.id);

      expect(requests.filter((url) => !allowRequest(url))).toEqual([]);
    } finally {
      await app.close();
    }
    // SQLite removes the WAL file only when the last connection closes cleanly.
    expect(existsSync(path.join(dataDir, 'rapport.sqlite3'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'rapport.sqlite3-wal'))).toBe(false);
    await rm(dataDir, { recursive: true, force: true });
  });

  test('patient mode: no window shortcuts, back to the front when minimized, a crash reloads into the same session', async () => {
    test.skip(!binary.found, notRunReason);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rapport-electron-'));
    const app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, RAPPORT_DATA_DIR: dataDir } });
    try {
      let window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      const invoke = async (channel: string, input: unknown) => {
        const r = (await window.evaluate(
          ([c, i]) => (globalThis as unknown as { rapport: { invoke(c: string, i: unknown): Promise<unknown> } }).rapport.invoke(c, i),
          [channel, input] as const,
        )) as { ok: boolean; value: unknown };
        expect(r.ok, `${channel}: ${JSON.stringify(r)}`).toBe(true);
        return r.value as Record<string, unknown>;
      };
      // Every role in the application menu, submenus included.
      const menuRoles = () =>
        app.evaluate(({ Menu }) => {
          type Item = { role?: string; submenu?: { items: Item[] } | null };
          const walk = (items: Item[]): string[] => items.flatMap((i) => [...(i.role ? [i.role.toLowerCase()] : []), ...(i.submenu ? walk(i.submenu.items) : [])]);
          return walk((Menu.getApplicationMenu()?.items ?? []) as Item[]);
        });
      const windowState = () =>
        app.evaluate(({ BrowserWindow }) => {
          const w = BrowserWindow.getAllWindows()[0];
          return { kiosk: w.isKiosk(), onTop: w.isAlwaysOnTop(), minimized: w.isMinimized(), visible: w.isVisible(), crashed: w.webContents.isCrashed() };
        });

      // A first run: the clinic and its first admin, who is then signed in (issue 8).
      await invoke('setup.createFirstAdmin', { clinic: clinicProfile(), admin: { name: 'Priya Natarajan, RMT', initials: 'PN', secret: '246813' } });
      const patient = await invoke('patients.create', { patient: patientInput(), acknowledgeDuplicates: false });
      await invoke('patientMode.enter', { patientId: patient.id, kinds: ['treatment'], locale: 'en-CA' });

      // The shell gives the patient a fresh page: nothing the desk's page held stays in memory.
      await expect
        .poll(() => app.windows()[0].evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type))
        .toBe('reload');
      window = app.windows()[0];
      await window.waitForLoadState('domcontentloaded');

      const gone = ['minimize', 'close', 'quit', 'togglefullscreen', 'windowmenu', 'filemenu', 'reload', 'toggledevtools'];
      expect((await menuRoles()).filter((r) => gone.includes(r))).toEqual([]);
      expect(await windowState()).toMatchObject({ kiosk: true, onTop: true });

      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize());
      await expect.poll(windowState).toMatchObject({ minimized: false, visible: true });

      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.forcefullyCrashRenderer());
      await expect.poll(windowState).toMatchObject({ crashed: false });
      window = app.windows()[0];
      await window.waitForLoadState('domcontentloaded');
      await expect(window.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
      expect(await invoke('patientMode.current', {})).toMatchObject({ session: { patientId: patient.id } });

      const unlocked = await invoke('patientMode.exit', { pin: '246813' });
      expect((unlocked.screenLeft as unknown[]).length).toBeGreaterThan(0);
      expect(await menuRoles()).toEqual(expect.arrayContaining(['windowmenu']));
      expect(await windowState()).toMatchObject({ kiosk: false, onTop: false });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
