/**
 * Benchmark (issues 3 and 6): the PDF work of one on-screen consent, from the signature
 * PNG the screen sends (checked and decoded once) to the PDF's bytes: two pages, the
 * clinic logo, the embedded DejaVu fonts. Its median must be at most 20 ms, shown beside
 * a bare pdfkit document of the same text (built-in Helvetica, no images) in the same
 * run, as a ratio. Run: `npx tsx tests/bench/consent-pdf.bench.ts`. Exits 1 over the budget.
 */
import { fileURLToPath } from 'node:url';
import { renderConsentPdf, type ConsentPdfInput } from '../../main/consent/pdf/render';
import { checkSignaturePng } from '../../main/consent/signature';
import { sampleConsent, sampleSignaturePng } from '../support/consent-sample';
import { bareDocument, benchPdf } from './pdf-bench';

const budgetMs = 20;
const fontsDir = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

/** What signing on screen does for the PDF: the signature checked (and decoded) once, then the render. */
async function consent(input: ConsentPdfInput, png: Buffer): Promise<Buffer> {
  const signature = checkSignaturePng(png);
  if (!signature.ok || input.signature.method !== 'screen') throw new Error('the sample signature should pass');
  const r = await renderConsentPdf({ ...input, signature: { ...input.signature, image: signature.image } }, { fontsDir });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The same words with pdfkit's defaults: Helvetica, no images, no layout rules. */
function bare(input: ConsentPdfInput): Promise<Buffer> {
  const { doc, done } = bareDocument({ bufferPages: true });
  const { clinic, patient, template } = input;
  doc.fontSize(15).text(clinic.name).fontSize(9).text([...clinic.addressLines, `${clinic.phone}  ·  ${clinic.email}`].join('\n'));
  doc.moveDown().fontSize(17).text(template.title).fontSize(10.5);
  doc.text(`Name ${patient.fullName}   Preferred name ${patient.preferredName}   Date of birth ${patient.dateOfBirth}`);
  doc.text(`Phone ${patient.phone}   Record ${patient.recordId.slice(0, 8)}`);
  for (const section of template.sections) {
    doc.moveDown().fontSize(11.5).text(section.heading).fontSize(10);
    for (const p of section.paragraphs) doc.text(p, { paragraphGap: 5 });
  }
  for (const c of input.choices) doc.text(`${c.label}  ${c.checked ? 'Yes' : 'No'}`);
  if (input.signature.method === 'screen') doc.moveDown().text(`Signed by ${input.signature.signerName} on ${input.signature.signedAt}`);
  doc.text(`Explained by ${input.explainedBy}`);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(`${template.name} · Version ${template.version} · Document ${input.documentId} · Page ${i + 1} of ${range.count}`, 72, doc.page.height - 50, { lineBreak: false });
  }
  doc.end();
  return done;
}

const input = sampleConsent('en-CA');
const png = sampleSignaturePng();
await benchPdf({
  heading: (runs, pages) => `consent PDF benchmark: median of ${runs} renders, ${pages} pages`,
  ours: { document: 'consent (signature check, DejaVu, logo)', short: 'consent', render: () => consent(input, png) },
  bare: { document: 'bare pdfkit, same text (Helvetica)', render: () => bare(input) },
  pages: 2,
  budgetMs,
});
