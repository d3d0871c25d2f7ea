import { err, ok, type Result } from '../../shared/contract/result';
import type { ContactPerson } from '../../shared/contract/contactlog';
import { loadFonts } from '../pdf/fonts';
import { fontNames, margins, pageSize } from '../pdf/page';
import { stableDocument } from '../pdf/document';

/**
 * The contact log as a PDF for public health, on the consent PDF's stable document
 * (embedded DejaVu, so "Łukasz" prints; a fixed id and date from the range, so the same
 * log gives the same bytes).
 */
export async function renderContactLogPdf(input: { clinicName: string; from: string; to: string; people: ContactPerson[]; timeZone: string }, fontsDir: string): Promise<Result<Buffer>> {
  const fonts = await loadFonts(fontsDir);
  if (!fonts.ok) return fonts;
  try {
    const title = `Contact log ${input.from} to ${input.to}`;
    const { doc, done } = stableDocument({ documentId: `contact-log-${input.from}-${input.to}`, createdAt: `${input.to}T00:00:00.000Z`, locale: 'en-CA', title, author: input.clinicName, subject: title }, fonts.value);
    const width = pageSize.width - margins.left - margins.right;
    doc.font(fontNames.bold).fontSize(11).text(input.clinicName, { width });
    doc.moveDown(0.5).fontSize(16).text(title, { width });
    doc.font(fontNames.regular).fontSize(9).text(`Times in the clinic’s time zone (${input.timeZone}). Patients, then staff on shift.`, { width }).moveDown(0.8);
    for (const p of input.people) {
      doc.font(fontNames.bold).fontSize(10).text(`${p.name} (${p.role})${p.phone ? `  ${p.phone}` : ''}`, { width });
      doc.font(fontNames.regular).text(p.times.join('; '), { width, indent: 14 }).moveDown(0.3);
    }
    if (input.people.length === 0) doc.font(fontNames.regular).text('Nobody was in the clinic on these days.', { width });
    doc.end();
    return ok(await done);
  } catch (e) {
    return err('internal', `The contact log PDF could not be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}
