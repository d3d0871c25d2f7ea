import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../shared/contract/checkin';
import type { FollowUp, Goal, Plan } from '../../shared/contract/followups';
import { renderAllianceSummary } from '../../main/followups/summary/render';
import type { SummaryInput } from '../../main/followups/summary/types';
import { sha256 } from '../../main/pdf/hash';
import { tempApp } from '../support/app';
import { clinicDay, type ClinicDay } from '../support/clinic-day';
import { clinicProfile } from '../support/fixtures';
import { must } from '../support/must';
import { fixedSummary } from '../support/summary-sample';
import { pdfText, qpdfCheck } from '../support/pdf';

const run = promisify(execFile);

/**
 * The one-page alliance summary (issue 11 item 7) through the real dispatcher on a real
 * SQLite file: a seeded record read back from the PDF with poppler, one page however long
 * the history, the same bytes for the same input, the stored file checked against its
 * hash, and bad input refused with nothing written.
 */

let clock: Date;
let app: Awaited<ReturnType<typeof tempApp>>;
let c: ClinicDay;
const opened: string[] = [];
const at = (iso: string) => (clock = new Date(iso));

beforeEach(async () => {
  clock = new Date('2026-03-02T17:00:00Z');
  opened.length = 0;
  app = await tempApp({ now: () => clock, openPath: async (file) => (opened.push(file), true) });
  await must(app.dispatch('settings.update', { ...clinicProfile(), timeZone: 'America/Vancouver' }));
  c = await clinicDay(app);
});
afterEach(async () => app.cleanup());

type Made = { summaryId: string; fileName: string; sha256: string; opened: boolean; job: null | { jobId: string; printer: string } };
const summarise = (patientId: string) => must<Made>(app.dispatch('alliance.summaryPdf', { patientId }));
const pages = async (file: string) => Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)?.[1]);
const documents = () => app.paths.documents;

/** A record with a little of everything, made through the desk's own channels. */
async function seedRecord(patientId: string) {
  await must(app.dispatch('followups.saveGoal', { patientId, words: 'Garden for an hour without back pain', patientCommits: 'Stretch each morning', therapistCommits: 'Review the stretches at each visit', targetDate: '2026-05-01' }));
  const sleep = await must<Goal>(app.dispatch('followups.saveGoal', { patientId, words: 'Sleep through the night', patientCommits: '', therapistCommits: '', targetDate: null }));
  at('2026-03-20T18:00:00Z');
  await must(app.dispatch('followups.saveGoal', { id: sleep.id, patientId, words: 'Sleep through the night', patientCommits: '', therapistCommits: '', targetDate: null, status: 'met', note: 'Sleeping well since week two' }));
  at('2026-03-02T17:30:00Z');
  const plan = await must<Plan>(
    app.dispatch('followups.givePlan', {
      patientId,
      items: [
        { what: 'Cat-cow stretch', howOften: 'Twice a day', howLong: '4 weeks' },
        { what: 'Brisk walk', howOften: 'Daily', howLong: '20 minutes' },
      ],
      note: 'Stop if the pain sharpens',
    }),
  );
  at('2026-03-09T18:00:00Z');
  await must(app.dispatch('followups.recordAdherence', { planId: plan.id, level: 'most', barriers: ['time'] }));
  at('2026-03-16T18:00:00Z');
  await must(app.dispatch('followups.recordAdherence', { planId: plan.id, level: 'some', barriers: ['pain'], barrierNote: 'Knee sore after walks' }));
  const ours = await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}));
  const answers = (values: Record<string, number>) => ours.definition.items.map((i) => ({ itemId: i.id, value: values[i.id] ?? 4 }));
  at('2026-03-03T18:00:00Z');
  await must(app.dispatch('checkin.record', { patientId, questionnaireId: ours.id, locale: 'en-CA', answers: answers({}) }));
  at('2026-03-17T18:00:00Z');
  await must(app.dispatch('checkin.record', { patientId, questionnaireId: ours.id, locale: 'en-CA', answers: answers({ trust: 2, at_ease: 2 }) }));
  at('2026-03-02T18:00:00Z');
  const followUp = await must<FollowUp>(app.dispatch('followups.create', { patientId, dueDay: '2026-03-18', reason: 'Ask how the stretches go' }));
  at('2026-03-18T19:00:00Z');
  await must(app.dispatch('followups.record', { followUpId: followUp.id, channel: 'visit', outcome: 'no_answer', note: 'Not at the desk yet', nextTryDay: '2026-03-19' }));
  at('2026-03-19T19:00:00Z');
  await must(app.dispatch('followups.record', { followUpId: followUp.id, channel: 'visit', outcome: 'reached', note: 'Stretches going well' }));
  at('2026-03-23T16:00:00Z');
  return ours;
}

