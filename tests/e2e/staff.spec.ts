import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, drawSignature, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { pdfText } from '../support/pdf';
import { testPin, testStaff } from '../support/node-app';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';

/** Staff at the desk, in the browser with the real handlers behind it (issue 8). */

async function patient(app: App): Promise<Patient> {
  // The letterhead, as an admin set it up before.
  await app.services.settings.update(clinicProfile());
  const p = await app.services.patients.create({ patient: patientInput(), acknowledgeDuplicates: false });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
}

async function signIn(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByLabel('Your PIN').fill(pin);
  await page.getByLabel('Your PIN').press('Enter');
}

test.describe('first run', () => {
  test.use({ startAs: 'first-run' });
  test('creates the clinic and its first admin, who is then signed in', async ({ page, appUrl, app }) => {
    await openApp(page, appUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
    await page.getByLabel('Clinic name').fill('Harbour Massage Therapy');
    await page.getByLabel('Your name').fill('Ines Duarte');
    await page.getByLabel('Your initials').fill('ID');
    await page.getByLabel('Your PIN or password').fill('8642');
    await page.getByLabel('The same again').fill('8642');
    await page.getByRole('button', { name: 'Create the clinic and sign in' }).click();
    await expect(page.getByRole('group', { name: 'The clinic was not set up yet:' })).toBeFocused();
    await expect(page.getByLabel('Your PIN or password')).toHaveAccessibleDescription(/A PIN needs at least 6 digits/);
    await page.getByLabel('Your PIN or password').fill('864209');
    await page.getByLabel('The same again').fill('864209');
    await page.getByRole('button', { name: 'Create the clinic and sign in' }).click();
    await expect(page.getByText('Signed in: Ines Duarte')).toBeVisible();
    await expect(page.getByRole('link', { name: /Staff/ })).toBeVisible();
    expect((await app.services.staff.active()).map((s) => [s.name, s.roles])).toEqual([['Ines Duarte', ['admin']]]);
    expect(await app.services.settings.profile()).toMatchObject({ name: 'Harbour Massage Therapy' });
  });
});

test.describe('signed out', () => {
  test.use({ startAs: 'signed-out' });

  test('a receptionist signs in, records a consent on screen, and the PDF names them; a second person switches in', async ({ page, appUrl, app }) => {
    await app.services.staff.create({ ...testStaff.reception, roles: ['reception'] }, null);
    const zoe = await patient(app);
    await openApp(page, `${appUrl}#/patients/${zoe.id}`);
    // Nothing of the record before someone signs in.
    await expect(page.getByText("O'Brien-Müller")).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Who is signing in?' })).toBeVisible();
    // By initials, from the keyboard.
    await page.getByLabel('Or type your initials').fill('mt');
    await page.getByLabel('Or type your initials').press('Enter');
    await page.getByLabel('Your PIN').fill(testStaff.reception.secret);
    await page.getByLabel('Your PIN').press('Enter');
    await expect(page.getByText(`Signed in: ${testStaff.reception.name}`)).toBeVisible();
    // The screen asked for is the one shown.
    await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();

    await page.getByRole('button', { name: 'Sign on screen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign consent forms on screen' });
    await dialog.getByLabel(/outbreak/).uncheck();
    await dialog.getByLabel(/Privacy/).uncheck();
    await expect(dialog.getByText(`Explained by: ${testStaff.reception.name}`)).toBeVisible();
    await dialog.getByLabel('Witnessed by').selectOption({ label: testStaff.admin.name });
    await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();
    await drawSignature(page, page.getByRole('img', { name: /Sign in the box/ }));
    await page.getByRole('button', { name: 'I agree and sign' }).click();
    await expect(page.getByText('Please hand the screen back to the front desk')).toBeVisible();
    await expect(page.getByLabel('Staff member')).toHaveValue((await app.services.session.user())!.id);
    await page.getByLabel('Your PIN').fill(testStaff.reception.secret);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText(`Signed in: ${testStaff.reception.name}`)).toBeVisible();

    const [consent] = (await app.db('consents').select('id', 'explained_by', 'witnessed_by')) as Array<{ id: string; explained_by: string; witnessed_by: string }>;
    expect(consent).toMatchObject({ explained_by: testStaff.reception.name, witnessed_by: testStaff.admin.name });
    const text = await pdfText(path.join(app.paths.documents, `${consent.id}.pdf`));
    expect(text).toContain(testStaff.reception.name);
    expect(text).toContain(testStaff.admin.name);

    // Switch person: two clicks and a PIN, and the same record stays on screen.
    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeHidden();
    await signIn(page, testStaff.admin.name, testPin);
    await expect(page.getByText(`Signed in: ${testStaff.admin.name}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
    const trail = await app.db('audit_events').where('action', 'like', 'session.%').orderBy('seq').pluck('action');
    expect(trail).toEqual(['session.signed_in', 'session.locked', 'session.switched']);
    expect((await app.db('audit_events').where({ action: 'consent.signed' }).first('actor')).actor).toBe((await app.services.staff.active()).find((s) => s.initials === 'MT')!.id);
  });

  test('wrong PINs lock the account with a countdown on screen', async ({ page, appUrl }) => {
    await openApp(page, appUrl);
    await page.getByRole('button', { name: new RegExp(`^${testStaff.admin.name}`) }).click();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Your PIN').fill('000000');
      await page.getByLabel('Your PIN').press('Enter');
      if (i < 4) await expect(page.getByLabel('Your PIN')).toHaveAccessibleDescription(`Not right: ${4 - i} ${4 - i === 1 ? 'try' : 'tries'} left before a lock`);
    }
    await expect(page.getByRole('timer')).toContainText(/can try again in (1:00|0:5\d)/);
    await expect(page.getByLabel('Your PIN')).toBeDisabled();
  });
});

test('idle auto-lock hides the record; the same person gets the half-filled form back, another person a fresh one', async ({ page, appUrl, app }) => {
  const zoe = await patient(app);
  await app.services.staff.create({ ...testStaff.reception, roles: ['reception'] }, null);
  await page.clock.install();
  await openApp(page, `${appUrl}#/patients/${zoe.id}/edit`);
  const notes = page.getByLabel('Front-desk notes');
  await notes.fill('Prefers Tuesday mornings, call after 10');
  await page.clock.fastForward('05:02');
  await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible();
  await expect(notes).toBeHidden();
  const name = page.getByText("O'Brien-Müller");
  expect(await name.count()).toBeGreaterThan(0); // still there, kept for the same person: hidden, not shown
  for (const element of await name.all()) await expect(element).toBeHidden();
  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(notes).toBeVisible();
  await expect(notes).toHaveValue('Prefers Tuesday mornings, call after 10');

  await page.clock.fastForward('05:02');
  await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible();
  await page.getByRole('button', { name: 'Someone else' }).click();
  await signIn(page, testStaff.reception.name, testStaff.reception.secret);
  await expect(page.getByRole('status').filter({ hasText: `Anything ${testStaff.admin.name} had not saved was discarded` })).toBeVisible();
  await expect(notes).toHaveValue('');
  // Never saved: the half-filled form was the admin's alone.
  expect(await app.db('patients').where({ id: zoe.id }).first('notes')).toEqual({ notes: '' });
  expect(await app.db('audit_events').where({ action: 'session.locked' }).pluck('detail')).toEqual(['{"reason":"idle"}', '{"reason":"idle"}']);
});

test.describe('reception', () => {
  test.use({ startAs: 'reception' });
  test('cannot open the template editor or the staff screen, and calling those channels is refused', async ({ page, appUrl, app }) => {
    await openApp(page, appUrl);
    await expect(page.getByText(`Signed in: ${testStaff.reception.name}`)).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link')).toHaveText([/Today/, /Patients/, /Follow-ups/, /Dashboard/, /Audit trail/]); // follow-ups: the desk's queue; dashboard: clinic-wide
    for (const screen of ['staff', 'consent-forms', 'settings']) {
      await openApp(page, `${appUrl}#/${screen}`);
      await expect(page.getByRole('alert')).toContainText('Only an admin can open this screen');
    }
    const templates = await app.dispatch('consent.templates', {});
    const locales = templates.ok ? (templates.value as { templates: Array<{ kind: string; locales: unknown }> }).templates[0].locales : null;
    const direct = await page.evaluate(
      async (args) => Promise.all(args.map(([c, i]) => (window as unknown as { rapport: { invoke(c: string, i: unknown): Promise<unknown> } }).rapport.invoke(c as string, i))),
      [
        ['staff.list', {}],
        ['staff.create', { name: 'Me Again', initials: 'MA', roles: ['admin'], secret: '123456' }],
        ['consent.saveTemplate', { kind: 'treatment', basedOnVersion: 1, locales, material: false, changeNote: 'mine' }],
        ['settings.update', clinicProfile({ name: 'Mine now' })],
      ] as Array<[string, unknown]>,
    );
    for (const r of direct) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.db('staff').count({ n: '*' })).toEqual([{ n: 2 }]);
    expect(await app.db('consent_templates').max({ v: 'version' })).toEqual([{ v: 1 }]);

    // The audit screen shows reception its own entries only.
    await openApp(page, `${appUrl}#/audit`);
    await expect(page.getByText('Your own entries.')).toBeVisible();
    const who = page.getByRole('table').getByRole('row').locator('td:nth-child(2)');
    await expect(who.first()).toHaveText(testStaff.reception.name);
    expect(new Set(await who.allTextContents())).toEqual(new Set([testStaff.reception.name]));
  });
});

test('the admin adds a receptionist; the audit trail exports as CSV and verifies', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/staff`);
  await page.getByRole('button', { name: 'Add a staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
  await dialog.getByLabel('Name').fill('Kofi Mensah');
  await dialog.getByLabel('Initials').fill('KM');
  await dialog.getByLabel('PIN or password').fill('552211');
  await dialog.getByLabel('The same again').fill('552211');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('row', { name: /Kofi Mensah KM Reception Active/ })).toBeVisible();

  await openApp(page, `${appUrl}#/audit`);
  await expect(page.getByRole('cell', { name: 'staff.created' }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = path.join(app.paths.root, 'export.csv');
  await (await download).saveAs(file);
  const csv = await readFile(file, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('seq,time_utc,actor_id,actor,action,entity,entity_id,detail');
  expect(csv).toContain(`,"${testStaff.admin.name}",staff.created,staff,`);
  await page.getByRole('button', { name: 'Check the whole trail' }).click();
  await expect(page.getByRole('status').filter({ hasText: /every link in place/ })).toBeVisible();
});

test('the staff and audit tables: named by their caption, the row actions reached with Tab, a sentence when nothing matches', async ({ page, appUrl }) => {
  await openApp(page, `${appUrl}#/staff`);
  const table = page.getByRole('table', { name: 'Staff members, active and retired' });
  await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Initials', 'Roles', 'Status', 'Actions']);
  await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(testStaff.admin.name);
  // From the button above the table, Tab goes to the first row's actions, in reading order.
  await page.getByRole('button', { name: 'Add a staff member' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Edit ${testStaff.admin.name}` })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `New PIN for ${testStaff.admin.name}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `New PIN for ${testStaff.admin.name}` })).toBeVisible();

  await openApp(page, `${appUrl}#/audit`);
  await expect(page.getByRole('table', { name: 'Audit trail entries, newest first' })).toBeVisible();
  await page.getByLabel('Action starts with').fill('nothing.');
  await page.getByLabel('Action starts with').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No entries match.' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test.describe('accessibility of the staff screens', () => {
  test.use({ startAs: 'first-run' });
  test('first run, sign-in, lock, staff and audit pass axe without serious or critical violations', async ({ page, appUrl }) => {
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const serious = async (name: string) => {
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), name).toEqual([]);
    };
    await openApp(page, appUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
    await serious('first run');
    await page.getByLabel('Clinic name').fill('Harbour Massage Therapy');
    await page.getByLabel('Your name').fill('Ines Duarte');
    await page.getByLabel('Your initials').fill('ID');
    await page.getByLabel('Your PIN or password').fill('864209');
    await page.getByLabel('The same again').fill('864209');
    await page.getByRole('button', { name: 'Create the clinic and sign in' }).click();
    await openApp(page, `${appUrl}#/staff`);
    await expect(page.getByRole('row', { name: /Ines Duarte/ })).toBeVisible();
    await serious('staff');
    await openApp(page, `${appUrl}#/audit`);
    await expect(page.getByRole('cell', { name: 'session.signed_in' })).toBeVisible();
    await serious('audit');
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible();
    await serious('lock');
    await page.getByRole('button', { name: 'Someone else' }).click();
    await expect(page.getByRole('heading', { name: 'Who is signing in?' })).toBeVisible();
    await serious('sign-in');
  });
});
