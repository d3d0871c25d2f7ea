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
  /** Whose record it belongs to: the purge removes a patient's own (a letterhead logo is no one's). */
  patientId: string | null;
}

interface ConsentFiles {
  id: string;
  patient_id: string;
  pdf_sha256: string;
  signature_sha256: string | null;
  scan_file: string | null;
  scan_sha256: string | null;
}

/** Every referenced document, or with `patientIds` only those patients' own. */
export async function referencedDocuments(db: Knex, patientIds?: string[]): Promise<DocumentRef[]> {
  const mine = (q: Knex.QueryBuilder) => (patientIds ? q.whereIn('patient_id', patientIds) : q);
  const rows = (await mine(db('consents')).select('id', 'patient_id', 'pdf_sha256', 'signature_sha256', 'scan_file', 'scan_sha256')) as ConsentFiles[];
  const refs = new Map<string, Omit<DocumentRef, 'file'>>();
  for (const r of rows) {
    const patientId = r.patient_id;
    refs.set(`${r.id}.pdf`, { sha256: r.pdf_sha256, patientId });
    if (r.signature_sha256) refs.set(`${r.id}-signature.png`, { sha256: r.signature_sha256, patientId });
    if (r.scan_file && r.scan_sha256) refs.set(r.scan_file, { sha256: r.scan_sha256, patientId });
  }
  // Screening records (main/screening): `screening-<id>.pdf`, made again at each change.
  for (const r of (await mine(db('screenings')).whereNotNull('pdf_sha256').select('id', 'patient_id', 'pdf_sha256')) as Array<{ id: string; patient_id: string; pdf_sha256: string }>) {
    refs.set(`screening-${r.id}.pdf`, { sha256: r.pdf_sha256, patientId: r.patient_id });
  }
  // Alliance summaries (main/followups/summary), in databases from migration 015 on (a backup may be older).
  const summaries = (await db.schema.hasTable('alliance_summaries')) ? ((await mine(db('alliance_summaries')).select('id', 'patient_id', 'sha256')) as Array<{ id: string; patient_id: string; sha256: string }>) : [];
  for (const r of summaries) refs.set(`alliance-summary-${r.id}.pdf`, { sha256: r.sha256, patientId: r.patient_id });
  // The letterhead logos the forms were printed with, kept by content hash: the clinic's, no patient's.
  if (!patientIds) for (const logo of await consentLogos(db)) refs.set(logo.file, { sha256: logo.sha256, patientId: null });
  return [...refs].map(([file, ref]) => ({ file, ...ref }));
}
