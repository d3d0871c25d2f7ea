import { consentKinds, type ConsentKind, type ConsentState, type ConsentStatus, type TemplateVersion } from '../../shared/contract/consent';
import type { ConsentPolicy } from '../../shared/contract/settings';

/** What status needs to know of one consent. */
export interface ConsentFact {
  id: string;
  kind: ConsentKind;
  method: 'screen' | 'paper' | 'verbal';
  choices: string[];
  signedAt: string;
  templateVersion: number;
  withdrawnAt: string | null;
}

/** The calendar day of an instant in the clinic's time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, instant: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes()));
  // The 31st plus a month is the last day of the next month, not the 1st after it.
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target;
}

/**
 * Where each kind of consent stands for one patient, newest written consent first:
 * withdrawn beats everything, then expiry, then a material template change, then the
 * clinic's every-visit rule for sensitive areas.
 */
export function consentStatus(args: {
  consents: ConsentFact[];
  versions: TemplateVersion[];
  policy: ConsentPolicy;
  now: Date;
  timeZone: string;
}): ConsentStatus[] {
  const { consents, versions, policy, now, timeZone } = args;
  const today = dayIn(timeZone, now);
  return consentKinds.map((kind) => {
    const ofKind = versions.filter((v) => v.kind === kind);
    const current = ofKind.reduce((a, b) => (b.version > a.version ? b : a));
    const written = consents
      .filter((c) => c.kind === kind && c.method !== 'verbal')
      .sort((a, b) => b.signedAt.localeCompare(a.signedAt));
    const latest = written[0];
    const expires = latest && policy.renewalMonths > 0 ? addMonths(latest.signedAt, policy.renewalMonths) : null;

    let state: ConsentState;
    if (!latest) state = 'missing';
    else if (latest.withdrawnAt) state = 'withdrawn';
    else if (expires && expires <= now) state = 'expired';
    else if (ofKind.some((v) => v.version > latest.templateVersion && v.material)) state = 'reconsent';
    else if (kind === 'sensitive_areas' && policy.sensitiveAreaFrequency === 'every_visit' && dayIn(timeZone, latest.signedAt) !== today) {
      state = 'needed_this_visit';
    } else state = 'on_file';

    const verbalToday =
      kind === 'sensitive_areas'
        ? [...new Set(consents.filter((c) => c.kind === kind && c.method === 'verbal' && !c.withdrawnAt && dayIn(timeZone, c.signedAt) === today).flatMap((c) => c.choices))]
        : [];

    return {
      kind,
      name: current.locales['en-CA'].name,
      state,
      consentId: latest?.id ?? null,
      signedAt: latest?.signedAt ?? null,
      version: latest?.templateVersion ?? null,
      currentVersion: current.version,
      expiresOn: expires ? dayIn(timeZone, expires) : null,
      choices: latest && !latest.withdrawnAt ? latest.choices : [],
      verbalToday,
    };
  });
}
