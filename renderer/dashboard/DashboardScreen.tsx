import { useState } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import type { Period } from '../../shared/contract/dashboard';
import { useRead } from '../ipc/hooks';
import { AdherenceSection, FollowUpSection } from './FollowUpCharts';
import { ReturningSection, TherapistSection, ThemeSection } from './AllianceCharts';
import './dashboard.css';

const periods = defineMessages({
  w4: { id: 'dashboard.period.w4', defaultMessage: 'Last 4 weeks' },
  w12: { id: 'dashboard.period.w12', defaultMessage: 'Last 12 weeks' },
  w26: { id: 'dashboard.period.w26', defaultMessage: 'Last 26 weeks' },
  w52: { id: 'dashboard.period.w52', defaultMessage: 'Last 52 weeks' },
  m12: { id: 'dashboard.period.m12', defaultMessage: 'Last 12 months' },
});
const choices: ReadonlyArray<[keyof typeof periods, Period]> = [
  ['w4', { unit: 'week', count: 4 }],
  ['w12', { unit: 'week', count: 12 }],
  ['w26', { unit: 'week', count: 26 }],
  ['w52', { unit: 'week', count: 52 }],
  ['m12', { unit: 'month', count: 12 }],
];

/**
 * The dashboard (issue 11 item 6): what the owner reads at the end of the week. Each
 * chart's title is the question it answers, and its numbers are in a table beside it
 * for screen readers and for people who would rather read. Per-therapist scores come
 * only as main allows them (an admin: all; a therapist: their own; reception: none).
 */
export function DashboardScreen() {
  const intl = useIntl();
  const [choice, setChoice] = useState<keyof typeof periods>('w12');
  const period = choices.find(([k]) => k === choice)![1];
  const read = useRead('dashboard.read', period, { keepPrevious: true });
  const d = read.data;

  return (
    <section className="dashboard" aria-labelledby="dashboard-h" aria-busy={read.isFetching}>
      <header className="dashboard__top">
        <h1 id="dashboard-h" className="screen-title">
          <FormattedMessage id="dashboard.title" defaultMessage="Dashboard" />
        </h1>
        <label className="dashboard__period">
          <FormattedMessage id="dashboard.period" defaultMessage="Period" />
          <select value={choice} onChange={(e) => setChoice(e.target.value as keyof typeof periods)}>
            {choices.map(([k]) => (
              <option key={k} value={k}>
                {intl.formatMessage(periods[k])}
              </option>
            ))}
          </select>
        </label>
        {d && (
          <p className="muted">
            <FormattedMessage
              id="dashboard.summary"
              defaultMessage="Up to today, {today}. The current {unit, select, week {week} other {month}} is counted so far."
              values={{ today: intl.formatDate(`${d.today}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }), unit: d.unit }}
            />
          </p>
        )}
      </header>
      {read.isError && (
        <p className="banner banner--error" role="alert">
          {read.error.message}
        </p>
      )}
      {d && (
        <div className="dashboard__grid">
          <FollowUpSection d={d} />
          <AdherenceSection d={d} />
          <ThemeSection d={d} />
          {d.byTherapist && <TherapistSection d={d} rows={d.byTherapist} />}
          <ReturningSection d={d} />
        </div>
      )}
    </section>
  );
}
