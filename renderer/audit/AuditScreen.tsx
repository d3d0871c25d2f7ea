import { useState, type FormEvent } from 'react';
import type { AuditFilter } from '../../shared/contract/audit';
import type { SessionState } from '../../shared/contract/staff';
import { useRead, useWrite } from '../ipc/hooks';
import { call } from '../ipc/client';
import { SelectField, TextField } from '../ui/Field';
import { Problem } from '../ui/FormEnd';

type User = NonNullable<SessionState['user']>;
const problems = { altered: 'was changed', missing: 'is missing', unlinked: 'was slipped in, or the one before it replaced' } as const;

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
  const r = status.data?.startup;
  if (!r || r.ok || !r.firstBroken) return null;
  return (
    <p className="banner banner--error" role="alert">
      The audit trail check at start-up found entry {r.firstBroken.seq} {problems[r.firstBroken.problem]}. Entries before it are intact. Keep a copy of the data folder and tell whoever looks after this PC.
    </p>
  );
}

function Verify() {
  const verify = useWrite('audit.verify', ['audit.status']);
  const startup = verify.data?.ok ? verify.data.value.startup : null;
  const full = verify.data?.ok ? verify.data.value.full : null;
  const say = (r: NonNullable<typeof full>, what: string) =>
    r.ok ? `${what}: ${r.checked.toLocaleString()} entries checked, every link in place.` : `${what}: entry ${r.firstBroken!.seq} ${problems[r.firstBroken!.problem]}. Entries before it are intact.`;
  return (
    <div className="audit__verify">
      <button type="button" className="button" onClick={() => verify.mutate({})} disabled={verify.isPending}>
        Check the whole trail
      </button>
      {full && (
        <p className={`banner ${full.ok ? 'banner--ok' : 'banner--error'}`} role={full.ok ? 'status' : 'alert'}>
          {say(full, 'The whole trail')}
          {startup && !startup.ok ? ` At start-up: ${say(startup, 'the newest entries').replace(/^the newest entries: /, '')}` : ''}
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
    setMessage(`Exported ${r.value.rows} entries to ${r.value.fileName}.`);
  }
  const bind = (key: keyof AuditFilter) => ({ value: draft[key] ?? '', onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });
  const errors = list.error && 'error' in list.error ? ((list.error as { error: { fields?: Record<string, string> } }).error.fields ?? {}) : {};

  return (
    <section className="audit" aria-labelledby="audit-h">
      <h1 id="audit-h" className="screen-title">
        Audit trail
      </h1>
      {!admin && <p className="pane__hint">Your own entries. An admin sees everyone’s.</p>}
      <form className="audit__filters" onSubmit={apply} aria-label="Filter the audit trail">
        {admin && (
          <SelectField
            label="Person"
            {...bind('staffId')}
            options={[{ value: '', label: 'Everyone' }, ...(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (retired)` }))]}
          />
        )}
        <TextField label="Patient record id" {...bind('patientId')} error={errors.patientId} autoComplete="off" />
        <TextField label="Action starts with" {...bind('action')} placeholder="consent." />
        <TextField label="From" type="date" {...bind('from')} error={errors.from} />
        <TextField label="To" type="date" {...bind('to')} error={errors.to} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            Show
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            Export CSV
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
      <table className="table audit__table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.entries ?? []).map((e) => (
            <tr key={e.seq}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actorName ?? '—'}</td>
              <td>{e.action}</td>
              <td>
                {e.entity} <span className="muted">{e.entityId.slice(0, 8)}</span>
              </td>
              <td className="muted">{e.detail === '{}' ? '' : e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.entries.length === 0 && <p className="muted">No entries match.</p>}
    </section>
  );
}
