import { useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { AuditFilter } from '../../shared/contract/audit';
import type { SessionState } from '../../shared/contract/staff';
import { useRead, useWrite } from '../ipc/hooks';
import { call } from '../ipc/client';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';

type User = NonNullable<SessionState['user']>;
type Check = { ok: boolean; checked: number; firstBroken?: { seq: number; problem: 'altered' | 'missing' | 'unlinked' } | null };
/** What a broken link is, as a clause the sentences below put in. */
const problems: Record<'altered' | 'missing' | 'unlinked', MessageDescriptor> = defineMessages({
  altered: { id: 'audit.problem.altered', defaultMessage: 'entry {seq} was changed' },
  missing: { id: 'audit.problem.missing', defaultMessage: 'entry {seq} is missing' },
  unlinked: { id: 'audit.problem.unlinked', defaultMessage: 'entry {seq} was slipped in, or the one before it replaced' },
});
const broken = (intl: IntlShape, r: Check) => intl.formatMessage(problems[r.firstBroken!.problem], { seq: r.firstBroken!.seq });

/** Saves text as a file through the browser's own download: nothing leaves the PC. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Loud when the start-up check found a break: the admin must know before anything else. */
export function ChainAlarm() {
  const status = useRead('audit.status', {});
  const intl = useIntl();
  const r = status.data?.startup;
  if (!r || r.ok || !r.firstBroken) return null;
  return (
    <p className="banner banner--error" role="alert">
      <FormattedMessage
        id="audit.alarm"
        defaultMessage="The audit trail check at start-up found that {problem}. Entries before it are intact. Keep a copy of the data folder and tell whoever looks after this PC."
        values={{ problem: broken(intl, r) }}
      />
    </p>
  );
}

function Verify() {
  const verify = useWrite('audit.verify', ['audit.status']);
  const startup = verify.data?.ok ? verify.data.value.startup : null;
  const full = verify.data?.ok ? verify.data.value.full : null;
  const intl = useIntl();
  return (
    <div className="audit__verify">
      <button type="button" className="button" onClick={() => verify.mutate({})} disabled={verify.isPending}>
        <FormattedMessage id="audit.verify" defaultMessage="Check the whole trail" />
      </button>
      {full && (
        <p className={`banner ${full.ok ? 'banner--ok' : 'banner--error'}`} role={full.ok ? 'status' : 'alert'}>
          {full.ok ? (
            <FormattedMessage id="audit.verify.ok" defaultMessage="The whole trail: {count, plural, one {# entry} other {# entries}} checked, every link in place." values={{ count: full.checked }} />
          ) : (
            <FormattedMessage id="audit.verify.broken" defaultMessage="The whole trail: {problem}. Entries before it are intact." values={{ problem: broken(intl, full) }} />
          )}
          {startup && !startup.ok && (
            <>
              {' '}
              <FormattedMessage id="audit.verify.startup" defaultMessage="At start-up: {problem}." values={{ problem: broken(intl, startup) }} />
            </>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The audit trail: who did what, when, to which record. Admins see everyone's entries
 * and can check the chain; everyone else sees their own (main filters, not the screen).
 */
export function AuditScreen({ user }: { user: User }) {
  const admin = user.roles.includes('admin');
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [message, setMessage] = useState<string | null>(null);
  const intl = useIntl();
  const staff = useRead('staff.list', {}, { enabled: admin });
  const list = useRead('audit.list', { ...filter, limit: 200 }, { keepPrevious: true });
  const clean = (f: AuditFilter): AuditFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '' && v !== undefined));

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter(clean(draft));
  }
  async function exportCsv() {
    const r = await call('audit.export', clean(filter));
    if (!r.ok) return setMessage(r.error.message);
    download(r.value.fileName, r.value.csv);
    setMessage(
      intl.formatMessage(
        { id: 'audit.exported', defaultMessage: 'Exported {count, plural, one {# entry} other {# entries}} to {file}.' },
        { count: r.value.rows, file: r.value.fileName },
      ),
    );
  }
  const bind = (key: keyof AuditFilter) => ({ value: draft[key] ?? '', onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });
  const errors = list.error && 'error' in list.error ? ((list.error as { error: { fields?: Record<string, string> } }).error.fields ?? {}) : {};

  return (
    <section className="audit" aria-labelledby="audit-h">
      <h1 id="audit-h" className="screen-title">
        <FormattedMessage id="audit.title" defaultMessage="Audit trail" />
      </h1>
      {!admin && (
        <p className="pane__hint">
          <FormattedMessage id="audit.ownOnly" defaultMessage="Your own entries. An admin sees everyone’s." />
        </p>
      )}
      <form className="audit__filters" onSubmit={apply} aria-label={intl.formatMessage({ id: 'audit.filters', defaultMessage: 'Filter the audit trail' })}>
        {admin && (
          <SelectField
            label={intl.formatMessage({ id: 'audit.filter.person', defaultMessage: 'Person' })}
            {...bind('staffId')}
            options={[
              { value: '', label: intl.formatMessage({ id: 'audit.filter.everyone', defaultMessage: 'Everyone' }) },
              ...(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: s.active ? s.name : intl.formatMessage({ id: 'audit.filter.retired', defaultMessage: '{name} (retired)' }, { name: s.name }) })),
            ]}
          />
        )}
        <TextField label={intl.formatMessage({ id: 'audit.filter.patient', defaultMessage: 'Patient record id' })} {...bind('patientId')} error={errors.patientId} autoComplete="off" />
        <TextField label={intl.formatMessage({ id: 'audit.filter.action', defaultMessage: 'Action starts with' })} {...bind('action')} placeholder="consent." />
        <TextField label={intl.formatMessage({ id: 'audit.filter.from', defaultMessage: 'From' })} type="date" {...bind('from')} error={errors.from} />
        <TextField label={intl.formatMessage({ id: 'audit.filter.to', defaultMessage: 'To' })} type="date" {...bind('to')} error={errors.to} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            <FormattedMessage id="audit.filter.show" defaultMessage="Show" />
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            <FormattedMessage id="audit.export" defaultMessage="Export CSV" />
          </button>
        </div>
      </form>
      {message && (
        <p className="banner banner--info" role="status">
          {message}
        </p>
      )}
      <Problem message={list.error?.message} />
      {admin && <ChainAlarm />}
      {admin && <Verify />}
      <DataTable
        className="table audit__table"
        caption={<FormattedMessage id="audit.caption" defaultMessage="Audit trail entries, newest first" />}
        columns={[
          { header: <FormattedMessage id="audit.col.when" defaultMessage="When" />, cell: (e) => intl.formatDate(e.at, { dateStyle: 'short', timeStyle: 'medium' }) },
          { header: <FormattedMessage id="audit.col.who" defaultMessage="Who" />, cell: (e) => e.actorName ?? '—' },
          { header: <FormattedMessage id="audit.col.action" defaultMessage="Action" />, cell: (e) => e.action },
          { header: <FormattedMessage id="audit.col.record" defaultMessage="Record" />, cell: (e) => <>{e.entity} <span className="muted">{e.entityId.slice(0, 8)}</span></> },
          { header: <FormattedMessage id="audit.col.detail" defaultMessage="Detail" />, cell: (e) => (e.detail === '{}' ? '' : e.detail), className: 'muted' },
        ]}
        rows={list.data?.entries}
        rowKey={(e) => e.seq}
        empty={<FormattedMessage id="audit.none" defaultMessage="No entries match." />}
      />
    </section>
  );
}
