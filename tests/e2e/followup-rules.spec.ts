import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, tabTo } from './fixtures';
import { clinicProfile } from '../support/fixtures';
import type { App } from '../../main/app/context';

/** The follow-up rules in Settings (issue 11 item 3), set by an admin with the keyboard at 1366×768. */
test.use({ viewport: { width: 1366, height: 768 } });

/** Replaces what a field holds, by keyboard. */
async function retype(page: Page, field: Locator, text: string) {
  await tabTo(page, field, 300);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

const rule = async (app: App, id: string) => (await app.db('followup_rules').where({ id }).first('enabled', 'delay_days', 'params')) as { enabled: number; delay_days: number; params: string };

test('each rule turned on or off and its delay set; a negative or absurd delay is refused at the field and nothing is written', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Follow-up rules' });
  const call = section.getByRole('form', { name: 'Check-in call after a first visit' });
  await expect(call.getByLabel('Days after')).toHaveValue('2');

  await retype(page, call.getByLabel('Days after'), '-3');
  await page.keyboard.press('Enter');
  await expect(call.getByText('A follow-up cannot come before what it follows: 0 days or more').first()).toBeVisible();
  await expect(call.getByLabel('Days after')).toHaveAttribute('aria-invalid', 'true');
  await retype(page, call.getByLabel('Days after'), '4000');
  await page.keyboard.press('Enter');
  await expect(call.getByText('At most 365 days').first()).toBeVisible();
  expect(await rule(app, 'first_visit_call')).toMatchObject({ enabled: 1, delay_days: 2 });

  await retype(page, call.getByLabel('Days after'), '3');
  await page.keyboard.press('Enter');
  await expect(call.getByRole('status')).toHaveText('Saved');
  await expect(call.getByText('At most 365 days')).toHaveCount(0);
  expect(await rule(app, 'first_visit_call')).toMatchObject({ enabled: 1, delay_days: 3 });

  // The lapsed rule counts days since the last visit; turned off with Space.
  const lapsed = section.getByRole('form', { name: 'Reach out to a patient with no visit booked' });
  await expect(lapsed.getByLabel('Days since the last visit')).toHaveValue('60');
  await tabTo(page, lapsed.getByRole('checkbox'), 300);
  await page.keyboard.press('Space');
  await tabTo(page, lapsed.getByRole('button', { name: 'Save' }), 300);
  await page.keyboard.press('Enter');
  await expect(lapsed.getByRole('status')).toHaveText('Saved');
  expect(await rule(app, 'lapsed')).toMatchObject({ enabled: 0, delay_days: 60 });

  // The alliance check-in's visits: a visit 0 is refused on that field, then 1, 4 and every 6th.
  const alliance = section.getByRole('form', { name: 'Alliance check-in after chosen visits' });
  await expect(alliance.getByLabel(/^After visits/)).toHaveValue('1, 3');
  await retype(page, alliance.getByLabel(/^After visits/), '1, 0');
  await page.keyboard.press('Enter');
  await expect(alliance.getByText('Visit numbers start at 1').first()).toBeVisible();
  expect(JSON.parse((await rule(app, 'alliance_checkin')).params)).toEqual({ visits: [1, 3], every: 5 });
  await retype(page, alliance.getByLabel(/^After visits/), '1, 4');
  await retype(page, alliance.getByLabel(/^Then every/), '6');
  await page.keyboard.press('Enter');
  await expect(alliance.getByRole('status')).toHaveText('Saved');
  expect(JSON.parse((await rule(app, 'alliance_checkin')).params)).toEqual({ visits: [1, 4], every: 6 });

  // What was saved is what the screen shows after a reload.
  await openApp(page, `${appUrl}#/settings`);
  await expect(call.getByLabel('Days after')).toHaveValue('3');
  await expect(lapsed.getByRole('checkbox')).not.toBeChecked();
});

test('the rules section in French, by keyboard, with the refusal in French beside the field', async ({ page, appUrl, app }) => {
  const set = await app.dispatch('settings.update', clinicProfile({ locale: 'fr-CA' }));
  expect(set.ok).toBe(true);
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Règles de suivi' });
  const adherence = section.getByRole('form', { name: 'Suivi de l’assiduité après la remise d’un programme à la maison' });
  await retype(page, adherence.getByLabel('Jours après'), '-1');
  await page.keyboard.press('Enter');
  await expect(adherence.getByText('Un suivi ne peut pas précéder ce qu’il suit : 0 jour ou plus').first()).toBeVisible();
  await retype(page, adherence.getByLabel('Jours après'), '10');
  await page.keyboard.press('Enter');
  await expect(adherence.getByRole('status')).toHaveText('Enregistré');
  expect(await rule(app, 'homecare_adherence')).toMatchObject({ enabled: 1, delay_days: 10 });
  await expect(section.getByRole('form', { name: 'Point sur l’alliance après certaines visites' }).getByLabel(/^Puis toutes les/)).toHaveValue('5');
  const text = await section.innerText();
  expect(['Follow-up', 'Days', 'After visits', 'Then every', 'Save', 'Check-in', 'Reach out', 'never'].filter((w) => text.includes(w))).toEqual([]);
});

test('a rule changed and not saved holds the page: leaving asks first, and once saved the desk leaves without a question', async ({ page, appUrl, app }) => {
  await openApp(page, `${appUrl}#/settings`);
  const call = page.getByRole('region', { name: 'Follow-up rules' }).getByRole('form', { name: 'Check-in call after a first visit' });
  await retype(page, call.getByLabel('Days after'), '5');
  await page.keyboard.press('Alt+3');
  const question = page.getByRole('dialog', { name: 'Discard the changes you typed?' });
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(call.getByLabel('Days after')).toHaveValue('5');
  await tabTo(page, call.getByRole('button', { name: 'Save' }), 300);
  await page.keyboard.press('Enter');
  await expect(call.getByRole('status')).toHaveText('Saved');
  expect(await rule(app, 'first_visit_call')).toMatchObject({ delay_days: 5 });
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
  await expect(question).toHaveCount(0);
});
