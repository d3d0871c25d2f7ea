import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQueryClient } from '@tanstack/react-query';
import { staffContract } from '../../shared/contract/staff';
import { locales } from '../../shared/contract/settings';
import { useWrite } from '../ipc/hooks';
import { SelectField, TextField } from '../ui/Field';
import { check, type FieldErrors } from '../ui/form';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { staffWords } from './words';

const timeZones = Intl.supportedValuesOf('timeZone');
const localeLabels: Record<(typeof locales)[number], string> = { 'en-CA': 'English (Canada)', 'fr-CA': 'Français (Canada)' };

/**
 * The first time Rapport opens: the clinic's name and the first admin, who can then add
 * everyone else (issue 7, item 17). The rest of the clinic profile waits in Settings.
 */
export function FirstRun() {
  const client = useQueryClient();
  const intl = useIntl();
  const create = useWrite('setup.createFirstAdmin', []);
  const [clinic, setClinic] = useState({ name: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: 'en-CA' as (typeof locales)[number] });
  const [admin, setAdmin] = useState({ name: '', initials: '', secret: '' });
  const [repeat, setRepeat] = useState('');
  const action = useFormAction();
  const errors = action.errors;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      clinic: { ...clinic, addressLine1: '', addressLine2: '', city: '', region: '', postalCode: '', phone: '', email: '' },
      admin,
    };
    const local = check(staffContract['setup.createFirstAdmin'].input, input);
    const fields: FieldErrors = local.ok ? {} : { ...local.fields };
    if (admin.secret !== repeat) fields.repeat = intl.formatMessage({ id: 'staff.firstRun.repeatDiffers', defaultMessage: 'The two entries differ: type the same PIN twice' });
    if (Object.keys(fields).length) return action.refuse({ message: intl.formatMessage({ id: 'staff.firstRun.notSetUp', defaultMessage: 'The clinic was not set up yet:' }), fields });
    const r = await action.run(() => create.mutateAsync(input));
    if (r.ok) await client.invalidateQueries();
  }

  return (
    <main className="gate" aria-labelledby="first-run-h">
      <form className="gate__card" onSubmit={submit} noValidate>
        <h1 id="first-run-h">
          <FormattedMessage id="staff.firstRun.title" defaultMessage="Welcome to Rapport" />
        </h1>
        <p>
          <FormattedMessage id="staff.firstRun.intro" defaultMessage="Set up the clinic and the first admin. The admin then adds everyone else in Staff." />
        </p>
        <ErrorSummary {...action.summary} />
        <fieldset>
          <legend>
            <FormattedMessage id="staff.firstRun.clinic" defaultMessage="The clinic" />
          </legend>
          <TextField label={intl.formatMessage({ id: 'staff.firstRun.clinicName', defaultMessage: 'Clinic name' })} name="clinic.name" required value={clinic.name} onChange={(e) => setClinic({ ...clinic, name: e.target.value })} error={errors['clinic.name']} autoFocus />
          <SelectField label={intl.formatMessage({ id: 'staff.firstRun.timeZone', defaultMessage: 'Time zone' })} name="clinic.timeZone" value={clinic.timeZone} onChange={(e) => setClinic({ ...clinic, timeZone: e.target.value })} options={timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))} error={errors['clinic.timeZone']} />
          <SelectField label={intl.formatMessage({ id: 'staff.firstRun.locale', defaultMessage: 'Language of the desk and the forms' })} value={clinic.locale} onChange={(e) => setClinic({ ...clinic, locale: e.target.value as (typeof locales)[number] })} options={locales.map((l) => ({ value: l, label: localeLabels[l] }))} />
        </fieldset>
        <fieldset>
          <legend>
            <FormattedMessage id="staff.firstRun.admin" defaultMessage="The first admin" />
          </legend>
          <TextField label={intl.formatMessage({ id: 'staff.firstRun.name', defaultMessage: 'Your name' })} name="admin.name" required hint={intl.formatMessage(staffWords.nameHint)} value={admin.name} onChange={(e) => setAdmin({ ...admin, name: e.target.value })} error={errors['admin.name']} />
          <TextField label={intl.formatMessage({ id: 'staff.firstRun.initials', defaultMessage: 'Your initials' })} name="admin.initials" required hint={intl.formatMessage(staffWords.initialsHint)} maxLength={4} value={admin.initials} onChange={(e) => setAdmin({ ...admin, initials: e.target.value })} error={errors['admin.initials']} />
          <TextField label={intl.formatMessage({ id: 'staff.firstRun.secret', defaultMessage: 'Your PIN or password' })} name="admin.secret" required type="password" autoComplete="new-password" hint={intl.formatMessage(staffWords.secretHint)} value={admin.secret} onChange={(e) => setAdmin({ ...admin, secret: e.target.value })} error={errors['admin.secret']} />
          <TextField label={intl.formatMessage(staffWords.repeat)} name="repeat" required type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.repeat} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            <FormattedMessage id="staff.firstRun.create" defaultMessage="Create the clinic and sign in" />
          </button>
        </div>
      </form>
    </main>
  );
}
