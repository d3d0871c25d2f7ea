import { consentKinds, type ConsentKind, type ConsentState, type ConsentStatus, type TemplateVersion } from '../../shared/contract/consent';
import type { ConsentPolicy } from '../../shared/contract/settings';
import { addMonthsToDay, dayIn } from '../../shared/time';

/** What status needs to know of a template version: its place in its kind's history, and the name it shows. */
export type StatusVersion = Pick<TemplateVersion, 'id' | 'kind' | 'version' | 'material'> & { name: string };

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

/**
 * Where each kind of consent stands for one patient, newest written consent first:
 * withdrawn beats everything, then expiry, then a material template change, then the
 * clinic's every-visit rule for sensitive areas.
 */
export function consentStatus(args: {
  consents: ConsentFact[];
  versions: readonly StatusVersion[];
  policy: ConsentPolicy;
  now: Date;
  timeZone: string;
  /** The kinds to work out, all of them unless told (a search result's mark needs two). */
  kinds?: readonly ConsentKind[];
}): ConsentStatus[] {
  const { consents, versions, policy, now, timeZone, kinds = consentKinds } = args;
  const today = dayIn(timeZone, now);
  return kinds.map((kind) => {
    const ofKind = versions.filter((v) => v.kind === kind);
    const current = ofKind.reduce((a, b) => (b.version > a.version ? b : a));
    const written = consents
      .filter((c) => c.kind === kind && c.method !== 'verbal')
      .sort((a, b) => b.signedAt.localeCompare(a.signedAt));
    const latest = written[0];
    // Valid through the last day of the period, counted in the clinic's days.
    const expiresOn = latest && policy.renewalMonths > 0 ? addMonthsToDay(dayIn(timeZone, latest.signedAt), policy.renewalMonths) : null;

    let state: ConsentState;
    if (!latest) state = 'missing';
    else if (latest.withdrawnAt) state = 'withdrawn';
    else if (expiresOn && today > expiresOn) state = 'expired';
    else if (ofKind.some((v) => v.version > latest.templateVersion && v.material)) state = 'reconsent';
    else if (kind === 'sensitive_areas' && policy.sensitiveAreaFrequency === 'every_visit' && dayIn(timeZone, latest.signedAt) !== today) {
      state = 'needed_this_visit';
    } else state = 'on_file';

    // Spoken consent counts only under a written consent in force, only for the areas it
    // covers, and only if given since that consent was signed.
    const covered = latest && !latest.withdrawnAt ? latest.choices : [];
    const verbalToday =
      kind === 'sensitive_areas' && latest
        ? [
            ...new Set(
              consents
                .filter((c) => c.kind === kind && c.method === 'verbal' && !c.withdrawnAt && c.signedAt >= latest.signedAt && dayIn(timeZone, c.signedAt) === today)
                .flatMap((c) => c.choices)
                .filter((area) => covered.includes(area)),
            ),
          ]
        : [];

    return {
      kind,
      name: current.name,
      state,
      consentId: latest?.id ?? null,
      signedAt: latest?.signedAt ?? null,
      version: latest?.templateVersion ?? null,
      currentVersion: current.version,
      expiresOn,
      choices: latest && !latest.withdrawnAt ? latest.choices : [],
      verbalToday,
    };
  });
}
