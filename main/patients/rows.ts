import type { Patient, PatientSummary } from '../../shared/contract/patients';

/** Row shapes of the patients tables, and their mapping to the contract's types. */

export interface PatientRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string;
  pronouns: string;
  date_of_birth: string;
  email: string;
  address: string;
  emergency_contact: string;
  family_physician: string;
  preferred_contact: Patient['preferredContact'];
  language: string;
  notes: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  archive_reason: string;
}

export interface PhoneRow {
  patient_id: string;
  position: number;
  label: Patient['phones'][number]['label'];
  number: string;
  digits: string;
}

const emptyAddress: Patient['address'] = { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

export function toPatient(row: PatientRow, phones: PhoneRow[]): Patient {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    phones: phones.sort((a, b) => a.position - b.position).map((p) => ({ label: p.label, number: p.number })),
    email: row.email,
    address: { ...emptyAddress, ...JSON.parse(row.address) },
    emergencyContact: { name: '', relationship: '', phone: '', ...JSON.parse(row.emergency_contact) },
    familyPhysician: { name: '', clinic: '', phone: '', ...JSON.parse(row.family_physician) },
    preferredContact: row.preferred_contact,
    language: row.language,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason,
  };
}

export type SummaryRow = Pick<
  PatientRow,
  'id' | 'first_name' | 'last_name' | 'preferred_name' | 'pronouns' | 'date_of_birth' | 'archived_at'
>;

export const summaryColumns = [
  'p.id',
  'p.first_name',
  'p.last_name',
  'p.preferred_name',
  'p.pronouns',
  'p.date_of_birth',
  'p.archived_at',
] as const;

/** A summary row with one of its phone numbers: a patient's summary is read one row per number (or one row without). */
export type SummaryPhoneRow = SummaryRow & { number: string | null };

/** Rows of SummaryPhoneRow, each patient's together, as one entry per patient with its numbers in the order read. */
export function byPatient<R extends SummaryPhoneRow>(rows: R[]): Map<string, { row: Omit<R, 'number'>; numbers: string[] }> {
  const out = new Map<string, { row: Omit<R, 'number'>; numbers: string[] }>();
  for (const { number, ...row } of rows) {
    const entry = out.get(row.id) ?? out.set(row.id, { row, numbers: [] }).get(row.id)!;
    if (number !== null) entry.numbers.push(number);
  }
  return out;
}

export function toSummary(row: SummaryRow, phone: string): PatientSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    archivedAt: row.archived_at,
    phone,
  };
}
