import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { clinicProfileInputSchema, locales, type ClinicProfile, type ClinicProfileInput } from '../../shared/contract/settings';
import { useRead, useWrite } from '../ipc/hooks';
import { FileField, SelectField, TextField } from '../ui/Field';
import { fileBase64 } from '../ui/files';
import { check, setIn } from '../ui/form';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { ConsentSettings } from './ConsentPolicyForm';
import { PurgeSection } from '../export/PurgeSection';
import { IntakeSettings } from '../intake/IntakeSettings';
import { ScheduleSettings } from '../appointments/ScheduleSettings'; // day
import { ContactLogSection } from '../appointments/ContactLogSection'; // day
import { ChecklistSettings } from '../today/ChecklistSettings';
import { RuleSettings } from '../followups/RuleSettings'; // follow-ups
import { Done, Problem } from '../ui/FormEnd';
import { useLeaveGuard } from '../app/leave';

const localeLabels: Record<(typeof locales)[number], string> = { 'en-CA': 'English (Canada)', 'fr-CA': 'Français (Canada)' };
const timeZones = Intl.supportedValuesOf('timeZone');

function toInput({ logo: _logo, ...rest }: ClinicProfile): ClinicProfileInput {
  return rest;
}

function ClinicForm({ profile }: { profile: ClinicProfile }) {
  const [saved, setSaved] = useState<ClinicProfileInput>(() => toInput(profile));
  const [form, setForm] = useState<ClinicProfileInput>(saved);
  const [status, setStatus] = useState(false);
  const intl = useIntl();
  const action = useFormAction();
  useLeaveGuard(JSON.stringify(form) !== JSON.stringify(saved));
  const update = useWrite('settings.update');
  const setLogo = useWrite('settings.setLogo');
  const removeLogo = useWrite('settings.removeLogo');
  const [logoError, setLogoError] = useState<string | undefined>();

  const bind = (key: keyof ClinicProfileInput) => ({
    name: key,
    value: form[key] ?? '',
    onChange: (e: { target: { value: string } }) => setForm(setIn(form, key, e.target.value)),
    error: action.errors[key],
  });

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setStatus(false);
    const local = check(clinicProfileInputSchema, form);
    if (!local.ok) return action.refuse({ message: intl.formatMessage({ id: 'settings.clinic.attention', defaultMessage: 'Some fields need attention:' }), fields: local.fields });
    const result = await action.run(() => update.mutateAsync(form));
    if (result.ok) {
      setSaved(form);
      setStatus(true);
    }
  }

  async function onLogo(file: File) {
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setLogoError(intl.formatMessage({ id: 'settings.logo.type', defaultMessage: 'Use a PNG or JPEG image' }));
      return;
    }
    const result = await setLogo.mutateAsync({ mimeType: file.type, dataBase64: await fileBase64(file) });
    setLogoError(result.ok ? undefined : result.error.fields?.dataBase64 ?? result.error.message);
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="clinic-h">
      <h2 id="clinic-h">
        <FormattedMessage id="settings.clinic.title" defaultMessage="Clinic profile" />
      </h2>
      <p className="pane__hint">
        <FormattedMessage id="settings.clinic.hint" defaultMessage="Printed on the letterhead of consent forms. Not patient data: kept in the application settings." />
      </p>
      <ErrorSummary {...action.summary} />
      <Done>{status && <FormattedMessage id="settings.clinic.saved" defaultMessage="Clinic profile saved." />}</Done>
      <div className="grid grid--2">
        <TextField label={intl.formatMessage({ id: 'settings.clinic.name', defaultMessage: 'Clinic name' })} required {...bind('name')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.phone', defaultMessage: 'Clinic phone' })} type="tel" {...bind('phone')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.street', defaultMessage: 'Street address' })} {...bind('addressLine1')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.suite', defaultMessage: 'Suite or unit' })} {...bind('addressLine2')} />
      </div>
      <div className="grid grid--3">
        <TextField label={intl.formatMessage({ id: 'settings.clinic.city', defaultMessage: 'City' })} {...bind('city')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.province', defaultMessage: 'Province' })} {...bind('region')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.postalCode', defaultMessage: 'Postal code' })} {...bind('postalCode')} />
        <TextField label={intl.formatMessage({ id: 'settings.clinic.email', defaultMessage: 'Clinic e-mail' })} type="email" {...bind('email')} />
        <SelectField label={intl.formatMessage({ id: 'settings.clinic.timeZone', defaultMessage: 'Time zone' })} {...bind('timeZone')} options={timeZones.map((tz) => ({ value: tz, label: tz.replace(/_/g, ' ') }))} hint={intl.formatMessage({ id: 'settings.clinic.timeZoneHint', defaultMessage: 'Dates and times on forms use this zone' })} />
        <SelectField
          label={intl.formatMessage({ id: 'settings.clinic.locale', defaultMessage: 'Language of the desk and the forms' })}
          hint={intl.formatMessage({ id: 'settings.clinic.localeHint', defaultMessage: 'The staff screens speak it; each patient’s forms follow the patient’s language' })}
          {...bind('locale')} options={locales.map((l) => ({ value: l, label: localeLabels[l] }))} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          <FormattedMessage id="settings.clinic.save" defaultMessage="Save clinic profile" />
        </button>
      </div>

      <fieldset className="logo">
        <legend>
          <FormattedMessage id="settings.logo.title" defaultMessage="Letterhead logo" />
        </legend>
        {profile.logo ? (
          <img src={profile.logo} alt={intl.formatMessage({ id: 'settings.logo.alt', defaultMessage: 'Current clinic logo' })} className="logo__preview" />
        ) : (
          <p className="detail__empty">
            <FormattedMessage id="settings.logo.none" defaultMessage="No logo yet." />
          </p>
        )}
        <FileField
          label={intl.formatMessage({ id: 'settings.logo.choose', defaultMessage: 'Choose a logo image (PNG or JPEG, up to 2 MB)' })}
          accept="image/png,image/jpeg"
          onFile={(file) => void onLogo(file)}
          error={logoError}
        />
        {profile.logo && (
          <button type="button" className="button" onClick={() => removeLogo.mutate({})}>
            <FormattedMessage id="settings.logo.remove" defaultMessage="Remove logo" />
          </button>
        )}
      </fieldset>
    </form>
  );
}

