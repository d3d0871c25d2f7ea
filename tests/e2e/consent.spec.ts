import { readdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { testPin, testStaff } from '../support/node-app';

const clinic = clinicProfile();

async function setUp(app: App, overrides = {}): Promise<Patient> {
  const r = await app.dispatch('settings.update', clinic);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const p = await app.dispatch('patients.create', { patient: patientInput(overrides) });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value as Patient;
}

/** A signature drawn the way a hand draws it: a few strokes across the box. */
async function drawSignature(page: Page, box: Locator) {
  await box.scrollIntoViewIfNeeded();
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + 30, b.y + b.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(b.x + 30 + i * 12, b.y + b.height * (0.6 - 0.25 * Math.sin(i / 2)), { steps: 2 });
  await page.mouse.up();
}

const row = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

test('a new patient signs the treatment and outbreak consents on screen, in patient mode', async ({ page, appUrl, app }) => {
  await setUp(app);
  await page.goto(`${appUrl}#/patients`);
  // Opened from the list, as at the desk: Back has somewhere to go inside the app.
  await page.getByRole('option', { name: /O'Brien-Müller, Zoë/ }).click();
  await page.getByRole('button', { name: 'Sign on screen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
  await expect(dialog.getByLabel(/Informed consent to treatment/)).toBeChecked();
  await expect(dialog.getByLabel(/outbreak/)).toBeChecked();
  await dialog.getByLabel('Privacy consent', { exact: false }).uncheck();
  await expect(dialog.getByText(`Explained by: ${testStaff.admin.name}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();

  // Patient mode: only the form; no navigation, shortcuts do nothing.
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  await expect(page.getByText('Form 1 of 2')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+N');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  // Main holds patient mode: a reload comes back to the form, not to the desk's screens.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // No signature, no consent.
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await expect(page.getByText('Please sign in the box first')).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByText('Form 2 of 2')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /communicable-disease outbreak/ })).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByText('Please hand the screen back to the front desk')).toBeVisible();
  // Leaving needs a staff member's own PIN: a wrong one keeps the patient in.
  await expect(page.getByLabel('Staff member')).toHaveValue(/.+/);
  await page.getByLabel('Your PIN').fill('111111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(/Not right: 4 tries left/)).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByRole('button', { name: 'Unlock' }).click();

  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(row(page, 'Informed consent to treatment')).toContainText('On file');
  await expect(row(page, 'outbreak')).toContainText('On file');
  await expect(row(page, 'Privacy consent')).toContainText('Missing');
  const files = await readdir(app.paths.documents);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);

  // The stored PDF opens in the in-app viewer, checked against its hash.
  await row(page, 'Informed consent to treatment').getByRole('button', { name: /View PDF/ }).click();
  await expect(page.getByRole('img', { name: /page 1 of/ })).toBeVisible();
  await expect(page.getByText(/verified against the record/)).toBeVisible();
});

test('a patient signs on paper; sensitive areas for gluteal only; a consent is withdrawn', async ({ page, appUrl, app }) => {
  const patient = await setUp(app, { firstName: 'Łukasz', lastName: 'Wójcik', dateOfBirth: '1979-11-02', phones: [{ label: 'home', number: '250 555 7781' }] });
  await page.goto(`${appUrl}#/patients/${patient.id}`);

  // Paper: the blank form previews, then its return is recorded.
  await row(page, 'Consent to treatment of sensitive areas').getByRole('button', { name: /On paper/ }).click();
  const paper = page.getByRole('dialog', { name: /sensitive areas: on paper/ });
  await expect(paper.getByRole('img', { name: /Form to sign on paper, page 1/ })).toBeVisible();
  await paper.getByLabel('Gluteal region (buttocks)').check();
  await paper.getByRole('button', { name: 'Record paper signature' }).click();
  await expect(paper).toBeHidden();
  const sensitive = row(page, 'Consent to treatment of sensitive areas');
  await expect(sensitive).toContainText('On file');
  await expect(sensitive).toContainText('Gluteal region (buttocks)');
  await expect(sensitive).not.toContainText('Breast');

  // Spoken consent at the visit, for the same area.
  await sensitive.getByRole('button', { name: 'Spoken consent today…' }).click();
  const verbal = page.getByRole('dialog', { name: 'Record spoken consent for today' });
  await verbal.getByRole('button', { name: 'Record spoken consent' }).click();
  await expect(verbal.getByText('Choose the areas the patient agreed to today')).toBeVisible();
  await verbal.getByLabel('Gluteal region (buttocks)').check();
  await verbal.getByRole('button', { name: 'Record spoken consent' }).click();
  await expect(sensitive).toContainText('spoken consent today: Gluteal region (buttocks)');

  // Withdrawal: recorded with reason and who, kept in the history, flagged before treatment.
  await sensitive.getByRole('button', { name: /Withdraw/ }).click();
  const withdraw = page.getByRole('dialog', { name: /Withdraw/ });
  await withdraw.getByLabel('Reason given').fill('Prefers no treatment of this area');
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(sensitive).toContainText('Withdrawn');
  await expect(page.getByRole('status').filter({ hasText: 'Consent needs attention before treatment' })).toContainText('withdrawn');
  await page.getByText(/Consent history/).click();
  await expect(page.getByRole('cell', { name: /Withdrawn .* by Priya Natarajan, RMT: Prefers no treatment/ })).toBeVisible();
});

test('a material change to a form asks patients who signed the old version to consent again', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  const templates = (await app.dispatch('consent.templates', {})) as { ok: true; value: { templates: Array<{ kind: string; version: number }> } };
  expect(templates.ok).toBe(true);
  const signed = await app.services.consent.sign({
    patientId: patient.id, kind: 'outbreak', locale: 'en-CA', choices: [], templateVersion: 1,
    signature: { method: 'paper', signerName: 'Zoë', signedOn: new Date().toLocaleDateString('en-CA', { timeZone: clinic.timeZone }) },
    explainedBy: 'Marc Tremblay', witnessedBy: '',
  });
  expect(signed.ok).toBe(true);

  await page.goto(`${appUrl}#/consent-forms`);
  await page.getByRole('button', { name: /Edit wording… of Consent to treatment during a communicable-disease outbreak/ }).click();
  const text = page.getByLabel('Section 2 text (English)');
  await text.fill(`${await text.inputValue()}\n\nEveryone in the clinic wears a medical mask.`);
  await page.getByLabel('What changed, and why').fill('Masks are now required for everyone');
  await page.getByLabel(/Material change/).check();
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Version 2', { exact: false }).first()).toBeVisible();

  await page.goto(`${appUrl}#/patients/${patient.id}`);
  await expect(row(page, 'outbreak')).toContainText('Re-consent needed');
  await expect(page.getByText('Consent needs attention before treatment')).toBeVisible();
});
