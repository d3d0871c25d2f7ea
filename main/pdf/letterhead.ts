import { prepareLogo, type Prepared, type PreparedImage } from '../images/prepare';
import { colour, drawText, fontNames, margins, pageSize } from './page';

/** What the letterhead prints: the clinic profile from Settings › Clinic. */
export interface Letterhead {
  name: string;
  addressLines: string[];
  phone: string;
  email: string;
}

/**
 * The clinic's logo is the same file render after render: decoded, flattened onto white
 * and encoded again once, then kept beside a copy of its bytes until another is given.
 */
let lastLogo: { bytes: Buffer; prepared: Prepared } | null = null;
export function preparedLogo(bytes: Uint8Array): Prepared {
  if (lastLogo?.bytes.equals(bytes)) return lastLogo.prepared;
  const copy = Buffer.from(bytes); // a JPEG is embedded from these very bytes
  lastLogo = { bytes: copy, prepared: prepareLogo(copy) };
  return lastLogo.prepared;
}

/** The logo, the clinic's name and how to reach it, over a rule; the page continues below it. */
export function drawClinicLetterhead(doc: PDFKit.PDFDocument, clinic: Letterhead, logo: PreparedImage | null) {
  const left = margins.left;
  const right = pageSize.width - margins.right;
  const top = margins.top;
  let textX = left;
  let logoBottom = top;
  if (logo) {
    // At most 52 pt high and 150 pt wide, aspect kept: a letterhead mark, not a banner.
    const scale = Math.min(150 / logo.width, 52 / logo.height);
    const w = logo.width * scale;
    const h = logo.height * scale;
    doc.image(logo.bytes, left, top, { width: w, height: h });
    textX = left + w + 14;
    logoBottom = top + h;
  }
  const textWidth = right - textX;
  drawText(doc, fontNames.bold, 15, colour.accent, clinic.name, textX, top, { width: textWidth });
  const contact = [clinic.phone, clinic.email].filter((s) => s.trim() !== '').join('  ·  ');
  const details = [...clinic.addressLines.filter((s) => s.trim() !== ''), contact].filter((s) => s !== '');
  if (details.length > 0) {
    drawText(doc, fontNames.regular, 9, colour.muted, details.join('\n'), textX, doc.y + 2, { width: textWidth, lineGap: 1.5 });
  }
  const ruleY = Math.max(doc.y, logoBottom) + 10;
  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(1.2).strokeColor(colour.accent).stroke();
  doc.x = left;
  doc.y = ruleY + 14;
}
