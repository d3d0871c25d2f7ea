import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, tabTo } from './fixtures';
import { expectNoEnglish } from './english';
import { clinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import { dayIn } from '../../shared/time';

/**
 * The front desk's day in a French-speaking clinic, with the keyboard only, at the desk's
 * 1366×768: the Today sheet (with the step details main sends), booking, the screening
 * with a yes, moving and cancelling a visit, the day view and one therapist's week. In
 * each part no English word is left, times and days are written the French way, and
 * nothing is wider than the screen.
 */
test.use({ viewport: { width: 1366, height: 768 } });

/** The English words of these screens: none may be left in a French clinic ("Patient" is French too; "Room 1" is the clinic's own name for a room). */
const english = [
  'Booking screening', 'Arrival screening', 'Consents', 'Intake', 'Safety checklist', 'Not taken', 'New patient', 'left', 'Treatment', 'Outbreak',
  'Booked', 'Check in', 'Move', 'Cancel', 'No-show', 'Time', 'Next', 'Visit', 'Today', 'Book', 'Day', 'Week', 'free', 'busy', 'Therapist',
  'Start', 'Clear', 'Stopped', 'Yes answered', 'Note of', 'Save', 'Close', 'Language', 'Question set', 'visit', 'Keep it', 'Why', 'Now',
  'Matching', 'Choose', 'Type of visit', 'Booking for', 'born', 'answered', 'therapist', 'admin', 'reason',
];

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

async function press(page: Page, control: Locator) {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}

test('the day in French: the sheet, booking, a screening with a yes, moving and cancelling, the day and week views, then the health history step', async ({ page, appUrl, app }) => {
  await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  await c.patient('Li', 'Wei');
  const chloe = await app.services.appointments.book({ patientId: await c.patient('Chloé', 'Gagnon'), therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '11:00' });
  expect(chloe.ok).toBe(true);
  await openApp(page, `${appUrl}#/today`);

  // The sheet: the steps' details come from main, in French.
  const today = page.getByRole('region', { name: /^Aujourd’hui/ });
  const row = today.getByRole('row', { name: '11 h 00 Chloé Gagnon' });
  await expect(row.getByRole('cell', { name: '11 h 00–12 h 00' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Antécédents : manquant, Nouveau patient' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Consentements : manquant, Traitement, Éclosion' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Liste de sécurité : manquant, 4 sur 4 à faire' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Dépistage à l’arrivée : manquant, Pas fait' })).toBeVisible();
  await expectNoEnglish(today, english);
  await fitsTheScreen(page);
  await page.screenshot({ path: 'test-results/fr-today.png' });

  // Booking on the phone: refused in French until the patient is chosen, then booked.
  await page.keyboard.press('Alt+B');
  const booking = page.getByRole('dialog', { name: 'Réserver un rendez-vous' });
  await expect(booking.getByRole('textbox', { name: 'Patient' })).toBeFocused();
  await press(page, booking.getByRole('button', { name: 'Réserver', exact: true }));
  await expect(booking.getByText('Choisissez d’abord le patient.').first()).toBeVisible();
  await tabTo(page, booking.getByRole('textbox', { name: 'Patient' }));
  await page.keyboard.type('li we');
  await press(page, booking.getByRole('button', { name: /Li Wei/ }));
  await expect(booking.getByText(/^Réservation pour Li Wei, né\(e\) le \d{4}-\d\d-\d\d\.$/)).toBeVisible();
  await tabTo(page, booking.getByLabel('Début'));
  await page.keyboard.type('1500');
  await expectNoEnglish(booking, english);
  await page.screenshot({ path: 'test-results/fr-booking.png' });
  await press(page, booking.getByRole('button', { name: 'Réserver', exact: true }));
  await expect(booking).toBeHidden();
  const li = today.getByRole('row', { name: '15 h 00 Li Wei' });
  await expect(li).toBeVisible();

  // The booking screening with a yes: the dialog, the stop, the move.
  await press(page, row.getByRole('button', { name: 'Dépistage à la réservation', exact: true }));
  const screening = page.getByRole('dialog', { name: 'Dépistage à la réservation : Chloé Gagnon, 11 h 00' });
  await expect(screening.getByLabel('Langue des questions')).toHaveValue('fr');
  await expect(screening.getByRole('button', { name: 'Pas d’urgence : continuer' })).toBeFocused();
  await page.keyboard.press('Enter');
  const groups = screening.getByRole('group');
  await tabTo(page, groups.first().getByRole('radio', { name: 'Oui' }));
  await page.keyboard.press('Space');
  for (let i = 1; i < (await groups.count()); i++) {
    await tabTo(page, groups.nth(i).getByRole('radio').first());
    await page.keyboard.press('ArrowDown');
  }
  await expect(screening.getByRole('alert')).toHaveText('Un oui veut dire aucun traitement aujourd’hui. Dites-le clairement au patient et notez ce qui a été dit.');
  await tabTo(page, screening.getByLabel('Note de la conversation'));
  await page.keyboard.type('Fièvre hier soir; rappeler pour un autre jour.');
  await expectNoEnglish(screening.locator('form > :not(.pane__hint)'), english);
  await expect(screening.getByText(/^Questionnaire, version 1\./)).toBeVisible();
  await page.screenshot({ path: 'test-results/fr-screening.png' });
  await press(page, screening.getByRole('button', { name: 'Enregistrer le dépistage' }));

  const stopped = page.getByRole('dialog', { name: 'Dépistage à la réservation : Chloé Gagnon, 11 h 00' });
  await expect(stopped.getByText('Ce rendez-vous ne peut pas avoir lieu aujourd’hui.')).toBeVisible();
  await expect(stopped.getByText(/^Note :/)).toBeVisible();
  await expect(stopped.getByLabel('Pourquoi le rendez-vous peut avoir lieu quand même')).toBeVisible();
  await expectNoEnglish(stopped, english);
  await expect(row.getByRole('button', { name: 'Dépistage à la réservation : arrêté, Un oui : pas de traitement' })).toBeAttached();
  await press(page, stopped.getByRole('button', { name: 'Déplacer le rendez-vous à un autre jour' }));

  const move = page.getByRole('dialog', { name: 'Déplacer le rendez-vous de Chloé Gagnon' });
  await expect(move.getByText(/^Actuellement : \p{L}+ \d+ \p{L}+ \d{4}, 11 h 00–12 h 00, Amélie Tremblay, RMT, Room 1\.$/u)).toBeVisible();
  await expect(move.getByLabel('Nouveau jour')).toBeFocused();
  await tabTo(page, move.getByLabel('Nouvelle heure de début'));
  await page.keyboard.type('1630');
  await expectNoEnglish(move, english);
  await press(page, move.getByRole('button', { name: 'Déplacer le rendez-vous' }));
  await expect(move).toBeHidden();
  const moved = today.getByRole('row', { name: '16 h 30 Chloé Gagnon' });
  await expect(moved.getByRole('button', { name: 'Dépistage à la réservation : manquant, Pas fait' })).toBeVisible();

  // Cancelling, with why.
  await press(page, li.getByRole('button', { name: 'Annuler', exact: true }));
  const cancel = page.getByRole('dialog', { name: 'Annuler le rendez-vous de Li Wei à 15 h 00' });
  await expect(cancel.getByLabel('Pourquoi est-il annulé ?')).toBeFocused();
  await page.keyboard.type('Le patient a appelé');
  await expectNoEnglish(cancel, english);
  await press(page, cancel.getByRole('button', { name: 'Annuler le rendez-vous' }));
  await expect(cancel).toBeHidden();
  await expect(li.getByText('Annulé : Le patient a appelé')).toBeVisible();
  await fitsTheScreen(page);
  await page.screenshot({ path: 'docs/today-fr.png' });

  // The day by therapist: a column each, free slots in French.
  await press(page, page.getByRole('button', { name: 'Jour par thérapeute' }));
  const grid = page.getByRole('table', { name: /^Vue par jour, / });
  await expect(grid.getByRole('columnheader', { name: 'Heure' })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: '09 h 00' })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^09 h 00 libre : réserver Amélie Tremblay, RMT le / })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^16 h 30 Chloé Gagnon/ })).toBeVisible();
  await expectNoEnglish(grid, english);
  await fitsTheScreen(page);
  await page.screenshot({ path: 'test-results/fr-day.png' });

  // One therapist's week: the days written the French way.
  await press(page, page.getByRole('button', { name: 'Semaine d’un thérapeute' }));
  const week = page.getByRole('table', { name: /^Semaine du lundi / });
  await expect(week.getByRole('columnheader', { name: /^lun\. \d+ / })).toBeVisible();
  await expect(week.getByRole('columnheader', { name: /^dim\. \d+ / })).toBeVisible();
  await expectNoEnglish(week, english);
  await fitsTheScreen(page);
  await page.screenshot({ path: 'test-results/fr-week.png' });

  // A new patient's health history step opens the questions (asked of main, not read from the French words).
  // Back along the view buttons (the week's free slots are after them).
  await expect(page.getByRole('button', { name: 'Semaine d’un thérapeute' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Ce qu’il faut pour chaque rendez-vous' })).toBeFocused();
  await page.keyboard.press('Enter');
  const intake = moved.getByRole('button', { name: 'Antécédents : manquant, Nouveau patient' });
  await expect(intake).toBeVisible();
  await press(page, intake);
  await expect(page.getByRole('heading', { name: 'Prendre les antécédents de santé — Chloé Gagnon' })).toBeVisible();
});
