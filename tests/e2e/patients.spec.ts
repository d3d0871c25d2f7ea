import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { dayIn } from '../../shared/time';
import type { Patient } from '../../shared/contract/patients';

// The front-desk PC's screen: everything a receptionist needs must work at this size.
test.use({ viewport: { width: 1366, height: 768 } });

test('a new receptionist creates, finds, edits and archives a patient', async ({ page, appUrl }) => {
  await openApp(page, `${appUrl}#/patients`);
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
  // Typed "250 555 7781"; a clinic in Canada reads every number the same way.
  await expect(page.getByText('(250) 555-7781', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Edit patient' }).click();
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('250 555 7781');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Edit patient' }).click();
  await page.getByLabel('Preferred name').fill('Luke');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Luke (Łukasz) Wójcik' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByLabel('Reason for archiving').fill('Moved to Calgary');
  await page.getByRole('button', { name: 'Archive patient' }).click();
  await expect(page.getByText('Archived on')).toContainText('Moved to Calgary');
  // The dialog closes once every read on screen is fresh; until then the page behind it is inert.
  await expect(page.getByRole('dialog')).toBeHidden();

  await find.fill('wojcik');
  await expect(page.getByText('No active patient matches “wojcik”, but 1 archived patient does')).toBeVisible();
  await page.getByLabel('Include archived patients').check();
  await expect(page.getByRole('option', { name: /Wójcik, Łukasz “Luke”.*Archived/ })).toBeVisible();
});

test('the whole round with the keyboard only', async ({ page, appUrl }) => {
  await openApp(page, `${appUrl}#/patients`);
  await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeFocused();

  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  await page.keyboard.type('Zoë');
  await page.keyboard.press('Tab');
  await page.keyboard.type("O'Brien-Müller");
  await page.keyboard.press('Tab'); // date of birth
  await page.keyboard.type('14/03/1985');
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
  // Last name, birth date, phone type, number, remove, add, preferred contact, e-mail, preferred name.
  for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
  await expect(page.getByLabel('Preferred name')).toBeFocused();
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

test('a refused save is announced once, by a summary that takes focus and leads to each field', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/patients/new`);
  await page.getByRole('button', { name: 'Save patient' }).click();
  const summary = page.getByRole('group', { name: 'Some fields need attention:' });
  await expect(summary).toBeFocused();
  // One announcement, not one alert per field.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const first = page.getByLabel('First name', { exact: true });
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toHaveAccessibleDescription(/Enter the first name/);
  await expect(page.getByLabel('Last name', { exact: true })).toHaveAccessibleDescription(/Enter the last name/);

  await page.keyboard.press('Tab');
  await expect(summary.getByRole('button', { name: 'Enter the first name' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();

  await first.fill('Thị Minh');
  await page.getByLabel('Last name', { exact: true }).fill('Nguyễn');
  await page.getByLabel('Date of birth').fill('1992-02-30');
  await page.getByLabel('Phone 1 number').fill('12');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(summary.getByRole('button', { name: 'This date does not exist' })).toBeVisible();
  await expect(summary.getByRole('button', { name: 'A phone number has 7 to 15 digits' })).toBeVisible();
  await expect(summary.getByRole('button', { name: 'Enter the first name' })).toHaveCount(0);
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 0 }]);

  await page.getByLabel('Date of birth').fill('1992-07-30');
  await page.getByLabel('Phone 1 number').fill('778 555 3321');
  await expect(summary).toHaveCount(0);
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Thị Minh Nguyễn' })).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);
});

test('a new record that looks like an existing patient is flagged before it is made', async ({ page, appUrl, app }) => {
  const existing = await app.dispatch('patients.create', { patient: patientInput() });
  expect(existing.ok).toBe(true);

  await openApp(page, `${appUrl}#/patients/new`);
  await page.getByLabel('First name', { exact: true }).fill('Zoe');
  await page.getByLabel('Last name', { exact: true }).fill("O'Brien Muller");
  await page.getByLabel('Date of birth').fill('1985-03-14');
  await page.getByLabel('Phone 1 number').fill('604 555 9999');
  await page.getByLabel('Phone 1 number').blur();
  const warning = page.getByRole('status').filter({ hasText: 'Possibly already a patient' });
  await expect(warning).toContainText("O'Brien-Müller, Zoë");
  await expect(warning).toContainText('same name and date of birth');

  await page.getByRole('button', { name: 'Save patient' }).click();
  // Refused beside Save, where the eye is, and focus moves there.
  await expect(warning).toBeFocused();
  await expect(warning).toContainText('looks like a patient already on file');
  await expect(warning).toBeInViewport();
  const save = page.getByRole('button', { name: 'Create anyway' });
  const [w, b] = [await warning.boundingBox(), await save.boundingBox()];
  expect(b!.y - (w!.y + w!.height)).toBeLessThan(40);
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 2, name: "Zoe O'Brien Muller" })).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 2 }]);
});

