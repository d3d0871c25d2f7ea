import type { Knex } from 'knex';
import { consentLogos } from './sqlite';

/**
 * Every file in the documents folder a database row vouches for, with the hash the row
 * keeps. One list for the backup (what to copy and check) and the start-up sweep (what
 * is not an orphan): a feature that stores a new kind of document adds it here.
 */
export interface DocumentRef {
  file: string;
  sha256: string;
}

interface ConsentFiles {
  id: string;
  pdf_sha256: string;
  signature_sha256: string | null;
  scan_file: string | null;
  scan_sha256: string | null;
}

export async function referencedDocuments(db: Knex): Promise<DocumentRef[]> {
  const rows = (await db('consents').select('id', 'pdf_sha256', 'signature_sha256', 'scan_file', 'scan_sha256')) as ConsentFiles[];
  const refs = new Map<string, string>();
  for (const r of rows) {
    refs.set(`${r.id}.pdf`, r.pdf_sha256);
    if (r.signature_sha256) refs.set(`${r.id}-signature.png`, r.signature_sha256);
    if (r.scan_file && r.scan_sha256) refs.set(r.scan_file, r.scan_sha256);
  }
  // Screening records (main/screening): `screening-<id>.pdf`, made again at each change.
  for (const r of (await db('screenings').whereNotNull('pdf_sha256').select('id', 'pdf_sha256')) as Array<{ id: string; pdf_sha256: string }>) refs.set(`screening-${r.id}.pdf`, r.pdf_sha256);
  // Alliance summaries (main/followups/summary), in databases from migration 015 on (a backup may be older).
  const summaries = (await db.schema.hasTable('alliance_summaries')) ? ((await db('alliance_summaries').select('id', 'sha256')) as Array<{ id: string; sha256: string }>) : [];
  for (const r of summaries) refs.set(`alliance-summary-${r.id}.pdf`, r.sha256);
  // The letterhead logos the forms were printed with, kept by content hash.
  for (const logo of await consentLogos(db)) refs.set(logo.file, logo.sha256);
  return [...refs].map(([file, sha256]) => ({ file, sha256 }));
}
