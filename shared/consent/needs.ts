import type { ConsentKind, ConsentStatus } from '../contract/consent';

/**
 * The forms a patient needs before any treatment. Sensitive areas are asked for only
 * when those areas are to be treated, so a missing one is not an alarm.
 */
export const neededBeforeTreatment: readonly ConsentKind[] = ['treatment', 'outbreak', 'privacy'];

/** The forms still to sign before treatment: missing, withdrawn, expired or changed since signed. */
export function formsStillNeeded(items: ConsentStatus[]): ConsentStatus[] {
  return items.filter((i) => i.state !== 'on_file' && neededBeforeTreatment.includes(i.kind));
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
