import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { FollowUp } from '../../shared/contract/followups';
import { useRead } from '../ipc/hooks';
import { navigate } from '../app/route';
import { CallDialog } from './CallDialog';
import { channelNames, outcomeNames } from './words';
import { useWhy } from './why';
import { useClinicDate } from '../ui/useDay';
import './followups.css';

/**
 * The follow-up queue (issue 11, item 4): due today, overdue, upcoming. Each row says
 * who, why, the last contact and how the patient may be reached; Enter opens the call
 * with its prompt and the quick outcomes. ↑ and ↓ move between rows; after an outcome
 * the focus goes to the next row, so the desk works down the list by keyboard alone.
 * Opened for one patient (the Today row's follow-up step), their earliest open
 * follow-up comes up at once, wherever it stands in the lists.
 */
export function QueueScreen({ patientId }: { patientId?: string }) {
  const intl = useIntl();
  const dayOf = useClinicDate();
  const queue = useRead('followups.queue', {});
  const [open, setOpen] = useState<FollowUp | null>(null);
  const forPatient = useRead('followups.patient', { patientId: patientId ?? '' }, { enabled: Boolean(patientId) });
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusAt = useRef(0);
  const why = useWhy();

  // Where the work starts: the first row, then the row that took the place of the one
  // just done (the list is read again after an outcome). Only when the focus is not
  // elsewhere already: a refresh never pulls it away from what the desk is doing.
  useEffect(() => {
    if (!queue.data || open) return;
    const at = document.activeElement;
    if (at && at !== document.body && at.id !== 'content' && !listRef.current?.contains(at)) return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    rows[Math.min(focusAt.current, rows.length - 1)]?.focus();
  }, [queue.data, open]);

  // Once per patient asked for, set while rendering (React's way to adjust state to new data):
  // the call stays the one opened while the reads refresh behind it.
  const asked = patientId && doneFor !== patientId ? forPatient.data?.followUps.filter((f) => f.status === 'open').sort((a, b) => a.dueDay.localeCompare(b.dueDay))[0] : undefined;
  if (asked && !open) {
    setDoneFor(patientId ?? null);
    setOpen(asked);
  }

  const leaving = useRef(false);
  function close() {
    setOpen(null);
    if (patientId) leaving.current = true;
  }
  // Done with that patient: the address is the whole queue again, once the call's dialog
  // is gone. Asked at once, its note (saved, or discarded by the desk's own answer) would
  // still hold the page, and going would ask about it.
  useEffect(() => {
    if (!leaving.current || open) return;
    leaving.current = false;
    navigate({ screen: 'followups' });
  }, [open]);

  function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row]')];
    const to = rows[rows.indexOf(document.activeElement as HTMLElement) + (e.key === 'ArrowDown' ? 1 : -1)];
    if (to) {
      e.preventDefault();
      to.focus();
    }
  }

  function openRow(f: FollowUp) {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    focusAt.current = rows.findIndex((r) => r.dataset.row === f.id);
    setOpen(f);
  }

  if (queue.isError) return <p className="banner banner--error" role="alert">{queue.error.message}</p>;
  const q = queue.data;
  const lists = q
    ? ([
        ['due', intl.formatMessage({ id: 'followups.queue.dueToday', defaultMessage: 'Due today' }), q.dueToday, q.more.dueToday],
        ['overdue', intl.formatMessage({ id: 'followups.queue.overdue', defaultMessage: 'Overdue' }), q.overdue, q.more.overdue],
        ['upcoming', intl.formatMessage({ id: 'followups.queue.upcoming', defaultMessage: 'Upcoming (next two weeks)' }), q.upcoming, q.more.upcoming],
      ] as const)
    : [];

  return (
    <section className="followups" aria-labelledby="followups-h">
      <header className="today__top">
        <h1 id="followups-h" className="screen-title">
          <FormattedMessage id="followups.queue.title" defaultMessage="Follow-ups" />
        </h1>
        {q && (
          <p className="muted">
            <FormattedMessage
              id="followups.queue.summary"
              defaultMessage="{today}: {due, plural, =0 {nothing due today} one {# due today} other {# due today}}, {overdue} overdue. Enter opens the call; ↑ ↓ move."
              values={{ today: q.today, due: q.dueToday.length + q.more.dueToday, overdue: q.overdue.length + q.more.overdue }}
            />
          </p>
        )}
      </header>
      <div ref={listRef} onKeyDown={moveFocus}>
        {lists.map(([key, title, items, more]) => (
          <section key={key} aria-labelledby={`followups-${key}`} className="followups__list">
            <h2 id={`followups-${key}`}>
              {title} <span className="badge">{items.length + more}</span>
            </h2>
            {items.length === 0 ? (
              <p className="search__empty">
                <FormattedMessage id="followups.queue.none" defaultMessage="None." />
              </p>
            ) : (
              <ul className="results">
                {items.map((f) => (
                  <li key={f.id}>
                    <button type="button" className={`result followups__row${key === 'overdue' ? ' followups__row--overdue' : ''}`} data-row={f.id} onClick={() => openRow(f)}>
                      <span className="result__name">{f.patientName}</span>
                      <span>{why(f)}</span>
                      <span className="result__meta">
                        <FormattedMessage id="followups.queue.due" defaultMessage="Due {day}" values={{ day: f.dueDay }} />
                        {' · '}
                        {f.lastContact ? (
                          <FormattedMessage
                            id="followups.queue.lastContact"
                            defaultMessage="Last contact {day}: {outcome} ({channel})"
                            values={{ day: dayOf(f.lastContact.at), outcome: intl.formatMessage(outcomeNames[f.lastContact.outcome]), channel: intl.formatMessage(channelNames[f.lastContact.channel]) }}
                          />
                        ) : (
                          <FormattedMessage id="followups.queue.noContact" defaultMessage="Not contacted yet" />
                        )}
                        {' · '}
                        {f.channels.length > 0 ? (
                          f.channels.map((c) => intl.formatMessage(channelNames[c])).join(', ')
                        ) : (
                          <strong>
                            {f.nextVisitDay ? (
                              <FormattedMessage id="followups.queue.atVisit" defaultMessage="No contact allowed: at the next visit ({day})" values={{ day: f.nextVisitDay }} />
                            ) : (
                              <FormattedMessage id="followups.queue.atVisitNone" defaultMessage="No contact allowed: waits for a visit (none booked)" />
                            )}
                          </strong>
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {more > 0 && (
              <p className="muted">
                {more >= 1000 ? (
                  <FormattedMessage id="followups.queue.moreMany" defaultMessage="1,000 or more not shown: work from the top." />
                ) : (
                  <FormattedMessage id="followups.queue.more" defaultMessage="{n} more not shown: work from the top." values={{ n: more }} />
                )}
              </p>
            )}
          </section>
        ))}
      </div>
      {open && <CallDialog followUp={open} today={q?.today ?? ''} onClose={close} />}
    </section>
  );
}
