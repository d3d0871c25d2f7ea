import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { menuTemplate, patientModeMenuTemplate, rolesOf } from '../../main/electron/menu';
import { patientWindowLock, type LockableWindow } from '../../main/electron/patient-lock';
import type { MenuItemConstructorOptions } from 'electron';

/**
 * Patient mode's hold on the window, with a stand-in for Electron's BrowserWindow (the
 * binary is not on these machines): it keeps the state a real window would (minimized,
 * visible, focused, kiosk…) and fires the events Electron fires. tests/electron/
 * launch.spec.ts runs the same checks on the real window where the binary exists.
 */
class StandInWindow extends EventEmitter implements LockableWindow {
  minimized = false;
  visible = true;
  focused = true;
  kiosk = false;
  onTop = false;
  closable = true;
  minimizable = true;
  closed = false;
  loads = 1;
  rendererAlive = true;
  readonly webContents = Object.assign(new EventEmitter(), {
    reload: () => {
      this.loads += 1;
      this.rendererAlive = true;
    },
    forcefullyCrashRenderer: () => {
      this.rendererAlive = false;
      this.webContents.emit('render-process-gone');
    },
  });
  isDestroyed = () => this.closed;
  isMinimized = () => this.minimized;
  isFocused = () => this.focused;
  isVisible = () => this.visible;
  restore = () => void (this.minimized = false);
  show = () => void (this.visible = true);
  moveTop = () => undefined;
  focus = () => {
    if (this.focused) return;
    this.focused = true;
    this.emit('focus', { preventDefault() {} });
  };
  setKiosk = (flag: boolean) => void (this.kiosk = flag);
  setAlwaysOnTop = (flag: boolean) => void (this.onTop = flag);
  setClosable = (flag: boolean) => void (this.closable = flag);
  setMinimizable = (flag: boolean) => void (this.minimizable = flag);

  /** What the user or the window manager does. */
  blur() {
    this.focused = false;
    this.emit('blur', { preventDefault() {} });
  }
  minimize() {
    this.minimized = true;
    this.blur();
    this.emit('minimize', { preventDefault() {} });
  }
  hide() {
    this.visible = false;
    this.blur();
    this.emit('hide', { preventDefault() {} });
  }
  /** Asks to close; true when it closed. */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    this.closed = !prevented;
    return this.closed;
  }
}

function setUp() {
  let clock = new Date('2026-11-30T14:00:00.000Z');
  const menus: boolean[] = [];
  const left: Array<{ at: string; seconds: number }> = [];
  const reloads: string[] = [];
  const lock = patientWindowLock({
    setMenu: (on) => menus.push(on),
    reportLeft: (l) => left.push(l),
    reportReload: (reason) => reloads.push(reason),
    now: () => clock,
  });
  const window = new StandInWindow();
  lock.attach(window);
  const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  return { lock, window, menus, left, reloads, tick };
}

/** Every accelerator in a template, submenus included. */
const acceleratorsOf = (items: MenuItemConstructorOptions[]): unknown[] =>
  items.flatMap((i) => [...(i.accelerator ? [i.accelerator] : []), ...(Array.isArray(i.submenu) ? acceleratorsOf(i.submenu) : [])]);

describe('patient mode in the Electron shell', () => {
  it('the patient-mode menu has no minimize, close, quit, hide, full screen, reload or developer tools', () => {
    const ways = ['minimize', 'close', 'quit', 'hide', 'hideOthers', 'togglefullscreen', 'reload', 'forceReload', 'toggleDevTools', 'windowMenu', 'fileMenu', 'appMenu', 'viewMenu'];
    for (const isMac of [true, false]) {
      const roles = rolesOf(patientModeMenuTemplate({ isMac }));
      expect(roles.filter((r) => ways.includes(r))).toEqual([]);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn']));
      expect(acceleratorsOf(patientModeMenuTemplate({ isMac }))).toEqual([]);
      // The desk's own menu does have them: the swap is what takes them away.
      expect(rolesOf(menuTemplate({ isMac, isPackaged: true }))).toEqual(expect.arrayContaining(['togglefullscreen', 'windowMenu']));
    }
  });

  it('entering swaps the menu and locks the window; leaving gives both back', () => {
    const { lock, window, menus } = setUp();
    expect(menus).toEqual([false]);
    lock.set(true);
    expect(menus.at(-1)).toBe(true);
    // A fresh page: nothing the desk's page held in memory reaches the patient's.
    expect(window).toMatchObject({ kiosk: true, onTop: true, closable: false, minimizable: false, loads: 2 });
    expect(window.close()).toBe(false);
    lock.set(false);
    expect(menus.at(-1)).toBe(false);
    expect(window).toMatchObject({ kiosk: false, onTop: false, closable: true, minimizable: true });
    expect(window.close()).toBe(true);
  });

  it('losing focus, being minimized or hidden brings the window back, and each time is reported', () => {
    const { lock, window, left, tick } = setUp();
    lock.set(true);
    window.blur();
    expect(window.focused).toBe(true);
    window.minimize();
    expect(window).toMatchObject({ minimized: false, focused: true });
    window.hide();
    expect(window).toMatchObject({ visible: true, focused: true });
    expect(left).toEqual([
      { at: '2026-11-30T14:00:00.000Z', seconds: 0 },
      { at: '2026-11-30T14:00:00.000Z', seconds: 0 },
      { at: '2026-11-30T14:00:00.000Z', seconds: 0 },
    ]);

    // A system that refuses to hand focus back (Windows' focus-stealing rule): reported when the patient returns.
    window.focus = () => undefined;
    tick(5);
    window.blur();
    tick(40);
    window.focused = true;
    window.emit('focus', { preventDefault() {} });
    expect(left.at(-1)).toEqual({ at: '2026-11-30T14:00:05.000Z', seconds: 40 });
  });

  it('outside patient mode the window is left alone and nothing is reported', () => {
    const { window, left } = setUp();
    window.minimize();
    expect(window).toMatchObject({ minimized: true, focused: false });
    window.emit('focus', { preventDefault() {} });
    expect(left).toEqual([]);
  });

  it('a renderer crash or hang reloads the page, which comes back to the same session', () => {
    const { lock, window, reloads } = setUp();
    lock.set(true);
    expect(window.loads).toBe(2);
    window.rendererAlive = false;
    window.webContents.emit('render-process-gone');
    expect(window).toMatchObject({ loads: 3, rendererAlive: true });
    window.webContents.emit('unresponsive');
    expect(window).toMatchObject({ loads: 4, rendererAlive: true });
    expect(reloads).toEqual(['gone', 'gone', 'unresponsive']);
    // Outside patient mode the desk can close and reopen the window itself.
    lock.set(false);
    window.webContents.emit('render-process-gone');
    expect(window.loads).toBe(4);
  });
});