test('typed work is never thrown away without a question', async ({ page, appUrl, app }) => {
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  await openApp(page, `${appUrl}#/patients`);
  // The desk appears once main has said who is signed in: a key pressed before that is lost.
  await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  const first = page.getByLabel('First name', { exact: true });
  await expect(first).toBeFocused();
  await page.keyboard.type('Amara');
  const question = page.getByRole('dialog', { name: 'Discard the changes you typed?' });

  // Esc asks; Enter on the default answer keeps the typing.
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(first).toHaveValue('Amara');
  await expect(first).toBeFocused();

  // Alt+number asks too, and so does a link in the frame; Esc in the question keeps the work.
  await page.keyboard.press('Alt+9');
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(first).toHaveValue('Amara');
  await page.getByRole('link', { name: /Consent forms/ }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(/#\/patients\/new$/);
  await expect(first).toHaveValue('Amara');

  // Reloading or closing the window asks as well (beforeunload).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('discarding is a choice, and a dialog with typing in it asks before Esc closes it', async ({ page, appUrl, app }) => {
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const id = (created.value as { id: string }).id;
  await openApp(page, `${appUrl}#/patients/new`);
  await page.getByLabel('First name', { exact: true }).fill('Amara');
  await page.keyboard.press('Alt+9');
  const question = page.getByRole('dialog', { name: 'Discard the changes you typed?' });
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 1 }]);

  // A form that was not changed leaves without a question.
  await openApp(page, `${appUrl}#/patients/${id}/edit`);
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Edit patient' })).toBeVisible();
  await expect(question).toBeHidden();

  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.keyboard.type('Moved to Montréal');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await page.keyboard.press('Enter'); // Keep editing
  await expect(page.getByLabel('Reason for archiving')).toHaveValue('Moved to Montréal');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Archived on')).toHaveCount(0);
});

test('a dialog with typing in it holds the page: another screen and closing the window ask first', async ({ page, appUrl, app }) => {
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  await openApp(page, `${appUrl}#/patients/${(created.value as { id: string }).id}`);
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.keyboard.type('Moved to Montréal');
  const question = page.getByRole('dialog', { name: 'Discard the changes you typed?' });

  await page.keyboard.press('Alt+9');
  await expect(question).toBeVisible();
  await page.keyboard.press('Enter'); // Keep editing
  await expect(question).toBeHidden();
  await expect(page.getByLabel('Reason for archiving')).toHaveValue('Moved to Montréal');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(await app.db('patients').whereNotNull('archived_at').count({ n: '*' })).toEqual([{ n: 0 }]);
});

