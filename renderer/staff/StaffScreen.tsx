import { useState, type FormEvent } from 'react';
import { roles, staffContract, type Role, type StaffMember } from '../../shared/contract/staff';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Actions, Problem } from '../ui/FormEnd';
import { check, type FieldErrors } from '../ui/form';
import { ErrorSummary, useFormAction } from '../ui/formAction';

const roleLabels: Record<Role, string> = { admin: 'Admin', therapist: 'Therapist', reception: 'Reception' };
const roleHints: Record<Role, string> = {
  reception: 'patients, consent, printing',
  therapist: 'the desk, and clinical details',
  admin: 'everything: templates, settings, staff, the whole audit trail',
};
const staffChannels = ['staff.list', 'session.people'] as const;

function RoleChoice({ value, onChange, error }: { value: Role[]; onChange(v: Role[]): void; error?: string }) {
  return (
    <fieldset className={error ? 'field--invalid' : undefined}>
      <legend>Roles</legend>
      {roles.map((r) => (
        <label key={r} className="checkbox">
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {roleLabels[r]} <span className="muted">({roleHints[r]})</span>
        </label>
      ))}
      {error && <span className="field__error">{error}</span>}
    </fieldset>
  );
}

/** A PIN or password typed twice; checked with the contract's own rule before it goes to main. */
function SecretFields({ value, repeat, onChange, onRepeat, errors }: { value: string; repeat: string; onChange(v: string): void; onRepeat(v: string): void; errors: FieldErrors }) {
  return (
    <>
      <TextField label="PIN or password" name="secret" type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} error={errors.secret} hint="A PIN of 6 or more digits, or a password of 10 or more characters" />
      <TextField label="The same again" name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} error={errors.repeat} />
    </>
  );
}

function StaffDialog({ member, onClose }: { member: StaffMember | 'new'; onClose(): void }) {
  const isNew = member === 'new';
  const [form, setForm] = useState(() => (isNew ? { name: '', initials: '', roles: ['reception'] as Role[], active: true } : { name: member.name, initials: member.initials, roles: member.roles, active: member.active }));
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useFormAction();
  const errors = action.errors;
  const create = useWrite('staff.create', [...staffChannels]);
  const update = useWrite('staff.update', [...staffChannels, 'session.current']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = isNew ? { name: form.name, initials: form.initials, roles: form.roles, secret } : { id: member.id, ...form };
    const local = isNew ? check(staffContract['staff.create'].input, input) : check(staffContract['staff.update'].input, input);
    const fields: FieldErrors = local.ok ? {} : { ...local.fields };
    if (isNew && secret !== repeat) fields.repeat = 'The two entries differ';
    if (Object.keys(fields).length) return action.refuse({ message: 'Nothing was saved yet:', fields });
    const r = await action.run(() => (isNew ? create.mutateAsync({ name: form.name, initials: form.initials, roles: form.roles, secret }) : update.mutateAsync({ id: member.id, ...form })));
    if (r.ok) onClose();
  }

  return (
    <Dialog title={isNew ? 'Add a staff member' : `Edit ${member.name}`} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary {...action.summary} />
        <TextField label="Name" name="name" hint="As it should print on consent forms" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} autoFocus />
        <TextField label="Initials" name="initials" hint="2 to 4 letters, to sign in by keyboard" maxLength={4} value={form.initials} onChange={(e) => setForm({ ...form, initials: e.target.value })} error={errors.initials} />
        <RoleChoice value={form.roles} onChange={(v) => setForm({ ...form, roles: v })} error={errors.roles} />
        {isNew ? (
          <SecretFields value={secret} repeat={repeat} onChange={setSecret} onRepeat={setRepeat} errors={errors} />
        ) : (
          <label className="checkbox">
            <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
            Active (a retired person cannot sign in; their name stays on the records)
          </label>
        )}
        {errors.active && <span className="field__error">{errors.active}</span>}
        <Actions submit={isNew ? 'Add' : 'Save'} busy={create.isPending || update.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function ResetDialog({ member, onClose }: { member: StaffMember; onClose(): void }) {
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useFormAction();
  const reset = useWrite('staff.resetSecret', [...staffChannels]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = check(staffContract['staff.resetSecret'].input, { id: member.id, secret });
    const fields: FieldErrors = local.ok ? {} : { ...local.fields };
    if (secret !== repeat) fields.repeat = 'The two entries differ';
    if (Object.keys(fields).length) return action.refuse({ message: 'The PIN was not changed:', fields });
    const r = await action.run(() => reset.mutateAsync({ id: member.id, secret }));
    if (r.ok) onClose();
  }
  return (
    <Dialog title={`New PIN for ${member.name}`} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>For a forgotten PIN. It also lifts a lock after wrong attempts. Give the new PIN to {member.name} in person.</p>
        <ErrorSummary {...action.summary} />
        <SecretFields value={secret} repeat={repeat} onChange={setSecret} onRepeat={setRepeat} errors={action.errors} />
        <Actions submit="Set the new PIN" busy={reset.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function AutoLock() {
  const session = useRead('session.current', {});
  const save = useWrite('staff.setAutoLock', ['session.current']);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useFormAction();
  const value = minutes ?? String(session.data?.autoLockMinutes ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ minutes: Number(value) }));
    setSaved(r.ok ? `The screen now locks after ${r.value.autoLockMinutes} min without use.` : null);
  }
  return (
    <form onSubmit={submit} className="staff__autolock" aria-labelledby="autolock-h">
      <h2 id="autolock-h">Auto-lock</h2>
      <ErrorSummary {...action.summary} />
      <TextField label="Lock the screen after (minutes without use)" name="minutes" inputMode="numeric" value={value} onChange={(e) => setMinutes(e.target.value)} error={action.errors.minutes} hint="1 to 60. The operating system locking or sleeping locks Rapport too." />
      {saved && (
        <p className="banner banner--ok" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="button">
        Save
      </button>
    </form>
  );
}

/** The admin's staff screen: add, edit, retire, reset a PIN, and the auto-lock time. */
export function StaffScreen() {
  const list = useRead('staff.list', {});
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  return (
    <section className="staff" aria-labelledby="staff-h">
      <div className="pane__header">
        <h1 id="staff-h" className="screen-title">
          Staff
        </h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          Add a staff member
        </button>
      </div>
      <Problem message={list.error?.message} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Initials</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.staff ?? []).map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{m.initials}</td>
              <td>{m.roles.map((r) => roleLabels[r]).join(', ')}</td>
              <td>{!m.active ? 'Retired' : m.lockedUntil ? `Locked until ${new Date(m.lockedUntil).toLocaleTimeString()}` : 'Active'}</td>
              <td className="actions">
                <button type="button" className="button button--small" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                  Edit
                </button>
                {m.active && (
                  <button type="button" className="button button--small" onClick={() => setResetting(m)} aria-label={`New PIN for ${m.name}`}>
                    New PIN
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AutoLock />
      {editing && <StaffDialog member={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetDialog member={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}
