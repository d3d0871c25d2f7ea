import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { ConsentKind } from '../../shared/contract/consent';
import type { Locale } from '../../shared/contract/settings';
import type { TodayRow } from '../../shared/contract/today';
import { useRead, useWrite } from '../ipc/hooks';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/Field';
import { Actions, Problem } from '../ui/FormEnd';
import { kindOrder, localeLabels } from '../consent/words';

const localeOptions = Object.entries(localeLabels).map(([value, label]) => ({ value, label }));
const missing = (row: TodayRow, step: string) => row.steps.some((s) => s.step === step && s.state === 'missing');

/**
 * The arrival in one hand-over: the screen turned to the patient for what this visit
 * still needs from them, in their language: the arrival screening, the health history,
 * then the consents the visit needs and that are not on file. Ticked from the row.
 */
export function HandOverDialog({ row, defaultLocale, onClose }: { row: TodayRow; defaultLocale: Locale; onClose(): void }) {
  const intl = useIntl();
  const a = row.appointment;
  const status = useRead('consent.status', { patientId: a.patientId });
  const enter = useWrite('patientMode.enter');
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [screening, setScreening] = useState(missing(row, 'arrival_screening'));
  const [intake, setIntake] = useState(missing(row, 'intake'));
  const needed = kindOrder.filter((k) => a.consentForms.includes(k) && status.data?.items.find((i) => i.kind === k)?.state !== 'on_file');
  const [unticked, setUnticked] = useState<ConsentKind[]>([]);
  const kinds = needed.filter((k) => !unticked.includes(k));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await enter.mutateAsync({ patientId: a.patientId, kinds, locale, intake, arrivalScreening: screening ? a.id : undefined });
    if (r.ok) onClose();
    else setError(r.error.fields?.kinds ? intl.formatMessage({ id: 'today.handOver.chooseOne', defaultMessage: 'Tick at least one thing for the patient to do.' }) : r.error.message);
  }

  const title = intl.formatMessage({ id: 'today.handOver.title', defaultMessage: 'On the patient’s screen: {name}' }, { name: a.patientName });
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{intl.formatMessage({ id: 'today.handOver.what', defaultMessage: 'The patient does, in this order' })}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={screening} onChange={(e) => setScreening(e.target.checked)} />
            {intl.formatMessage({ id: 'today.handOver.screening', defaultMessage: 'Arrival screening' })}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={intake} onChange={(e) => setIntake(e.target.checked)} />
            {intl.formatMessage({ id: 'today.handOver.intake', defaultMessage: 'Health history' })}
          </label>
          {needed.map((k) => (
            <label key={k} className="checkbox">
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setUnticked(e.target.checked ? unticked.filter((x) => x !== k) : [...unticked, k])} />
              {status.data?.items.find((i) => i.kind === k)?.name ?? k}
            </label>
          ))}
        </fieldset>
        <SelectField label={intl.formatMessage({ id: 'today.handOver.language', defaultMessage: 'The patient’s language' })} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
        <p className="pane__hint">{intl.formatMessage({ id: 'today.handOver.hint', defaultMessage: 'The screen shows only these steps. A staff member’s own PIN is needed to leave.' })}</p>
        <Problem message={error} />
        <Actions
          submit={intl.formatMessage({ id: 'today.handOver.submit', defaultMessage: 'Hand the screen to the patient' })}
          cancel={intl.formatMessage({ id: 'today.handOver.cancel', defaultMessage: 'Cancel' })}
          busy={enter.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
