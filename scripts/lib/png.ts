import { crc32, deflateSync } from 'node:zlib';

/** Encodes 8-bit RGBA pixels as a PNG, so tests and the demo make their images here. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG of one colour. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [15, 95, 110]): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([...rgb, 255], i);
  return encodePng(width, height, pixels);
}

/** A hand-like scribble on a transparent canvas, as signature_pad would hand over. */
export function scribblePng(seed: number, width = 480, height = 140): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  const ink = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && py >= 0 && px < width && py < height) pixels.set([16, 36, 58, 255], (py * width + px) * 4);
      }
  };
  const a = 18 + (seed % 13);
  const b = 3 + (seed % 5);
  for (let t = 0; t < 1; t += 0.0005) {
    const x = 30 + t * (width - 60);
    const y = height / 2 + Math.sin(t * b * Math.PI * 2) * a * (1 - t * 0.6) + Math.sin(t * 31 + seed) * 6;
    ink(x, y);
  }
  return encodePng(width, height, pixels);
}
