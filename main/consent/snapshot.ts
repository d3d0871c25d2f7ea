import type { ConsentKind, TemplateVersion } from '../../shared/contract/consent';
import type { Patient } from '../../shared/contract/patients';
import type { ClinicProfile } from '../../shared/contract/settings';
import { fillPlaceholders } from '../../shared/consent/placeholders';
import { doNotContactLabels } from '../../shared/consent/signer';
import { doNotContact } from '../../shared/contract/consent';
import type { ConsentPdfInput } from './pdf/types';

/**
 * What a consent showed when it was signed: the letterhead and the patient's details
 * of that day. Kept with the record so the PDF re-renders to the same bytes years later.
 */
export interface ConsentSnapshot {
  timeZone: string;
  clinic: { name: string; addressLines: string[]; phone: string; email: string; logo: { file: string; sha256: string; type: 'png' | 'jpeg' } | null };
  patient: { fullName: string; preferredName: string; dateOfBirth: string; phone: string; recordId: string };
  /** Paper: who saw it signed. */
  seenBy?: string;
  /**
   * The privacy form prints a "Do not contact me" box. Records made before it existed
   * lack the flag, so they re-render to the bytes they were signed with.
   */
  noContactBox?: boolean;
}

export function clinicLines(p: Pick<ClinicProfile, 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode'>): string[] {
  return [[p.addressLine1, p.addressLine2].filter(Boolean).join(', '), [p.city, p.region, p.postalCode].filter(Boolean).join(' ')].filter(Boolean);
}

export function patientSnapshot(p: Patient): ConsentSnapshot['patient'] {
  return {
    fullName: `${p.firstName} ${p.lastName}`,
    preferredName: p.preferredName,
    dateOfBirth: p.dateOfBirth,
    phone: p.phones[0]?.number ?? '',
    recordId: p.id,
  };
}

/** The template's text for a locale with its placeholders filled and its choices laid out. */
export function formContent(
  template: TemplateVersion,
  locale: ConsentPdfInput['locale'],
  snapshot: ConsentSnapshot,
  chosen: string[],
): Pick<ConsentPdfInput, 'template' | 'choices'> {
  const text = template.locales[locale];
  const values = { 'clinic.name': snapshot.clinic.name, 'clinic.phone': snapshot.clinic.phone, 'patient.name': snapshot.patient.fullName };
  const fill = (s: string) => fillPlaceholders(s, values);
  return {
    template: {
      name: text.name,
      version: template.version,
      title: fill(text.title),
      sections: text.sections.map((s) => ({ heading: fill(s.heading), paragraphs: s.paragraphs.map(fill) })),
    },
    choices: [
      ...template.choices.map((key) => ({ group: fill(text.choiceGroup), label: text.choiceLabels[key] ?? key, checked: chosen.includes(key) })),
      ...(snapshot.noContactBox && choiceRule(template.kind).explicitNone
        ? [{ group: fill(text.choiceGroup), label: doNotContactLabels[locale], checked: chosen.includes(doNotContact) }]
        : []),
    ],
  };
}

/**
 * Which choices a kind of consent may carry: whether one is required, and the explicit
 * "none" answer that stands for no channel (privacy: "do not contact me", never a blank).
 */
export function choiceRule(kind: ConsentKind): { atLeastOne: boolean; explicitNone?: typeof doNotContact } {
  if (kind === 'privacy') return { atLeastOne: true, explicitNone: doNotContact };
  return { atLeastOne: kind === 'sensitive_areas' };
}
