import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { expectNoEnglish } from './english';
import { clinicProfile } from '../support/fixtures';
import { testStaff } from '../support/node-app';

/**
 * The staff screens in a French-speaking clinic (the setting `locale`): sign-in, lock,
 * switching person, the staff screen and the audit trail speak French, every word the
 * staff read, with no English left beside the data (names, record ids, action codes).
 */
const english = ['the', 'and', 'of', 'to', 'Save', 'Cancel', 'Add', 'Edit', 'Staff', 'Audit', 'Sign in', 'Unlock', 'Lock', 'Active', 'Roles', 'Status'];

const noEnglish = (part: Locator) => expectNoEnglish(part, english);

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}.png` });
}

test('the desk of a French-speaking clinic: staff screen, lock, switching person and the audit trail in French', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/staff`);

  // The staff screen, and adding a receptionist, refused first for a PIN typed differently.
  const main = page.locator('main');
  await expect(page.getByRole('heading', { name: 'Personnel', level: 1 })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Rôles' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verrouillage automatique' })).toBeVisible();
  await noEnglish(main);
  await page.getByRole('button', { name: 'Ajouter un membre du personnel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un membre du personnel' });
  await dialog.getByLabel('Nom', { exact: true }).fill(testStaff.reception.name);
  await dialog.getByLabel('Initiales').fill(testStaff.reception.initials);
  await dialog.getByLabel('NIP ou mot de passe').fill(testStaff.reception.secret);
  await dialog.getByLabel('Encore une fois').fill('000000');
  await expect(dialog.getByRole('checkbox', { name: /Réception \(patients, consentement, impression\)/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog.getByRole('group', { name: 'Rien n’a encore été enregistré :' })).toBeFocused();
  await expect(dialog.getByLabel('Encore une fois')).toHaveAccessibleDescription('Les deux saisies diffèrent');
  await dialog.getByLabel('Encore une fois').fill(testStaff.reception.secret);
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(testStaff.reception.name) });
  await expect(row.getByRole('cell')).toHaveText([testStaff.reception.initials, 'Réception', 'Actif', /Modifier\s*Nouveau NIP/]);
  await expect(row.getByRole('button', { name: `Nouveau NIP pour ${testStaff.reception.name}` })).toBeVisible();
  await page.getByLabel('Verrouiller l’écran après (minutes sans utilisation)').fill('7');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'L’écran se verrouille maintenant après 7 min sans utilisation.' })).toBeVisible();
  await noEnglish(main);
  await screenshot(page, 'desk-fr-staff');

  // The admin checks the audit trail: a count in French, with its plural.
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Journal d’audit', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier tout le journal' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Tout le journal : \d+ entrées vérifiées, chaque maillon en place\.$/ })).toBeVisible();
  await noEnglish(page.getByRole('form', { name: 'Filtrer le journal d’audit' }));
  await noEnglish(page.locator('thead'));

  // Locked: the same person comes back with the PIN.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  const lock = page.getByRole('dialog', { name: 'Rapport est verrouillé' });
  await expect(lock).toContainText(`La session de ${testStaff.admin.name} était ouverte. Entrez le NIP pour continuer`);
  await expect(lock.getByRole('button', { name: 'Quelqu’un d’autre' })).toBeVisible();
  await noEnglish(lock);
  await lock.getByLabel('Votre NIP').fill(testStaff.admin.secret);
  await lock.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Journal d’audit', level: 1 })).toBeVisible();

  // Switching person: the receptionist signs in; the notice says what happened to the admin's unsaved work.
  await page.getByRole('button', { name: 'Changer de personne' }).click();
  const chooser = page.getByRole('dialog', { name: 'Rapport est verrouillé' });
  await expect(chooser).toContainText('Choisissez qui prend le relais à l’accueil.');
  await expect(chooser.getByRole('heading', { name: 'Qui ouvre une session?' })).toBeVisible();
  await chooser.getByLabel('Ou tapez vos initiales').fill('XX');
  await chooser.getByLabel('Ou tapez vos initiales').press('Enter');
  await expect(chooser.getByRole('group', { name: 'Personne n’ouvre de session avec ces initiales :' })).toBeVisible();
  await noEnglish(chooser);
  await chooser.getByRole('button', { name: new RegExp(`^${testStaff.reception.name}`) }).click();
  await chooser.getByLabel('Votre NIP').fill('111111');
  await chooser.getByRole('button', { name: 'Ouvrir la session' }).click();
  await expect(chooser.getByLabel('Votre NIP')).toHaveValue('');
  await chooser.getByLabel('Votre NIP').fill(testStaff.reception.secret);
  await chooser.getByRole('button', { name: 'Ouvrir la session' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Session ouverte au nom de ${testStaff.reception.name}. Ce que ${testStaff.admin.name} n’avait pas enregistré a été abandonné.` })).toBeVisible();

  // Reception sees its own entries, said in French.
  await expect(page.getByText('Vos propres entrées. Un administrateur voit celles de tout le monde.')).toBeVisible();
  await noEnglish(page.getByRole('form', { name: 'Filtrer le journal d’audit' }));
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^\d+ entrées? exportées? dans .+\.csv\.$/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
});

test.describe('signed out', () => {
  test.use({ startAs: 'signed-out' });
  test('the sign-in screen speaks the clinic’s language before anyone is known', async ({ page, appUrl, app }) => {
    await app.services.settings.update(clinicProfile({ locale: 'fr-CA' }));
    await openApp(page, appUrl);
    const gate = page.getByRole('main', { name: 'Ouvrir une session' });
    await expect(gate.getByRole('heading', { name: 'Qui ouvre une session?' })).toBeVisible();
    await gate.getByRole('button', { name: new RegExp(`^${testStaff.admin.name}`) }).click();
    await expect(gate.getByLabel('Votre NIP')).toBeFocused();
    await expect(gate.getByRole('button', { name: 'Ce n’est pas moi' })).toBeVisible();
    await noEnglish(gate);
    await gate.getByLabel('Votre NIP').fill(testStaff.admin.secret);
    await gate.getByLabel('Votre NIP').press('Enter');
    await expect(page.getByText(`Session : ${testStaff.admin.name}`)).toBeVisible();
  });
});
