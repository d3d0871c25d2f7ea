import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';
import type { Patient } from '../../shared/contract/patients';

/** Issue 10.6 on screen: the Export action on the record, the purge for admins. */

test('the record exports from its own screen, saying where the folder is', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile());
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/patients/${(created.value as Patient).id}`);
  await page.getByRole('button', { name: 'Export record' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Exported 2 files' });
  await expect(done).toBeVisible();
  const folder = (await done.locator('code').textContent())!;
  expect((await readdir(folder)).sort()).toEqual(['documents', 'record.json', 'record.pdf']);
});

test('an export that would be incomplete is refused in plain words', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile());
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const signed = await app.dispatch('consent.sign', {
    patientId: (created.value as Patient).id, kind: 'treatment', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'screen', imageBase64: solidPng(200, 60, [16, 36, 58]).toString('base64'), signerName: 'Zoë' },
  });
  if (!signed.ok) throw new Error('sign failed');
  await writeFile(path.join(app.paths.documents, `${(signed.value as { id: string }).id}.pdf`), '%PDF-1.4 changed');
  await openApp(page, `${appUrl}#/patients/${(created.value as Patient).id}`);
  await page.getByRole('button', { name: 'Export record' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'is changed in the documents folder, so the export was not made' })).toBeVisible();
});

test('an admin lists the archived records past the period, confirms, and they are gone', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile());
  const made = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Olga', lastName: 'Ancienne' }) });
  if (!made.ok) throw new Error('seed failed');
  const old = { value: made.value as Patient };
  await app.dispatch('patients.archive', { id: old.value.id, reason: 'Moved away', expectedUpdatedAt: old.value.updatedAt });
  // Archived twelve years ago, at 21:30 in Vancouver (UTC already on the 2nd): written as the app would have written it then.
  await app.db('patients').where({ id: old.value.id }).update({ archived_at: '2014-03-02T05:30:00.000Z' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/settings`);
  await expect(page.getByLabel('Keep archived records for (years)')).toHaveValue('10');
  await page.getByRole('button', { name: 'List archived records past the period' }).click();
  const table = page.getByRole('table', { name: /Archived before/ });
  await expect(table).toContainText('Ancienne, Olga');
  await expect(table.getByRole('row').filter({ hasText: 'Ancienne' })).toContainText('2014-03-01');
  // Not without the confirmation.
  await page.getByRole('button', { name: 'Remove 1 record' }).click();
  await expect(page.getByText('Confirm that these records are removed for good').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /removed for good/ }).check();
  await page.getByRole('button', { name: 'Remove 1 record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1 record and 0 documents for good.' })).toBeVisible();
  expect(await app.db('patients').where({ id: old.value.id })).toEqual([]);
});
