import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';

/** Serious and critical axe violations on what is on screen now, summarised for the failure message. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every screen passes axe without serious or critical violations', async ({ page, appUrl, app }) => {
  // Fourteen axe runs on two shared cores take longer than one ordinary test.
  test.setTimeout(180_000);
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const id = (created.value as { id: string }).id;
  await app.dispatch('settings.update', clinicProfile());
  const signed = await app.dispatch('consent.sign', {
    patientId: id, kind: 'treatment', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'screen', imageBase64: solidPng(200, 60, [16, 36, 58]).toString('base64'), signerName: 'Zoë' },
  });
  if (!signed.ok) throw new Error(JSON.stringify(signed.error));

  const screens: Array<[string, () => Promise<void>]> = [
    ['patients, empty search', async () => {
      await openApp(page, `${appUrl}#/patients`);
    }],
    ['patients, with results', async () => {
      await page.getByRole('combobox', { name: 'Find a patient' }).fill('zoe');
      await expect(page.getByRole('option')).toHaveCount(1);
    }],
    ['patient record', async () => {
      await openApp(page, `${appUrl}#/patients/${id}`);
      await expect(page.getByRole('button', { name: 'Edit patient' })).toBeVisible();
    }],
    ['archive dialog', async () => {
      await page.getByRole('button', { name: 'Archive…' }).click();
      await expect(page.getByLabel('Reason for archiving')).toBeVisible();
    }],
    ['new patient form with errors', async () => {
      await page.keyboard.press('Escape');
      await openApp(page, `${appUrl}#/patients/new`);
      await page.getByRole('button', { name: 'Save patient' }).click();
      await expect(page.getByRole('group', { name: 'Some fields need attention:' })).toBeFocused();
    }],
    ['question before discarding typed work', async () => {
      await page.getByLabel('First name', { exact: true }).fill('Amara');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    }],
    ['a birth date that reads two ways', async () => {
      await page.keyboard.press('Enter');
      await page.getByLabel('Date of birth').fill('04/05/1988');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'April 5, 1988' })).toBeVisible();
    }],
    ['edit patient form', async () => {
      await page.keyboard.press('Alt+2');
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await openApp(page, `${appUrl}#/patients/${id}/edit`);
      await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Zoë');
    }],
    ['settings', async () => {
      await openApp(page, `${appUrl}#/settings`);
      await expect(page.getByLabel('Clinic name')).toBeVisible();
      await expect(page.getByLabel('Consents stay valid for (months)')).toBeVisible();
    }],
    ['consent forms', async () => {
      await openApp(page, `${appUrl}#/consent-forms`);
      await expect(page.getByRole('button', { name: /Edit wording… of Privacy consent/ })).toBeVisible();
    }],
    ['consent form editor', async () => {
      await page.getByRole('button', { name: /Edit wording… of Privacy consent/ }).click();
      await expect(page.getByLabel('Section 1 text (Français)')).toBeVisible();
    }],
    ['signed consent document', async () => {
      await openApp(page, `${appUrl}#/patients/${id}`);
      await page.getByRole('button', { name: 'View PDF of Informed consent to treatment' }).click();
      await expect(page.getByRole('img', { name: /page 1 of/ })).toBeVisible();
    }],
    ['on paper dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'On paper… for Privacy consent' }).click();
      await expect(page.getByRole('img', { name: /Form to sign on paper, page 1/ })).toBeVisible();
    }],
    ['patient mode', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Sign on screen…' }).click();
      await page.getByRole('button', { name: 'Hand the screen to the patient' }).click();
      await expect(page.getByRole('button', { name: 'I agree and sign' })).toBeVisible();
    }],
  ];
  for (const [name, open] of screens) {
    await open();
    expect(await seriousViolations(page), name).toEqual([]);
  }
});
