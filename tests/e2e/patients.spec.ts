import { test, expect } from './fixtures';
import { patientInput } from '../support/fixtures';

test('a new receptionist creates, finds, edits and archives a patient', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('First name', { exact: true }).fill('Łukasz');
  await page.getByLabel('Last name', { exact: true }).fill('Wójcik');
  await page.getByLabel('Date of birth').fill('1979-11-02');
  await page.getByLabel('Phone 1 number').fill('250 555 7781');
  await page.getByLabel('E-mail').fill('lukasz@example.org');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Łukasz Wójcik' })).toBeVisible();

  const find = page.getByRole('combobox', { name: 'Find a patient' });
  await find.fill('lukasz');
  await page.getByRole('option', { name: /Wójcik, Łukasz/ }).click();
  await expect(page.getByText('250 555 7781', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Edit patient' }).click();
  await page.getByLabel('Preferred name').fill('Luke');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Luke (Łukasz) Wójcik' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByLabel('Reason for archiving').fill('Moved to Calgary');
  await page.getByRole('button', { name: 'Archive patient' }).click();
  await expect(page.getByText('Archived on')).toContainText('Moved to Calgary');

  await find.fill('wojcik');
  await expect(page.getByText('No active patient matches “wojcik”, but 1 archived patient does')).toBeVisible();
  await page.getByLabel('Include archived patients').check();
  await expect(page.getByRole('option', { name: /Wójcik, Łukasz “Luke”.*Archived/ })).toBeVisible();
});

test('the whole round with the keyboard only', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeFocused();

  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  await page.keyboard.type('Zoë');
  await page.keyboard.press('Tab');
  await page.keyboard.type("O'Brien-Müller");
  await page.keyboard.press('Tab'); // preferred name
  await page.keyboard.press('Tab'); // date of birth
  await page.keyboard.type('14/03/1985');
  await page.keyboard.press('Tab'); // pronouns
  await page.keyboard.type('she/her');
  await page.keyboard.press('Tab'); // language
  await page.keyboard.press('Tab'); // phone type
  await page.keyboard.press('Tab'); // phone number
  await page.keyboard.type('604 555 0142');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(page.getByText(/born 1985-03-14/)).toBeVisible();

  await page.keyboard.press('Alt+F');
  await page.keyboard.type('obrien zo');
  await expect(page.getByRole('option', { name: /O'Brien-Müller, Zoë/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.type('0142');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');

  await page.keyboard.press('Alt+E');
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Zo');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 2, name: "Zo (Zoë) O'Brien-Müller" })).toBeFocused();

  await page.keyboard.press('Tab'); // Edit patient
  await page.keyboard.press('Tab'); // Archive…
  await expect(page.getByRole('button', { name: 'Archive…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Reason for archiving')).toBeFocused();
  await page.keyboard.type('Duplicate record');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Archived on')).toContainText('Duplicate record');
  await expect(page.getByRole('button', { name: 'Restore patient' })).toBeVisible();
});

test('mistakes are shown at the field, and nothing is saved until they are fixed', async ({ page, appUrl, app }) => {
  await page.goto(`${appUrl}#/patients/new`);
  await page.getByRole('button', { name: 'Save patient' }).click();
  const first = page.getByLabel('First name', { exact: true });
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toBeFocused();
  await expect(page.getByText('Enter the first name')).toBeVisible();
  await expect(page.getByText('Enter the last name')).toBeVisible();

  await first.fill('Thị Minh');
  await page.getByLabel('Last name', { exact: true }).fill('Nguyễn');
  await page.getByLabel('Date of birth').fill('1992-02-30');
  await page.getByLabel('Phone 1 number').fill('12');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText('This date does not exist')).toBeVisible();
  await expect(page.getByText('A phone number has 7 to 15 digits')).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 0 }]);

  await page.getByLabel('Date of birth').fill('1992-07-30');
  await page.getByLabel('Phone 1 number').fill('778 555 3321');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Thị Minh Nguyễn' })).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);
});

test('a new record that looks like an existing patient is flagged before it is made', async ({ page, appUrl, app }) => {
  const existing = await app.dispatch('patients.create', { patient: patientInput() });
  expect(existing.ok).toBe(true);

  await page.goto(`${appUrl}#/patients/new`);
  await page.getByLabel('First name', { exact: true }).fill('Zoe');
  await page.getByLabel('Last name', { exact: true }).fill("O'Brien Muller");
  await page.getByLabel('Date of birth').fill('1985-03-14');
  await page.getByLabel('Phone 1 number').fill('604 555 9999');
  await page.getByLabel('Phone 1 number').blur();
  const warning = page.getByRole('status').filter({ hasText: 'Possibly already a patient' });
  await expect(warning).toContainText("O'Brien-Müller, Zoë");
  await expect(warning).toContainText('same name and date of birth');

  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('alert').first()).toContainText('looks like a patient already on file');
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);
  await page.getByRole('button', { name: 'Create anyway' }).click();
  await expect(page.getByRole('heading', { level: 2, name: "Zoe O'Brien Muller" })).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 2 }]);
});
