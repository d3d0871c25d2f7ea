import { useState } from 'react';
import type { Patient } from '../../shared/contract/patients';
import type { Output } from '../../shared/contract';
import { useWrite } from '../ipc/hooks';

/**
 * A patient's data on request (issue 10.6): one action on the record writes the whole
 * record (PDF, JSON, signed documents) to a folder and says where it is, so the desk can
 * copy it to a USB stick or attach it. Main logs the export in the audit trail.
 */
export function ExportAction({ patient }: { patient: Patient }) {
  const exporter = useWrite('export.patient');
  const [done, setDone] = useState<Output<'export.patient'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run() {
    setDone(null);
    setProblem(null);
    const r = await exporter.mutateAsync({ patientId: patient.id });
    if (r.ok) setDone(r.value);
    else setProblem(r.error.message);
  }

  return (
    <>
      <button type="button" className="button" onClick={run} disabled={exporter.isPending} aria-describedby={done || problem ? `export-${patient.id}` : undefined}>
        {exporter.isPending ? 'Exporting…' : 'Export record'}
      </button>
      {(done || problem) && (
        <p id={`export-${patient.id}`} className={`banner ${problem ? 'banner--error' : 'banner--ok'} export-result`} role={problem ? 'alert' : 'status'}>
          {problem ?? (
            <>
              Exported {done!.files.length} files (the record as PDF and JSON, and the signed documents) to <code>{done!.folder}</code>. Give the patient a copy of this folder.
            </>
          )}
        </p>
      )}
    </>
  );
}
