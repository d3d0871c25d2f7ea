import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { App } from '../../main/app/context';
import type { Patient } from '../../shared/contract/patients';
import type { StaffMember } from '../../shared/contract/staff';
import { test, expect, openApp } from './fixtures';
import { clinicProfile, patientInput } from '../support/fixtures';
import { testStaff } from '../support/node-app';

/** Issue 11 item 5 in the page, with the real handlers behind it. */

test.use({ startAs: 'reception' });

async function must<T = unknown>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A patient seen last week by Amélie (the visit written to the table: its check-out is tested elsewhere), and Aiko, who saw them before. */
async function setUp(app: App): Promise<{ patient: Patient; amelie: StaffMember }> {
  const { staff } = app.services;
  const made = await staff.create({ ...testStaff.therapist, roles: ['therapist'] }, null);
  const aiko = await staff.create({ name: 'Aiko Tanaka, RMT', initials: 'AK', secret: '864297', roles: ['therapist'] }, null);
  if (!made.ok || !aiko.ok) throw new Error('staff');
  // Settings are the admin's: written through the service, as the clinic's setup did.
  await app.services.settings.update(clinicProfile());
  const patient = await must<Patient>(app, 'patients.create', { patient: patientInput({ firstName: 'Zoë', lastName: 'Martin' }) });
  const room = await app.services.appointments.saveRoom({ name: 'Room 1', active: true });
  const type = await app.services.appointments.saveType({ name: 'Massage, 60 min', minutes: 60, consentForms: [], active: true });
  if (!room.ok || !type.ok) throw new Error('setup');
  const visit = (id: string, therapistId: string, at: string) => ({
    id, patient_id: patient.id, therapist_id: therapistId, room_id: room.value.id, type_id: type.value.id, starts_at: at, ends_at: at.replace('T14', 'T15'),
    status: 'checked_out', scheduled_at: at, created_at: at, updated_at: at,
  });
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await app.db('appointments').insert([
    visit('c0ffee00-0000-4000-8000-000000000001', aiko.value.id, '2026-01-05T14:00:00.000Z'),
    visit('c0ffee00-0000-4000-8000-000000000002', made.value.id, `${lastWeek}T14:00:00.000Z`),
  ]);
  return { patient, amelie: made.value };
}

test('a patient answers the check-in in patient mode with a low score, and the therapist’s task appears at their sign-in', async ({ page, appUrl, app }) => {
  const { patient, amelie } = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const section = page.getByRole('region', { name: 'Alliance check-in' });
  await expect(section).toContainText('A clinic feedback check-in, not a validated instrument.');
  await expect(section).toContainText('No check-in yet.');
  await section.getByRole('button', { name: 'Patient answers the check-in…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Patient answers the check-in' });
  await dialog.getByLabel('Language of the check-in').selectOption('fr-CA');
  await dialog.getByRole('button', { name: 'Hand the screen to the patient' }).click();

  // Every word in French; the scale read by keyboard (a radio group per statement).
  await expect(page.getByRole('heading', { name: 'Comment se passent vos visites ?' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText('Un sondage de la clinique, pas un instrument validé.')).toBeVisible();
  // A reload resumes the step: main holds it, not the page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Comment se passent vos visites ?' })).toBeVisible();
  // Sending with nothing chosen is refused in French, at the statements.
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByRole('alert')).toHaveText('Veuillez répondre à chaque énoncé.');
  const groups = page.getByRole('group', { name: /^Énoncé \d+ sur 8/ });
  await expect(groups).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    const group = groups.nth(i);
    const low = (await group.textContent())!.includes('j’ai confiance');
    await group.getByRole('radio', { name: low ? 'Pas du tout d’accord' : 'Plutôt d’accord' }).check();
  }
  const shown = await page.locator('.patient-mode').innerText();
  for (const english of ['Agree', 'Disagree', 'Send', 'Statement', 'check-in']) expect(shown).not.toContain(english);
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Merci. Veuillez remettre l’écran à la réception.')).toBeVisible();

  const saved = await app.db('checkins').where({ patient_id: patient.id }).first();
  expect(saved).toMatchObject({ taken_by: 'patient', locale: 'fr-CA' });
  expect(await app.db('checkin_answers').where({ checkin_id: saved.id, item_id: 'trust' }).first()).toMatchObject({ value: 1, text: 'Je me sens à l’aise et j’ai confiance en ma ou mon thérapeute.' });

  // Reception unlocks; the record shows the check-in with its scores, lowest first.
  await page.getByLabel('Votre NIP').fill(testStaff.reception.secret);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(section).toContainText('answered by the patient');
  await expect(section.getByRole('row').nth(1)).toHaveText(/Trust and connection\s*1/);
  // Reception has no tasks notice.
  await expect(page.getByText(/open task/)).toHaveCount(0);

  // Amélie, who saw the patient last, signs in: her task is there, with what was said.
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('button', { name: new RegExp(`^${amelie.name}`) }).click();
  await page.getByLabel('Your PIN').fill(testStaff.therapist.secret);
  await page.getByLabel('Your PIN').press('Enter');
  const notice = page.getByRole('status').filter({ hasText: 'You have 1 open task from check-ins.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Open my tasks' }).click();
  const tasks = page.getByRole('dialog', { name: 'Tasks from check-ins' });
  await expect(tasks).toContainText('Zoë Martin');
  await expect(tasks).toContainText('Answered 1 to “Je me sens à l’aise et j’ai confiance en ma ou mon thérapeute.”');
  expect(await axe(page)).toEqual([]);
  // A close without a note is refused at the field; with one, the task is closed by her.
  await tasks.getByRole('button', { name: 'Close with this note' }).click();
  await expect(tasks.getByText('Say what was done')).toBeVisible();
  await tasks.getByLabel('What was done (closes the task)').fill('Called Zoë; we talked about what felt uncomfortable and changed the approach.');
  await tasks.getByRole('button', { name: 'Close with this note' }).click();
  await expect(tasks.getByText('No open tasks. Thank you.')).toBeVisible();
  expect(await app.db('therapist_tasks').where({ patient_id: patient.id }).first()).toMatchObject({ status: 'closed', closed_by: amelie.id });
});

