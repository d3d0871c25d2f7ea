import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { testPin } from '../support/node-app';

/** Issue 12, item 1, in the page: staff are told at unlock when the patient-facing screen was left. */

// The signed-in admin's own PIN (the e2e app starts with an admin signed in).
const pin = testPin;

async function must(app: App, channel: string, input: unknown) {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function setUp(app: App): Promise<Patient> {
  await must(app, 'settings.update', clinicProfile());
  return (await must(app, 'patients.create', { patient: patientInput() })) as Patient;
}

async function handToPatient(page: Page) {
  await page.getByRole('option', { name: /O'Brien-Müller, Zoë/ }).click();
  await page.getByRole('button', { name: 'Sign on screen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
}

test('staff are told at unlock when the patient-facing screen was left', async ({ page, appUrl, app }) => {
  await setUp(app);
  await openApp(page, `${appUrl}#/patients`);
  await handToPatient(page);
  // What the Electron shell reports when the window loses the screen (patient-lock.ts).
  await app.services.patientMode.screenLeft({ at: '2026-11-30T14:02:03.000Z', seconds: 41 });

  await page.getByRole('button', { name: 'Staff exit' }).click();
  await page.getByLabel('Your PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'The patient screen was left once' });
  await expect(notice).toContainText('for 41 seconds');
  await expect(notice.getByRole('button', { name: 'Continue' })).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(1);
});
