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
    expect(text).toMatch(new RegExp(`${connectedness} 4 2 !`));
    expect(text).not.toContain('not shown');
  });

  it('is in French for a patient whose language is French, every word of its own', async () => {
    const id = await c.patient('Amélie', 'Gagnon');
    await app.db('patients').where({ id }).update({ language: 'Français' });
    await seedRecord(id);
    const made = await summarise(id);
    const text = (await pdfText(path.join(documents(), made.fileName))).replace(/[ \t]+/g, ' ');
    for (const expected of ['Résumé de l’alliance thérapeutique', 'Établi le 23 mars 2026', 'Objectifs convenus avec le patient', 'Actif', 'Atteint', 'Le patient s’engage à : Stretch each morning', 'Programme à la maison', 'La plupart', 'Manque de temps', 'Résultats des sondages par thème', 'pas un instrument validé', 'Contacts de suivi', 'Joint (en visite)', 'Page 1 de 1']) {
      expect(text, expected).toContain(expected);
    }
    for (const english of ['Goals agreed', 'Homecare plan', 'Reached', 'Made on', 'Page 1 of 1']) expect(text).not.toContain(english);
  });
});
