import { FormattedMessage, useIntl } from 'react-intl';
import type { Dashboard } from '../../shared/contract/dashboard';
import { adherenceLevels } from '../../shared/contract/followups';
import { levelNames } from '../followups/words';
import { Panel, useBucketWords } from './Panel';
import { BarSeries } from './charts';

type Bucket = Dashboard['adherence'][number];
const total = (b: Bucket) => b.all + b.most + b.some + b.none;
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
      table={{
        caption: <FormattedMessage id="dashboard.followUps.caption" defaultMessage="Follow-ups due and done" />,
        columns: [
          { header: words.head, cell: (b) => words.short(b.start) },
          { header: due, cell: (b) => b.due },
          { header: done, cell: (b) => b.done },
          { header: <FormattedMessage id="dashboard.followUps.share" defaultMessage="Done (share)" />, cell: (b) => words.share(b.done, b.due) },
        ],
        rows: d.followUps,
        rowKey: (b) => b.start,
      }}
    />
  );
}

/** Are patients doing their homecare? The share of all, most, some and none, bucket by bucket. */
export function AdherenceSection({ d }: { d: Dashboard }) {
  const intl = useIntl();
  const words = useBucketWords(d.unit);
  const names = Object.fromEntries(adherenceLevels.map((l) => [l, intl.formatMessage(levelNames[l])])) as Record<(typeof adherenceLevels)[number], string>;
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
          series={adherenceLevels.map((l) => ({ key: l, name: names[l], colour: levelColours[l] }))}
          shares="stacked"
        />
      }
      table={{
        caption: <FormattedMessage id="dashboard.adherence.caption" defaultMessage="Homecare done: answers recorded at follow-ups (share)" />,
        columns: [
          { header: words.head, cell: (b) => words.short(b.start) },
          { header: <FormattedMessage id="dashboard.adherence.recorded" defaultMessage="Recorded" />, cell: (b) => total(b) },
          ...adherenceLevels.map((l) => ({ header: names[l], cell: (b: Bucket) => (total(b) ? `${b[l]} (${words.share(b[l], total(b))})` : '—') })),
        ],
        rows: d.adherence,
        rowKey: (b) => b.start,
      }}
    />
  );
}
