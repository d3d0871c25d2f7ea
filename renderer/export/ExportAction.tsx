import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
        {exporter.isPending ? <FormattedMessage id="export.record.running" defaultMessage="Exporting…" /> : <FormattedMessage id="export.record.action" defaultMessage="Export record" />}
      </button>
      {(done || problem) && (
        <p id={`export-${patient.id}`} className={`banner ${problem ? 'banner--error' : 'banner--ok'} export-result`} role={problem ? 'alert' : 'status'}>
          {problem ?? (
            <>
              <FormattedMessage
                id="export.record.done"
                defaultMessage="Exported {count, plural, one {# file} other {# files}} (the record as PDF and JSON, and the signed documents) to <code>{folder}</code>. Give the patient a copy of this folder."
                values={{ count: done!.files.length, folder: done!.folder, code: (c) => <code>{c}</code> }}
              />
            </>
          )}
        </p>
      )}
    </>
  );
}
