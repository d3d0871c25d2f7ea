import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ConsentKind } from '../../shared/contract/consent';
import type { Locale } from '../../shared/contract/settings';
import type { TodayRow } from '../../shared/contract/today';
import { useRead } from '../ipc/hooks';
import { HandOverDialog as TurnTheScreen } from '../ui/HandOverDialog';
import { kindOrder } from '../consent/words';

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
  const [screening, setScreening] = useState(missing(row, 'arrival_screening'));
  const [intake, setIntake] = useState(missing(row, 'intake'));
  const needed = kindOrder.filter((k) => a.consentForms.includes(k) && status.data?.items.find((i) => i.kind === k)?.state !== 'on_file');
  const [unticked, setUnticked] = useState<ConsentKind[]>([]);
  const kinds = needed.filter((k) => !unticked.includes(k));
  return (
    <TurnTheScreen
      title={intl.formatMessage({ id: 'today.handOver.title', defaultMessage: 'On the patient’s screen: {name}' }, { name: a.patientName })}
      language={intl.formatMessage({ id: 'today.handOver.language', defaultMessage: 'The patient’s language' })}
      hint={intl.formatMessage({ id: 'today.handOver.hint', defaultMessage: 'The screen shows only these steps. A staff member’s own PIN is needed to leave.' })}
      defaultLocale={defaultLocale}
      input={(locale) => ({ patientId: a.patientId, kinds, locale, intake, arrivalScreening: screening ? a.id : undefined })}
      refused={(e) => (e.fields?.kinds ? intl.formatMessage({ id: 'today.handOver.chooseOne', defaultMessage: 'Tick at least one thing for the patient to do.' }) : e.message)}
      onClose={onClose}
    >
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
    </TurnTheScreen>
  );
}
