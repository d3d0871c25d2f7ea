import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ConsentPolicy } from '../../shared/contract/settings';
import { useRead, useWrite } from '../ipc/hooks';
import { SelectField, TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { typedNumber } from '../ui/form';
import { useEdits } from '../app/leave';
import { Done } from '../ui/FormEnd';

function PolicyForm({ initial }: { initial: ConsentPolicy }) {
  const [policy, setPolicy] = useState(initial);
  const [months, setMonths] = useState(String(initial.renewalMonths));
  const action = useFormAction();
  const errors = action.errors;
  const edits = useEdits();
  const intl = useIntl();
  const update = useWrite('settings.updateConsentPolicy');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => update.mutateAsync({ ...policy, renewalMonths: typedNumber(months) }));
    edits.settle(r.ok);
  }
  return (
    <form onSubmit={submit} onInput={edits.onInput} noValidate aria-labelledby="policy-h">
      <h2 id="policy-h">
        <FormattedMessage id="settings.policy.title" defaultMessage="Consent rules" />
      </h2>
      <ErrorSummary {...action.summary} />
      <div className="grid grid--2">
        <SelectField
          label={intl.formatMessage({ id: 'settings.policy.sensitive', defaultMessage: 'Written consent for sensitive areas' })}
          value={policy.sensitiveAreaFrequency}
          onChange={(e) => setPolicy({ ...policy, sensitiveAreaFrequency: e.target.value as ConsentPolicy['sensitiveAreaFrequency'] })}
          options={[
            { value: 'every_visit', label: intl.formatMessage({ id: 'settings.policy.everyVisit', defaultMessage: 'At every visit (Ontario)' }) },
            { value: 'once', label: intl.formatMessage({ id: 'settings.policy.once', defaultMessage: 'Once, with spoken consent at each visit' }) },
          ]}
          name="sensitiveAreaFrequency"
          error={errors.sensitiveAreaFrequency}
        />
        <TextField label={intl.formatMessage({ id: 'settings.policy.months', defaultMessage: 'Consents stay valid for (months)' })} name="renewalMonths" inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} error={errors.renewalMonths} hint={intl.formatMessage({ id: 'settings.policy.monthsHint', defaultMessage: '0 means until withdrawn' })} />
      </div>
      <Done>{edits.saved && <FormattedMessage id="settings.policy.saved" defaultMessage="Consent rules saved." />}</Done>
      <button type="submit" className="button button--primary">
        <FormattedMessage id="settings.policy.save" defaultMessage="Save consent rules" />
      </button>
    </form>
  );
}


export function ConsentSettings() {
  const policy = useRead('settings.consentPolicy', {});
  if (!policy.data) return null;
  return (
    <section className="settings__consent">
      <PolicyForm initial={policy.data} />
    </section>
  );
}
