import AxeBuilder from '@axe-core/playwright';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { clinicProfile, patientInput } from '../support/fixtures';
import { solidPng } from '../support/png';
import { test, expect, openApp } from './fixtures';

/** Finding patients as the desk does (issue 7, items 2, 10 and 11), with the real handlers behind the page. */

async function must<T>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const create = (app: App, overrides: Parameters<typeof patientInput>[0]) =>
  must<Patient>(app, 'patients.create', { patient: patientInput(overrides), acknowledgeDuplicates: true });

test.use({ viewport: { width: 1366, height: 768 } });

test('four digits typed: the number that ends with them comes first, shows on its row, and Enter opens it', async ({ app, page, appUrl }) => {
  // Abbott sorts first by name and her number holds 0421 in the middle.
  await create(app, { firstName: 'Ada', lastName: 'Abbott', phones: [{ label: 'mobile', number: '604 504 2133' }] });
  await create(app, { firstName: 'Zed', lastName: 'Zimmer', phones: [{ label: 'home', number: '604 555 9000' }, { label: 'work', number: '(250) 555-0421' }] });
  await openApp(page, `${appUrl}#/patients`);
  const find = page.getByRole('combobox', { name: 'Find a patient' });
  await find.fill('0421');
  const options = page.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText('Zimmer, Zed');
  await expect(options.first()).toContainText('(250) 555-0421');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toContainText('(604) 504-2133'); // in the clinic's form, as typed "604 504 2133"
  await find.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Zed Zimmer' })).toBeVisible();
});

test('archived patients that match are announced, with one action to show them', async ({ app, page, appUrl }) => {
  const p = await create(app, { firstName: 'Łukasz', lastName: 'Wójcik', phones: [{ label: 'mobile', number: '250 555 7781' }] });
  await must(app, 'patients.archive', { id: p.id, reason: 'Moved to Calgary', expectedUpdatedAt: p.updatedAt });
  await openApp(page, `${appUrl}#/patients`);
  const find = page.getByRole('combobox', { name: 'Find a patient' });
  await find.fill('wojcik');
  const notice = page.getByRole('status').filter({ hasText: 'archived' });
  await expect(notice).toContainText('No active patient matches “wojcik”, but 1 archived patient does');
  await expect(page.getByText(/create a new patient/)).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Show archived patients' }).click();
  await expect(page.getByLabel('Include archived patients')).toBeChecked();
  await expect(page.getByRole('option', { name: /Wójcik, Łukasz.*Archived/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
  // Back to the keyboard: the search box keeps focus, Enter opens the archived record.
  await expect(find).toBeFocused();
  await find.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Łukasz Wójcik' })).toBeVisible();
});

test('search results mark the patients who still need consent forms before treatment', async ({ app, page, appUrl }) => {
  await must(app, 'settings.update', clinicProfile());
  const ready = await create(app, { firstName: 'Ines', lastName: 'Martin' });
  await create(app, { firstName: 'Anna', lastName: 'Martinez', phones: [{ label: 'mobile', number: '604 555 1001' }] });
  for (const kind of ['treatment', 'outbreak']) {
    await must(app, 'consent.sign', {
      patientId: ready.id, kind, locale: 'en-CA', choices: [], templateVersion: 1,
      signature: { method: 'screen', imageBase64: solidPng(240, 60, [16, 36, 58]).toString('base64'), signerName: 'Ines Martin' },
      explainedBy: 'Priya Natarajan, RMT', witnessedBy: '',
    });
  }
  await openApp(page, `${appUrl}#/patients`);
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('mart');
  await expect(page.getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('option', { name: /Martinez, Anna/ })).toContainText('Needs forms');
  await expect(page.getByRole('option', { name: /Martin, Ines/ })).not.toContainText('Needs forms');
});
