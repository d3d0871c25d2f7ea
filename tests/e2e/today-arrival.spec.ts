import { test, expect, drawSignature, openApp } from './fixtures';
import { clinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import { testPin } from '../support/node-app';
import { dayIn } from '../../shared/time';

/**
 * The arrival (issue 9): the patient answers the arrival screening and fills the health
 * history in patient mode in French, is screened clear, signs the consents the visit
 * needs, is checked in and out; the Today row changes as each step is done.
 */
test('a new patient arrives: screening, health history and consents on the patient’s screen in French, then in and out', async ({ page, appUrl, app }) => {
  await app.services.settings.update(clinicProfile());
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  const patientId = await c.patient('Chloé', 'Gagnon');
  const booked = await app.services.appointments.book({ patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '11:00' });
  expect(booked.ok).toBe(true);

  await openApp(page, `${appUrl}#/today`);
  const row = page.getByRole('row', { name: /11:00 Chloé Gagnon/ });
  await expect(row.getByRole('button', { name: /Arrival screening: missing, Not taken/ })).toBeVisible();
  await expect(row.getByRole('button', { name: /Intake: missing, New patient/ })).toBeVisible();
  await expect(row.getByRole('button', { name: /Consents: missing, Treatment, Outbreak/ })).toBeVisible();

  await row.getByRole('button', { name: 'Patient’s screen…' }).click();
  const handOver = page.getByRole('dialog', { name: 'On the patient’s screen: Chloé Gagnon' });
  await expect(handOver.getByLabel('Arrival screening')).toBeChecked();
  await expect(handOver.getByLabel('Health history')).toBeChecked();
  await expect(handOver.getByRole('checkbox', { name: /Consent to massage therapy treatment|treatment/i }).first()).toBeChecked();
  await handOver.getByLabel('The patient’s language').selectOption('fr-CA');
  await handOver.getByRole('button', { name: 'Hand the screen to the patient' }).click();

  // 1. The arrival screening, every word in French; a reload resumes where it was.
  await expect(page.getByRole('heading', { name: 'Vérification de santé à l’arrivée' })).toBeFocused();
  await expect(page.getByText(/composez le 911/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vérification de santé à l’arrivée' })).toBeVisible();
  await page.getByRole('button', { name: 'Rien de cela : continuer' }).click();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByText('Veuillez répondre oui ou non à chaque question').first()).toBeVisible();
  const shown = await page.locator('.patient-mode').innerText();
  for (const english of ['Yes', 'Send', 'Please', 'Health check', 'Answer']) expect(shown).not.toContain(english);
  for (const group of await page.getByRole('group').all()) await group.getByRole('radio', { name: 'Non' }).check();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();

  // 2. The health history.
  await expect(page.getByRole('heading', { name: 'Vos antécédents de santé' })).toBeVisible();
  const [screened] = await app.db('screenings').select('stage', 'positive', 'language', 'by_patient');
  expect(screened).toEqual({ stage: 'arrival', positive: 0, language: 'fr', by_patient: 1 });
  await page.getByRole('checkbox', { name: 'Arthrite' }).check();
  await page.getByRole('textbox', { name: /Qu’attendez-vous du traitement/ }).fill('Dormir sans douleur à l’épaule');
  await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();

  // 3. The consents the visit needs, then the hand-back.
  for (const n of [1, 2]) {
    await expect(page.getByText(`Formulaire ${n} sur 2`)).toBeVisible();
    await drawSignature(page, page.getByRole('img', { name: /Signez dans le cadre/ }));
    await page.getByRole('button', { name: 'J’accepte et je signe' }).click();
  }
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();
  await page.getByLabel('Votre NIP').fill(testPin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();

  // Back at the desk: the row says each step is done.
  await expect(page.getByRole('heading', { name: 'Chloé Gagnon', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(row.getByRole('cell', { name: '✓ Clear' })).toBeVisible();
  await expect(row.getByRole('cell', { name: '✓ Up to date' })).toBeVisible();
  await expect(row.getByRole('cell', { name: '✓ On file' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Patient’s screen…' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Check in' }).click();
  await expect(row.getByText('Here', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Check out' }).click();
  await expect(row.getByText('Left', { exact: true })).toBeVisible();
  expect(await app.db('intakes').where({ patient_id: patientId }).first('filled_by', 'locale')).toEqual({ filled_by: 'patient', locale: 'fr-CA' });
});

test('a yes on the patient’s screen stops there: no forms, the desk sees the visit stopped', async ({ page, appUrl, app }) => {
  await app.services.settings.update(clinicProfile());
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  const patientId = await c.patient('Li', 'Wei');
  await app.services.appointments.book({ patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '14:00' });
  await openApp(page, `${appUrl}#/today`);
  const row = page.getByRole('row', { name: /14:00 Li Wei/ });
  await row.getByRole('button', { name: 'Patient’s screen…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hand the screen to the patient' }).click();
  await page.getByRole('button', { name: 'None of these: continue' }).click();
  const groups = await page.getByRole('group').all();
  await groups[0].getByRole('radio', { name: 'Yes' }).check();
  for (const g of groups.slice(1)) await g.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByText(/we cannot treat you today/)).toBeVisible();
  await expect(page.getByText(/Form 1 of/)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/we cannot treat you today/)).toBeVisible();
  await page.getByLabel('Your PIN').fill(testPin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Li Wei', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(row.getByRole('button', { name: /Arrival screening: stopped, Yes answered: note missing/ })).toBeVisible();
});

test('the safety checklist is ticked from the row, keyboard only, and the row turns quiet', async ({ page, appUrl, app }) => {
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  const patientId = await c.patient('Aarav', 'Shah');
  await app.services.appointments.book({ patientId, therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '15:00' });
  await openApp(page, `${appUrl}#/today`);
  const row = page.getByRole('row', { name: /15:00 Aarav Shah/ });
  const step = row.getByRole('button', { name: /Safety checklist: missing, 4 of 4 left/ });
  await step.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Safety checklist: Aarav Shah, 15:00, Room 1' });
  // Leave ventilation for later: untick it with the keyboard.
  const ventilation = dialog.getByRole('checkbox', { name: /ventilation/ });
  await ventilation.focus();
  await page.keyboard.press('Space');
  await expect(ventilation).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Record the ticked items' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await row.getByRole('button', { name: /Safety checklist: missing, 1 of 4 left/ }).press('Enter');
  await expect(dialog.getByText(/^✓ Hands washed/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Record the ticked items' }).press('Enter');
  await expect(row.getByRole('cell', { name: '✓ Done' })).toBeVisible();
  expect(await app.db('checklist_ticks').count({ n: '*' })).toEqual([{ n: 4 }]);
});

test('the desk in French: the Today sheet and the day view speak the clinic’s language', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  await app.services.appointments.book({ patientId: await c.patient('Chloé', 'Gagnon'), therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '11:00' });
  await openApp(page, `${appUrl}#/today`);
  await expect(page.getByRole('heading', { name: /^Aujourd’hui/ })).toBeVisible();
  const sheet = page.getByRole('table');
  for (const header of ['Heure', 'Patient', 'À faire', 'Dépistage à la réservation', 'Dépistage à l’arrivée', 'Consentements', 'Antécédents', 'Liste de sécurité', 'Rendez-vous']) {
    await expect(sheet.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const row = page.getByRole('row', { name: /11 h 00 Chloé Gagnon/ });
  await expect(row.getByRole('button', { name: /^Liste de sécurité : manquant/ })).toBeVisible();
  await expect(row.getByText('Réservé', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Accueillir' }).click();
  await expect(row.getByText('Arrivé', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: /^Liste de sécurité/ }).click();
  await expect(page.getByRole('dialog', { name: /^Liste de sécurité : Chloé Gagnon/ }).getByRole('checkbox', { name: /^Salle nettoyée et désinfectée/ })).toBeChecked();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Jour par thérapeute' }).click();
  await expect(page.getByRole('button', { name: 'Jour par thérapeute' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Réserver un rendez-vous' })).toBeVisible();
  await expect(page.getByLabel('Afficher le jour')).toHaveValue(day);
});
