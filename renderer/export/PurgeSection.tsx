import { useState, type FormEvent } from 'react';
import type { Output } from '../../shared/contract';
import { useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';

type Preview = Output<'purge.preview'>;

function RetentionForm({ initial }: { initial: number }) {
  const [years, setYears] = useState(String(initial));
  const [saved, setSaved] = useState(false);
  const action = useFormAction();
  const save = useWrite('retention.set');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await action.run(() => save.mutateAsync({ years: years.trim() === '' ? Number.NaN : Number(years) }));
    setSaved(r.ok);
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Retention period">
      <ErrorSummary {...action.summary} />
      <TextField label="Keep archived records for (years)" name="years" inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} error={action.errors.years} hint="The period your college sets (CMTO: 10 years). Counted from the day a record was archived." />
      {saved && (
        <p className="banner banner--ok" role="status">
          Retention period saved.
        </p>
      )}
      <button type="submit" className="button">
        Save retention period
      </button>
    </form>
  );
}

/**
 * Removing records for good, past the retention period (issue 10.6). Nothing goes
 * without first being listed here, by name, and confirmed; main refuses a purge of
 * anything but the list it would make now.
 */
export function PurgeSection() {
  const retention = useRead('retention.get', {});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const action = useFormAction();
  const find = useWrite('purge.preview');
  const purge = useWrite('purge.run');

  async function list() {
    setResult(null);
    setConfirmed(false);
    const r = await action.run(() => find.mutateAsync({}));
    setPreview(r.ok ? r.value : null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!preview) return;
    const r = await action.run(() => purge.mutateAsync({ patientIds: preview.patients.map((p) => p.id), confirm: confirmed as true }));
    if (r.ok) {
      setResult(`Removed ${r.value.removed} records and ${r.value.documents} documents for good.`);
      setPreview(null);
    }
  }

  return (
    <section aria-labelledby="purge-h" className="settings__purge">
      <h2 id="purge-h">Records past the retention period</h2>
      {retention.data && <RetentionForm initial={retention.data.years} />}
      <form onSubmit={submit} noValidate aria-label="Purge archived records">
        <ErrorSummary {...action.summary} />
        <button type="button" className="button" onClick={list} disabled={find.isPending}>
          List archived records past the period
        </button>
        {result && (
          <p className="banner banner--ok" role="status">
            {result}
          </p>
        )}
        {preview && preview.patients.length === 0 && (
          <p role="status">No archived record is past the {preview.years}-year period.</p>
        )}
        {preview && preview.patients.length > 0 && (
          <>
            <table className="table">
              <caption>
                Archived before {preview.cutoff.slice(0, 10)} ({preview.years} years): {preview.patients.length} records
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Born</th>
                  <th scope="col">Archived</th>
                  <th scope="col">Consents</th>
                  <th scope="col">Documents</th>
                </tr>
              </thead>
              <tbody>
                {preview.patients.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.lastName}, {p.firstName}
                    </td>
                    <td>{p.dateOfBirth}</td>
                    <td>{p.archivedAt.slice(0, 10)}</td>
                    <td>{p.consents}</td>
                    <td>{p.documents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="checkbox">
              <input type="checkbox" name="confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              These {preview.patients.length} records and their documents are removed for good; the audit trail keeps only how many.
            </label>
            {action.errors.confirm && <p className="field__error">{action.errors.confirm}</p>}
            <button type="submit" className="button button--danger" disabled={purge.isPending}>
              Remove {preview.patients.length} records
            </button>
          </>
        )}
      </form>
    </section>
  );
}
