import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Output } from '../../shared/contract';
import { useRead, useWrite } from '../ipc/hooks';
import { DataTable } from '../ui/DataTable';
import { TextField } from '../ui/Field';
import { Done } from '../ui/FormEnd';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { useClinicDate } from '../ui/useDay';
import { typedNumber } from '../ui/form';

type Preview = Output<'purge.preview'>;

function RetentionForm({ initial }: { initial: number }) {
  const [years, setYears] = useState(String(initial));
  const [saved, setSaved] = useState(false);
  const intl = useIntl();
  const action = useFormAction();
  const save = useWrite('retention.set');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await action.run(() => save.mutateAsync({ years: typedNumber(years) }));
    setSaved(r.ok);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={intl.formatMessage({ id: 'export.retention.label', defaultMessage: 'Retention period' })}>
      <ErrorSummary {...action.summary} />
      <TextField
        label={intl.formatMessage({ id: 'export.retention.years', defaultMessage: 'Keep archived records for (years)' })} name="years" inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} error={action.errors.years} hint={intl.formatMessage({ id: 'export.retention.hint', defaultMessage: 'The period your college sets (CMTO: 10 years). Counted from the day a record was archived.' })}
      />
      <Done>{saved && <FormattedMessage id="export.retention.saved" defaultMessage="Retention period saved." />}</Done>
      <button type="submit" className="button">
        <FormattedMessage id="export.retention.save" defaultMessage="Save retention period" />
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
  const dayOf = useClinicDate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<{ removed: number; documents: number } | null>(null);
  const intl = useIntl();
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
      setResult(r.value);
      setPreview(null);
    }
  }

  return (
    <section aria-labelledby="purge-h" className="settings__purge">
      <h2 id="purge-h">
        <FormattedMessage id="export.purge.title" defaultMessage="Records past the retention period" />
      </h2>
      {retention.data && <RetentionForm initial={retention.data.years} />}
      <form onSubmit={submit} noValidate aria-label={intl.formatMessage({ id: 'export.purge.label', defaultMessage: 'Purge archived records' })}>
        <ErrorSummary {...action.summary} />
        <button type="button" className="button" onClick={list} disabled={find.isPending}>
          <FormattedMessage id="export.purge.list" defaultMessage="List archived records past the period" />
        </button>
        <Done>
          {result && (
            <FormattedMessage
              id="export.purge.done"
              defaultMessage="Removed {removed, plural, one {# record} other {# records}} and {documents, plural, one {# document} other {# documents}} for good."
              values={result}
            />
          )}
        </Done>
        {preview && (
          <DataTable
            showCaption
            caption={
              <FormattedMessage
                id="export.purge.caption"
                defaultMessage="Archived before {cutoff} ({years, plural, one {# year} other {# years}}): {count, plural, one {# record} other {# records}}"
                values={{ cutoff: dayOf(preview.cutoff), years: preview.years, count: preview.patients.length }}
              />
            }
            columns={[
              { header: <FormattedMessage id="export.purge.name" defaultMessage="Name" />, cell: (p) => `${p.lastName}, ${p.firstName}` },
              { header: <FormattedMessage id="export.purge.born" defaultMessage="Born" />, cell: (p) => p.dateOfBirth },
              { header: <FormattedMessage id="export.purge.archived" defaultMessage="Archived" />, cell: (p) => dayOf(p.archivedAt) },
              { header: <FormattedMessage id="export.purge.consents" defaultMessage="Consents" />, cell: (p) => p.consents },
              { header: <FormattedMessage id="export.purge.documents" defaultMessage="Documents" />, cell: (p) => p.documents },
            ]}
            rows={preview.patients}
            rowKey={(p) => p.id}
            empty={<FormattedMessage id="export.purge.none" defaultMessage="No archived record is past the {years}-year period." values={{ years: preview.years }} />}
          />
        )}
        {preview && preview.patients.length > 0 && (
          <>
            <label className="checkbox">
              <input type="checkbox" name="confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              <FormattedMessage
                id="export.purge.confirm"
                defaultMessage="{count, plural, one {This record and its documents are} other {These # records and their documents are}} removed for good; the audit trail keeps only how many."
                values={{ count: preview.patients.length }}
              />
            </label>
            {action.errors.confirm && <p className="field__error">{action.errors.confirm}</p>}
            <button type="submit" className="button button--danger" disabled={purge.isPending}>
              <FormattedMessage id="export.purge.run" defaultMessage="Remove {count, plural, one {# record} other {# records}}" values={{ count: preview.patients.length }} />
            </button>
          </>
        )}
      </form>
    </section>
  );
}
