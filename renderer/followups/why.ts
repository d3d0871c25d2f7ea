import { useIntl } from 'react-intl';
import type { FollowUp } from '../../shared/contract/followups';
import { kindNames } from './words';

/** Why it is due, in the desk's words. */
export function useWhy() {
  const intl = useIntl();
  return (f: FollowUp) =>
    f.kind === 'alliance_checkin'
      ? intl.formatMessage({ id: 'followups.kind.allianceCheckin', defaultMessage: 'Alliance check-in after visit {n}' }, { n: f.visitNumber ?? '?' })
      : f.kind === 'lapsed'
        ? intl.formatMessage({ id: 'followups.kind.lapsed', defaultMessage: 'No visit since {day}, none booked' }, { day: f.sourceDay ?? '' })
        : f.kind === 'manual'
          ? intl.formatMessage({ id: 'followups.kind.manual', defaultMessage: 'Set by hand: {reason}' }, { reason: f.reason })
          : intl.formatMessage(kindNames[f.kind]);
}
