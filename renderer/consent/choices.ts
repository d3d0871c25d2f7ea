/**
 * Ticking boxes on a form with an explicit "none" answer (privacy: "do not contact me"):
 * the answer and the channels exclude each other, so ticking one clears the other.
 */
export function toggleChoice(value: string[], key: string, on: boolean, none?: string): string[] {
  if (!on) return value.filter((c) => c !== key);
  if (none && key === none) return [none];
  return [...value.filter((c) => c !== none), key];
}

/** What a form starts with ticked: on the privacy form, the contact the patient prefers. */
export function initialChoices(kind: string, templateChoices: string[], preferredContact?: string): string[] {
  return kind === 'privacy' && preferredContact && templateChoices.includes(preferredContact) ? [preferredContact] : [];
}
