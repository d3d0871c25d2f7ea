import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';

/**
 * The whole state a call could change, as one string: every table's rows (FTS shadow
 * tables and knex's own included), the schema, and the hash of every file under `root`
 * (database, documents, assets, settings). Two equal strings: nothing moved.
 */
export async function stateChecksum(db: Knex, root: string): Promise<string> {
  const tables = (await db('sqlite_master').where({ type: 'table' }).orderBy('name').pluck('name')) as string[];
  const rows: Record<string, string[]> = {};
  for (const t of tables) {
    rows[t] = ((await db.select('*').from(t)) as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  rows.sqlite_master = ((await db('sqlite_master').select('*')) as unknown[]).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify({ rows, files: await fileHashes(root) });
}

/** Hash of every file under the folder. The -shm file is SQLite's read-lock scratch space, not data. */
export async function fileHashes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('-shm')) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return out;
}
