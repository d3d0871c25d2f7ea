import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useWrite } from '../ipc/hooks';

/**
 * The patient's one-page alliance summary (issue 11 item 7), on the care panel: made
 * from the record as it stands, kept with the patient's documents, then opened in the
 * PDF viewer or sent to the default printer. Its own folder (and fr.ts) so the care
 * panel's feature files stay as they are: it only places this.
 */
export function SummaryButton({ patientId }: { patientId: string }) {
  const intl = useIntl();
  const make = useWrite('alliance.summaryPdf');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (then: 'open' | 'print') => {
    setSaid(null);
    const r = await make.mutateAsync({ patientId, then });
    if (!r.ok) return setSaid({ ok: false, text: r.error.message });
    setSaid({
      ok: true,
      text: r.value.job
        ? intl.formatMessage({ id: 'summary.printed', defaultMessage: 'Alliance summary sent to {printer} (job {job}), and kept with the patient’s documents.' }, { printer: r.value.job.printer, job: r.value.job.jobId })
        : intl.formatMessage({ id: 'summary.opened', defaultMessage: 'Alliance summary opened in the PDF viewer, and kept with the patient’s documents.' }),
    });
  };
  return (
    <div>
      <div className="actions">
        <button type="button" className="button button--small" disabled={make.isPending} onClick={() => run('open')}>
          <FormattedMessage id="summary.open" defaultMessage="Alliance summary (PDF)" />
        </button>
        <button type="button" className="button button--small" disabled={make.isPending} onClick={() => run('print')}>
          <FormattedMessage id="summary.print" defaultMessage="Print the alliance summary" />
        </button>
      </div>
      {said && (
        <p className={`banner ${said.ok ? 'banner--ok' : 'banner--error'}`} role={said.ok ? 'status' : 'alert'}>
          {said.text}
        </p>
      )}
    </div>
  );
}
