import { useIntl } from 'react-intl';
import { useRead } from '../ipc/hooks';

/**
 * The day of an instant as the desk reads it: in the clinic's time zone (a visit at
 * 17:30 in Vancouver is that day, not the next as UTC has it), written in the desk's
 * language ("Nov 30, 2026", "30 nov. 2026").
 */
export function useDay(): (instant: string) => string {
  const intl = useIntl();
  const clinic = useRead('settings.get', {});
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  return (instant) => intl.formatDate(instant, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
}
