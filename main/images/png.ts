import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { isPng, pngSignature } from './magic';
import { say } from '../../shared/messages';

/**
 * A small, strict PNG decoder and encoder.
 *
 * Why not let pdfkit read PNGs: for any PNG with transparency (every signature_pad
 * signature, most logos) or interlacing, pdfkit inflates the pixels in an asynchronous
 * zlib callback. That callback *throws* on corrupt data, which in Electron's main
 * process is an uncaught exception with a render promise that never settles; and with
 * two such images (logo and signature) the callbacks finish in either order, so the
 * PDF's objects land in a different order from one render to the next and the same
 * record no longer gives the same bytes. So images are decoded here, synchronously,
 * flattened onto white paper, and handed to pdfkit as plain RGB PNGs, which it embeds
 * as they are, without decoding.
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** 8-bit RGBA, row by row. */
  pixels: Uint8Array;
}

export type Decoded = { ok: true; image: RgbaImage } | { ok: false; reason: string };

/** Past this a "signature" or "logo" is a decompression bomb, not a picture. */
const maxSide = 8000;
const maxPixels = 24_000_000;

export function sizeProblem(width: number, height: number): string | null {
  if (width === 0 || height === 0) return 'the image has no pixels';
  if (width > maxSide || height > maxSide || width * height > maxPixels) return say('image.tooLarge', { width, height });
  return null;
}

const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const depthsOf: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7: x, y, x step, y step of each of the seven passes. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface Header {
  width: number;
  height: number;
  depth: number;
  colour: number;
  interlace: number;
}

function readChunks(bytes: Buffer): { ok: true; header: Header; palette: Buffer | null; trns: Buffer | null; data: Buffer } | { ok: false; reason: string } {
  if (!isPng(bytes)) return { ok: false, reason: say('image.notPng') };
  let pos = 8;
  let header: Header | null = null;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const data: Buffer[] = [];
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > bytes.length) return { ok: false, reason: say('image.pngChunkShort', { chunk: type }) };
    const body = bytes.subarray(pos + 4, pos + 8 + length);
    if (crc32(body) !== bytes.readUInt32BE(pos + 8 + length)) return { ok: false, reason: say('image.pngChunkCorrupt', { chunk: type }) };
    const chunk = body.subarray(4);
    if (header === null && type !== 'IHDR') return { ok: false, reason: say('image.pngNoStart') };
    switch (type) {
      case 'IHDR':
        if (length !== 13) return { ok: false, reason: say('image.pngHeader') };
        header = { width: chunk.readUInt32BE(0), height: chunk.readUInt32BE(4), depth: chunk[8], colour: chunk[9], interlace: chunk[12] };
        break;
      case 'PLTE':
        palette = chunk;
        break;
      case 'tRNS':
        trns = chunk;
        break;
      case 'IDAT':
        data.push(chunk);
        break;
      case 'IEND':
        if (!header) return { ok: false, reason: say('image.pngNoHeader') };
        return { ok: true, header, palette, trns, data: Buffer.concat(data) };
    }
    pos += 12 + length;
  }
  return { ok: false, reason: say('image.pngShort') };
}

function paeth(a: number, b: number, c: number) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-row filters in place; false if a row names an unknown filter. */
function unfilter(raw: Uint8Array, offset: number, rows: number, rowBytes: number, bpp: number): boolean {
  let prev = -1;
  for (let r = 0; r < rows; r++) {
    const start = offset + r * (rowBytes + 1);
    const filter = raw[start];
    const line = start + 1;
    for (let i = 0; i < rowBytes; i++) {
      const a = i >= bpp ? raw[line + i - bpp] : 0;
      const b = prev >= 0 ? raw[prev + i] : 0;
      const c = prev >= 0 && i >= bpp ? raw[prev + i - bpp] : 0;
      let x = raw[line + i];
      if (filter === 1) x += a;
      else if (filter === 2) x += b;
      else if (filter === 3) x += (a + b) >> 1;
      else if (filter === 4) x += paeth(a, b, c);
      else if (filter !== 0) return false;
      raw[line + i] = x & 0xff;
    }
    prev = line;
  }
  return true;
}

