import { inflateSync } from 'node:zlib';

/**
 * Checks that a signature PNG really holds a signature. A blank canvas is a valid PNG,
 * and "forms marked complete without a signature" is the first complaint clinics have
 * about the tools they use, so main looks at the pixels itself rather than trusting
 * the screen. Handles what canvases produce: 8-bit RGB or RGBA, not interlaced.
 */

export type SignatureCheck = { ok: true } | { ok: false; message: string };

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Fewer inked pixels than this is a dot or a slip, not a signature. */
const minInkPixels = 40;

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function checkSignaturePng(bytes: Buffer): SignatureCheck {
  if (bytes.length === 0) return { ok: false, message: 'The signature is empty: sign in the box first' };
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(pngMagic)) return { ok: false, message: 'The signature is not a PNG image' };

  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  try {
    for (let at = 8; at + 8 <= bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString('latin1', at + 4, at + 8);
      const data = bytes.subarray(at + 8, at + 8 + length);
      if (type === 'IHDR') {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        if (data[8] !== 8 || data[12] !== 0) return { ok: false, message: 'Unsupported signature image: use an 8-bit PNG' };
        colourType = data[9];
      } else if (type === 'IDAT') {
        idat.push(data);
      } else if (type === 'IEND') {
        break;
      }
      at += 12 + length;
    }
    if (colourType !== 2 && colourType !== 6) return { ok: false, message: 'Unsupported signature image: use an RGB or RGBA PNG' };
    if (width === 0 || height === 0 || width * height > 16_000_000) return { ok: false, message: 'The signature image has an impossible size' };

    const channels = colourType === 6 ? 4 : 3;
    const stride = width * channels;
    const raw = inflateSync(Buffer.concat(idat));
    if (raw.length < (stride + 1) * height) return { ok: false, message: 'The signature image is damaged' };
    const prev = Buffer.alloc(stride);
    const line = Buffer.alloc(stride);
    let ink = 0;
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? line[x - channels] : 0;
        const b = prev[x];
        const c = x >= channels ? prev[x - channels] : 0;
        const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        line[x] = (src[x] + predictor) & 0xff;
      }
      for (let x = 0; x < stride; x += channels) {
        const luma = (line[x] * 299 + line[x + 1] * 587 + line[x + 2] * 114) / 1000;
        const alpha = channels === 4 ? line[x + 3] : 255;
        if (alpha > 64 && luma < 160) ink++;
      }
      line.copy(prev);
    }
    return ink >= minInkPixels ? { ok: true } : { ok: false, message: 'The signature box is empty: ask the patient to sign' };
  } catch {
    return { ok: false, message: 'The signature image is damaged' };
  }
}
