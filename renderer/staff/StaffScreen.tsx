import { useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { roles, staffContract, type Role, type StaffMember } from '../../shared/contract/staff';
import { useRead, useWrite } from '../ipc/hooks';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Actions, Done, Problem } from '../ui/FormEnd';
import { check, type FieldErrors } from '../ui/form';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { roleHints, roleLabels, staffWords } from './words';

const staffChannels = ['staff.list', 'session.people'] as const;
/** Typed as plain descriptors: react-intl's own typing of defineMessages refuses values for placeholders. */
const words: Record<'add' | 'edit' | 'newPinFor' | 'name' | 'initials' | 'cancel', MessageDescriptor> = defineMessages({
  add: { id: 'staff.screen.add', defaultMessage: 'Add a staff member' },
  edit: { id: 'staff.screen.edit', defaultMessage: 'Edit {name}' },
  newPinFor: { id: 'staff.screen.newPinFor', defaultMessage: 'New PIN for {name}' },
  name: { id: 'staff.screen.name', defaultMessage: 'Name' },
  initials: { id: 'staff.screen.initials', defaultMessage: 'Initials' },
  cancel: { id: 'staff.screen.cancel', defaultMessage: 'Cancel' },
});

function RoleChoice({ value, onChange, error }: { value: Role[]; onChange(v: Role[]): void; error?: string }) {
  const intl = useIntl();
  return (
    <fieldset className={error ? 'field--invalid' : undefined}>
      <legend>
        <FormattedMessage id="staff.screen.roles" defaultMessage="Roles" />
      </legend>
      {roles.map((r) => (
        <label key={r} className="checkbox">
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {intl.formatMessage(roleLabels[r])} <span className="muted">({intl.formatMessage(roleHints[r])})</span>
        </label>
      ))}
      {error && <span className="field__error">{error}</span>}
    </fieldset>
  );
}

/** A PIN or password typed twice; checked with the contract's own rule before it goes to main. */
function SecretFields({ value, repeat, onChange, onRepeat, errors }: { value: string; repeat: string; onChange(v: string): void; onRepeat(v: string): void; errors: FieldErrors }) {
  const intl = useIntl();
  return (
    <>
      <TextField label={intl.formatMessage({ id: 'staff.screen.secret', defaultMessage: 'PIN or password' })} name="secret" type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} error={errors.secret} hint={intl.formatMessage(staffWords.secretHint)} />
      <TextField label={intl.formatMessage(staffWords.repeat)} name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} error={errors.repeat} />
    </>
  );
}

