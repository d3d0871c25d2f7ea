/**
 * Benchmark (issue 11 item 7): the alliance summary's render, for a record with a long
 * history (every list past what one page shows, every text at its longest, so the page
 * measures and gives up rows), beside a bare pdfkit document of the same words (built-in
 * Helvetica, no layout) in the same run. Its median must be at most 40 ms: a summary is
 * made on a click, and should feel like one. Run: `npx tsx tests/bench/alliance-summary.bench.ts`.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { renderAllianceSummary } from '../../main/followups/summary/render';
import type { SummaryInput } from '../../main/followups/summary/types';
import { longSummary } from '../support/summary-sample';

const budgetMs = 40;
const runs = 30;
const fontsDir = fileURLToPath(new URL('../../resources/fonts', import.meta.url));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function summary(input: SummaryInput): Promise<Buffer> {
  const r = await renderAllianceSummary(input, fontsDir);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The words the summary shows, with pdfkit's defaults: what a PDF of them costs with no care at all. */
function bare(input: SummaryInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c: Buffer) => chunks.push(c));
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

async function time(render: () => Promise<Buffer>) {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    bytes = await render();
    const { user, system } = process.cpuUsage(used);
    times.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  return { times, cpu, bytes };
}

const input = longSummary('en-CA');
const coldStart = performance.now();
const first = await summary(input); // reads and parses the fonts once, as the app's first render does
const cold = performance.now() - coldStart;
const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(first.toString('latin1'))?.[1] ?? 0);
if (pages !== 1) throw new Error(`The summary should have 1 page, it has ${pages}`);
await bare(input);

const rapport = await time(() => summary(input));
const plain = await time(() => bare(input));
const m = median(rapport.times);
const b = median(plain.times);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (buf: Buffer) => `${(buf.length / 1024).toFixed(1)} kB`;
console.log(`alliance summary benchmark: median of ${runs} renders of a long history on one page`);
console.table([
  { document: 'alliance summary (DejaVu, fitted to one page)', median: ms(m), min: ms(Math.min(...rapport.times)), max: ms(Math.max(...rapport.times)), 'CPU median': ms(median(rapport.cpu)), size: kb(rapport.bytes) },
  { document: 'bare pdfkit, same words (Helvetica)', median: ms(b), min: ms(Math.min(...plain.times)), max: ms(Math.max(...plain.times)), 'CPU median': ms(median(plain.cpu)), size: kb(plain.bytes) },
]);
console.log(`ratio summary/bare: ${(m / b).toFixed(2)}×   first render (fonts read and parsed): ${ms(cold)}   budget: ${budgetMs} ms median`);
if (m > budgetMs) {
  console.error(`FAIL: median ${ms(m)} is over the ${budgetMs} ms budget`);
  process.exit(1);
}
console.log(`ok: median ${ms(m)} within ${budgetMs} ms`);
