import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Output } from '../../shared/contract';

export type ScreenLeft = Output<'patientMode.exit'>['screenLeft'];

/**
 * Told to staff when they unlock: the patient-facing window lost the screen while the
 * patient held it (Alt+Tab, the Windows key, a minimise), when and for how long. The
 * audit log has the same entries; this is where the eyes are. It speaks the desk's
 * language, not the patient's: the patient has handed the screen back.
 */
export function ScreenLeftNotice({ left, onDone }: { left: ScreenLeft; onDone(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  const intl = useIntl();
  useEffect(() => button.current?.focus(), []);
  const duration = (seconds: number) =>
    seconds < 1
      ? intl.formatMessage({ id: 'consent.left.underASecond', defaultMessage: 'under a second' })
      : seconds < 120
        ? intl.formatMessage({ id: 'consent.left.seconds', defaultMessage: '{n, plural, one {# second} other {# seconds}}' }, { n: seconds })
        : intl.formatMessage({ id: 'consent.left.minutes', defaultMessage: '{n, plural, one {# minute} other {# minutes}}' }, { n: Math.round(seconds / 60) });
  return (
    <div className="banner banner--warning" role="alert">
      <h3>
        <FormattedMessage id="consent.left.title" defaultMessage="The patient screen was left {count, plural, one {once} other {# times}}" values={{ count: left.length }} />
      </h3>
      <ul>
        {left.map((l) => (
          <li key={l.at}>
            <FormattedMessage
              id="consent.left.when"
              defaultMessage="At {time}, for {duration}"
              values={{ time: intl.formatTime(l.at, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }), duration: duration(l.seconds) }}
            />
          </li>
        ))}
      </ul>
      <p>
        <FormattedMessage id="consent.left.explain" defaultMessage="Another program took the screen from the signing form. Check the computer before the next patient." />
      </p>
      <button ref={button} type="button" className="button button--primary" onClick={onDone}>
        <FormattedMessage id="consent.left.continue" defaultMessage="Continue" />
      </button>
    </div>
  );
}
