import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  INVOKE_CHANNEL,
  allowRequest,
  contentTypeFor,
  isAppUrl,
  isTrustedSender,
  resolveAppFile,
  responseHeaders,
} from '../../main/electron/policy';

const root = path.resolve('/srv/rapport/dist/renderer');
const inRoot = (rel: string) => path.join(root, rel);

describe('isAppUrl', () => {
  it('accepts our own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://rapport/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://rapport/')).toBe(true);
  });

  it.each([
    'https://rapport/index.html',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://rapport.evil.com/index.html',
    'app://user@rapport/index.html',
    'app://rapport:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('allowRequest', () => {
  it.each([
    'app://rapport/index.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://rapport/2f1c7a9e-0000-4000-8000-000000000000',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    expect(allowRequest(url)).toBe(true);
  });

  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://127.0.0.1:3000/',
    'ws://localhost:5173/',
    'wss://example.org/socket',
    'file:///C:/Windows/win.ini',
    'ftp://example.org/',
    'chrome-extension://abc/x.js',
    'app://other/index.html',
    'garbage',
  ])('cancels %s', (url) => {
    expect(allowRequest(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the main window frame showing our app', () => {
    expect(isTrustedSender({ frameUrl: 'app://rapport/index.html', isMainWindowFrame: true })).toBe(true);
  });

  it('refuses another frame, a navigated frame, or a destroyed one', () => {
    expect(isTrustedSender({ frameUrl: 'app://rapport/index.html', isMainWindowFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://example.org/', isMainWindowFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'about:blank', isMainWindowFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, isMainWindowFrame: true })).toBe(false);
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://rapport/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://rapport/assets/index-abc.js')).toBe(inRoot('assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://rapport/assets/index-abc.js?v=1#x')).toBe(inRoot('assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://rapport/fonts/Noto%20Sans.woff2')).toBe(inRoot('fonts/Noto Sans.woff2'));
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveAppFile(root, 'app://rapport/')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://rapport')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://rapport/patients/123')).toBe(inRoot('index.html'));
  });

  it.each([
    'app://rapport/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://rapport/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://rapport/..%5c..%5cwindows%5cwin.ini',
    'app://rapport/C:%5cWindows%5cwin.ini',
    'app://rapport/C:/Windows/win.ini',
    'app://rapport/a%00.js',
    'app://rapport/%E0%A4%A',
    'app://other/index.html',
    'https://rapport/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the URL parser normalised', () => {
    // WHATWG parsing folds a literal "/../" away before we see it; what is left stays inside.
    for (const url of ['app://rapport/../../etc/passwd.txt', 'app://rapport/%2e%2e/%2e%2e/etc/passwd.txt', 'app://rapport/a/./../../b.js']) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('response headers', () => {
  it('carry the strict CSP and an explicit type', () => {
    const headers = responseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });

  it('allow nothing remote and no inline script', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});

describe('preload', () => {
  it('uses the channel main listens on and exposes nothing but invoke', async () => {
    const source = await readFile(path.resolve(__dirname, '../../main/electron/preload.ts'), 'utf8');
    expect(source).toContain(`ipcRenderer.invoke('${INVOKE_CHANNEL}', channel, input)`);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((m) => m !== 'electron' && !source.includes(`import type { RapportBridge } from '${m}'`))).toEqual([]);
  });
});
