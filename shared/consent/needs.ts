import type { ConsentKind, ConsentStatus } from '../contract/consent';

/**
 * Consents a patient must have in force before any treatment (issue 7.2): consent to
 * treatment, and to treatment during a communicable-disease outbreak. Sensitive areas
 * are asked only when those areas are treated, and privacy does not stop a treatment.
 * The record's alarm and the search results' mark both read this one list.
 */
export const neededBeforeTreatment: readonly ConsentKind[] = ['treatment', 'outbreak'];

/** The forms still to sign before treatment: missing, withdrawn, expired or changed since signed. */
export function formsStillNeeded(items: ConsentStatus[]): ConsentStatus[] {
  return items.filter((i) => i.state !== 'on_file' && neededBeforeTreatment.includes(i.kind));
}

/** Every form this patient still has to sign, privacy included; sensitive areas only when treated. */
export function formsToSign(items: ConsentStatus[]): ConsentStatus[] {
  return items.filter((i) => i.state !== 'on_file' && i.kind !== 'sensitive_areas');
}

/**
 * The language the forms start in, from what the record says the patient speaks ("French",
 * "Français", "fr"). Anything else gets the clinic's language; staff can still change it.
 */
export function formLocaleFor(language: string, fallback: 'en-CA' | 'fr-CA'): 'en-CA' | 'fr-CA' {
  const l = language.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (/^(fr|french|francais)\b/.test(l)) return 'fr-CA';
  if (/^(en|english|anglais)\b/.test(l)) return 'en-CA';
  return fallback;
}
