import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfText, qpdfCheck } from '../support/pdf';
import { startAs, testStaff } from '../support/node-app';
import { openClinicDay, type ClinicDay, type OpenClinicDay } from '../support/clinic-day';
import type { Appointment } from '../../shared/contract/appointments';
import type { ContactPerson } from '../../shared/contract/contactlog';
import { must } from '../support/must';

/** The contact log through the real dispatcher (issue 9, item 6): CSV and PDF read back, every person once, the clinic's time zone. */

let day: OpenClinicDay;
let app: OpenClinicDay['app'];
let c: ClinicDay;
beforeEach(async () => {
  ({ app, c } = day = await openClinicDay('2026-07-13T15:00:00.000Z'));
});
afterEach(async () => app?.cleanup());
/** In at `inAt`, out at `outAt` (UTC instants), as the desk does it. */
async function visit(a: Appointment, inAt: string, outAt: string) {
  day.at(inAt);
  await must(app.dispatch('appointments.checkIn', { id: a.id }));
  day.at(outAt);
  await must(app.dispatch('appointments.checkOut', { id: a.id }));
}
/** A CSV as a spreadsheet reads it: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      rows.push([...row, cell.replace(/\r$/, '')]);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('the contact log', () => {
  it('lists everyone in the clinic once, with times in the clinic’s time zone, as CSV and PDF, and is audited', async () => {
    await must(app.dispatch('appointments.saveHours', { staffId: c.amelie.id, hours: [{ weekday: 2, start: '09:00', end: '17:00' }] }));
    const zoe = await c.patient('Zoë', 'Martin');
    const lukasz = await c.patient('Łukasz', 'Wójcik, "Luke"');
    const li = await c.patient('Li', 'Wei');
    const z1 = await day.book(zoe, '2026-07-14', '10:00');
    const z2 = await day.book(zoe, '2026-07-15', '10:00');
    const l1 = await day.book(lukasz, '2026-07-14', '13:00', { therapistId: c.aiko.id });
    await day.book(li, '2026-07-14', '15:00'); // booked, never came: not in the log
    await visit(z1, '2026-07-14T14:02:00.000Z', '2026-07-14T15:01:00.000Z');
    await visit(z2, '2026-07-15T13:58:00.000Z', '2026-07-15T15:03:00.000Z');
    await visit(l1, '2026-07-14T16:55:00.000Z', '2026-07-14T18:10:00.000Z');
    // Reception signs in on the 14th at 08:30 Toronto time.
    day.at('2026-07-14T12:30:00.000Z');
    await startAs(app, 'reception');
    await startAs(app, 'admin');

    const log = await must<{ people: ContactPerson[]; csv: string; pdfBase64: string; fileName: string }>(app.dispatch('contactlog.export', { from: '2026-07-14', to: '2026-07-15' }));
    const rows = parseCsv(log.csv.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Name', 'Role', 'Phone', 'Times in the clinic']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(rows.length - 1).toBe(byName.size); // every person once
    expect(byName.get('Zoë Martin')).toEqual(['Zoë Martin', 'patient', expect.stringMatching(/^604 555/), '2026-07-14 10:02–11:01; 2026-07-15 09:58–11:03']);
    expect(byName.get('Łukasz Wójcik, "Luke"')?.[3]).toBe('2026-07-14 12:55–14:10');
    expect(byName.has('Li Wei')).toBe(false);
    // Staff on shift: Amélie's working hours on the Tuesday, Aiko's visit hours, reception's sign-in.
    expect(byName.get(c.amelie.name)?.slice(1)).toEqual(['staff', '', '2026-07-14 09:00–17:00; 2026-07-15 10:00–11:00']);
    expect(byName.get(c.aiko.name)?.[3]).toBe('2026-07-14 13:00–14:00');
    // Reception, then the admin switching back, at the desk that morning.
    expect(byName.get(testStaff.reception.name)?.[3]).toBe('2026-07-14 08:30– (signed in)');
    expect(byName.get(testStaff.admin.name)?.[3]).toBe('2026-07-14 08:30– (signed in)');
    expect(rows.length - 1).toBe(2 + 4);

    const file = path.join(app.dir, 'contact-log.pdf');
    await writeFile(file, Buffer.from(log.pdfBase64, 'base64'));
    expect(await qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const name of byName.keys()) expect(text.split(name).length - 1, name).toBe(1);
    expect(text).toContain('2026-07-14 10:02–11:01; 2026-07-15 09:58–11:03');
    expect(text).toContain('America/Toronto');

    const audit = await app.db('audit_events').where({ action: 'contactlog.exported' }).select('entity_id', 'detail');
    expect(audit).toEqual([{ entity_id: '2026-07-14..2026-07-15', detail: JSON.stringify({ people: byName.size }) }]);
    expect(JSON.stringify(audit)).not.toMatch(/Zoë|604/);
  });

  it('refuses a range backwards or too long, by field; reception cannot export', async () => {
    expect(await app.dispatch('contactlog.export', { from: '2026-07-15', to: '2026-07-14' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { to: 'The end must be on or after the start' } } });
    expect(await app.dispatch('contactlog.export', { from: '2026-02-30', to: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { from: expect.any(String) } } });
    expect(await app.dispatch('contactlog.export', { from: '2026-01-01', to: '2026-07-14' })).toMatchObject({ ok: false, error: { fields: { to: 'At most three months at a time' } } });
    await startAs(app, 'reception');
    expect(await app.dispatch('contactlog.export', { from: '2026-07-14', to: '2026-07-14' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('purges arrival and departure times past the retention period, after saying exactly what it will remove', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const old = await day.book(zoe, '2026-07-14', '10:00');
    const recent = await day.book(zoe, '2026-10-06', '10:00');
    await visit(old, '2026-07-14T14:02:00.000Z', '2026-07-14T15:01:00.000Z');
    await visit(recent, '2026-10-06T14:00:00.000Z', '2026-10-06T15:00:00.000Z');
    day.at('2026-10-20T15:00:00.000Z');
    await must(app.dispatch('contactlog.updatePolicy', { retentionDays: 30 }));
    expect(await app.dispatch('contactlog.updatePolicy', { retentionDays: 3 })).toMatchObject({ ok: false, error: { fields: { retentionDays: 'At least 14 days' } } });
    const preview = await must<{ before: string; visits: number; firstDay: string; lastDay: string }>(app.dispatch('contactlog.purgePreview', {}));
    expect(preview).toEqual({ before: '2026-09-20T15:00:00.000Z', visits: 1, firstDay: '2026-07-14', lastDay: '2026-07-14' });
    // A list that changed since it was shown is refused, changing nothing.
    expect(await app.dispatch('contactlog.purge', { before: preview.before, visits: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.db('appointments').whereNull('checked_in_at').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await must(app.dispatch('contactlog.purge', preview))).toEqual({ removed: 1 });
    const rows = await app.db('appointments').orderBy('starts_at').select('id', 'status', 'checked_in_at');
    expect(rows).toEqual([
      { id: old.id, status: 'checked_out', checked_in_at: null },
      { id: recent.id, status: 'checked_out', checked_in_at: '2026-10-06T14:00:00.000Z' },
    ]);
    const log = await must<{ people: ContactPerson[] }>(app.dispatch('contactlog.export', { from: '2026-07-14', to: '2026-07-14' }));
    expect(log.people.filter((p) => p.role === 'patient')).toEqual([]);
    expect(await app.db('audit_events').where({ action: 'contactlog.purged' }).first('detail')).toEqual({ detail: JSON.stringify({ visits: 1 }) });
  });
});
