import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { Locale } from '../../shared/contract/settings';
import { doNotContact, type ConsentKind, type ConsentState, type ConsentStatus, type TemplateVersion } from '../../shared/contract/consent';
import { neededBeforeTreatment } from '../../shared/consent/needs';
import { doNotContactLabels } from '../../shared/consent/signer';

/** How the desk reads consent states: short, and saying what to do. */
export const stateLabels: Record<ConsentState, MessageDescriptor> = defineMessages({
  on_file: { id: 'consent.state.onFile', defaultMessage: 'On file' },
  missing: { id: 'consent.state.missing', defaultMessage: 'Missing' },
  expired: { id: 'consent.state.expired', defaultMessage: 'Expired' },
  withdrawn: { id: 'consent.state.withdrawn', defaultMessage: 'Withdrawn' },
  reconsent: { id: 'consent.state.reconsent', defaultMessage: 'Re-consent needed' },
  needed_this_visit: { id: 'consent.state.neededThisVisit', defaultMessage: 'Needed this visit' },
});

/**
 * How loud a state is: anything still needed before treatment is red, the loudest thing
 * on the record; privacy is still to get (amber); sensitive areas are asked for only
 * when those areas are treated.
 */
export function stateTone(item: Pick<ConsentStatus, 'kind' | 'state'>): 'ok' | 'warn' | 'danger' | 'muted' {
  if (item.state === 'on_file') return 'ok';
  if (item.state === 'withdrawn' || neededBeforeTreatment.includes(item.kind)) return 'danger';
  return item.state === 'missing' && item.kind === 'sensitive_areas' ? 'muted' : 'warn';
}

/** A choice as the desk reads it, in the desk's language (the form has both), the privacy form's explicit "do not contact me" included. */
export function choiceLabel(template: TemplateVersion, key: string, locale: Locale): string {
  return key === doNotContact ? doNotContactLabels[locale] : (template.locales[locale].choiceLabels[key] ?? key);
}

export const kindOrder: ConsentKind[] = ['treatment', 'outbreak', 'privacy', 'sensitive_areas'];

export const methodLabels: Record<'screen' | 'paper' | 'verbal', MessageDescriptor> = defineMessages({
  screen: { id: 'consent.method.screen', defaultMessage: 'Signed on screen' },
  paper: { id: 'consent.method.paper', defaultMessage: 'Signed on paper' },
  verbal: { id: 'consent.method.verbal', defaultMessage: 'Spoken consent' },
});

/** "2026-11-25 14:05" ("2026-11-25 14 h 05" in French) in the clinic's zone. */
export function when(iso: string, locale: Locale, timeZone?: string): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date} ${time}`;
}