describe('the alliance summary of a seeded record', () => {
  it('prints the goals, plan, adherence, check-in scores and contacts on one page, kept with its hash and opened', async () => {
    const lukasz = await c.patient('Łukasz', 'Nowak');
    const ours = await seedRecord(lukasz);
    const made = await summarise(lukasz);
    if (process.env.SUMMARY_KEEP) await writeFile(process.env.SUMMARY_KEEP, await readFile(path.join(documents(), made.fileName)));
    expect(made).toMatchObject({ fileName: `alliance-summary-${made.summaryId}.pdf`, opened: true, job: null });
    const file = path.join(documents(), made.fileName);
    expect(opened).toEqual([file]);
    expect(sha256(await readFile(file))).toBe(made.sha256);
    expect(await app.db('alliance_summaries').where({ id: made.summaryId }).first('patient_id', 'locale', 'sha256', 'made_at')).toEqual({ patient_id: lukasz, locale: 'en-CA', sha256: made.sha256, made_at: '2026-03-23T16:00:00.000Z' });
    // Who made which patient's summary; ids only.
    const audit = await app.db('audit_events').where({ action: 'alliance_summary.made' }).first('entity', 'entity_id', 'detail');
    expect(audit).toMatchObject({ entity: 'patient', entity_id: lukasz });
    expect(JSON.parse(audit.detail)).toEqual({ summaryId: made.summaryId, then: 'open' });

    await qpdfCheck(file);
    expect(await pages(file)).toBe(1);
    const text = (await pdfText(file)).replace(/[ \t]+/g, ' ');
    for (const expected of [
      'Harbour Massage Therapy', 'Alliance summary', 'Made on Mar 23, 2026', 'Łukasz Nowak', 'March 14, 1985',
      // Goals: the active one first, with its commitments and target; the met one after.
      'Active Garden for an hour without back pain', 'Set Mar 2, 2026 · target May 1, 2026', 'Patient commits to: Stretch each morning', 'Therapist commits to: Review the stretches at each visit', 'Met Sleep through the night',
      // The plan and its adherence, newest first, with what got in the way.
      'Cat-cow stretch Twice a day 4 weeks', 'Brisk walk Daily 20 minutes', 'Note: Stop if the pain sharpens', 'Given Mar 2, 2026 by Priya Natarajan, RMT',
      'Mar 16, 2026 Some', 'Pain or discomfort, Knee sore after walks', 'Mar 9, 2026 Most', 'No time',
      // Check-ins: both dates, the low theme marked.
      'Mar 3, 2026', 'Mar 17, 2026', 'a clinic feedback check-in, not a validated instrument',
      // Contacts, newest first.
      'Mar 19, 2026 Set by hand Reached (at a visit)', 'Stretches going well', 'Mar 18, 2026 Set by hand No answer (at a visit)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The theme whose items were answered 2 is low on the second check-in; every theme has a bar per check-in.
    const connectedness = ours.definition.themes.find((t) => t.key === 'connectedness')!.label['en-CA'];
    expect(text).toMatch(new RegExp(`${connectedness} 4 2 ?!`));
    expect(text).not.toContain('not shown');
  });

  it('is in French for a patient whose language is French, every word of its own', async () => {
    const id = await c.patient('Amélie', 'Gagnon');
    await app.db('patients').where({ id }).update({ language: 'Français' });
    await seedRecord(id);
    const made = await summarise(id);
    const text = (await pdfText(path.join(documents(), made.fileName))).replace(/\s+/g, ' ');
    for (const expected of ['Résumé de l’alliance thérapeutique', 'Établi le 23 mars 2026', 'Objectifs convenus avec le patient', 'Actif', 'Atteint', 'Le patient s’engage à : Stretch each morning', 'Programme à la maison', 'La plupart', 'Manque de temps', 'Résultats des sondages par thème', 'pas un instrument validé', 'Contacts de suivi', 'Joint (en visite)', 'Page 1 de 1']) {
      expect(text, expected).toContain(expected);
    }
    for (const english of ['Goals agreed', 'Homecare plan', 'Reached', 'Made on', 'Page 1 of 1']) expect(text).not.toContain(english);
  });
});

const fontsDir = path.resolve('resources/fonts');

async function renderFixed(input: SummaryInput) {
  const r = await renderAllianceSummary(input, fontsDir);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the same record gives the same bytes', () => {
  it('twice in a row, and again from fresh data', async () => {
    const a = await renderFixed(fixedSummary('en-CA'));
    const b = await renderFixed(fixedSummary('en-CA'));
    expect(b.equals(a)).toBe(true);
    // Another summary of the same data is its own document: its id is its /ID.
    const other = await renderFixed({ ...fixedSummary('en-CA'), documentId: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9' });
    expect(other.equals(a)).toBe(false);
    expect(other.toString('latin1')).toContain('<7e6d5c4b3a2948179605f4e3d2c1b0a9>');
  });
});

describe('golden bytes: a fixed summary renders to the bytes stored in tests/golden', () => {
  // As the consent form's: see "When the golden PDF test fails" in the README.
  it.each(['en-CA', 'fr-CA'] as const)('%s', async (locale) => {
    const golden = path.resolve(`tests/golden/alliance-summary-${locale}.pdf`);
    const bytes = await renderFixed(fixedSummary(locale));
    if (process.env.RAPPORT_WRITE_GOLDEN === '1') await writeFile(golden, bytes);
    const expected = await readFile(golden);
    if (bytes.equals(expected)) return;
    const now = path.join(app.dir, 'now.pdf');
    await writeFile(now, bytes);
    const [textNow, textBefore] = await Promise.all([pdfText(now), pdfText(golden)]);
    expect.fail(
      textNow === textBefore
        ? `The summary of a fixed record changed bytes (${sha256(expected)} to ${sha256(bytes)}) but not its text. See "When the golden PDF test fails" in the README.`
        : `The text of the summary of a fixed record changed. Before: ${textBefore}\nNow: ${textNow}`,
    );
  });
});

/** Words and where poppler finds them on the page (pdftotext -bbox). */
async function words(file: string): Promise<Array<{ text: string; xMin: number; xMax: number; yMin: number; yMax: number }>> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] }));
}