/** The n-th sample of a row at the image's bit depth (16-bit samples whole). */
function sampleAt(raw: Uint8Array, line: number, n: number, depth: number): number {
  if (depth === 8) return raw[line + n];
  if (depth === 16) return (raw[line + 2 * n] << 8) | raw[line + 2 * n + 1];
  const bit = n * depth;
  return (raw[line + (bit >> 3)] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
}

function to8(v: number, depth: number): number {
  return depth === 16 ? v >> 8 : depth === 8 ? v : Math.round((v * 255) / ((1 << depth) - 1));
}

export function decodePng(input: Uint8Array): Decoded {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const chunks = readChunks(bytes);
  if (!chunks.ok) return chunks;
  const { header, palette, trns } = chunks;
  const { width, height, depth, colour, interlace } = header;
  if (!(colour in channelsOf) || !depthsOf[colour].includes(depth) || interlace > 1) return { ok: false, reason: say('image.pngColour') };
  if (colour === 3 && !palette) return { ok: false, reason: say('image.pngNoPalette') };
  const tooBig = sizeProblem(width, height);
  if (tooBig) return { ok: false, reason: tooBig };

  const bitsPerPixel = channelsOf[colour] * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const passes = interlace === 1 ? adam7 : ([[0, 0, 1, 1]] as const);
  const sizes = passes.map(([x0, y0, dx, dy]) => {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    return { w, h, rowBytes: Math.ceil((w * bitsPerPixel) / 8) };
  });
  const expected = sizes.reduce((sum, s) => sum + (s.w && s.h ? s.h * (s.rowBytes + 1) : 0), 0);
  let raw: Buffer;
  try {
    raw = inflateSync(chunks.data, { maxOutputLength: expected + 1 });
  } catch {
    return { ok: false, reason: say('image.pngPixelsCorrupt') };
  }
  if (raw.length < expected) return { ok: false, reason: say('image.pngPixelsShort') };

  const transparentGrey = colour === 0 && trns && trns.length >= 2 ? trns.readUInt16BE(0) : -1;
  const transparentRgb = colour === 2 && trns && trns.length >= 6 ? [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)] : null;
  const pixels = new Uint8Array(width * height * 4);
  let offset = 0;
  for (let p = 0; p < passes.length; p++) {
    const [x0, y0, dx, dy] = passes[p];
    const { w, h, rowBytes } = sizes[p];
    if (w === 0 || h === 0) continue;
    if (!unfilter(raw, offset, h, rowBytes, bpp)) return { ok: false, reason: say('image.pngPixelsCorrupt') };
    for (let r = 0; r < h; r++) {
      const line = offset + r * (rowBytes + 1) + 1;
      let o = ((y0 + r * dy) * width + x0) * 4;
      const step = dx * 4;
      if (depth === 8 && colour === 6 && dx === 1) {
        pixels.set(raw.subarray(line, line + w * 4), o); // signature_pad's format: copied as is
        continue;
      }
      for (let i = 0; i < w; i++, o += step) {
        if (colour === 3) {
          const index = sampleAt(raw, line, i, depth);
          if (!palette || 3 * index + 2 >= palette.length) return { ok: false, reason: say('image.pngPalette') };
          pixels[o] = palette[3 * index];
          pixels[o + 1] = palette[3 * index + 1];
          pixels[o + 2] = palette[3 * index + 2];
          pixels[o + 3] = trns && index < trns.length ? trns[index] : 255;
        } else if (colour === 0 || colour === 4) {
          const n = colour === 0 ? i : 2 * i;
          const grey = sampleAt(raw, line, n, depth);
          pixels[o] = pixels[o + 1] = pixels[o + 2] = to8(grey, depth);
          pixels[o + 3] = colour === 4 ? to8(sampleAt(raw, line, n + 1, depth), depth) : grey === transparentGrey ? 0 : 255;
        } else {
          const n = colour === 2 ? 3 * i : 4 * i;
          const rr = sampleAt(raw, line, n, depth);
          const gg = sampleAt(raw, line, n + 1, depth);
          const bb = sampleAt(raw, line, n + 2, depth);
          pixels[o] = to8(rr, depth);
          pixels[o + 1] = to8(gg, depth);
          pixels[o + 2] = to8(bb, depth);
          if (colour === 6) pixels[o + 3] = to8(sampleAt(raw, line, n + 3, depth), depth);
          else pixels[o + 3] = transparentRgb && rr === transparentRgb[0] && gg === transparentRgb[1] && bb === transparentRgb[2] ? 0 : 255;
        }
      }
    }
    offset += h * (rowBytes + 1);
  }
  return { ok: true, image: { width, height, pixels } };
}

/** One PNG chunk: length, type, data and the CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes 8-bit pixels (RGB or RGBA) as a PNG with no filtering. */
export function encodePng(width: number, height: number, pixels: Uint8Array, channels: 3 | 4): Buffer {
  const chunk = pngChunk;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = channels === 4 ? 6 : 2;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The image as printed on white paper: RGB with transparency blended onto white. */
export function flattenOnWhite({ width, height, pixels }: RgbaImage): Buffer {
  // White paper first: most of a signature's pixels are transparent, and stay white.
  const rgb = new Uint8Array(width * height * 3).fill(255);
  for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
    const a = pixels[i + 3];
    if (a === 0) continue;
    if (a === 255) {
      rgb[j] = pixels[i];
      rgb[j + 1] = pixels[i + 1];
      rgb[j + 2] = pixels[i + 2];
    } else {
      const white = 255 * (255 - a);
      rgb[j] = Math.round((pixels[i] * a + white) / 255);
      rgb[j + 1] = Math.round((pixels[i + 1] * a + white) / 255);
      rgb[j + 2] = Math.round((pixels[i + 2] * a + white) / 255);
    }
  }
  return encodePng(width, height, rgb, 3);
}
