import type { PatientInput } from '../../shared/contract/patients';
import type { ClinicProfileInput } from '../../shared/contract/settings';

/** A complete, valid patient as the form would send it; tests change what they need. */
export function patientInput(overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    firstName: 'Zoë',
    lastName: "O'Brien-Müller",
    preferredName: '',
    pronouns: 'she/her',
    dateOfBirth: '1985-03-14',
    phones: [{ label: 'mobile', number: '(604) 555-0142' }],
    email: 'zoe@example.org',
    address: { line1: '12 Harbour St', line2: '', city: 'Vancouver', region: 'BC', postalCode: 'V6B 1A1', country: 'Canada' },
    emergencyContact: { name: 'Sam Müller', relationship: 'partner', phone: '604 555 0199' },
    familyPhysician: { name: 'Dr. Amira Haddad', clinic: 'Harbour Family Practice', phone: '604-555-0110' },
    preferredContact: 'phone',
    language: 'English',
    notes: '',
    ...overrides,
  };
}

/** A complete clinic profile, as the Settings screen would save it. */
export function clinicProfile(overrides: Partial<ClinicProfileInput> = {}): ClinicProfileInput {
  return {
    name: 'Harbour Massage Therapy',
    addressLine1: '400 Water St',
    addressLine2: 'Suite 2',
    city: 'Vancouver',
    region: 'BC',
    postalCode: 'V6B 1B6',
    phone: '604 555 0100',
    email: 'desk@harbour.example',
    // Vancouver's clock, under a name Node's and Chromium's time-zone data agree on: Debian's
    // Chromium already has British Columbia on daylight time all year from November 2026,
    // Node 20 does not, so from 07:00 to 08:00 UTC the e2e harness's two sides disagreed on
    // a Vancouver clinic's day (in Electron both sides share one ICU).
    timeZone: 'America/Los_Angeles',
    locale: 'en-CA',
    ...overrides,
  };
}