describe('a long history', () => {
  it('still fits one page, inside its margins, newest first, saying how much it left out', async () => {
    const id = await c.patient('Thị Minh', 'Nguyễn');
    const long = (n: number, what: string) => `${what} `.repeat(Math.ceil(n / (what.length + 1))).slice(0, n).trim();
    const staffId = c.amelie.id;
    // Goals: twelve, each at the longest the contract allows.
    for (let i = 1; i <= 12; i++) {
      const stamp = `2025-${String(i).padStart(2, '0')}-01T15:00:00.000Z`;
      await app.db('goals').insert({ id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, patient_id: id, words: `Goal ${i}: ${long(490, 'walk the dog')}`, patient_commits: long(1000, 'stretch'), therapist_commits: long(1000, 'review'), set_on: stamp.slice(0, 10), target_date: null, status: i % 3 === 0 ? 'active' : 'met', source: 'staff', created_at: stamp, updated_at: stamp });
    }
    // Five plans, the last current: eight items at full length and forty adherence answers.
    for (let p = 1; p <= 5; p++) {
      const given = `2025-0${p}-02T15:00:00.000Z`;
      const items = Array.from({ length: 8 }, (_, i) => ({ what: `Item ${i + 1} ${long(190, 'exercise')}`, howOften: long(100, 'often'), howLong: long(100, 'weeks') }));
      await app.db('homecare_plans').insert({ id: `10000000-0000-4000-8000-00000000000${p}`, patient_id: id, items: JSON.stringify(items), note: long(1000, 'note'), given_on: given.slice(0, 10), given_at: given, given_by: staffId, superseded_at: p < 5 ? '2025-06-01T00:00:00.000Z' : null });
    }
    for (let a = 1; a <= 40; a++) {
      await app.db('adherence_records').insert({ id: `20000000-0000-4000-8000-0000000000${String(a).padStart(2, '0')}`, patient_id: id, plan_id: '10000000-0000-4000-8000-000000000005', level: 'some', barriers: JSON.stringify(['time', 'pain', 'forgot', 'unsure_how', 'no_change_felt', 'equipment', 'other']), barrier_note: `Answer ${a} ${long(480, 'busy')}`, recorded_by: staffId, recorded_at: `2025-07-${String((a % 28) + 1).padStart(2, '0')}T${String(a % 24).padStart(2, '0')}:00:00.000Z` });
    }
    // A clinic's own questionnaire with twenty themes, and thirty check-ins on it.
    const ours = await must<Questionnaire>(app.dispatch('checkin.questionnaire', {}));
    const themes = Array.from({ length: 20 }, (_, i) => ({ key: `theme-${i + 1}`, label: { 'en-CA': `Theme ${i + 1} ${long(100, 'label')}`, 'fr-CA': `Thème ${i + 1}` } }));
    const definition = { ...ours.definition, themes, items: themes.map((t) => ({ id: `item-${t.key}`, theme: t.key, text: { 'en-CA': `About ${t.key}`, 'fr-CA': `Sur ${t.key}` } })) };
    const clinicOwn = await must<Questionnaire>(app.dispatch('checkin.saveQuestionnaire', { key: 'clinic-own', basedOnVersion: null, definition, changeNote: 'Our own' }));
    for (let k = 1; k <= 30; k++) {
      at(`2025-08-${String(k).padStart(2, '0')}T15:00:00Z`);
      await must(app.dispatch('checkin.record', { patientId: id, questionnaireId: clinicOwn.id, locale: 'en-CA', answers: definition.items.map((item, i) => ({ itemId: item.id, value: ((i + k) % 5) + 1 })) }));
    }
    // A hundred and fifty contacts, each with the longest note.
    for (let n = 1; n <= 150; n++) {
      const stamp = new Date(Date.parse('2025-09-01T15:00:00Z') + n * 3_600_000).toISOString();
      const followUp = `30000000-0000-4000-8000-000000000${String(n).padStart(3, '0')}`;
      await app.db('follow_ups').insert({ id: followUp, patient_id: id, kind: 'manual', rule_id: 'manual', source_id: followUp, due_day: stamp.slice(0, 10), reason: 'Call', created_at: stamp });
      await app.db('contact_attempts').insert({ id: `40000000-0000-4000-8000-000000000${String(n).padStart(3, '0')}`, follow_up_id: followUp, patient_id: id, channel: 'phone', outcome: 'no_answer', note: `Attempt ${n} ${long(1980, 'rang')}`, by: staffId, at: stamp });
    }
    at('2025-12-01T15:00:00Z');
    const made = await summarise(id);
    const file = path.join(documents(), made.fileName);
    if (process.env.SUMMARY_KEEP) await writeFile(process.env.SUMMARY_KEEP.replace('.pdf', '-long.pdf'), await readFile(file));
    await qpdfCheck(file);
    expect(await pages(file)).toBe(1);

    const text = (await pdfText(file)).replace(/[ \t]+/g, ' ');
    // Active goals first; the newest contact and check-in shown, the oldest not.
    expect(text).toMatch(/Active Goal 12:/);
    expect(text).toMatch(/Attempt 150 /);
    expect(text).not.toMatch(/Attempt 1 /);
    expect(text).toMatch(/Aug 30, 2025/);
    expect(text).not.toMatch(/Aug 1, 2025/);
    expect(text).toContain('4 earlier plans not shown.');
    const count = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    expect(count(/(\d+) more goals not shown/)).toBeGreaterThanOrEqual(8);
    expect(count(/(\d+) more themes not shown/)).toBeGreaterThanOrEqual(10);
    // Each list's shown rows and its "earlier not shown" add up to the record's.
    const earlier = [...text.matchAll(/(\d+) earlier not shown/g)].map((m) => Number(m[1]));
    expect(earlier).toHaveLength(3);
    const contactsShown = (text.match(/Attempt \d+ /g) ?? []).length;
    expect(earlier).toContain(150 - contactsShown);

    // Nothing runs past the margins, and nothing above the footer's rule crosses it.
    const placed = await words(file);
    expect(placed.length).toBeGreaterThan(200);
    const footerRule = 792 - 50;
    for (const w of placed) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(55);
      expect(w.xMax, w.text).toBeLessThanOrEqual(612 - 55);
      if (w.yMin < footerRule) expect(w.yMax, w.text).toBeLessThanOrEqual(footerRule);
    }
  });
});

