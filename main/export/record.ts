import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ConsentRecord } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import { err, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/log';
import type { DocumentStore } from '../consent/documents';
import { sha256 } from '../pdf/hash';
import { writeAtomically } from '../files/atomic';
import { privateFolderMode } from '../files/private';
import { recordLocale, renderRecordPdf, type RecordLocale } from './pdf';
import { say } from '../../shared/messages';

/** What record.json holds: every row of this patient's, as the screens know them, and nothing of anyone else's. */
export interface PatientExport {
  format: 'rapport-patient-export/1';
  exportedAt: string;
  clinic: string;
  patient: Patient;
  consents: ConsentRecord[];
  /** Each signed document in the folder, with the SHA-256 the database kept when it was signed. */
  documents: Array<{ consentId: string; file: string; sha256: string }>;
  /** The audit entries about this patient and their consents: when, what, who (staff names), never other patients. */
  trail: Array<{ at: string; action: string; by: string | null }>;
}

export interface ExportDeps {
  db: Knex;
  now: () => Date;
  newId: () => string;
  documents: DocumentStore;
  /** Where export folders are made: `exports/` in the data folder, private like the rest. */
  exportsDir: string;
  fontsDir: string;
  getPatient: (id: string) => Promise<Patient | null>;
  consentHistory: (patientId: string) => Promise<Result<{ consents: ConsentRecord[] }>>;
  clinicName: () => string;
  /** The clinic's language of forms: the PDF's language when the record does not say English or French. */
  clinicLocale: () => RecordLocale;
}

interface DocumentRow {
  id: string;
  pdf_sha256: string;
  signature_sha256: string | null;
  scan_file: string | null;
  scan_sha256: string | null;
}

export function createExportService(deps: ExportDeps) {
  const { db, documents } = deps;

  /** Every stored file of these consents with its recorded hash; the signature image and scan too. */
  async function documentsOf(patientId: string) {
    const rows = (await db('consents').where({ patient_id: patientId }).select('id', 'pdf_sha256', 'signature_sha256', 'scan_file', 'scan_sha256')) as DocumentRow[];
    return rows.flatMap((r) => [
      { consentId: r.id, file: `${r.id}.pdf`, sha256: r.pdf_sha256 },
      ...(r.signature_sha256 ? [{ consentId: r.id, file: `${r.id}-signature.png`, sha256: r.signature_sha256 }] : []),
      ...(r.scan_file && r.scan_sha256 ? [{ consentId: r.id, file: r.scan_file, sha256: r.scan_sha256 }] : []),
    ]);
  }

  async function trailOf(patientId: string, consentIds: string[]) {
    const rows = (await db('audit_events as a')
      .leftJoin('staff as s', 's.id', 'a.actor')
      .where((q) => {
        q.where({ 'a.entity': 'patient', 'a.entity_id': patientId });
        if (consentIds.length) q.orWhere((c) => c.where('a.entity', 'consent').whereIn('a.entity_id', consentIds));
      })
      .orderBy('a.seq')
      .select('a.at', 'a.action', 's.name')) as Array<{ at: string; action: string; name: string | null }>;
    return rows.map((r) => ({ at: r.at, action: r.action, by: r.name }));
  }

  /**
   * Writes the export into a hidden folder, then names it: a folder that exists is whole.
   * A signed document that is missing or changed stops the export (nothing half-done),
   * saying which, so it is restored from a backup first.
   */
  async function exportPatient({ patientId }: { patientId: string }): Promise<Result<{ folder: string; files: Array<{ name: string; sha256: string; bytes: number }> }>> {
    const patient = await deps.getPatient(patientId);
    if (!patient) return err('not_found', say('patients.noSuchId'));
    const history = await deps.consentHistory(patientId);
    if (!history.ok) return history;
    const docs = await documentsOf(patientId);
    const contents: Array<{ name: string; bytes: Buffer }> = [];
    for (const d of docs) {
      const read = await documents.readVerified(d.file, d.sha256);
      if (!read.ok) {
        return err('integrity', say(read.reason === 'missing' ? 'export.documentMissing' : 'export.documentChanged', { file: d.file }));
      }
      contents.push({ name: path.join('documents', d.file), bytes: read.bytes });
    }
    const exportedAt = deps.now().toISOString();
    const record: PatientExport = {
      format: 'rapport-patient-export/1',
      exportedAt,
      clinic: deps.clinicName(),
      patient,
      consents: history.value.consents,
      documents: docs,
      trail: await trailOf(patientId, history.value.consents.map((c) => c.id)),
    };
    const pdf = await renderRecordPdf(record, deps.fontsDir, recordLocale(patient.language, deps.clinicLocale()));
    if (!pdf.ok) return pdf;
    contents.unshift({ name: 'record.json', bytes: Buffer.from(`${JSON.stringify(record, null, 2)}\n`) }, { name: 'record.pdf', bytes: pdf.value });

    // Named by date and record id, never by the patient's name (as the documents are).
    const name = `patient-${exportedAt.replace(/[:.]/g, '-')}-${patientId}`;
    const staging = path.join(deps.exportsDir, `.${name}.partial`);
    const folder = path.join(deps.exportsDir, name);
    await mkdir(path.join(staging, 'documents'), { recursive: true, mode: privateFolderMode });
    try {
      for (const c of contents) await writeAtomically(path.join(staging, path.dirname(c.name)), path.basename(c.name), c.bytes);
      await db.transaction(async (trx) => {
        await rename(staging, folder);
        await appendAudit(trx, deps.newId, { at: exportedAt, action: 'patient.exported', entity: 'patient', entityId: patientId, detail: { files: contents.length } });
      });
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
      throw e;
    }
    return ok({ folder, files: contents.map((c) => ({ name: c.name, sha256: sha256(c.bytes), bytes: c.bytes.length })) });
  }

  return { exportPatient };
}