test('staff take a check-in by phone; an answer off the scale is refused by main', async ({ page, appUrl, app }) => {
  const { patient } = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await page.getByRole('button', { name: 'Check-in by phone…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check-in by phone with Zoë Martin' });
  const groups = dialog.getByRole('group', { name: /^Statement \d+ of 8/ });
  await expect(groups).toHaveCount(8);
  // Keyboard: a statement's scale is one radio group, the arrows move along it.
  await groups.nth(0).getByRole('radio', { name: 'Strongly disagree' }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(groups.nth(0).getByRole('radio', { name: 'Strongly agree' })).toBeChecked();
  for (let i = 1; i < 8; i++) await groups.nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save the answers' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved. Thank the patient for their answers.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Alliance check-in' })).toContainText('taken by phone');
  // Off the scale, straight to main: refused, nothing written.
  const q = await must<{ id: string }>(app, 'checkin.questionnaire', {});
  const r = await app.dispatch('checkin.record', { patientId: patient.id, questionnaireId: q.id, locale: 'en-CA', answers: [{ itemId: 'trust', value: 9 }] });
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'answers.0.value': 'Choose an answer from 1 to 5' } } });
  expect(await app.db('checkins').count({ n: '*' })).toEqual([{ n: 1 }]);
});

test('the patient’s answers survive a reload in the middle of the check-in, and it is recorded once', async ({ page, appUrl, app }) => {
  const { patient } = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  await page.getByRole('region', { name: 'Alliance check-in' }).getByRole('button', { name: 'Patient answers the check-in…' }).click();
  await page.getByRole('dialog', { name: 'Patient answers the check-in' }).getByRole('button', { name: 'Hand the screen to the patient' }).click();
  const groups = page.getByRole('group', { name: /^Statement \d+ of 8/ });
  await expect(groups).toHaveCount(8);
  // Three answers by keyboard (Space picks the first point, an arrow moves along the scale).
  for (let i = 0; i < 3; i++) {
    await groups.nth(i).getByRole('radio', { name: 'Strongly disagree' }).focus();
    await page.keyboard.press('Space');
    for (let k = 0; k < i + 1; k++) await page.keyboard.press('ArrowRight');
  }
  const picked = ['Disagree', 'Neither agree nor disagree', 'Agree'];
  await expect(groups.nth(2).getByRole('radio', { name: picked[2], exact: true })).toBeChecked();

  await page.reload();
  await expect(groups).toHaveCount(8);
  for (let i = 0; i < 3; i++) await expect(groups.nth(i).getByRole('radio', { name: picked[i], exact: true })).toBeChecked();
  await expect(groups.nth(3).getByRole('radio', { checked: true })).toHaveCount(0);
  // Nothing of it in the page's own storage: the draft is in main.
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  for (let i = 3; i < 8; i++) await groups.nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
  const send = page.getByRole('button', { name: 'Send my answers' });
  await send.click();
  await expect(page.getByText(/Thank you/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Thank you/)).toBeVisible();
  const saved = await app.db('checkins').where({ patient_id: patient.id }).select('id');
  expect(saved).toHaveLength(1);
  const answers = Object.fromEntries((await app.db('checkin_answers').where({ checkin_id: saved[0].id }).select('item_id', 'value')).map((a) => [a.item_id, a.value]));
  expect(Object.values(answers).sort()).toEqual([2, 3, 4, 4, 4, 4, 4, 4]);
});

test('a check-in by phone keeps its answers across a reload until it is saved or left', async ({ page, appUrl, app }) => {
  const { patient } = await setUp(app);
  await openApp(page, `${appUrl}#/patients/${patient.id}`);
  const open = async () => {
    await page.getByRole('button', { name: 'Check-in by phone…' }).click();
    return page.getByRole('dialog', { name: 'Check-in by phone with Zoë Martin' });
  };
  let dialog = await open();
  const groups = dialog.getByRole('group', { name: /^Statement \d+ of 8/ });
  await groups.nth(0).getByRole('radio', { name: 'Strongly disagree' }).focus();
  await page.keyboard.press('Space');
  await groups.nth(1).getByRole('radio', { name: 'Agree', exact: true }).check();
  await page.reload();
  dialog = await open();
  await expect(groups.nth(0).getByRole('radio', { name: 'Strongly disagree' })).toBeChecked();
  await expect(groups.nth(1).getByRole('radio', { name: 'Agree', exact: true })).toBeChecked();
  // Left with Cancel: the draft goes, the next call starts empty.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  dialog = await open();
  await expect(groups).toHaveCount(8);
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(0);
  for (let i = 0; i < 8; i++) await groups.nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save the answers' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved.');
  expect(await app.db('checkins').count({ n: '*' })).toEqual([{ n: 1 }]);
});
