import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { expectNoEnglish } from './english';
import { clinicProfile, patientInput } from '../support/fixtures';
import type { Patient } from '../../shared/contract/patients';

/**
 * The admin's screens in a French-speaking clinic: settings (with the retention period
 * and the purge), backups and the consent forms speak French, counts with their plurals,
 * with no English left beside the data.
 */
const english = ['the', 'and', 'of', 'to', 'Save', 'Cancel', 'Backup', 'Backups', 'Settings', 'Remove', 'Records?', 'Check', 'Restore', 'Edit', 'Version of'];

const noEnglish = (part: Locator) => expectNoEnglish(part, english);

test('settings, retention and purge in French', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const old = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Olga', lastName: 'Ancienne' }) });
  if (!old.ok) throw new Error('seed failed');
  await app.dispatch('patients.archive', { id: (old.value as Patient).id, reason: 'Déménagé', expectedUpdatedAt: (old.value as Patient).updatedAt });
  await app.db('patients').where({ id: (old.value as Patient).id }).update({ archived_at: '2014-03-01T15:00:00.000Z' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/settings`);

  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  const clinic = page.getByRole('form', { name: 'Profil de la clinique' });
  await clinic.getByLabel('Courriel de la clinique').fill('accueil@harbour.example');
  await clinic.getByRole('button', { name: 'Enregistrer le profil de la clinique' }).click();
  await expect(clinic.getByRole('status')).toHaveText('Profil de la clinique enregistré.');
  await noEnglish(clinic);
  const rules = page.getByRole('form', { name: 'Règles de consentement' });
  await rules.getByRole('button', { name: 'Enregistrer les règles de consentement' }).click();
  await expect(rules.getByRole('status')).toHaveText('Règles de consentement enregistrées.');
  await noEnglish(rules);
  await noEnglish(page.getByRole('region', { name: 'Données sur cet ordinateur' }));

  const purge = page.getByRole('region', { name: 'Dossiers dont la durée de conservation est échue' });
  await expect(purge.getByLabel('Conserver les dossiers archivés pendant (années)')).toHaveValue('10');
  await purge.getByRole('button', { name: 'Lister les dossiers archivés dont la durée est échue' }).click();
  await expect(purge.getByRole('table', { name: /^Archivés avant le \d{4}-\d\d-\d\d \(10 ans\) : 1 dossier$/ })).toContainText('Ancienne, Olga');
  await expect(purge.getByRole('checkbox', { name: 'Ce dossier et ses documents sont supprimés définitivement; le journal d’audit n’en garde que le nombre.' })).toBeVisible();
  await noEnglish(purge);
  await page.screenshot({ path: 'test-results/desk-fr-settings.png', fullPage: false });
  await purge.getByRole('checkbox').check();
  await purge.getByRole('button', { name: 'Supprimer 1 dossier' }).click();
  await expect(purge.getByRole('status')).toHaveText('1 dossier supprimé et 0 document supprimé définitivement.');
});

test('backups in French: the status line, the folder, back up now, the list and the check before a restore', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'rapport-e2e-usb-'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/backup`);
  await expect(page.getByRole('heading', { name: 'Sauvegardes', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Aucune sauvegarde pour l’instant : choisissez un dossier de sauvegarde.' })).toBeVisible();
  await expect(page.getByText('Aucune pour l’instant')).toBeVisible();
  await page.getByLabel('Dossier des sauvegardes').fill(folder);
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les sauvegardes iront dans ce dossier.' })).toBeVisible();
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const list = page.getByRole('table', { name: 'Sauvegardes, de la plus récente à la plus ancienne' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(/^aujourd’hui à \d\d h \d\d$/);
  await expect(list.getByRole('row').nth(1).getByRole('cell')).toHaveText(['0', '0', '0', /^\d+\sko$/, 'Restaurer…']);
  await expect(page.getByRole('banner').getByRole('link', { name: /^Sauvegardé aujourd’hui à \d\d h \d\d$/ })).toBeVisible();
  await noEnglish(page.locator('main'));

  await list.getByRole('button', { name: /^Restaurer la sauvegarde \(aujourd’hui à .+\)…$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restaurer une sauvegarde' });
  await expect(dialog).toContainText('0 patient, 0 consentement, 0 document');
  await dialog.getByRole('button', { name: 'Vérifier cette sauvegarde' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Vérifiée : chaque fichier est tel qu’il a été écrit/);
  await expect(dialog.getByRole('button', { name: 'Restaurer cette sauvegarde' })).toBeVisible();
  await noEnglish(dialog);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
});

test('the consent forms screen in French: each form by its French name, the editor’s labels', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/consent-forms`);
  const main = page.locator('main');
  await expect(page.getByRole('heading', { name: 'Formulaires de consentement', level: 1 })).toBeVisible();
  const cards = page.locator('.template-card');
  await expect(cards).toHaveCount(4);
  await noEnglish(cards.first().getByRole('heading', { level: 2 }));
  await cards.first().getByRole('button', { name: /^Modifier le texte… de / }).click();
  await expect(page.getByRole('heading', { name: /^Modifier « .+ » \(l’enregistrement crée la version 2\)$/ })).toBeVisible();
  await expect(page.getByLabel('Nom du formulaire (Français)')).toBeVisible();
  await expect(page.getByLabel('Ce qui a changé, et pourquoi')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer comme version 2' })).toBeVisible();
  // The form's own English wording is data the admin edits: only the screen's words are checked.
  await noEnglish(main.locator('label, legend, h1, h2, .pane__hint, button'));
});
