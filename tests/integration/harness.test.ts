import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { tempApp } from '../support/app';

/** The harness serves real clinic data when pointed at it (npm run look): other sites must not reach it. */
describe('browser harness', () => {
  let app: Awaited<ReturnType<typeof tempApp>>;
  let harness: Harness;
  beforeAll(async () => {
    app = await tempApp();
    harness = await startHarness({ dispatch: app.dispatch, rendererDir: path.resolve('renderer') });
  });
  afterAll(async () => {
    await harness.close();
    await app.cleanup();
  });

  const invoke = (headers: Record<string, string>) =>
    fetch(`${harness.url}__harness/invoke`, { method: 'POST', headers, body: JSON.stringify({ channel: 'app.info', input: {} }) });
  const origin = () => harness.url.replace(/\/$/, '');

  it('answers its own page', async () => {
    const r = await invoke({ 'content-type': 'application/json', origin: origin() });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, value: { version: '0.0.0-test' } });
  });

  it('refuses another origin, a form post, and a rebound host name', async () => {
    expect((await invoke({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke({ 'content-type': 'text/plain', origin: origin() })).status).toBe(403);
    expect((await invoke({ 'content-type': 'application/json' })).status).toBe(403);
    const rebound = await fetch(`${harness.url}__harness/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example:80', host: 'evil.example' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
  });

  it('serves no file outside the renderer folder', async () => {
    expect((await fetch(`${harness.url}..%2f..%2fpackage.json`)).status).toBe(403);
  });
});
