import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { AppHost } from '../../main/app/host';
import { nodeHost } from '../support/node-app';
import { startHarness } from '../harness/server';
import { openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * Backups from the desk: the frame's status line, "back up now" with progress, and a
 * restore that is checked first, brings the page back on the restored data without a
 * restart, and can be undone. The app runs in its host, as Electron runs it, so a
 * restore really closes and reopens it behind the same page.
 */
const test = base.extend<{ host: AppHost; appUrl: string; backups: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use, info) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-e2e-backup-'));
    info.annotations.push({ type: 'dir', description: dir });
    const host = await nodeHost({ dataDir: path.join(dir, 'data'), settingsDir: path.join(dir, 'settings'), version: '0.0.0-e2e' });
    await use(host);
    await host.close();
    await rm(dir, { recursive: true, force: true });
  },
  backups: async ({ host }, use) => {
    const folder = path.join(path.dirname(host.current().paths.root), 'usb-stick');
    await mkdir(folder);
    await use(folder);
  },
  appUrl: async ({ host, page }, use) => {
    const harness = await startHarness({ dispatch: host.dispatch, rendererDir: path.resolve('dist/renderer') });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(harness.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await use(harness.url);
    expect(outside, 'the page made requests outside the app').toEqual([]);
    await harness.close();
  },
});

test.use({ viewport: { width: 1366, height: 768 } });

test('back up now, restore a checked backup in place, and undo it, from the keyboard', async ({ page, appUrl, host, backups }) => {
  await host.dispatch('settings.update', clinicProfile());
  await host.dispatch('patients.create', { patient: patientInput() });
  await openApp(page, appUrl);
  const line = page.getByRole('banner').getByRole('link');
  await expect(line).toHaveText(/No backups yet: choose a backup folder/);

  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeFocused();
  const folder = page.getByLabel('Folder for backups');
  await folder.fill('backups');
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.getByText('Enter the full path of the folder')).toBeVisible();
  await folder.fill(backups);
  await folder.press('Enter');
  await expect(page.getByText('Backups will go to this folder.')).toBeVisible();
  await expect(line).toHaveText(/No backup yet: back up now/);

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(line).toHaveText(/Backed up today/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(/^today \d\d:\d\d$/);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['1', '0', '0', /\d+ kB/, 'Restore…']);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/e2e/backup-screen.png' });

  // Work after the backup: it is what a restore takes away, and an undo gives back.
  await host.dispatch('patients.create', { patient: patientInput({ firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-11-02' }), acknowledgeDuplicates: true });

  await page.getByRole('button', { name: /Restore the backup of today/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog).toContainText('1 patient, 0 consents, 0 documents');
  await expect(dialog.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Check this backup' }).click();
  await expect(dialog.getByText(/Checked: every file is as it was written/)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/backup-restore-dialog.png' });
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByText(/A backup was restored\. The data from before it was set aside/)).toBeVisible();

  await page.keyboard.press('Alt+2');
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('wojcik');
  await expect(page.getByText(/No patient/i)).toBeVisible();

  await page.keyboard.press('Alt+7');
  await page.getByRole('button', { name: 'Undo the last restore' }).click();
  // Undoing reopens the app too (the person signs in again in Electron): what shows is main's state.
  await expect(page.getByRole('button', { name: 'Undo the last restore' })).toHaveCount(0);
  // The frame comes back once main has reopened; a key pressed while it does is not lost on a person, so press again.
  await expect(async () => {
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('wojcik');
  await expect(page.getByRole('option')).toHaveCount(1);
});

test('the status line warns when the backup drive is gone', async ({ page, appUrl, host, backups }) => {
  expect((await host.dispatch('backup.setFolder', { folder: backups })).ok).toBe(true);
  await host.current().services.backup.runOnce();
  await rm(backups, { recursive: true });
  await openApp(page, appUrl);
  await expect(page.getByRole('banner').getByRole('link', { name: /backup/i })).toHaveText(/The backup folder cannot be found: connect the backup drive\. Last good backup: today/);
});
