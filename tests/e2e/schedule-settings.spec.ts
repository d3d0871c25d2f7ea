import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { clinicDay } from '../support/clinic-day';
import { dayIn } from '../../shared/time';

/** Tab until the control has focus: the keyboard's way there. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 200; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with the keyboard`);
}

/** An admin sets up rooms, types of visit and working hours in Settings (issue 9 item 1), keyboard only; main's refusals show at the field. */
test('rooms, types of visit and working hours, keyboard only', async ({ page, appUrl, app }) => {
  const c = await clinicDay(app);
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Rooms, types of visit and working hours' });
  await expect(section.getByRole('form', { name: 'Room 1' })).toBeVisible();

  // A new room: an empty name is refused at the field, then added.
  const newRoom = section.getByRole('textbox', { name: 'New room' });
  await tabTo(page, newRoom);
  await page.keyboard.press('Enter');
  await expect(section.getByRole('form', { name: 'New room' }).getByText('Name the room').first()).toBeVisible();
  await newRoom.focus();
  await page.keyboard.type('Room 3');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('form', { name: 'Room 3' })).toBeVisible();

  // Room 2 taken out of use: it can no longer be booked.
  const room2 = section.getByRole('form', { name: 'Room 2' });
  await tabTo(page, room2.getByLabel('In use (can be booked)'));
  await page.keyboard.press('Space');
  await tabTo(page, room2.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(room2.getByRole('status')).toHaveText('Saved');
  expect(await app.db('rooms').where({ id: c.room2.id }).first('active')).toEqual({ active: 0 });

  // A type of visit with its length and the forms it needs; a bad length is refused by name.
  const newType = section.getByRole('form', { name: 'New type of visit' });
  await tabTo(page, newType.getByRole('textbox', { name: 'New type of visit' }));
  await page.keyboard.type('Pregnancy massage, 75 min');
  await tabTo(page, newType.getByLabel('Length (minutes)'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await tabTo(page, newType.getByLabel('Outbreak'));
  await page.keyboard.press('Space');
  await tabTo(page, newType.getByRole('button', { name: 'Add the type of visit' }));
  await page.keyboard.press('Enter');
  await expect(newType.getByText('At least 5 minutes').first()).toBeVisible();
  await newType.getByLabel('Length (minutes)').fill('75');
  await newType.getByRole('button', { name: 'Add the type of visit' }).press('Enter');
  await expect(section.getByRole('form', { name: 'Pregnancy massage, 75 min' })).toBeVisible();
  const saved = await app.db('appointment_types').where({ name: 'Pregnancy massage, 75 min' }).first('minutes', 'consent_forms');
  expect({ minutes: saved.minutes, forms: JSON.parse(saved.consent_forms) }).toEqual({ minutes: 75, forms: ['treatment', 'outbreak'] });

  // Working hours: Monday and Tuesday; an end before the start is refused on that day's field.
  await section.getByLabel('Therapist').selectOption({ label: c.aiko.name });
  const hours = section.getByRole('form', { name: `Working hours of ${c.aiko.name}` });
  await tabTo(page, hours.getByRole('checkbox', { name: 'Monday' }));
  await page.keyboard.press('Space');
  await hours.getByRole('checkbox', { name: 'Tuesday' }).press('Space');
  await hours.getByLabel('To (Tuesday)').fill('08:00');
  await hours.getByRole('button', { name: 'Save the working hours' }).press('Enter');
  await expect(hours.getByLabel('To (Tuesday)')).toHaveAccessibleDescription(/The end must be after the start/);
  expect(await app.db('working_hours').where({ staff_id: c.aiko.id })).toEqual([]);
  await hours.getByLabel('To (Tuesday)').fill('13:00');
  await hours.getByRole('button', { name: 'Save the working hours' }).press('Enter');
  await expect(hours.getByRole('status')).toHaveText('Saved');
  expect(await app.db('working_hours').where({ staff_id: c.aiko.id }).orderBy('weekday').select('weekday', 'start_time', 'end_time')).toEqual([
    { weekday: 1, start_time: '09:00', end_time: '17:00' },
    { weekday: 2, start_time: '09:00', end_time: '13:00' },
  ]);
});

test('the contact log is saved as CSV and PDF from Settings; the purge says what it removes first', async ({ page, appUrl, app }) => {
  const c = await clinicDay(app);
  const day = dayIn(app.services.settings.details().timeZone, new Date());
  const booked = await app.services.appointments.book({ patientId: await c.patient('Zoë', 'Martin'), therapistId: c.amelie.id, roomId: c.room1.id, typeId: c.massage.id, day, start: '09:00' });
  if (!booked.ok) throw new Error(booked.error.message);
  await app.services.appointments.checkIn({ id: booked.value.id });
  await openApp(page, `${appUrl}#/settings`);
  const section = page.getByRole('region', { name: 'Contact log for public health' });
  await section.getByLabel('From').fill(day);
  await section.getByLabel('To').fill(day);
  const files: string[] = [];
  page.on('download', (d) => files.push(d.suggestedFilename()));
  await section.getByRole('button', { name: 'Save the contact log (CSV and PDF)' }).click();
  await expect(section.getByRole('status')).toHaveText(/people in the log: saved as CSV and PDF/);
  await expect.poll(() => files.sort()).toEqual([`contact-log-${day}-to-${day}.csv`, `contact-log-${day}-to-${day}.pdf`]);
  await section.getByRole('button', { name: 'What would be purged?' }).click();
  await expect(section.getByRole('alert')).toHaveText('Nothing is past the period: there is nothing to purge.');
});