export function SettingsScreen() {
  const profile = useRead('settings.get', {});
  const info = useRead('app.info', {});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="settings">
      <h1 ref={heading} tabIndex={-1} className="screen-title">
        <FormattedMessage id="settings.title" defaultMessage="Settings" />
      </h1>
      <Problem message={profile.error?.message} />
      {profile.data && <ClinicForm profile={profile.data} />}
      <ConsentSettings />
      <PurgeSection />
      <IntakeSettings />
      <ScheduleSettings />
      <ChecklistSettings />
      <ContactLogSection />
      <RuleSettings />
      <section aria-labelledby="data-h" className="settings__data">
        <h2 id="data-h">
          <FormattedMessage id="settings.data.title" defaultMessage="Data on this computer" />
        </h2>
        {info.data && (
          <dl className="detail">
            <div className="detail__item">
              <dt>
                <FormattedMessage id="settings.data.folder" defaultMessage="Data folder" />
              </dt>
              <dd>
                <code>{info.data.dataDirectory}</code>
              </dd>
            </div>
            <div className="detail__item">
              <dt>
                <FormattedMessage id="settings.data.patients" defaultMessage="Patient records" />
              </dt>
              <dd>
                <FormattedNumber value={info.data.patientCount} />
              </dd>
            </div>
            <div className="detail__item">
              <dt>
                <FormattedMessage id="settings.data.version" defaultMessage="Rapport version" />
              </dt>
              <dd>{info.data.version}</dd>
            </div>
          </dl>
        )}
      </section>
    </div>
  );
}
