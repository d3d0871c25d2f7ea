import { defineConfig } from '@playwright/test';

/**
 * The Electron launch test. It needs no browser from Playwright (it drives Electron's
 * own Chromium), so nothing is downloaded; without an Electron binary the test skips
 * itself and says so.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One Electron at a time: each launch holds the single-instance lock of its data folder.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  forbidOnly: !!process.env.CI,
});
