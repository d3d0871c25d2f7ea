import { useEffect, useRef } from 'react';
import type { Output } from '../../shared/contract';

export type ScreenLeft = Output<'patientMode.exit'>['screenLeft'];

const time = new Intl.DateTimeFormat('en-CA', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const duration = (seconds: number) => (seconds < 1 ? 'under a second' : seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`);

/**
 * Told to staff when they unlock: the patient-facing window lost the screen while the
 * patient held it (Alt+Tab, the Windows key, a minimise), when and for how long. The
 * audit log has the same entries; this is where the eyes are.
 */
export function ScreenLeftNotice({ left, onDone }: { left: ScreenLeft; onDone(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="banner banner--warning" role="alert" lang="en">
      <h3>The patient screen was left {left.length === 1 ? 'once' : `${left.length} times`}</h3>
      <ul>
        {left.map((l) => (
          <li key={l.at}>
            At {time.format(new Date(l.at))}, for {duration(l.seconds)}
          </li>
        ))}
      </ul>
      <p>Another program took the screen from the signing form. Check the computer before the next patient.</p>
      <button ref={button} type="button" className="button button--primary" onClick={onDone}>
        Continue
      </button>
    </div>
  );
}
