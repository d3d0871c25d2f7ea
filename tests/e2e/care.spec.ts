import { test, expect, openApp, tabTo } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { dayIn } from '../../shared/time';
import type { Patient } from '../../shared/contract/patients';

/** Goals, the homecare plan and adherence on the patient's record (issue 11 items 1–2), by keyboard at 1366×768. */
test.use({ viewport: { width: 1366, height: 768 } });

test('a goal, a plan with two items and its adherence, by keyboard; the record shows each and keeps the history', async ({ page, appUrl, app }) => {
  // A clinic whose day is never UTC's at this hour (UTC−11 before 10:00 UTC, UTC+14 after): a day taken from an instant's first ten characters shows.
  const zone = new Date().getUTCHours() < 10 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  await app.services.settings.update(clinicProfile({ timeZone: zone }));
  const created = await app.dispatch('patients.create', { patient: patientInput({ firstName: 'Zoë', lastName: 'Martin' }) });
  if (!created.ok) throw new Error(created.error.message);
  const patient = created.value as Patient;
  const today = dayIn(zone, new Date());
  expect(today).not.toBe(new Date().toISOString().slice(0, 10));
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const care = page.getByRole('region', { name: 'Goals, homecare and follow-ups' });
  await expect(care.getByText('No goal yet.')).toBeVisible();

  // The goal, in the patient's words; a target before today is refused at the field, nothing written.
  await tabTo(page, care.getByRole('button', { name: 'Add a goal' }), 120);
  await page.keyboard.press('Enter');
  const goal = care.getByRole('form', { name: 'Goal' });
  await expect(goal.getByLabel(/^The goal, in the patient’s words/)).toBeFocused();
  await page.keyboard.type('Carry my grandson without back pain');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Stretches every morning');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Check progress at each visit');
  await page.keyboard.press('Tab');
  await expect(goal.getByLabel('Target date')).toBeFocused();
  await page.keyboard.type('01012020');
  await tabTo(page, goal.getByRole('button', { name: 'Save goal' }), 120);
  await page.keyboard.press('Enter');
  await expect(goal.getByText(/The target date cannot be before the goal was set/).first()).toBeVisible();
  expect(await app.db('goals').count({ n: '*' })).toEqual([{ n: 0 }]);
  await goal.getByLabel('Target date').focus();
  await page.keyboard.type('12312099');
  await tabTo(page, goal.getByRole('button', { name: 'Save goal' }), 120);
  await page.keyboard.press('Enter');
  await expect(goal).toBeHidden();
  const row = care.getByRole('listitem').filter({ hasText: '“Carry my grandson without back pain”' });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(`Set ${today}, target 2099-12-31. Patient: Stretches every morning. Therapist: Check progress at each visit.`);

  // Reviewed: met, with what was said.
  await tabTo(page, row.getByRole('button', { name: 'Review' }), 120);
  await page.keyboard.press('Enter');
  await tabTo(page, goal.getByLabel('Status'), 120);
  await page.keyboard.press('m');
  await expect(goal.getByLabel('Status')).toHaveValue('met');
  await tabTo(page, goal.getByLabel('What was said at this review'), 120);
  await page.keyboard.type('Carried him at the weekend');
  await tabTo(page, goal.getByRole('button', { name: 'Save goal' }), 120);
  await page.keyboard.press('Enter');
  await expect(goal).toBeHidden();
  await expect(row).toContainText('Met');

  // A plan with two items: "Add an item" puts the cursor in the new line.
  await tabTo(page, care.getByRole('button', { name: 'Give a new plan' }), 120);
  await page.keyboard.press('Enter');
  const plan = care.getByRole('form', { name: 'New homecare plan' });
  await expect(plan.getByLabel('Exercise or self-care 1')).toBeFocused();
  await page.keyboard.type('Cat-cow stretch');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Twice a day');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2 weeks');
  await tabTo(page, plan.getByRole('button', { name: 'Add an item' }), 120);
  await page.keyboard.press('Enter');
  await expect(plan.getByLabel('Exercise or self-care 2')).toBeFocused();
  await page.keyboard.type('Walk');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Daily');
  await page.keyboard.press('Tab');
  await page.keyboard.type('20 minutes');
  await page.keyboard.press('Enter');
  await expect(plan).toBeHidden();
  await expect(care.getByText(/^Given .* by /)).toContainText(today);
  await expect(care.getByRole('listitem').filter({ hasText: 'Cat-cow stretch' })).toHaveText('Cat-cow stretch — Twice a day, 2 weeks');
  await expect(care.getByRole('listitem').filter({ hasText: 'Walk' })).toHaveText('Walk — Daily, 20 minutes');

  // Adherence: most of it; no time got in the way, in the patient's words.
  await tabTo(page, care.getByRole('button', { name: 'Record adherence' }), 120);
  await page.keyboard.press('Enter');
  const adherence = care.getByRole('form', { name: 'Adherence to the homecare plan' });
  await expect(adherence.getByRole('radio', { name: 'All', exact: true })).toBeFocused();
  const levelWords = await adherence.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r.closest('label')?.textContent ?? '').trim()));
  expect(levelWords).toEqual(['All', 'Most', 'Some', 'None']);
  await page.keyboard.press('ArrowDown');
  await expect(adherence.getByRole('radio', { name: 'Most' })).toBeChecked();
  await tabTo(page, adherence.getByRole('checkbox', { name: 'No time' }), 120);
  await page.keyboard.press('Space');
  await tabTo(page, adherence.getByLabel('In the patient’s words'), 120);
  await page.keyboard.type('Busy week at work');
  await page.keyboard.press('Enter');
  await expect(adherence).toBeHidden();
  await expect(care.getByText(`${today}: did most; in the way: No time`)).toBeVisible();

  // The history kept in main: both versions of the goal, the plan's items and the adherence.
  expect((await app.db('goal_history').orderBy('changed_at').select('status', 'note')).map((h) => [h.status, h.note])).toEqual([
    ['active', ''],
    ['met', 'Carried him at the weekend'],
  ]);
  const plans = await app.dispatch('followups.plans', { patientId: patient.id });
  expect(plans).toMatchObject({ ok: true, value: [{ current: true, items: [{ what: 'Cat-cow stretch' }, { what: 'Walk' }], adherence: [{ level: 'most', barriers: ['time'], barrierNote: 'Busy week at work' }] }] });

  // The dashboard counts the same answers under the same words (it said "All" where the form said "All of it").
  await page.keyboard.press('Alt+4');
  const counted = page.getByRole('table', { name: /Homecare done/ });
  await expect(counted).toBeVisible();
  expect((await counted.locator('thead th').allTextContents()).map((t) => t.trim()).slice(-4)).toEqual(levelWords);
});
