import PDFDocument from 'pdfkit';
import { loadFonts } from '../consent/pdf/fonts';
import { fontNames, margins, pageSize } from '../consent/pdf/layout';
import { err, ok, type Result } from '../../shared/contract/result';
import type { PatientExport } from './record';

/**
 * The patient's record as a PDF a person can read: their details, each consent with its
 * version and state, and the trail of who did what and when. Drawn with the consent
 * form's font, page size and margins (DejaVu Sans prints "Łukasz" and "Nguyễn" as typed),
 * and, like the consent PDF, the same bytes for the same record (creation date fixed).
 */
export async function renderRecordPdf(record: PatientExport, fontsDir: string): Promise<Result<Buffer>> {
  const fonts = await loadFonts(fontsDir);
  if (!fonts.ok) return fonts;
  const p = record.patient;
  const doc = new PDFDocument({
    size: [pageSize.width, pageSize.height],
    margins: { ...margins },
    font: '',
    lang: 'en-CA',
    displayTitle: true,
    info: { Title: `Patient record: ${p.firstName} ${p.lastName}`, Creator: 'Rapport', Producer: 'Rapport (pdfkit)', CreationDate: new Date(record.exportedAt) },
  });
  doc.registerFont(fontNames.regular, fonts.value.regular as unknown as Buffer);
  doc.registerFont(fontNames.bold, fonts.value.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (s: string) => doc.moveDown(0.6).font(fontNames.bold).fontSize(13).fillColor('#0f5f6e').text(s).moveDown(0.2).fillColor('#1d2327');
  const line = (label: string, value: string) => {
    if (!value) return;
    doc.font(fontNames.bold).fontSize(10.5).text(`${label}: `, { continued: true }).font(fontNames.regular).text(value);
  };
  const joined = (...parts: string[]) => parts.filter(Boolean).join(', ');

  try {
    doc.font(fontNames.bold).fontSize(18).text(`${p.firstName} ${p.lastName}`);
    doc.font(fontNames.regular).fontSize(10).fillColor('#5b6770').text(`Patient record from ${record.clinic || 'the clinic'}, exported ${record.exportedAt.slice(0, 10)} at the patient's request. Record id ${p.id}.`).fillColor('#1d2327');

    heading('Details');
    line('Preferred name', p.preferredName);
    line('Pronouns', p.pronouns);
    line('Date of birth', p.dateOfBirth);
    for (const ph of p.phones) line(`Phone (${ph.label})`, ph.number);
    line('E-mail', p.email);
    line('Address', joined(p.address.line1, p.address.line2, p.address.city, p.address.region, p.address.postalCode, p.address.country));
    line('Emergency contact', joined(p.emergencyContact.name, p.emergencyContact.relationship, p.emergencyContact.phone));
    line('Family physician', joined(p.familyPhysician.name, p.familyPhysician.clinic, p.familyPhysician.phone));
    line('Preferred contact', p.preferredContact);
    line('Language', p.language);
    line('Front-desk notes', p.notes);
    line('Created', p.createdAt);
    line('Last changed', p.updatedAt);
    if (p.archivedAt) line('Archived', `${p.archivedAt} (${p.archiveReason})`);

    heading(`Consents (${record.consents.length})`);
    if (record.consents.length === 0) doc.font(fontNames.regular).fontSize(10.5).text('None on file.');
    for (const c of record.consents) {
      doc.font(fontNames.bold).fontSize(10.5).text(`${c.templateName}, version ${c.templateVersion}`);
      doc.font(fontNames.regular).fontSize(10).text(
        [
          `${c.method === 'verbal' ? 'Spoken' : c.method === 'paper' ? 'Signed on paper' : 'Signed on screen'} by ${c.signerName} on ${c.signedAt}`,
          c.choices.length ? `Choices: ${c.choices.join(', ')}` : '',
          c.explainedBy ? `Explained by ${c.explainedBy}` : '',
          c.withdrawnAt ? `Withdrawn on ${c.withdrawnAt}: ${c.withdrawnReason}` : '',
          `Document: documents/${c.id}.pdf`,
        ].filter(Boolean).join('\n'),
        { indent: 12 },
      ).moveDown(0.3);
    }

    heading(`Who did what (${record.trail.length} entries)`);
    for (const e of record.trail) doc.font(fontNames.regular).fontSize(9.5).text(`${e.at}  ${e.action}${e.by ? `  by ${e.by}` : ''}`);
    doc.end();
    return ok(await done);
  } catch (e) {
    return err('internal', `The record PDF could not be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}