test('birth dates are taken as typed, and a date that reads two ways is asked about', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/patients/new`);
  // Typing starts once the form is there (the desk appears after main says who is signed in).
  await expect(page.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Élodie');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tremblay');
  await page.keyboard.press('Tab');
  await page.keyboard.type('04/05/1988');
  await page.keyboard.press('Tab'); // phone type
  await page.keyboard.press('Tab'); // phone number
  await page.keyboard.type('514 555 0199');
  // Ctrl+S with a date that reads two ways: not saved, and both readings are offered.
  await page.keyboard.press('Control+S');
  const summary = page.getByRole('group', { name: 'Some fields need attention:' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('04/05/1988 can be read two ways');
  const readings = page.getByRole('group', { name: 'Choose the date meant' });
  await expect(readings.getByRole('button')).toHaveText(['May 4, 1988', 'April 5, 1988']);
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 0 }]);
  await readings.getByRole('button', { name: 'April 5, 1988' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Date of birth')).toHaveValue('1988-04-05');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 2, name: 'Élodie Tremblay' })).toBeVisible();
  expect((await app.db('patients').select('date_of_birth'))[0]).toEqual({ date_of_birth: '1988-04-05' });

  // A written month, in French, still in its field when Ctrl+S is pressed.
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Jean');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Gagnon');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+33 1 42 68 53 00');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('4 mai 1988');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 2, name: 'Jean Gagnon' })).toBeVisible();
  await expect(page.getByText(/born 1988-05-04/)).toBeVisible();
  // A number from abroad stays as it was given.
  await expect(page.getByText('+33 1 42 68 53 00', { exact: true })).toBeVisible();
});

test('a new patient starts from what was typed in the search, with Save in reach at 1366×768', async ({ page, appUrl }) => {
  await openApp(page, `${appUrl}#/patients`);
  await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeFocused();
  await page.keyboard.type("Zoë O'Brien");
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Zoë');
  await expect(page.getByLabel('Last name', { exact: true })).toHaveValue("O'Brien");
  // Straight on to what is still missing.
  await expect(page.getByLabel('Date of birth')).toBeFocused();
  // Required is marked before any save is tried.
  for (const label of ['First name', 'Last name', 'Date of birth', 'Phone 1 number']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-required', 'true');
  }
  await expect(page.getByLabel('Preferred name')).not.toHaveAttribute('aria-required', 'true');
  const save = page.getByRole('button', { name: 'Save patient' });
  await expect(save).toBeInViewport();
  // The fields for the first call come before the rest.
  const top = async (label: string) => (await page.getByLabel(label, { exact: true }).boundingBox())!.y;
  expect(await top('Phone 1 number')).toBeLessThan(await top('Preferred name'));

  await page.keyboard.type('1985-03-14');
  await page.getByLabel('Notes', { exact: false }).first().focus();
  await expect(save).toBeInViewport();

  // Phone digits typed in the search become the phone number.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard the changes you typed?' }).getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('604 555 0142');
  await page.getByRole('button', { name: 'New patient' }).click();
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('604 555 0142');
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
});

test('a patient’s age is counted on the clinic’s day, not the computer’s or UTC’s', async ({ page, appUrl, app }) => {
  // A clinic whose day is never UTC's at this hour (UTC−11 before 10:00 UTC, UTC+14 after),
  // and a 16th birthday on the later of the two days: the age differs by a year between them.
  const zone = new Date().getUTCHours() < 10 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  await app.services.settings.update(clinicProfile({ timeZone: zone }));
  const clinicDay = dayIn(zone, new Date());
  const utcDay = new Date().toISOString().slice(0, 10);
  expect(clinicDay).not.toBe(utcDay);
  const later = clinicDay > utcDay ? clinicDay : utcDay;
  const dateOfBirth = `${Number(later.slice(0, 4)) - 16}${later.slice(4)}`;
  const age = clinicDay === later ? 16 : 15;
  const created = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Maëlle', lastName: 'Roy', dateOfBirth }) });
  if (!created.ok) throw new Error(created.error.message);
  const patient = created.value as Patient;

  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Maëlle Roy' })).toBeVisible();
  await expect(page.getByText(`born ${dateOfBirth} (${age})`)).toBeVisible();
  // The search list, and the form's hint as the date is edited, say the same.
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('Roy');
  await expect(page.getByRole('option', { name: /Roy, Maëlle/ })).toContainText(`${dateOfBirth} (${age})`);
  await page.keyboard.press('Alt+E');
  await expect(page.getByText(new RegExp(`${age} years old`))).toBeVisible();
});
