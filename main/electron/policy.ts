import path from 'node:path';

/**
 * The security decisions of the Electron shell, as plain functions. main.ts and
 * window.ts only wire them to Electron's events, so every rule here is tested under
 * Node without the Electron binary (tests/unit/electron-policy.test.ts). No `electron`
 * import here, on purpose.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel. The preload repeats this literal because it may import only 'electron'. */
export const INVOKE_CHANNEL = 'rapport:invoke';

/**
 * Sent with every app:// response. 'unsafe-inline' for styles only: React's `style`
 * props need it, and inline style cannot run code. No remote origin appears anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://rapport/… with no credentials or port smuggled into the authority. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * What the session may fetch. Only our own files; data:/blob: because the CSP allows
 * them for images (the clinic logo travels as a data URL) and they never leave the
 * machine; devtools: so a developer can still open DevTools. Everything else (http,
 * https, ws, file, ftp…) is cancelled, so no remote content can ever load.
 */
export function allowRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:';
}

export interface SenderFacts {
  /** `event.senderFrame?.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Whether `event.senderFrame` is the main window's top frame (not an iframe, not another window). */
  isMainWindowFrame: boolean;
}

/**
 * Whether an IPC call may reach the dispatcher. A frame that navigated away, an iframe
 * or any other window is refused even if it somehow got the preload.
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function isTrustedSender({ frameUrl, isMainWindowFrame }: SenderFacts): boolean {
  return isMainWindowFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * Maps an app:// URL to a file inside `rootDir`, or null when it must not be served.
 * Extensionless paths fall back to index.html, so a reload on a client-side route still
 * finds the app. Traversal is refused outright rather than normalised: a request for
 * `..` is never an honest one from our own bundle.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const u = parse(url)!;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // Backslashes and NULs have no place in our asset names; on Windows a backslash is a separator.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  // A drive letter ("C:") would make path.resolve jump out of rootDir on Windows.
  if (segments.some((s) => s.includes(':'))) return null;

  const relative = segments.length === 0 || path.extname(segments[segments.length - 1]) === ''
    ? 'index.html'
    : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Explicit types, because `nosniff` makes Chromium refuse a script without one. */
export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every app:// response. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
