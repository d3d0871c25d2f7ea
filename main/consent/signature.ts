import { isPng } from '../images/magic';
import { decodePng } from '../images/png';
import { onPaper, type PreparedImage } from '../images/prepare';
import { say } from '../../shared/messages';

/**
 * Checks that a signature PNG really holds a signature. A blank canvas is a valid PNG,
 * and "forms marked complete without a signature" is the first complaint clinics have
 * about the tools they use, so main looks at the pixels itself rather than trusting
 * the screen.
 */

/** A signature that passes comes back decoded and flattened, as the PDF embeds it: decoded once. */
export type SignatureCheck = { ok: true; image: PreparedImage } | { ok: false; message: string };

/** Fewer inked pixels than this is a dot or a slip, not a signature. */
const minInkPixels = 40;

export function checkSignaturePng(bytes: Buffer): SignatureCheck {
  if (bytes.length === 0) return { ok: false, message: say('consent.signatureEmpty') };
  if (!isPng(bytes)) return { ok: false, message: say('consent.signatureNotPng') };
  const decoded = decodePng(bytes);
  if (!decoded.ok) return { ok: false, message: say('consent.signatureUnreadable', { reason: decoded.reason }) };
  const { pixels } = decoded.image;
  // Counting stops at enough ink: a signature is found in its first strokes, a blank box is read to the end.
  let ink = 0;
  for (let i = 0; i < pixels.length && ink < minInkPixels; i += 4) {
    if (pixels[i + 3] <= 64) continue;
    const luma = (pixels[i] * 299 + pixels[i + 1] * 587 + pixels[i + 2] * 114) / 1000;
    if (luma < 160) ink++;
  }
  return ink >= minInkPixels ? { ok: true, image: onPaper(decoded.image) } : { ok: false, message: say('consent.signatureBlank') };
}
