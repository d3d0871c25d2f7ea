import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { Done, Problem } from '../ui/FormEnd';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { typedNumber } from '../ui/form';
import { base64ToBytes } from '../ui/files';

/** A file saved through the browser's own download: nothing leaves the PC. */
function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The contact log for public health (issue 9 item 6), for an admin: a date range saved as
 * CSV and PDF; the retention period; and the purge, which first says exactly what goes.
 */
export function ContactLogSection() {
  const intl = useIntl();
  const policy = useRead('contactlog.policy', {});
  const exporter = useWrite('contactlog.export');
  const update = useWrite('contactlog.updatePolicy');
  const purge = useWrite('contactlog.purge');
  const [range, setRange] = useState({ from: '', to: '' });
  const [days, setDays] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ before: string; visits: number; firstDay: string | null; lastDay: string | null } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const exportAction = useFormAction();
  const policyAction = useFormAction();
  const [problem, setProblem] = useState<string | null>(null);
  const previewRead = useRead('contactlog.purgePreview', {}, { enabled: false });

  async function exportLog(e: FormEvent) {
    e.preventDefault();
    const r = await exportAction.run(() => exporter.mutateAsync(range));
    if (!r.ok) return;
    save(`${r.value.fileName}.csv`, new Blob([r.value.csv], { type: 'text/csv;charset=utf-8' }));
    save(`${r.value.fileName}.pdf`, new Blob([base64ToBytes(r.value.pdfBase64) as BlobPart], { type: 'application/pdf' }));
    setStatus(intl.formatMessage({ id: 'appointments.contactLog.saved', defaultMessage: '{count, plural, one {# person} other {# people}} in the log: saved as CSV and PDF.' }, { count: r.value.people.length }));
  }
  async function savePolicy(e: FormEvent) {
    e.preventDefault();
    const value = days ?? String(policy.data?.retentionDays ?? '');
    await policyAction.run(() => update.mutateAsync({ retentionDays: typedNumber(value) }));
  }
  async function showPurge() {
    const r = await previewRead.refetch();
    setPreview(r.data ?? null);
  }
  async function runPurge() {
    if (!preview) return;
    const r = await purge.mutateAsync({ before: preview.before, visits: preview.visits });
    setPreview(null);
    setProblem(r.ok ? null : r.error.message);
    if (r.ok) setStatus(intl.formatMessage({ id: 'appointments.contactLog.purged', defaultMessage: 'Arrival and departure times removed from {count, plural, one {# visit} other {# visits}}.' }, { count: r.value.removed }));
  }

  return (
    <section className="settings__consent" aria-labelledby="contact-log-h">
      <h2 id="contact-log-h">{intl.formatMessage({ id: 'appointments.contactLog.title', defaultMessage: 'Contact log for public health' })}</h2>
      <Done>{status}</Done>
      <form onSubmit={(e) => void exportLog(e)} noValidate className="schedule-settings__line">
        <ErrorSummary {...exportAction.summary} />
        <TextField label={intl.formatMessage({ id: 'appointments.contactLog.from', defaultMessage: 'From' })} type="date" name="from" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} error={exportAction.errors.from} />
        <TextField label={intl.formatMessage({ id: 'appointments.contactLog.to', defaultMessage: 'To' })} type="date" name="to" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} error={exportAction.errors.to} />
        <button type="submit" className="button button--primary" disabled={exporter.isPending}>
          {intl.formatMessage({ id: 'appointments.contactLog.export', defaultMessage: 'Save the contact log (CSV and PDF)' })}
        </button>
      </form>
      {policy.data && (
        <form onSubmit={(e) => void savePolicy(e)} noValidate className="schedule-settings__line">
          <ErrorSummary {...policyAction.summary} />
          <TextField label={intl.formatMessage({ id: 'appointments.contactLog.retention', defaultMessage: 'Keep arrival and departure times for (days)' })} name="retentionDays" inputMode="numeric" value={days ?? String(policy.data.retentionDays)} onChange={(e) => setDays(e.target.value)} error={policyAction.errors.retentionDays} />
          <button type="submit" className="button">
            {intl.formatMessage({ id: 'appointments.contactLog.saveRetention', defaultMessage: 'Save the period' })}
          </button>
        </form>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => void showPurge()}>
          {intl.formatMessage({ id: 'appointments.contactLog.showPurge', defaultMessage: 'What would be purged?' })}
        </button>
      </div>
      {preview && (
        <div className="banner banner--warning" role="alert">
          <p>
            {preview.visits === 0
              ? intl.formatMessage({ id: 'appointments.contactLog.nothing', defaultMessage: 'Nothing is past the period: there is nothing to purge.' })
              : intl.formatMessage(
                  { id: 'appointments.contactLog.willRemove', defaultMessage: 'The arrival and departure times of {count, plural, one {# visit} other {# visits}} from {first} to {last} will be removed. The visits themselves stay in the records.' },
                  { count: preview.visits, first: preview.firstDay, last: preview.lastDay },
                )}
          </p>
          {preview.visits > 0 && (
            <button type="button" className="button button--danger" onClick={() => void runPurge()} disabled={purge.isPending}>
              {intl.formatMessage({ id: 'appointments.contactLog.purge', defaultMessage: 'Remove them' })}
            </button>
          )}
        </div>
      )}
      <Problem message={problem} />
    </section>
  );
}
