/**
 * Placeholders a consent template may use. A template is clinical text an admin edits;
 * a typo like {{patient.nmae}} must be caught when it is saved, not printed on a form.
 */
export const placeholders = ['clinic.name', 'clinic.phone', 'patient.name'] as const;
export type Placeholder = (typeof placeholders)[number];

const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(pattern)) {
    if (!(placeholders as readonly string[]).includes(name)) unknown.add(name);
  }
  return [...unknown];
}

export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(pattern, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}
