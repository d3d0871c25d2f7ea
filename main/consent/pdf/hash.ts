import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export function sha256(buffer: Uint8Array): string {
  return createHash('sha256').update(buffer).digest('hex');
}

export type PdfCheck = { ok: true } | { ok: false; reason: 'changed' | 'missing' };

/**
 * A stored consent PDF is shown as valid only when its bytes still hash to what the
 * database recorded at signing; anything else is reported, never displayed as valid.
 */
export async function verifyPdf(path: string, expectedSha256: string): Promise<PdfCheck> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    // Gone, moved, or unreadable: in every case there is no document to vouch for.
    return { ok: false, reason: 'missing' };
  }
  return sha256(bytes) === expectedSha256.toLowerCase() ? { ok: true } : { ok: false, reason: 'changed' };
}
