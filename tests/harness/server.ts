import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../main/ipc/dispatcher';

/**
 * The browser harness: serves the built renderer on loopback and answers `invoke`
 * with the same dispatcher Electron's main process registers. Only the transport
 * differs from the app (HTTP on 127.0.0.1 instead of Electron IPC); nothing is mocked.
 * A development and test aid, never a product mode: it binds to loopback only.
 */

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Stands in for the preload: the same one function, `window.rapport.invoke`. */
const bridge = `window.rapport = Object.freeze({
  invoke: (channel, input) =>
    fetch('./__harness/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) })
      .then((r) => r.json()),
});`;

const maxBody = 8 * 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

export async function startHarness({ dispatch, rendererDir, port = 0 }: { dispatch: Dispatch; rendererDir: string; port?: number }): Promise<Harness> {
  const root = path.resolve(rendererDir);
  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/__harness/invoke') {
        // Only the page this harness served may call it: JSON (so a plain form or a
        // no-cors fetch from another site is refused) from its own origin and host.
        const own = `http://${req.headers.host}`;
        const sameHost = req.headers.host === `127.0.0.1:${bound}` || req.headers.host === `localhost:${bound}`;
        if (!sameHost || req.headers.origin !== own || !String(req.headers['content-type']).startsWith('application/json')) {
          return send(res, 403, 'text/plain', 'Forbidden');
        }
        const body = await readBody(req);
        let message: { channel?: unknown; input?: unknown } = {};
        try {
          message = body === null ? {} : JSON.parse(body);
        } catch {
          // Fall through: the dispatcher answers a missing channel with a typed error.
        }
        const result = await dispatch(message?.channel, message?.input);
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/__harness/bridge.js') return send(res, 200, types['.js'], bridge);

      const file = path.resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
      if (!file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
      let bytes = await readFile(file).catch(() => null);
      if (!bytes) return send(res, 404, 'text/plain', 'Not found');
      if (file.endsWith('index.html')) {
        // Classic scripts run before module scripts, so the bridge is there when the app starts.
        bytes = Buffer.from(bytes.toString('utf8').replace('<head>', '<head><script src="./__harness/bridge.js"></script>'));
      }
      return send(res, 200, types[path.extname(file)] ?? 'application/octet-stream', bytes);
    } catch {
      return send(res, 500, 'text/plain', 'Harness error');
    }
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    // Keep-alive connections from the page would hold close() open until they time out.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
