import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { read } from '../ipc/client';
import { keys } from '../ipc/hooks';
import { href } from '../app/route';
import { phaseText, warningText, when } from './words';
import './backup.css';

/**
 * The last good backup, in the frame where staff look all day: quiet when it is recent,
 * a warning with a link when it is old, failed, or the drive is gone. Asked again each
 * minute, and each second while a backup runs, for its progress.
 */
export function BackupStatusLine() {
  const status = useQuery({
    queryKey: keys.call('backup.status', {}),
    queryFn: () => read('backup.status', {}),
    refetchInterval: (q) => (q.state.data?.running ? 1000 : 60_000),
  });
  const intl = useIntl();
  const s = status.data;
  if (!s) return null;
  if (s.running) {
    return (
      <a className="backup-line" href={href({ screen: 'backup' })}>
        {intl.formatMessage(phaseText[s.running.phase])}… {intl.formatNumber(s.running.fraction, { style: 'percent' })}
      </a>
    );
  }
  if (s.warning === 'none') {
    return (
      <a className="backup-line" href={href({ screen: 'backup' })}>
        <FormattedMessage id="backup.line.backedUp" defaultMessage="Backed up {when}" values={{ when: s.lastGoodAt ? when(intl, s.lastGoodAt) : '' }} />
      </a>
    );
  }
  return (
    <span className="backup-line" role="status">
      <a className="backup-line--warn" href={href({ screen: 'backup' })}>
        {intl.formatMessage(warningText[s.warning])}
        {s.lastGoodAt && (
          <>
            {' '}
            <FormattedMessage id="backup.line.lastGood" defaultMessage="Last good backup: {when}." values={{ when: when(intl, s.lastGoodAt) }} />
          </>
        )}
      </a>
    </span>
  );
}
