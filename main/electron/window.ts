import { BrowserWindow, dialog, type Session, type WebContents } from 'electron';
import { allowRequest } from './policy';

/**
 * Locks a session down: no permission is ever granted (camera, notifications,
 * geolocation, USB, serial…) and no request leaves for anything but our own files.
 * A front-desk screen full of health information has no reason to reach the network.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url) }));
}

/**
 * Applied to every WebContents the app ever creates (via app's 'web-contents-created'),
 * so a window opened some other way is as locked as the main one.
 */
export function hardenWebContents(contents: WebContents): void {
  // The renderer is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The words of the question asked when the page holds typing that is not saved. */
export interface LeaveQuestion {
  message: string;
  detail: string;
  discard: string;
  keep: string;
}

export interface MainWindowOptions {
  preload: string;
  title: string;
  /**
   * Asked each time the page refuses to unload: the question in the clinic's language,
   * or null to let the page go without asking (patient mode taking the screen: the desk's
   * typing behind it is not the patient's to keep or discard).
   */
  leaveQuestion(): LeaveQuestion | null;
}

export function createMainWindow({ preload, title, leaveQuestion }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    // Shown on 'ready-to-show' so the desk never sees a blank white flash.
    show: false,
    webPreferences: {
      preload,
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
      safeDialogs: true,
      // A middle click would ask for a new window; the open handler denies it, and this stops it earlier (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      // Chromium fetches spellcheck dictionaries from Google on Windows and Linux; the
      // app makes no network request, and the words typed here are mostly names anyway.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // A form with unsaved typing refuses to unload (beforeunload). Electron then cancels
  // the reload or close without a word; ask, as a browser would (issue 7, item 13).
  window.webContents.on('will-prevent-unload', (event) => {
    const words = leaveQuestion();
    if (!words) return event.preventDefault();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [words.discard, words.keep],
      defaultId: 1,
      cancelId: 1,
      message: words.message,
      detail: words.detail,
    });
    if (choice === 0) event.preventDefault();
  });
  return window;
}