function StaffDialog({ member, onClose }: { member: StaffMember | 'new'; onClose(): void }) {
  const isNew = member === 'new';
  const intl = useIntl();
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
    if (isNew && secret !== repeat) fields.repeat = intl.formatMessage(staffWords.differ);
    if (Object.keys(fields).length) return action.refuse({ message: intl.formatMessage({ id: 'staff.screen.notSaved', defaultMessage: 'Nothing was saved yet:' }), fields });
    const r = await action.run(() => (isNew ? create.mutateAsync({ name: form.name, initials: form.initials, roles: form.roles, secret }) : update.mutateAsync({ id: member.id, ...form })));
    if (r.ok) onClose();
  }

  return (
    <Dialog title={isNew ? intl.formatMessage(words.add) : intl.formatMessage(words.edit, { name: member.name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary {...action.summary} />
        <TextField label={intl.formatMessage(words.name)} name="name" hint={intl.formatMessage(staffWords.nameHint)} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} autoFocus />
        <TextField label={intl.formatMessage(words.initials)} name="initials" hint={intl.formatMessage(staffWords.initialsHint)} maxLength={4} value={form.initials} onChange={(e) => setForm({ ...form, initials: e.target.value })} error={errors.initials} />
        <RoleChoice value={form.roles} onChange={(v) => setForm({ ...form, roles: v })} error={errors.roles} />
        {isNew ? (
          <SecretFields value={secret} repeat={repeat} onChange={setSecret} onRepeat={setRepeat} errors={errors} />
        ) : (
          <label className="checkbox">
            <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
            <FormattedMessage id="staff.screen.activeChoice" defaultMessage="Active (a retired person cannot sign in; their name stays on the records)" />
          </label>
        )}
        {errors.active && <span className="field__error">{errors.active}</span>}
        <Actions
          submit={isNew ? <FormattedMessage id="staff.screen.addSubmit" defaultMessage="Add" /> : <FormattedMessage id="staff.screen.save" defaultMessage="Save" />}
          cancel={intl.formatMessage(words.cancel)}
          busy={create.isPending || update.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function ResetDialog({ member, onClose }: { member: StaffMember; onClose(): void }) {
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const intl = useIntl();
  const action = useFormAction();
  const reset = useWrite('staff.resetSecret', [...staffChannels]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = check(staffContract['staff.resetSecret'].input, { id: member.id, secret });
    const fields: FieldErrors = local.ok ? {} : { ...local.fields };
    if (secret !== repeat) fields.repeat = intl.formatMessage(staffWords.differ);
    if (Object.keys(fields).length) return action.refuse({ message: intl.formatMessage({ id: 'staff.reset.notChanged', defaultMessage: 'The PIN was not changed:' }), fields });
    const r = await action.run(() => reset.mutateAsync({ id: member.id, secret }));
    if (r.ok) onClose();
  }
  return (
    <Dialog title={intl.formatMessage(words.newPinFor, { name: member.name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          <FormattedMessage id="staff.reset.intro" defaultMessage="For a forgotten PIN. It also lifts a lock after wrong attempts. Give the new PIN to {name} in person." values={{ name: member.name }} />
        </p>
        <ErrorSummary {...action.summary} />
        <SecretFields value={secret} repeat={repeat} onChange={setSecret} onRepeat={setRepeat} errors={action.errors} />
        <Actions submit={<FormattedMessage id="staff.reset.submit" defaultMessage="Set the new PIN" />} cancel={intl.formatMessage(words.cancel)} busy={reset.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function AutoLock() {
  const session = useRead('session.current', {});
  const intl = useIntl();
  const save = useWrite('staff.setAutoLock', ['session.current']);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useFormAction();
  const value = minutes ?? String(session.data?.autoLockMinutes ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => save.mutateAsync({ minutes: Number(value) }));
    setSaved(r.ok ? intl.formatMessage({ id: 'staff.autoLock.saved', defaultMessage: 'The screen now locks after {minutes} min without use.' }, { minutes: r.value.autoLockMinutes }) : null);
  }
  return (
    <form onSubmit={submit} className="staff__autolock" aria-labelledby="autolock-h">
      <h2 id="autolock-h">
        <FormattedMessage id="staff.autoLock.title" defaultMessage="Auto-lock" />
      </h2>
      <ErrorSummary {...action.summary} />
      <TextField label={intl.formatMessage({ id: 'staff.autoLock.minutes', defaultMessage: 'Lock the screen after (minutes without use)' })} name="minutes" inputMode="numeric" value={value} onChange={(e) => setMinutes(e.target.value)} error={action.errors.minutes} hint={intl.formatMessage({ id: 'staff.autoLock.hint', defaultMessage: '1 to 60. The operating system locking or sleeping locks Rapport too.' })} />
      <Done>{saved}</Done>
      <button type="submit" className="button">
        <FormattedMessage id="staff.screen.save" defaultMessage="Save" />
      </button>
    </form>
  );
}

function Status({ member: m }: { member: StaffMember }) {
  const intl = useIntl();
  if (!m.active) return <FormattedMessage id="staff.screen.retired" defaultMessage="Retired" />;
  if (m.lockedUntil) return <FormattedMessage id="staff.screen.lockedUntil" defaultMessage="Locked until {time}" values={{ time: intl.formatTime(m.lockedUntil) }} />;
  return <FormattedMessage id="staff.screen.active" defaultMessage="Active" />;
}

/** The admin's staff screen: add, edit, retire, reset a PIN, and the auto-lock time. */
export function StaffScreen() {
  const list = useRead('staff.list', {});
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const intl = useIntl();
  return (
    <section className="staff" aria-labelledby="staff-h">
      <div className="pane__header">
        <h1 id="staff-h" className="screen-title">
          <FormattedMessage id="staff.screen.title" defaultMessage="Staff" />
        </h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {intl.formatMessage(words.add)}
        </button>
      </div>
      <Problem message={list.error?.message} />
      <DataTable
        caption={<FormattedMessage id="staff.screen.caption" defaultMessage="Staff members, active and retired" />}
        columns={[
          { header: intl.formatMessage(words.name), cell: (m) => m.name },
          { header: intl.formatMessage(words.initials), cell: (m) => m.initials },
          { header: <FormattedMessage id="staff.screen.roles" defaultMessage="Roles" />, cell: (m) => intl.formatList(m.roles.map((r) => intl.formatMessage(roleLabels[r]))) },
          { header: <FormattedMessage id="staff.screen.status" defaultMessage="Status" />, cell: (m) => <Status member={m} /> },
        ]}
        rows={list.data?.staff}
        rowKey={(m) => m.id}
        actions={(m) => (
          <>
            <button type="button" className="button button--small" onClick={() => setEditing(m)} aria-label={intl.formatMessage(words.edit, { name: m.name })}>
              <FormattedMessage id="staff.screen.editShort" defaultMessage="Edit" />
            </button>
            {m.active && (
              <button type="button" className="button button--small" onClick={() => setResetting(m)} aria-label={intl.formatMessage(words.newPinFor, { name: m.name })}>
                <FormattedMessage id="staff.screen.newPinShort" defaultMessage="New PIN" />
              </button>
            )}
          </>
        )}
      />
      <AutoLock />
      {editing && <StaffDialog member={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetDialog member={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}
