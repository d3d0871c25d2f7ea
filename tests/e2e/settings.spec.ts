import { test, expect } from './fixtures';
import { solidPng } from '../support/png';

test('the clinic profile is set up from the keyboard, with errors at the field', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByLabel('Clinic name').fill('Harbour Massage & Physio');
  await page.getByLabel('Clinic e-mail').fill('front desk@harbour');
  await page.getByLabel('Clinic e-mail').press('Control+S');
  const email = page.getByLabel('Clinic e-mail');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(page.getByText('Enter an e-mail like name@example.com')).toBeVisible();

  await email.fill('desk@harbour.example');
  await page.getByLabel('Time zone').selectOption('America/Vancouver');
  await page.getByLabel('Language of forms').selectOption('fr-CA');
  await page.getByRole('button', { name: 'Save clinic profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Clinic profile saved.' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Harbour Massage & Physio');

  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Vancouver');
  await expect(page.getByLabel('Language of forms')).toHaveValue('fr-CA');
});

test('a letterhead logo is checked, stored and shown', async ({ page, appUrl, app }) => {
  await page.goto(`${appUrl}#/settings`);
  const chooser = page.getByLabel(/Choose a logo image/);
  await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not really an image') });
  await expect(page.getByText('This file is not a PNG image')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Current clinic logo' })).toHaveCount(0);

  await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(120, 40) });
  await expect(page.getByRole('img', { name: 'Current clinic logo' })).toBeVisible();
  expect(app.services.settings.logoPath()).toMatch(/clinic-logo\.png$/);

  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByRole('img', { name: 'Current clinic logo' })).toHaveCount(0);
  expect(app.services.settings.logoPath()).toBeNull();
});
