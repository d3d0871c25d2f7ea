import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { testPin, testStaff } from '../support/node-app';

/** Issue 9 item 3 in the page, with the real handlers behind it. */

async function must<T = unknown>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function setUp(app: App): Promise<Patient> {
  await must(app, 'settings.update', clinicProfile());
  return must<Patient>(app, 'patients.create', { patient: patientInput() });
}

const answers = { conditions: ['arthritis'], medications: 'Ibuprofen as needed', areas: [{ area: 'Lower back', pain: 6 }], hopes: 'Garden again without back pain' };

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Keyboard only: Tab until the control has focus (and fail if it never does). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('staff take the health history by phone, keyboard only', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const section = page.getByRole('region', { name: 'Health history' });
  await expect(section.getByText('No health history yet')).toBeVisible();

  await tabTo(page, section.getByRole('link', { name: 'Fill in by phone…' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Take the health history/ })).toBeFocused();

  await tabTo(page, page.getByRole('checkbox', { name: 'Arthritis' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('textbox', { name: 'Medications you take (including over-the-counter)' }));
  await page.keyboard.type('Ibuprofen as needed');
  await tabTo(page, page.getByRole('radio', { name: 'No', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Add an area' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('textbox', { name: 'Area', exact: true }));
  await page.keyboard.type('Lower back');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Pain (0 to 10)' })).toBeFocused();
  await page.keyboard.type('6');
  expect(await axe(page)).toEqual([]);

  // The one required answer is missing: the save is refused, and says where.
  await tabTo(page, page.getByRole('button', { name: 'Save the health history' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Some answers need attention.' })).toBeFocused();
  await tabTo(page, page.getByRole('textbox', { name: /What do you hope to get from treatment/ }));
  await expect(page.getByRole('textbox', { name: /What do you hope/ })).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Garden again without back pain');
  await tabTo(page, page.getByRole('button', { name: 'Save the health history' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(section.getByText('Up to date')).toBeVisible();
  await expect(section).toContainText(`Version 1, taken by phone or at the desk`);
  const saved = await app.db('intakes').where({ patient_id: patient.id }).first();
  expect(saved).toMatchObject({ version: 1, filled_by: 'staff', locale: 'en-CA' });
  expect(JSON.parse(saved.answers)).toEqual({ conditions: ['arthritis'], medications: 'Ibuprofen as needed', pregnancy: 'no', areas: [{ area: 'Lower back', pain: 6 }], hopes: 'Garden again without back pain' });
});

test('a patient fills it in patient mode in French, and a reload resumes it', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await page.getByRole('button', { name: 'Patient fills it in…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Patient fills in the health history' });
  await dialog.getByLabel('Language of the questions').selectOption('fr-CA');
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();

  await expect(page.getByRole('heading', { name: 'Vos antécédents de santé' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Arthrite' }).check();
  await page.getByRole('textbox', { name: 'Médicaments que vous prenez (y compris sans ordonnance)' }).fill('Aucun');
  await page.getByRole('button', { name: 'Ajouter une zone' }).click();
  await page.getByRole('textbox', { name: 'Zone', exact: true }).fill('Genou droit');
  await page.getByRole('combobox', { name: 'Douleur (0 à 10)' }).selectOption('4');
  // The typing reaches main (a draft), so the reload below cannot lose it.
  await expect.poll(async () => (await app.db('app_state').where({ key: `intake_draft:${patient.id}` }).first())?.value ?? '').toContain('Genou droit');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vos antécédents de santé' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Arthrite' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: /Médicaments/ })).toHaveValue('Aucun');
  await expect(page.getByRole('textbox', { name: 'Zone', exact: true })).toHaveValue('Genou droit');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // Every word in French: the buttons and a refused save too.
  await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
  await expect(page.getByRole('group', { name: 'Certaines réponses sont à revoir.' })).toBeVisible();
  await expect(page.getByText('Veuillez répondre à cette question').first()).toBeVisible();
  const shown = await page.locator('.patient-mode').innerText();
  for (const english of ['Required', 'Add an area', 'Save', 'Pain', 'Area ', 'Some answers']) expect(shown).not.toContain(english);
  expect(await axe(page)).toEqual([]);

  await page.getByRole('textbox', { name: /Qu’attendez-vous du traitement/ }).fill('Remonter les escaliers sans douleur');
  await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();
  const saved = await app.db('intakes').where({ patient_id: patient.id }).first();
  expect(saved).toMatchObject({ version: 1, filled_by: 'patient', locale: 'fr-CA' });
  expect(JSON.parse(saved.questions).find((q: { key: string }) => q.key === 'medications').label).toBe('Médicaments que vous prenez (y compris sans ordonnance)');

  // A reload now does not bring the form back: the step is done.
  await page.reload();
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();
  // The way out speaks French too (patient mode's own words).
  await page.getByLabel('Votre NIP').fill(testPin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('region', { name: 'Health history' })).toContainText('filled in by the patient');
});

test('a returning patient confirms "no changes" in one action', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await must(app, 'intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers, basedOnVersion: null });
  // Taken 14 months ago: past the clinic's 12 months.
  const old = new Date(Date.now() - 14 * 30 * 24 * 3600 * 1000).toISOString();
  await app.db('intakes').where({ patient_id: patient.id }).update({ recorded_at: old });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const section = page.getByRole('region', { name: 'Health history' });
  await expect(section.getByText('Due for review')).toBeVisible();
  await expect(section.getByRole('status')).toHaveText('Ask: “Any changes since your last visit?”');

  await section.getByRole('button', { name: 'No changes since the last visit' }).click();
  await expect(section.getByText('Up to date')).toBeVisible();
  await expect(section).toContainText(`no changes confirmed`);
  await expect(section).toContainText(`by ${testStaff.admin.name}`);
  const reviews = await app.db('intake_reviews').where({ patient_id: patient.id });
  expect(reviews).toHaveLength(1);
  expect(await app.db('intakes').where({ patient_id: patient.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
  expect(await axe(page)).toEqual([]);
});

test('the history shows two versions side by side with the differences marked', async ({ page, appUrl, app }) => {
  const patient = await setUp(app);
  await must(app, 'intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers, basedOnVersion: null });
  await must(app, 'intake.submit', { patientId: patient.id, templateVersion: 1, locale: 'en-CA', answers: { ...answers, medications: 'None', areas: [{ area: 'Lower back', pain: 2 }] }, basedOnVersion: 1 });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await page.getByRole('link', { name: 'Answers and history' }).click();
  const table = page.getByRole('table', { name: /version 1 and version 2 side by side/ });
  await expect(table.getByRole('columnheader', { name: /^Version 1/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Version 2/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'answers differ' })).toHaveText('2 answers differ, marked “Changed”.');
  const medications = table.getByRole('row', { name: /Medications you take/ });
  await expect(medications).toContainText('Changed');
  await expect(medications.getByRole('cell')).toHaveText(['Ibuprofen as needed', 'None']);
  await expect(table.getByRole('row', { name: /Where does it bother you/ }).getByRole('cell')).toHaveText(['Lower back: 6/10', 'Lower back: 2/10']);
  await expect(table.getByRole('row', { name: /What do you hope/ })).not.toContainText('Changed');
  expect(await axe(page)).toEqual([]);
});
