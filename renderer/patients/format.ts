import type { PatientSummary } from '../../shared/contract/patients';

/** Age in whole years on `today`, from an ISO birth date. */
export function ageOn(dateOfBirth: string, today = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const real = new Date(Date.UTC(y, mo - 1, d));
  if (real.getUTCMonth() !== mo - 1 || real.getUTCDate() !== d) return null; // 1990-02-31
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

/** "1985-03-14 (40)" — the date as typed on forms here, with the age to confirm it by. */
export function birthLine(dateOfBirth: string): string {
  const age = ageOn(dateOfBirth);
  return age === null ? dateOfBirth : `${dateOfBirth} (${age})`;
}

/** "O'Brien-Müller, Zoë" with the preferred name when it differs: how the desk reads a list. */
export function listName(p: Pick<PatientSummary, 'firstName' | 'lastName' | 'preferredName'>): string {
  const preferred = p.preferredName && p.preferredName !== p.firstName ? ` “${p.preferredName}”` : '';
  return `${p.lastName}, ${p.firstName}${preferred}`;
}

/** "Zoë O'Brien-Müller", or "Zo (Zoë) O'Brien-Müller" when a preferred name is set. */
export function displayName(p: Pick<PatientSummary, 'firstName' | 'lastName' | 'preferredName'>): string {
  return p.preferredName && p.preferredName !== p.firstName
    ? `${p.preferredName} (${p.firstName}) ${p.lastName}`
    : `${p.firstName} ${p.lastName}`;
}

/**
 * Turns what people type for a date into YYYY-MM-DD where it is unambiguous:
 * 19850314, 1985/3/14, 1985.03.14, and 14/03/1985 when the day is over 12.
 */
export function normaliseDate(typed: string): string {
  const s = typed.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m && Number(m[1]) > 12) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  if (m && Number(m[2]) > 12) return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return s;
}
