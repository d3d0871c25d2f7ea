import { encodePng as encode } from '../../main/images/png';

/** Encodes 8-bit RGBA pixels as a PNG (the app's own encoder), so tests and the demo make their images here. */
export const encodePng = (width: number, height: number, rgba: Uint8Array) => encode(width, height, rgba, 4);

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
