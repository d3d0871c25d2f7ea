import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Conf from 'conf';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';

/**
 * The desk of a French-speaking clinic, walked with the keyboard only at the front
 * desk's screen size: the patient screens, the shared form parts, the leave question and
 * the health history taken by phone speak French, and their English is gone. (Field
 * messages that main or the shared contract write are another part's work; these tests
 * look at the words the screens write themselves.)
 */
test.use({ viewport: { width: 1366, height: 768 } });

async function frenchClinic(app: App): Promise<Patient> {
  const set = await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  if (!set.ok) throw new Error(JSON.stringify(set.error));
  const created = await app.dispatch('patients.create', { patient: patientInput() });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.value as Patient;
}

/** Keyboard only: Tab until the control has focus (and fail if it never does). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** None of these English words of the screen is left in the part looked at. */
async function noEnglish(part: Locator, words: string[]) {
  const text = await part.innerText();
  expect(words.filter((w) => text.includes(w))).toEqual([]);
}

test('find, create with a mistake, leave, edit and archive a patient, all in French', async ({ page, appUrl, app }) => {
  await frenchClinic(app);
  await openApp(page, `${appUrl}#/patients`);
  const find = page.getByRole('combobox', { name: 'Trouver un patient' });
  await expect(find).toBeFocused();
  await expect(find).toHaveAttribute('placeholder', 'Nom, chiffres du téléphone ou date de naissance');
  await expect(page.getByRole('heading', { name: 'Ajoutés ou modifiés récemment' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Raccourcis clavier' })).toContainText('Alt+N nouveau patient');

  await page.keyboard.type('zoe');
  await expect(page.getByRole('heading', { name: '1 résultat' })).toBeVisible();
  await expect(page.getByRole('option', { name: /O'Brien-Müller, Zoë/ })).toContainText('Formulaires à signer');
  await page.keyboard.press('Escape');
  await page.keyboard.type('Tremblay');
  await expect(page.getByText('Aucun patient ne correspond à « Tremblay ».')).toBeVisible();

  // New patient: the name typed in the search comes along; Save with what is still missing.
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Nouveau patient' });
  await expect(form.getByLabel('Prénom')).toHaveValue('Tremblay');
  await expect(form.getByLabel('Nom de famille')).toBeFocused();
  await expect(form.getByText('Les champs marqués d’un * sont obligatoires.')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Élodie');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tremblay');
  await page.keyboard.press('Tab');
  await page.keyboard.type('04/05/1988');
  await page.keyboard.press('Control+S');
  const summary = page.getByRole('group', { name: 'Certains champs sont à corriger :' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('04/05/1988 peut se lire de deux façons : choisissez la date voulue');
  const readings = page.getByRole('group', { name: 'Choisissez la date voulue' });
  await expect(readings).toContainText('Vouliez-vous dire');
  await expect(readings.getByRole('button')).toHaveText(['4 mai 1988', '5 avril 1988']);
  await page.screenshot({ path: test.info().outputPath('desk-fr-new-patient.png') });

  // Esc with typing in the form: the question, in French, keeps the work by default.
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: 'Abandonner les changements saisis?' });
  await expect(question).toContainText('Si vous quittez maintenant, ils seront perdus.');
  await expect(question.getByRole('button', { name: 'Continuer la saisie' })).toBeFocused();
  await expect(question.getByRole('button', { name: 'Abandonner les changements' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();

  await tabTo(page, readings.getByRole('button', { name: '5 avril 1988' }));
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Date de naissance')).toHaveValue('1988-04-05');
  await expect(form).toContainText(/5 avril 1988, \d+ ans/);
  await tabTo(page, form.getByLabel('Numéro du téléphone 1'));
  await page.keyboard.type('514 555 0199');
  await expect(form.getByLabel('Type de tél. 1')).toHaveValue('mobile');
  await expect(form.getByLabel('Type de tél. 1').locator('option:checked')).toHaveText('Cellulaire');
  await noEnglish(form, ['First name', 'Date of birth', 'Phone', 'Preferred', 'Address', 'Emergency', 'Save patient', 'Cancel', 'required', 'years old']);
  await page.keyboard.press('Control+S');

  // The record, in French.
  const record = page.getByRole('region', { name: 'Dossier du patient' });
  await expect(record.getByRole('heading', { level: 2, name: 'Élodie Tremblay' })).toBeFocused();
  await expect(record).toContainText('né(e) le 1988-04-05');
  const contact = record.getByRole('region', { name: 'Coordonnées' });
  await expect(contact).toContainText('Téléphone (cellulaire)');
  await expect(contact).toContainText('Appel téléphonique');
  await expect(contact).toContainText('Non indiqué');
  await expect(record.getByRole('region', { name: 'Notes de l’accueil' })).toContainText('Aucune note.');
  await expect(record).toContainText(/Dossier créé le \d{1,2}\s\S+\s\d{4} · dernière modification le/);
  await noEnglish(contact, ['Phone', 'E-mail', 'Preferred contact', 'Language', 'Address', 'Not recorded']);
  await noEnglish(record.getByRole('region', { name: 'Équipe de soins et urgence' }), ['Emergency', 'Family physician', 'Not recorded']);
  await page.screenshot({ path: test.info().outputPath('desk-fr-patient.png') });
  await contact.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('desk-fr-patient-contact.png') });

  // Edit: Alt+E, the preferred name, Ctrl+S.
  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('heading', { name: 'Modifier Élodie Tremblay' })).toBeVisible();
  await tabTo(page, page.getByLabel('Nom d’usage'));
  await page.keyboard.type('Élo');
  await page.keyboard.press('Control+S');
  await expect(record.getByRole('heading', { level: 2, name: 'Élo (Élodie) Tremblay' })).toBeFocused();

  // Archive, with Esc asking before the typed reason is dropped.
  await tabTo(page, record.getByRole('button', { name: 'Archiver…' }));
  await page.keyboard.press('Enter');
  const archive = page.getByRole('dialog', { name: 'Archiver Élodie Tremblay?' });
  await expect(archive.getByLabel('Motif de l’archivage')).toBeFocused();
  await page.keyboard.type('A déménagé à Québec');
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Continuer la saisie' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(archive.getByLabel('Motif de l’archivage')).toHaveValue('A déménagé à Québec');
  await tabTo(page, archive.getByRole('button', { name: 'Archiver le patient' }));
  await expect(archive.getByRole('button', { name: 'Garder actif' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(record.getByText(/Dossier archivé le .* : A déménagé à Québec/)).toBeVisible();
  await expect(record.getByRole('button', { name: 'Restaurer le patient' })).toBeVisible();

  // Archived patients are not silently left out of a search.
  await page.keyboard.press('Alt+F');
  await page.keyboard.type('tremblay');
  await expect(page.getByText('Aucun patient actif ne correspond à « tremblay », mais 1 patient archivé correspond. Vérifiez avant de créer un nouveau dossier.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Afficher les patients archivés' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Tremblay, Élodie “Élo”/ })).toContainText('Archivé');
  await noEnglish(page.getByRole('region', { name: 'Liste des patients' }), ['New patient', 'Find a patient', 'match', 'Archived', 'Include archived', 'to choose']);
});

test('the health history taken by phone, in French', async ({ page, appUrl, app }) => {
  const patient = await frenchClinic(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const section = page.getByRole('region', { name: 'Antécédents de santé' });
  await expect(section).toContainText('Pas encore d’antécédents de santé');
  await expect(section).toContainText('Prenez les antécédents de santé avant le premier traitement.');

  await tabTo(page, section.getByRole('link', { name: 'Remplir au téléphone…' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: "Prendre les antécédents de santé — Zoë O'Brien-Müller" })).toBeFocused();
  // The clinic speaks French, so the questions are asked in French unless staff choose otherwise.
  await expect(page.getByLabel('Langue dans laquelle les questions sont posées')).toHaveValue('fr-CA');
  await expect(page.getByText('Lisez chaque question au patient et saisissez ses réponses.')).toBeVisible();

  await tabTo(page, page.getByRole('checkbox', { name: 'Diabète' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('textbox', { name: /Qu’attendez-vous du traitement/ }));
  await page.keyboard.type('Jardiner de nouveau sans douleur');
  const article = page.getByRole('article');
  await noEnglish(article, ['Take the health history', 'Back to the record', 'Language the questions', 'Save the health history', 'Cancel', 'Add an area', 'Required']);
  await tabTo(page, page.getByRole('button', { name: 'Enregistrer les antécédents de santé' }));
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: "Zoë O'Brien-Müller" })).toBeVisible();
  await expect(section).toContainText('À jour');
  await expect(section).toContainText(/Version 1, prise au téléphone ou à l’accueil le \d{1,2}\s\S+\s\d{4}/);
  const saved = await app.db('intakes').where({ patient_id: patient.id }).first();
  expect(saved).toMatchObject({ version: 1, filled_by: 'staff', locale: 'fr-CA' });

  await tabTo(page, section.getByRole('button', { name: 'Aucun changement depuis la dernière visite' }));
  await page.keyboard.press('Enter');
  await expect(section).toContainText(/aucun changement confirmé le .* par /);
  await noEnglish(section, ['Health history', 'Up to date', 'Version 1, taken', 'No changes', 'by phone', 'Patient updates', 'Answers and history']);

  await tabTo(page, section.getByRole('link', { name: 'Réponses et historique' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: "Antécédents de santé — Zoë O'Brien-Müller" })).toBeFocused();
  await expect(page.getByRole('heading', { level: 3, name: /^Version 1 — .*par le personnel/ })).toBeVisible();
  await expect(page.getByText(/« Aucun changement » confirmé : /)).toBeVisible();
});

test('the failure screen speaks French too', async ({ page, appUrl, app }) => {
  const patient = await frenchClinic(app);
  // A settings file from elsewhere names a time zone this computer does not know.
  const settings = new Conf<Record<string, unknown>>({ cwd: path.join(path.dirname(app.paths.root), 'settings'), projectName: 'rapport' });
  settings.set('clinic', { ...(settings.get('clinic') as object), timeZone: 'Mars/Olympus_Mons' });
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { name: 'Rapport a cessé d’afficher cet écran' })).toBeFocused();
  await expect(failure).toContainText('Ce qui s’est passé :');
  await page.keyboard.press('Tab');
  await expect(failure.getByRole('button', { name: 'Recharger Rapport' })).toBeFocused();
  await expect(failure.getByRole('button', { name: 'Recharger à la liste des patients' })).toBeVisible();
  await noEnglish(failure, ['Rapport stopped', 'What happened', 'Reload', 'Everything that was saved']);
});
