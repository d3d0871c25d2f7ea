import { useIntl } from 'react-intl';
import { useRead } from '../ipc/hooks';
import { dayIn } from '../../shared/time';

/**
 * The day of an instant as the desk reads it: in the clinic's time zone (a visit at
 * 17:30 in Vancouver is that day, not the next as UTC has it), written in the desk's
 * language ("Nov 30, 2026", "30 nov. 2026"). Intl itself, not intl.formatDate: a time
 * zone this computer does not know must stop the screen with the failure screen, not
 * print a raw date string (react-intl reports the error and carries on).
 */
export function useDay(): (instant: string) => string {
  const intl = useIntl();
  const clinic = useRead('settings.get', {});
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  return (instant) => new Intl.DateTimeFormat(intl.locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(instant));
}

/**
 * The clinic's calendar day of an instant as YYYY-MM-DD, where a screen writes days that
 * way beside clinic days (a plan's "Given" day, a follow-up's due day). Not the instant's
 * first ten characters: those are the UTC day, the next day for a Toronto evening.
 */
export function useClinicDate(): (instant: string) => string {
  const clinic = useRead('settings.get', {});
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  return (instant) => dayIn(timeZone, instant);
}

/** Today as the clinic counts it (YYYY-MM-DD), for ages: in a Vancouver evening, UTC is already on tomorrow. */
export function useClinicToday(): string {
  return useClinicDate()(new Date().toISOString());
}
