import { useState, type FormEvent } from 'react';
import type { ConsentPolicy } from '../../shared/contract/settings';
import { useRead, useWrite } from '../ipc/hooks';
import { SelectField, TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';

function PolicyForm({ initial }: { initial: ConsentPolicy }) {
  const [policy, setPolicy] = useState(initial);
  const [months, setMonths] = useState(String(initial.renewalMonths));
  const action = useFormAction();
  const errors = action.errors;
  const [saved, setSaved] = useState(false);
  const update = useWrite('settings.updateConsentPolicy');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await action.run(() => update.mutateAsync({ ...policy, renewalMonths: months.trim() === '' ? Number.NaN : Number(months) }));
    setSaved(r.ok);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="policy-h">
      <h2 id="policy-h">Consent rules</h2>
      <ErrorSummary {...action.summary} />
      <div className="grid grid--2">
        <SelectField
          label="Written consent for sensitive areas"
          value={policy.sensitiveAreaFrequency}
          onChange={(e) => setPolicy({ ...policy, sensitiveAreaFrequency: e.target.value as ConsentPolicy['sensitiveAreaFrequency'] })}
          options={[
            { value: 'every_visit', label: 'At every visit (Ontario)' },
            { value: 'once', label: 'Once, with spoken consent at each visit' },
          ]}
          name="sensitiveAreaFrequency"
          error={errors.sensitiveAreaFrequency}
        />
        <TextField label="Consents stay valid for (months)" name="renewalMonths" inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} error={errors.renewalMonths} hint="0 means until withdrawn" />
      </div>
      {saved && (
        <p className="banner banner--ok" role="status">
          Consent rules saved.
        </p>
      )}
      <button type="submit" className="button button--primary">
        Save consent rules
      </button>
    </form>
  );
}

function PinForm({ pinSet }: { pinSet: boolean }) {
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const action = useFormAction();
  const errors = action.errors;
  const [saved, setSaved] = useState(false);
  const setStaffPin = useWrite('settings.setStaffPin');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    // A mistyped PIN would lock the desk out of patient mode: type it twice.
    if (pin !== confirm) return action.refuse({ message: 'The PIN was not saved:', fields: { confirm: 'The two PINs are not the same' } });
    const r = await action.run(() => setStaffPin.mutateAsync({ pin, currentPin: pinSet ? currentPin : undefined }));
    setSaved(r.ok);
    if (r.ok) {
      setPin('');
      setConfirm('');
      setCurrentPin('');
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="pin-h">
      <h2 id="pin-h">Staff PIN for patient mode</h2>
      <p className="pane__hint">Patients sign on this screen in patient mode; only this PIN leaves it. {pinSet ? 'A PIN is set.' : 'No PIN is set yet.'}</p>
      <ErrorSummary {...action.summary} />
      <div className="grid grid--2">
        {pinSet && <TextField label="Current PIN" type="password" name="currentPin" inputMode="numeric" autoComplete="off" value={currentPin} onChange={(e) => setCurrentPin(e.target.value)} error={errors.currentPin} />}
        <TextField label={pinSet ? 'New PIN' : 'PIN'} type="password" name="pin" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={errors.pin} hint="4 to 8 digits" />
        <TextField label={pinSet ? 'New PIN again' : 'PIN again'} type="password" name="confirm" inputMode="numeric" autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
      </div>
      {saved && (
        <p className="banner banner--ok" role="status">
          Staff PIN saved.
        </p>
      )}
      <button type="submit" className="button button--primary">
        {pinSet ? 'Change PIN' : 'Set PIN'}
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
      <PinForm pinSet={policy.data.staffPinSet} />
    </section>
  );
}
