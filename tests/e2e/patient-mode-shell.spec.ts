import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * Issue 12, item 1, in the page: entering patient mode drops the desk's cached reads
 * (another patient's name must not be left in the patient-facing page's memory), and
 * staff are told at unlock when the patient-facing screen was left.
 */

const pin = '246813';

async function must(app: App, channel: string, input: unknown) {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function setUp(app: App): Promise<Patient> {
  await must(app, 'settings.update', clinicProfile());
  await must(app, 'settings.setStaffPin', { pin });
  await must(app, 'patients.create', { patient: patientInput({ firstName: 'Wiremu', lastName: 'Abernathy-Quenneville', dateOfBirth: '1971-02-03', email: 'w@example.org', phones: [{ label: 'home', number: '250 555 7781' }] }) });
  return (await must(app, 'patients.create', { patient: patientInput() })) as Patient;
}

async function handToPatient(page: Page) {
  await page.getByRole('option', { name: /O'Brien-Müller, Zoë/ }).click();
  await page.getByRole('button', { name: 'Sign on screen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
  await dialog.getByLabel('Explained by').fill('Priya Natarajan, RMT');
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informed consent to treatment' })).toBeVisible();
}

/** Whether a string is anywhere in the page's JavaScript heap, after a full garbage collection. */
async function inHeap(cdp: CDPSession, needle: string): Promise<boolean> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  let snapshot = '';
  const onChunk = ({ chunk }: { chunk: string }) => (snapshot += chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return snapshot.includes(needle);
}

test('entering patient mode leaves nothing of another patient in the page’s memory', async ({ page, appUrl, app }) => {
  await setUp(app);
  await page.goto(appUrl);
  // The desk looked at another patient first: their record is in the page's cache.
  await page.getByRole('combobox', { name: 'Find a patient' }).fill('Abernathy-Quenneville');
  await page.getByRole('option', { name: /Abernathy-Quenneville, Wiremu/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wiremu Abernathy-Quenneville' })).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  expect(await inHeap(cdp, 'Abernathy-Quenneville')).toBe(true);

  await page.getByRole('combobox', { name: 'Find a patient' }).fill('');
  await handToPatient(page);
  expect(await inHeap(cdp, 'Abernathy-Quenneville'), 'another patient’s name is still in the page').toBe(false);
});

test('staff are told at unlock when the patient-facing screen was left', async ({ page, appUrl, app }) => {
  await setUp(app);
  await page.goto(appUrl);
  await handToPatient(page);
  // What the Electron shell reports when the window loses the screen (patient-lock.ts).
  await app.services.patientMode.screenLeft({ at: '2026-11-30T14:02:03.000Z', seconds: 41 });

  await page.getByRole('button', { name: 'Staff exit' }).click();
  await page.getByLabel('Staff PIN').fill(pin);
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
