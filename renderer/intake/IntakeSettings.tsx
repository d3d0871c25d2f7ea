import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useRead, useWrite } from '../ipc/hooks';
import { TextField } from '../ui/Field';
import { ErrorSummary, useFormAction } from '../ui/formAction';
import { typedNumber } from '../ui/form';
import { useEdits } from '../app/leave';
import { Done } from '../ui/FormEnd';

/** The clinic's review period: a health history not confirmed for this long shows as due for review. */
function ReviewForm({ initial }: { initial: number }) {
  const intl = useIntl();
  const [months, setMonths] = useState(String(initial));
  const edits = useEdits();
  const action = useFormAction();
  const update = useWrite('intake.updatePolicy');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await action.run(() => update.mutateAsync({ reviewMonths: typedNumber(months) }));
    edits.settle(r.ok);
  }
  return (
    <form onSubmit={submit} onInput={edits.onInput} noValidate aria-labelledby="intake-policy-h">
      <h2 id="intake-policy-h">
        <FormattedMessage id="intake.section.title" defaultMessage="Health history" />
      </h2>
      <ErrorSummary {...action.summary} />
      <TextField
        label={intl.formatMessage({ id: 'intake.settings.reviewMonths', defaultMessage: 'Due for review after (months)' })}
        name="reviewMonths"
        inputMode="numeric"
        value={months}
        onChange={(e) => setMonths(e.target.value)}
        error={action.errors.reviewMonths}
        hint={intl.formatMessage({ id: 'intake.settings.reviewHint', defaultMessage: 'Counted from when it was last filled in or confirmed unchanged' })}
      />
      <Done>{edits.saved && <FormattedMessage id="intake.settings.saved" defaultMessage="Review period saved." />}</Done>
      <button type="submit" className="button button--primary">
        <FormattedMessage id="intake.settings.save" defaultMessage="Save review period" />
      </button>
    </form>
  );
}

export function IntakeSettings() {
  const policy = useRead('intake.policy', {});
  if (!policy.data) return null;
  return (
    <section className="settings__consent">
      <ReviewForm initial={policy.data.reviewMonths} />
    </section>
  );
}
