import { useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Input } from '../../shared/contract';
import type { IpcError } from '../../shared/contract/result';
import type { Locale } from '../../shared/contract/settings';
import { useWrite } from '../ipc/hooks';
import { localeOptions } from './locales';
import { Dialog } from './Dialog';
import { SelectField } from './Field';
import { Actions, Problem } from './FormEnd';

/**
 * Staff turn the screen to the patient, in the patient's language, for what `input` asks
 * (the health history, the check-in, or what the arrival still needs, chosen in `children`).
 * Main holds patient mode and asks a staff PIN to leave it; this dialog only asks to enter.
 */
export function HandOverDialog({ title, language, hint, defaultLocale, input, refused = (e) => e.message, onClose, children }: {
  title: string;
  language: string;
  hint: string;
  defaultLocale: Locale;
  input(locale: Locale): Input<'patientMode.enter'>;
  refused?(error: IpcError): string;
  onClose(): void;
  children?: ReactNode;
}) {
  const intl = useIntl();
  const enter = useWrite('patientMode.enter');
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await enter.mutateAsync(input(locale));
    if (r.ok) onClose();
    else setError(refused(r.error));
  }
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {children}
        <SelectField label={language} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} options={localeOptions} />
        <p className="pane__hint">{hint}</p>
        <Problem message={error} />
        <Actions submit={intl.formatMessage({ id: 'ui.handOver.submit', defaultMessage: 'Hand the screen to the patient' })} busy={enter.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
