import { FormattedMessage, useIntl } from 'react-intl';
import type { Dashboard } from '../../shared/contract/dashboard';
import { Panel, useBucketWords } from './Panel';
import { BarSeries } from './charts';

const levels = ['all', 'most', 'some', 'none'] as const;
const levelColours = { all: '#009E73', most: '#56B4E9', some: '#E69F00', none: '#D55E00' };

/** Are we keeping up with follow-ups? Due and done, bucket by bucket. */
export function FollowUpSection({ d }: { d: Dashboard }) {
  const intl = useIntl();
  const words = useBucketWords(d.unit);
  const due = intl.formatMessage({ id: 'dashboard.followUps.due', defaultMessage: 'Due' });
  const done = intl.formatMessage({ id: 'dashboard.followUps.done', defaultMessage: 'Done' });
  const data = d.followUps.map((b) => ({ label: words.short(b.start), due: b.due, done: b.done }));
  return (
    <Panel
      id="dash-followups"
      title={<FormattedMessage id="dashboard.followUps.title" defaultMessage="Are we keeping up with our follow-ups?" />}
      note={<FormattedMessage id="dashboard.followUps.note" defaultMessage="Follow-ups due in each period up to today, and how many were done. Cancelled ones were never due." />}
      chart={
        <BarSeries
          title={intl.formatMessage({ id: 'dashboard.followUps.chart', defaultMessage: 'Follow-ups due and done' })}
          data={data}
          series={[
            { key: 'due', name: due, colour: '#9fb3c0' },
            { key: 'done', name: done, colour: '#0072B2' },
          ]}
        />
      }
      table={
        <table className="table dashboard__numbers">
          <caption id="dash-followups-caption">
            <FormattedMessage id="dashboard.followUps.caption" defaultMessage="Follow-ups due and done" />
          </caption>
          <thead>
            <tr>
              <th scope="col">{words.head}</th>
              <th scope="col">{due}</th>
              <th scope="col">{done}</th>
              <th scope="col">
                <FormattedMessage id="dashboard.followUps.share" defaultMessage="Done (share)" />
              </th>
            </tr>
          </thead>
          <tbody>
            {d.followUps.map((b) => (
              <tr key={b.start}>
                <th scope="row">{words.short(b.start)}</th>
                <td>{b.due}</td>
                <td>{b.done}</td>
                <td>{words.share(b.done, b.due)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Are patients doing their homecare? The share of all, most, some and none, bucket by bucket. */
export function AdherenceSection({ d }: { d: Dashboard }) {
  const intl = useIntl();
  const words = useBucketWords(d.unit);
  const names = {
    all: intl.formatMessage({ id: 'dashboard.adherence.all', defaultMessage: 'All' }),
    most: intl.formatMessage({ id: 'dashboard.adherence.most', defaultMessage: 'Most' }),
    some: intl.formatMessage({ id: 'dashboard.adherence.some', defaultMessage: 'Some' }),
    none: intl.formatMessage({ id: 'dashboard.adherence.none', defaultMessage: 'None' }),
  };
  const data = d.adherence.map((b) => ({ label: words.short(b.start), all: b.all, most: b.most, some: b.some, none: b.none }));
  return (
    <Panel
      id="dash-adherence"
      title={<FormattedMessage id="dashboard.adherence.title" defaultMessage="Are patients doing their homecare?" />}
      note={<FormattedMessage id="dashboard.adherence.note" defaultMessage="What patients said at follow-ups: how much of their homecare plan they did." />}
      chart={
        <BarSeries
          title={intl.formatMessage({ id: 'dashboard.adherence.chart', defaultMessage: 'Share of homecare done' })}
          data={data}
          series={levels.map((l) => ({ key: l, name: names[l], colour: levelColours[l] }))}
          shares="stacked"
        />
      }
      table={
        <table className="table dashboard__numbers">
          <caption id="dash-adherence-caption">
            <FormattedMessage id="dashboard.adherence.caption" defaultMessage="Homecare done: answers recorded at follow-ups (share)" />
          </caption>
          <thead>
            <tr>
              <th scope="col">{words.head}</th>
              <th scope="col">
                <FormattedMessage id="dashboard.adherence.recorded" defaultMessage="Recorded" />
              </th>
              {levels.map((l) => (
                <th key={l} scope="col">
                  {names[l]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.adherence.map((b) => {
              const total = b.all + b.most + b.some + b.none;
              return (
                <tr key={b.start}>
                  <th scope="row">{words.short(b.start)}</th>
                  <td>{total}</td>
                  {levels.map((l) => (
                    <td key={l}>{total ? `${b[l]} (${words.share(b[l], total)})` : '—'}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    />
  );
}