describe('text the font cannot draw', () => {
  it('prints as U+FFFD with a note, and the summary is still made', async () => {
    const id = await c.patient('Mei', 'Chen');
    await must(app.dispatch('followups.saveGoal', { patientId: id, words: 'Walk the dog 🐕 every day', patientCommits: '', therapistCommits: '', targetDate: null }));
    const made = await summarise(id);
    const text = (await pdfText(path.join(documents(), made.fileName))).replace(/\s+/g, ' ');
    expect(text).toContain('Walk the dog \uFFFD every day');
    expect(text).toContain('A character this PDF’s font cannot draw is shown as \uFFFD; the record keeps it as typed.');
    // The record itself keeps the words as typed.
    expect(await app.db('goals').where({ patient_id: id }).first('words')).toEqual({ words: 'Walk the dog 🐕 every day' });
  });
});

describe('bad input', () => {
  it('refuses an unknown or archived patient with a typed error, and writes nothing', async () => {
    const zoe = await c.patient('Zoë', 'Martin');
    const before = { files: await readdir(documents()), rows: await app.db('alliance_summaries').count({ n: '*' }), audit: await app.db('audit_events').count({ n: '*' }) };
    expect(await app.dispatch('alliance.summaryPdf', { patientId: 'a0a0a0a0-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found', fields: { patientId: 'This patient record does not exist' } } });
    expect(await app.dispatch('alliance.summaryPdf', { patientId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { patientId: expect.any(String) } } });
    expect(await app.dispatch('alliance.summaryPdf', { patientId: zoe, then: 'fax' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { then: expect.any(String) } } });
    await must(app.dispatch('patients.archive', { id: zoe, reason: 'Moved away', expectedUpdatedAt: (await app.db('patients').where({ id: zoe }).first('updated_at')).updated_at }));
    const archivedAudit = await app.db('audit_events').count({ n: '*' });
    expect(await app.dispatch('alliance.summaryPdf', { patientId: zoe })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { patientId: 'This patient is archived: restore the record first' } } });
    expect(await readdir(documents())).toEqual(before.files);
    expect(await app.db('alliance_summaries').count({ n: '*' })).toEqual(before.rows);
    expect(await app.db('audit_events').count({ n: '*' })).toEqual(archivedAudit);
    expect(opened).toEqual([]);
  });

});
