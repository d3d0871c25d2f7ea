/**
 * The shell's part of patient mode (issue 12, item 1). On Windows and Linux a kiosk
 * window does not stop Alt+Tab, the Windows key or a task manager, so the window
 * cannot be made inescapable; what the shell can do is take away its own ways out,
 * come back to the front whenever the screen is taken from it, and tell staff at
 * unlock that it was left, when and for how long (main audits it).
 *
 * Electron is reached only through the small window interface below, so the whole
 * behaviour is tested with a stand-in window (tests/unit/electron-patient-lock.test.ts)
 * on machines without the Electron binary; main.ts hands it the real BrowserWindow.
 */

type WindowEvent = 'blur' | 'minimize' | 'hide' | 'focus' | 'close';

/** The part of Electron's BrowserWindow the lock uses. */
export interface LockableWindow {
  on(event: WindowEvent, listener: (event: { preventDefault(): void }) => void): unknown;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isFocused(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  moveTop(): void;
  focus(): void;
  setKiosk(flag: boolean): void;
  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void;
  setClosable(flag: boolean): void;
  setMinimizable(flag: boolean): void;
  webContents: {
    on(event: 'render-process-gone' | 'unresponsive', listener: () => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

export interface PatientLockDeps {
  /** Puts up the application menu for patient mode (no window shortcuts) or the desk's. */
  setMenu(patientMode: boolean): void;
  /** The window lost the screen at `at` and had it back `seconds` later. */
  reportLeft(left: { at: string; seconds: number }): void;
  /** The page crashed or hung and was reloaded (the session is main's, so it comes back). */
  reportReload?(reason: 'gone' | 'unresponsive'): void;
  now(): Date;
}

export function patientWindowLock(deps: PatientLockDeps) {
  let on = false;
  let window: LockableWindow | null = null;
  let leftAt: Date | null = null;

  const usable = () => window !== null && !window.isDestroyed();

  function apply(): void {
    deps.setMenu(on);
    if (!window || !usable()) return;
    window.setKiosk(on);
    // Above other windows, task bars and notifications while the patient holds it.
    window.setAlwaysOnTop(on, 'screen-saver');
    // Windows and macOS grey out the title bar's buttons; Linux ignores these (kiosk has none).
    window.setClosable(!on);
    window.setMinimizable(!on);
  }

  function bringBack(): void {
    if (!on || !window || !usable()) return;
    // Electron may fire blur, minimize and hide for one event, in any order: one leaving.
    if (window.isFocused() && window.isVisible() && !window.isMinimized()) return;
    leftAt ??= deps.now();
    if (window.isMinimized()) window.restore();
    window.show();
    window.moveTop();
    window.focus();
  }

  function back(): void {
    if (!leftAt) return;
    const at = leftAt;
    leftAt = null;
    if (on) deps.reportLeft({ at: at.toISOString(), seconds: Math.max(0, Math.round((deps.now().getTime() - at.getTime()) / 1000)) });
  }

  return {
    /** Whether the window is the patient's now. */
    holding: (): boolean => on,
    /** Patient mode started or ended (main's patient mode tells this, through createApp). */
    set(next: boolean): void {
      const entering = next && !on;
      on = next;
      leftAt = null;
      apply();
      // A fresh page for the patient: the desk's page has held other patients' records
      // and searches in its memory, and React Query's timers can keep them alive after
      // its cache is cleared. A new document starts with none; it asks main, which holds
      // the session, and shows the form.
      if (entering && window && usable()) window.webContents.reload();
    },
    attach(w: LockableWindow): void {
      window = w;
      w.on('blur', bringBack);
      w.on('minimize', bringBack);
      w.on('hide', bringBack);
      w.on('focus', back);
      // Quitting and reopening would not end patient mode (main keeps it), but a patient
      // should not be able to leave the desk's PC without its app either.
      w.on('close', (event) => {
        if (on) event.preventDefault();
      });
      // A crashed or hung page would leave the desk stuck on a window that cannot be
      // closed: load it again; it asks main, which still holds the session, and shows the form.
      w.webContents.on('render-process-gone', () => {
        if (!on || !usable()) return;
        w.webContents.reload();
        deps.reportReload?.('gone');
      });
      w.webContents.on('unresponsive', () => {
        if (!on || !usable()) return;
        // Killing the hung renderer fires 'render-process-gone', which reloads it.
        w.webContents.forcefullyCrashRenderer();
        deps.reportReload?.('unresponsive');
      });
      apply();
    },
  };
}
