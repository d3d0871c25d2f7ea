/**
 * Benchmark (issue 11 item 7): the alliance summary's render, for a record with a long
 * history (every list past what one page shows, every text at its longest, so the page
 * measures and gives up rows), beside a bare pdfkit document of the same words (built-in
 * Helvetica, no layout) in the same run. Its median must be at most 40 ms: a summary is
 * made on a click, and should feel like one. Run: `npx tsx tests/bench/alliance-summary.bench.ts`.
 */
import { fileURLToPath } from 'node:url';
import { renderAllianceSummary } from '../../main/followups/summary/render';
import type { SummaryInput } from '../../main/followups/summary/types';
import { longSummary } from '../support/summary-sample';
import { bareDocument, benchPdf } from './pdf-bench';

const budgetMs = 40;
const fontsDir = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

async function summary(input: SummaryInput): Promise<Buffer> {
  const r = await renderAllianceSummary(input, fontsDir);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The words the summary shows, with pdfkit's defaults: what a PDF of them costs with no care at all. */
function bare(input: SummaryInput): Promise<Buffer> {
  const { doc, done } = bareDocument();
  doc.fontSize(15).text(input.clinic.name).fontSize(16).text('Alliance summary').fontSize(9);
  doc.text(`${input.patient.fullName}  ${input.patient.dateOfBirth}  ${input.patient.recordId.slice(0, 8)}`);
  for (const g of input.goals.slice(0, 1)) doc.text(`${g.status} ${g.words.slice(0, 120)} ${g.patientCommits.slice(0, 90)} ${g.therapistCommits.slice(0, 90)}`);
  for (const i of input.plan?.items ?? []) doc.text(`${i.what.slice(0, 30)}  ${i.howOften.slice(0, 20)}  ${i.howLong.slice(0, 15)}`);
  for (const a of input.plan?.adherence.slice(0, 5) ?? []) doc.text(`${a.at} ${a.level} ${a.barriers.join(', ')}`);
  for (const t of input.checkins[0].scores.slice(0, 6)) doc.text(`${t.label} ${input.checkins.map((c) => c.scores.find((s) => s.theme === t.theme)?.score).join('  ')}`);
  for (const c of input.contacts.slice(0, 2)) doc.text(`${c.at} ${c.kind} ${c.outcome} (${c.channel}) ${c.by} ${c.note.slice(0, 20)}`);
  doc.end();
  return done;
}

const input = longSummary('en-CA');
await benchPdf({
  heading: (runs) => `alliance summary benchmark: median of ${runs} renders of a long history on one page`,
  ours: { document: 'alliance summary (DejaVu, fitted to one page)', short: 'summary', render: () => summary(input) },
  bare: { document: 'bare pdfkit, same words (Helvetica)', render: () => bare(input) },
  pages: 1,
  budgetMs,
});
