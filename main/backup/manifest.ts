import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * What a backup holds, written last: every file with its size and SHA-256, the counts
 * the restore screen shows, and a checksum of the manifest itself, so one flipped byte
 * anywhere in a backup (even in a count) is found before it is restored.
 */
export const manifestName = 'manifest.json';

const manifestBody = z.object({
  format: z.literal(1),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.object({ patients: z.number().int(), consents: z.number().int(), documents: z.number().int() }),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() })),
});
export type Manifest = z.infer<typeof manifestBody>;

const checksum = (body: Manifest) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export function manifestBytes(body: Manifest): Buffer {
  // Parsed first, so the keys are in the order the reader's parse gives them.
  const canonical = manifestBody.parse(body);
  return Buffer.from(JSON.stringify({ ...canonical, checksum: checksum(canonical) }, null, 1));
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  const raw = await readFile(path.join(dir, manifestName), 'utf8').catch(() => null);
  if (raw === null) return null;
  try {
    const parsed = manifestBody.extend({ checksum: z.string() }).safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { checksum: stated, ...body } = parsed.data;
    return stated === checksum(body) ? body : null;
  } catch {
    return null;
  }
}
