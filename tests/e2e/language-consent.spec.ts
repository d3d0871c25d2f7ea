import type { Locator } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { expectNoEnglish } from './english';
import { clinicProfile, patientInput } from '../support/fixtures';
import type { Patient } from '../../shared/contract/patients';

/**
 * Consent at the desk of a French-speaking clinic: the record's consent section, the
 * paper dialog and the export speak French (form names from the forms' own French),
 * with no English left beside the patient's data.
 */
const english = ['the', 'and', 'of', 'to', 'for', 'Cancel', 'Close', 'Print', 'Missing', 'Consent', 'Sign', 'Before', 'Export', 'Signed', 'Version of'];

const noEnglish = (part: Locator) => expectNoEnglish(part, english);

test('the record’s consent section, the paper dialog and the export in French', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error('seed failed');
  const patient = created.value as Patient;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);

  const consent = page.getByRole('region', { name: 'Consentement' });
  await expect(consent.getByRole('button', { name: 'Signer à l’écran…' })).toBeVisible();
  await expect(consent.getByRole('status').filter({ hasText: /^Encore requis avant le traitement : .+ \(manquant\)/ })).toBeVisible();
  await expect(consent.getByRole('button', { name: /^Imprimer les \d formulaires encore requis$/ })).toBeVisible();
  await expect(consent.locator('.pill').first()).toHaveText('Manquant');
  await expect(consent.getByText('Le consentement verbal peut être enregistré une fois qu’un consentement écrit pour ces zones est en vigueur.')).toBeVisible();
  await noEnglish(consent);
  await page.screenshot({ path: 'test-results/desk-fr-consent.png' });

  // On paper: the dialog's words, a paper signature recorded, and the history in French.
  await consent.getByRole('button', { name: /^Sur papier… pour / }).first().click();
  const dialog = page.getByRole('dialog', { name: /: sur papier$/ });
  await expect(dialog.getByRole('heading', { name: '1. Imprimer le formulaire' })).toBeVisible();
  await expect(dialog.getByLabel('Date de la signature')).toHaveAttribute('placeholder', 'AAAA-MM-JJ');
  await expect(dialog.getByRole('group', { name: /^Formulaire à signer sur papier : \d pages?$/ })).toBeVisible();
  await expect(dialog.getByRole('img', { name: /^Formulaire à signer sur papier, page 1 sur \d$/ })).toBeVisible();
  await noEnglish(dialog.locator('h3, label, legend, button, .field__hint, .who'));
  await dialog.getByRole('button', { name: 'Enregistrer la signature sur papier' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(consent.locator('.pill').first()).toHaveText('Au dossier');
  await expect(consent.getByText(/signé le \d{4}-\d\d-\d\d, version 1/)).toBeVisible();
  await consent.getByText(/^Historique des consentements \(1\)$/).click();
  const history = consent.getByRole('table', { name: 'Tous les consentements enregistrés pour ce patient, du plus récent au plus ancien' });
  await expect(history.getByRole('row').nth(1)).toContainText('Signé sur papier');
  await expect(history.getByRole('row').nth(1)).toContainText('En vigueur');
  await expect(history.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText(/^\d{4}-\d\d-\d\d \d\d h \d\d$/);

  // The document, and the export.
  await consent.getByRole('button', { name: /^Voir le PDF de / }).click();
  const doc = page.getByRole('dialog', { name: /, version 1$/ });
  await expect(doc.getByText('Inchangé depuis la signature.')).toBeVisible();
  await noEnglish(doc.locator('label, button, .banner'));
  await doc.getByRole('button', { name: 'Fermer' }).last().click();
  await page.getByRole('button', { name: 'Exporter le dossier' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^\d+ fichiers exportés \(le dossier en PDF et en JSON, et les documents signés\) dans / })).toBeVisible();
});
