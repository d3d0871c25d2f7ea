import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { messages } from '../../shared/messages';

/**
 * Main's words in the clinic's language (shared/messages): in a French clinic the
 * message beside a refused field is French, whether the form's own check (the contract,
 * run in the page) or main refused it. Fields are found by name and saved with Ctrl+S,
 * so the spec holds whatever language the screen's own labels are in.
 */
test('a French clinic’s patient form refuses a bad phone number in French, beside the field', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  await openApp(page, `${appUrl}#/patients/new`);
  await page.locator('input[name="firstName"]').fill('Thị Minh');
  await page.locator('input[name="lastName"]').fill('Nguyễn');
  await page.locator('input[name="dateOfBirth"]').fill('1992-07-30');
  const phone = page.locator('input[name="phones.0.number"]');
  await phone.fill('12');
  await phone.press('Control+s');

  const french = messages['field.phoneDigits'].fr;
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(new RegExp(french));
  await expect(page.getByText(messages['field.phoneDigits'].en)).toHaveCount(0);
  expect(await app.db('patients').count({ n: '*' })).toEqual([{ n: 0 }]);

  // Main, asked the same, answers the same words (its dispatcher re-says them in French).
  const r = await app.dispatch('patients.create', { patient: patientInput({ phones: [{ label: 'mobile', number: '12' }] }) });
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: messages['ipc.invalidInput'].fr, fields: { 'patient.phones.0.number': french } } });
});
