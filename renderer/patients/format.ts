import { defineMessage, defineMessages, type MessageDescriptor } from 'react-intl';
import type { contactMethods, PatientInput, PatientSummary, phoneLabels } from '../../shared/contract/patients';
import { ageOn, parseDate } from '../../shared/text/date';

/**
 * "1985-03-14 (40)" — the date as typed on forms here, with the age to confirm it by. It
 * stays in this form in both languages: it is what staff type to find the patient, and
 * it is the form Canadian forms use in English and in French.
 */
export function birthLine(dateOfBirth: string, today: string): string {
  const age = ageOn(dateOfBirth, today);
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

/** A phone's type, as the record lists it: "Phone (mobile)". */
export const phoneTypeLabels: Record<(typeof phoneLabels)[number], MessageDescriptor> = defineMessages({
  mobile: { id: 'patients.phoneType.mobile', defaultMessage: 'mobile' },
  home: { id: 'patients.phoneType.home', defaultMessage: 'home' },
  work: { id: 'patients.phoneType.work', defaultMessage: 'work' },
  other: { id: 'patients.phoneType.other', defaultMessage: 'other' },
});

/** How the clinic reaches the patient for follow-ups. */
export const contactLabels: Record<(typeof contactMethods)[number], MessageDescriptor> = defineMessages({
  phone: { id: 'patients.contact.phone', defaultMessage: 'Phone call' },
  text: { id: 'patients.contact.text', defaultMessage: 'Text message' },
  email: { id: 'patients.contact.email', defaultMessage: 'E-mail' },
});

/** "born 1985-03-14 (40)", where the record and its look-alikes give the birth date. */
export const bornMessage = defineMessage<{ date: string }>({ id: 'patients.born', defaultMessage: 'born {date}' });

/**
 * "May 4, 1988", "4 mai 1988": a reading of a date nobody can take the other way round,
 * in the desk's language (`locale` is the clinic's, from react-intl).
 */
export function writtenDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * What was typed in "Find a patient" before pressing New patient, put where it
 * belongs on the new record: a birth date, a phone number, or a name ("Wójcik,
 * Łukasz" is last, first; "Łukasz Wójcik" is first, last; one word is a first name).
 */
export function seedFromSearch(typed: string): Partial<Pick<PatientInput, 'firstName' | 'lastName' | 'dateOfBirth'>> & { phone?: string } {
  const text = typed.trim().replace(/\s+/g, ' ');
  if (!text) return {};
  const date = parseDate(text);
  if (date.kind === 'date') return { dateOfBirth: date.iso };
  if (/^[\d\s()+.-]+$/.test(text)) return /\d{3}/.test(text.replace(/\D/g, '')) ? { phone: text } : {};
  const comma = text.indexOf(',');
  if (comma >= 0) return { lastName: text.slice(0, comma).trim(), firstName: text.slice(comma + 1).trim() };
  const [first, ...rest] = text.split(' ');
  return { firstName: first, lastName: rest.join(' ') };
}
