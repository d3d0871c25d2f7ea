import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, openApp } from './fixtures';
import { cupsOutputFolder } from '../support/cups';
import { pdfText } from '../support/pdf';
import { clinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';

/** The alliance summary from the patient's record, by keyboard, with the real handlers and the real printer behind it (issue 11 item 7). */
test.use({ viewport: { width: 1366, height: 768 } });

test('the care panel prints the alliance summary by keyboard: the PDF is kept with the documents and reaches the printer', async ({ page, appUrl, app }) => {
  const set = await app.services.settings.update({ ...clinicProfile(), timeZone: 'America/Toronto' });
  expect(set.ok).toBe(true);
  const c = await clinicDay(app);
  const patientId = await c.patient('Łukasz', 'Wójcik');
  expect(await app.dispatch('followups.saveGoal', { patientId, words: 'Run five kilometres by June', patientCommits: 'Run twice a week', therapistCommits: 'Check the knee at each visit', targetDate: null })).toMatchObject({ ok: true });

  await openApp(page, `${appUrl}#/patients/${patientId}`);
  const started = Date.now();
  const print = page.getByRole('button', { name: 'Print the alliance summary' });
  await print.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Alliance summary sent to' })).toContainText('kept with the patient’s documents');

  // Kept in the documents folder under its id, with its row: the file made is the one printed.
  const [row] = await app.db('alliance_summaries').where({ patient_id: patientId }).select('id');
  const kept = path.join(app.paths.documents, `alliance-summary-${row.id}.pdf`);
  expect(await readdir(app.paths.documents)).toContain(path.basename(kept));
  expect((await pdfText(kept)).replace(/\s+/g, ' ')).toContain('Active Run five kilometres by June');

  // And the printer made it: cups-pdf writes what it was sent.
  const folder = await cupsOutputFolder();
  const printed = async () => {
    const files = (await readdir(folder)).filter((f) => f.endsWith('.pdf'));
    const read = async (f: string) => ((await stat(path.join(folder, f))).mtimeMs >= started - 1000 ? pdfText(path.join(folder, f)).catch(() => '') : '');
    return (await Promise.all(files.map(read))).filter((t) => t.includes('Łukasz Wójcik') && t.includes('Alliance summary'));
  };
  await expect.poll(async () => (await printed()).length, { timeout: 30_000 }).toBe(1);
});
