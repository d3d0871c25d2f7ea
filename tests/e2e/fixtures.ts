import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import { nodeApp, type StartAs } from '../support/node-app';
import { startHarness } from '../harness/server';

/**
 * Each test gets the real app on a fresh SQLite file, served to Debian's Chromium by
 * the harness; every request the page makes is recorded, and any that leaves the
 * app's own origin fails the test. The desk starts with an admin signed in; a test
 * picks someone else, nobody, or a first run with `test.use({ startAs: 'reception' })`.
 */
export const test = base.extend<{ app: App; appUrl: string; startAs: StartAs }>({
  startAs: ['admin', { option: true }],
  app: async ({ startAs }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-e2e-'));
    const app = await nodeApp({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-e2e', as: startAs });
    await use(app);
    await app.close();
    await rm(dir, { recursive: true, force: true });
  },
  appUrl: async ({ app, page }, use) => {
    const harness = await startHarness({ dispatch: app.dispatch, rendererDir: path.resolve('dist/renderer') });
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(harness.url) && !url.startsWith('data:')) outside.push(url);
    });
    await use(harness.url);
    expect(outside, 'the page made requests outside the app').toEqual([]);
    await harness.close();
  },
});
export { expect };

/** A signature drawn the way a hand draws it: a few strokes across the box. */
export async function drawSignature(page: Page, box: Locator) {
  await box.scrollIntoViewIfNeeded();
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + 30, b.y + b.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(b.x + 30 + i * 12, b.y + b.height * (0.6 - 0.25 * Math.sin(i / 2)), { steps: 2 });
  await page.mouse.up();
}

/**
 * Opens the app at a route and waits until it can take keys: the desk appears once main has
 * said who is signed in, and each screen then puts the focus where work starts. A key pressed
 * before that would be lost, so every test opens the app this way.
 */
export async function openApp(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#root')?.firstElementChild && document.activeElement && document.activeElement !== document.body);
}

/** Keyboard only: Tab until the control has focus, and fail if it never does. */
export async function tabTo(page: Page, target: Locator, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}
