/**
 * The first bytes of each kind of file Rapport accepts, in one table: the logo
 * (settings), a paper form's scan (consent) and the images a PDF embeds. A file is
 * taken for what its first bytes say, never for what its name or the screen says.
 */
const signatures = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // "%PDF-"
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
} as const;

export type FileKind = keyof typeof signatures;

export function isKind(bytes: Uint8Array, kind: FileKind): boolean {
  const expected = signatures[kind];
  return bytes.length >= expected.length && expected.every((b, i) => bytes[i] === b);
}

export const isPng = (bytes: Uint8Array) => isKind(bytes, 'image/png');
export const isJpeg = (bytes: Uint8Array) => isKind(bytes, 'image/jpeg');

/** The PNG signature, for writing PNGs. */
export const pngSignature: Buffer = Buffer.from(signatures['image/png']);
