import type { SignerRelationship } from '../contract/consent';

/**
 * How a substitute decision-maker's relationship is named, on screen and on the PDF,
 * in both languages the forms speak.
 */
export const relationshipLabels: Record<'en-CA' | 'fr-CA', Record<SignerRelationship, string>> = {
  'en-CA': {
    self: 'The patient',
    parent: 'Parent',
    guardian: 'Legal guardian',
    representative: 'Attorney or legal representative',
  },
  'fr-CA': {
    self: 'Le patient ou la patiente',
    parent: 'Parent',
    guardian: 'Tuteur ou tutrice légale',
    representative: 'Mandataire ou représentant légal',
  },
};

/** "Parent, signing for Zoë O'Brien-Müller": the line printed beside a substitute's signature. */
export function signingFor(locale: 'en-CA' | 'fr-CA', relationship: SignerRelationship, patientName: string): string {
  const label = relationshipLabels[locale][relationship];
  return locale === 'fr-CA' ? `${label}, signe au nom de ${patientName}` : `${label}, signing for ${patientName}`;
}

/** The privacy form's explicit "no channel" answer, in the form's language. */
export const doNotContactLabels = { 'en-CA': 'Do not contact me', 'fr-CA': 'Ne pas me contacter' } as const;

