import { maxLogoBytes } from '../../shared/contract/settings';
import { isJpeg, isPng } from './magic';
import { decodePng, flattenOnWhite, sizeProblem, type RgbaImage } from './png';
import { say } from '../../shared/messages';

/**
 * Images as the PDF embeds them, checked in full before pdfkit sees them (why: png.ts).
 * A PNG is decoded and flattened onto white; a JPEG is embedded as it is, pdfkit reads
 * it synchronously, after its frame header has been checked here.
 */
export interface PreparedImage {
  width: number;
  height: number;
  /** What pdfkit embeds: an RGB PNG without transparency, or the original JPEG. */
  bytes: Buffer;
}

export type Prepared = { ok: true; image: PreparedImage } | { ok: false; reason: string };

/** A decoded PNG as the PDF embeds it: flattened onto white. */
export function onPaper(image: RgbaImage): PreparedImage {
  return { width: image.width, height: image.height, bytes: flattenOnWhite(image) };
}

export function preparePng(bytes: Uint8Array): Prepared {
  const decoded = decodePng(bytes);
  return decoded.ok ? { ok: true, image: onPaper(decoded.image) } : decoded;
}

export function prepareJpeg(input: Uint8Array): Prepared {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isJpeg(bytes)) return { ok: false, reason: say('image.notJpeg') };
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return { ok: false, reason: say('image.jpegCorrupt') };
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > bytes.length) return { ok: false, reason: say('image.jpegShort') };
    // Start-of-frame markers carry the size; C4, C8 and CC share the range but are not frames.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return { ok: false, reason: say('image.jpegFrame') };
      const height = bytes.readUInt16BE(pos + 5);
      const width = bytes.readUInt16BE(pos + 7);
      const tooBig = sizeProblem(width, height);
      return tooBig ? { ok: false, reason: tooBig } : { ok: true, image: { width, height, bytes } };
    }
    if (marker === 0xda) break; // scan data begins; no frame header came before it
    pos += 2 + length;
  }
  return { ok: false, reason: say('image.jpegNoFrame') };
}

/**
 * The clinic logo as the letterhead will embed it: one check, run by Settings when the
 * logo is chosen and again by every render, so a logo that was accepted prints.
 */
export function prepareLogo(bytes: Uint8Array): Prepared {
  if (bytes.length > maxLogoBytes) return { ok: false, reason: say('image.tooBig') };
  if (isPng(bytes)) return preparePng(bytes);
  if (isJpeg(bytes)) return prepareJpeg(bytes);
  return { ok: false, reason: say('image.notImage') };
}
