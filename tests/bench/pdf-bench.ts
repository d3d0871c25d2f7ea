/**
 * What the PDF benchmarks share (consent-pdf, alliance-summary): a bare pdfkit document to
 * compare with, and the run itself: the first render timed alone (fonts read and parsed),
 * its pages counted, then the median of `runs` renders of ours and of the bare one in the
 * same run, wall and CPU time, as a table and a ratio. Exits 1 over the budget.
 */
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';

const runs = 30;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** pdfkit with its defaults (built-in Helvetica) on US Letter: draw on `doc`, call `doc.end()`, `done` gives the bytes. */
export function bareDocument(options: PDFKit.PDFDocumentOptions = {}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'LETTER', ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c: Buffer) => chunks.push(c));
  return { doc, done };
}

/** Wall time, and CPU time too: on a machine shared with other work it still says what a render costs. */
async function time(render: () => Promise<Buffer>): Promise<{ times: number[]; cpu: number[]; bytes: Buffer }> {
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

interface Side {
  /** Its row in the table. */
  document: string;
  render: () => Promise<Buffer>;
}

export async function benchPdf(o: {
  /** The first line printed, given the first render's page count. */
  heading: (runs: number, pages: number) => string;
  ours: Side & { short: string };
  bare: Side;
  /** The pages the benchmark's document must have: the case it measures. */
  pages: number;
  budgetMs: number;
}): Promise<void> {
  const coldStart = performance.now();
  const first = await o.ours.render(); // reads and parses the fonts once, as the app's first render does
  const cold = performance.now() - coldStart;
  const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(first.toString('latin1'))?.[1] ?? 0);
  if (pages !== o.pages) throw new Error(`The benchmark document should have ${o.pages} page(s), it has ${pages}`);
  await o.bare.render(); // loads Helvetica's metrics once

  const rapport = await time(o.ours.render);
  const plain = await time(o.bare.render);
  const m = median(rapport.times);
  const b = median(plain.times);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const kb = (buf: Buffer) => `${(buf.length / 1024).toFixed(1)} kB`;
  const row = (document: string, r: typeof rapport) => ({ document, median: ms(median(r.times)), min: ms(Math.min(...r.times)), max: ms(Math.max(...r.times)), 'CPU median': ms(median(r.cpu)), size: kb(r.bytes) });
  console.log(o.heading(runs, pages));
  console.table([row(o.ours.document, rapport), row(o.bare.document, plain)]);
  console.log(`ratio ${o.ours.short}/bare: ${(m / b).toFixed(2)}×   first render (fonts read and parsed): ${ms(cold)}   budget: ${o.budgetMs} ms median`);
  if (m > o.budgetMs) {
    console.error(`FAIL: median ${ms(m)} is over the ${o.budgetMs} ms budget`);
    process.exit(1);
  }
  console.log(`ok: median ${ms(m)} within ${o.budgetMs} ms`);
}
