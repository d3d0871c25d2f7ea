import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';

test('the clinic profile is set up from the keyboard, with errors at the field', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  // The frame appears once main has said who is signed in: a key pressed before that is lost.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByLabel('Clinic name').fill('Harbour Massage & Physio');
  await page.getByLabel('Clinic e-mail').fill('front desk@harbour');
  await page.getByLabel('Clinic e-mail').press('Control+S');
  const email = page.getByLabel('Clinic e-mail');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const summary = page.getByRole('group', { name: 'Some fields need attention:' });
  await expect(summary).toBeFocused();
  await expect(email).toHaveAccessibleDescription('Enter an e-mail like name@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(email).toBeFocused();

  await email.fill('desk@harbour.example');
  await page.getByLabel('Time zone').selectOption('America/Vancouver');
  await page.getByLabel('Language of the desk and the forms').selectOption('fr-CA');
  await page.getByRole('button', { name: 'Save clinic profile' }).click();
  // The desk now speaks the clinic's language, this screen included.
  await expect(page.getByRole('status').filter({ hasText: 'Profil de la clinique enregistré.' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Harbour Massage & Physio');

  await page.reload();
  await expect(page.getByLabel('Fuseau horaire')).toHaveValue('America/Vancouver');
  await expect(page.getByLabel('Langue du poste d’accueil et des formulaires')).toHaveValue('fr-CA');
});

test('a letterhead logo is checked, stored and shown', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/settings`);
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

/** The text of a consent preview the page asked main for, read back from its PDF. */
async function previewText(body: string): Promise<string> {
  const result = JSON.parse(body) as { ok: boolean; value: { pdfBase64: string } };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rapport-preview-')), 'preview.pdf');
  writeFileSync(file, Buffer.from(result.value.pdfBase64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

test('after any change is saved, what is on screen is read again: a new clinic name reaches the consent preview', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ name: 'Harbour Massage Therapy' }));
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const id = (created.value as { id: string }).id;
  const previews: Array<Promise<string>> = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/__harness/invoke') && r.request().postDataJSON()?.channel === 'consent.preview') previews.push(r.text().then(previewText));
  });

  await openApp(page, `${appUrl}#/patients/${id}`);
  await page.getByRole('button', { name: 'On paper… for Privacy consent' }).click();
  await expect(page.getByRole('img', { name: /Form to sign on paper, page 1/ })).toBeVisible();
  await expect.poll(() => previews.length).toBe(1);
  expect(await previews[0]).toContain('Harbour Massage Therapy');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+9');
  await page.getByLabel('Clinic name').fill('Tidewater Physio');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Clinic profile saved.' })).toBeVisible();

  await openApp(page, `${appUrl}#/patients/${id}`);
  await page.getByRole('button', { name: 'On paper… for Privacy consent' }).click();
  await expect.poll(() => previews.length).toBe(2);
  expect(await previews[1]).toContain('Tidewater Physio');
});

test('a screen that cannot be drawn says what happened and offers a reload, not a blank window', async ({ page, appUrl, app }) => {
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const id = (created.value as { id: string }).id;
  // A settings file from elsewhere names a time zone this computer does not know.
  const settings = new Conf<Record<string, unknown>>({ cwd: path.join(path.dirname(app.paths.root), 'settings'), projectName: 'rapport' });
  settings.set('clinic', { ...(settings.get('clinic') as object), timeZone: 'Mars/Olympus_Mons' });

  await openApp(page, `${appUrl}#/patients/${id}`);
  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { name: 'Rapport stopped showing this screen' })).toBeFocused();
  await expect(failure).toContainText('Mars/Olympus_Mons');
  await expect(failure).toContainText('Everything that was saved is safe');

  settings.set('clinic', { ...(settings.get('clinic') as object), timeZone: 'America/Vancouver' });
  await page.keyboard.press('Tab');
  await expect(failure.getByRole('button', { name: 'Reload Rapport' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
});

test('when main does not answer at start, the window says so instead of staying blank', async ({ page, appUrl }) => {
  await page.route('**/__harness/invoke', (route) => route.abort());
  await openApp(page, appUrl);
  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { name: 'Rapport stopped showing this screen' })).toBeFocused();
  await expect(failure).toContainText('Rapport lost contact with its database');
  await expect(failure.getByRole('button', { name: 'Reload Rapport' })).toBeVisible();
});
