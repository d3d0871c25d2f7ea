import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';

/** SHA-256 of a file, streamed: the database copy can be hundreds of megabytes. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flushes a file already written, so a backup that says it is done is on the disk. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A copy that is on the disk when this returns (copyFile alone may sit in the cache). */
export async function copySynced(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await syncFile(to);
}
