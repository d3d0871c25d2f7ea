/**
 * The page every Rapport PDF is drawn on (consent forms, screening records, the contact
 * log, a patient's exported record, the alliance summary): one size, one set of margins,
 * the two faces of the embedded font and one palette, so the documents a clinic files
 * look like one family.
 */

/** US Letter: what Canadian clinic printers are loaded with. */
export const pageSize = { width: 612, height: 792 } as const;
export const margins = { top: 54, left: 56, right: 56, bottom: 64 } as const;

export const fontNames = { regular: 'Body', bold: 'Bold' } as const;

export const colour = {
  text: '#1d2327',
  muted: '#5b6770',
  accent: '#0f5f6e',
  rule: '#c5cfd4',
  fill: '#f1f5f6',
  box: '#2b3338',
} as const;

/** Text at a place, in a face, size and colour, each given every time: nothing carries over by accident. */
export function drawText(doc: PDFKit.PDFDocument, font: string, size: number, fill: string, s: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) {
  doc.font(font).fontSize(size).fillColor(fill).text(s, x, y, options);
}
