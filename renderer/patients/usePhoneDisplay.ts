import { formatPhone, phoneStyleFor } from '../../shared/text/phone';
import { useRead } from '../ipc/hooks';

/** Phone numbers as this clinic's desk reads them; the record keeps what was typed. */
export function usePhoneDisplay(): (typed: string) => string {
  const clinic = useRead('settings.get', {});
  const style = phoneStyleFor({ timeZone: clinic.data?.timeZone ?? '' });
  return (typed) => formatPhone(typed, style);
}
