import { FormattedMessage, useIntl } from 'react-intl';
import { returnWindows, type Dashboard } from '../../shared/contract/dashboard';
import type { Locale } from '../../shared/contract/settings';
import { Panel, palette, useBucketWords } from './Panel';
import { BarSeries, LineSeries } from './charts';

type ThemeBucket = Dashboard['checkins']['series'][number];
type Row = NonNullable<Dashboard['byTherapist']>[number];
type Month = Dashboard['returning'][number];

/** How do patients rate the alliance, theme by theme? The clinic's mean per theme, bucket by bucket. */
export function ThemeSection({ d }: { d: Dashboard }) {
  const intl = useIntl();
  const words = useBucketWords(d.unit);
  const locale: Locale = intl.locale === 'fr-CA' ? 'fr-CA' : 'en-CA';
  const { themes, scale, series } = d.checkins;
  const data = series.map((b) => ({ label: words.short(b.start), ...Object.fromEntries(b.scores.map((s) => [s.theme, s.score])) }));
  const checkins = intl.formatMessage({ id: 'dashboard.themes.checkins', defaultMessage: 'Check-ins' });
  return (
    <Panel
      id="dash-themes"
      wide
      title={<FormattedMessage id="dashboard.themes.title" defaultMessage="How do patients rate our alliance with them, theme by theme?" />}
      note={
        <FormattedMessage
          id="dashboard.themes.note"
          defaultMessage="The mean score of each theme in the clinic’s feedback check-ins, from {min} to {max} (higher is better)."
          values={{ min: scale.min, max: scale.max }}
        />
      }
      chart={
        <LineSeries
          title={intl.formatMessage({ id: 'dashboard.themes.chart', defaultMessage: 'Check-in scores by theme' })}
          data={data}
          domain={[scale.min, scale.max]}
          series={themes.map((t, i) => ({ key: t.key, name: t.label[locale], colour: palette[i % palette.length] }))}
        />
      }
      table={{
        caption: <FormattedMessage id="dashboard.themes.caption" defaultMessage="Mean check-in score by theme" />,
        columns: [
          { header: words.head, cell: (b) => words.short(b.start) },
          { header: checkins, cell: (b) => b.checkins },
          ...themes.map((t, k) => ({ header: t.label[locale], cell: (b: ThemeBucket) => words.score(b.scores[k].score) })),
        ],
        rows: series,
        rowKey: (b) => b.start,
      }}
    />
  );
}

/** How do patients rate each therapist? Only the rows main sent: every therapist for an admin, their own for a therapist. */
export function TherapistSection({ d, rows }: { d: Dashboard; rows: Row[] }) {
  const intl = useIntl();
  const words = useBucketWords(d.unit);
  const data = d.buckets.map((b, i) => ({ label: words.short(b.start), ...Object.fromEntries(rows.map((r) => [r.therapistId, r.series[i].score])) }));
  return (
    <Panel
      id="dash-therapists"
      wide
      title={<FormattedMessage id="dashboard.therapists.title" defaultMessage="How do patients rate the alliance with each therapist?" />}
      note={
        <FormattedMessage
          id="dashboard.therapists.note"
          defaultMessage="The mean of each check-in’s theme scores, by the therapist it was about (the visit it followed, or the patient’s last visit). Admins see every therapist; a therapist sees their own."
        />
      }
      chart={
        rows.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="dashboard.therapists.none" defaultMessage="No check-ins about your patients in this period." />
          </p>
        ) : (
          <LineSeries
            title={intl.formatMessage({ id: 'dashboard.therapists.chart', defaultMessage: 'Check-in scores by therapist' })}
            data={data}
            domain={[d.checkins.scale.min, d.checkins.scale.max]}
            series={rows.map((r, i) => ({ key: r.therapistId, name: r.name, colour: palette[i % palette.length] }))}
          />
        )
      }
      table={{
        caption: <FormattedMessage id="dashboard.therapists.caption" defaultMessage="Mean check-in score by therapist (number of check-ins)" />,
        columns: [
          { header: <FormattedMessage id="dashboard.therapists.therapist" defaultMessage="Therapist" />, cell: (r) => r.name },
          ...d.buckets.map((bucket, i) => ({
            header: words.short(bucket.start),
            cell: (r: Row) => {
              const b = r.series[i];
              return b.score === null ? '—' : `${words.score(b.score)} (${b.checkins})`;
            },
          })),
        ],
        rows,
        rowKey: (r) => r.therapistId,
      }}
    />
  );
}

/** Do new patients come back? Of each month's new patients, the share back within 30, 60 and 90 days. */
export function ReturningSection({ d }: { d: Dashboard }) {
  const intl = useIntl();
  const words = useBucketWords('month');
  const within = (days: number) => intl.formatMessage({ id: 'dashboard.returning.within', defaultMessage: 'Back within {days} days' }, { days });
  const notYet = intl.formatMessage({ id: 'dashboard.returning.notYet', defaultMessage: 'Not known yet' });
  const data = d.returning.map((m) => ({
    label: words.short(`${m.month}-01`),
    ...Object.fromEntries(m.within.map((w) => [`d${w.days}`, w.returned === null || m.patients === 0 ? null : w.returned / m.patients])),
  }));
  return (
    <Panel
      id="dash-returning"
      wide
      title={<FormattedMessage id="dashboard.returning.title" defaultMessage="Do new patients come back?" />}
      note={<FormattedMessage id="dashboard.returning.note" defaultMessage="Patients by the month of their first visit, and how many had another visit within 30, 60 and 90 days. A window not yet over for all of a month’s patients is not known yet." />}
      chart={
        <BarSeries
          title={intl.formatMessage({ id: 'dashboard.returning.chart', defaultMessage: 'Share of new patients back' })}
          data={data}
          series={returnWindows.map((days, i) => ({ key: `d${days}`, name: within(days), colour: palette[i] }))}
          shares="side by side"
        />
      }
      table={{
        caption: <FormattedMessage id="dashboard.returning.caption" defaultMessage="New patients and how many came back (share)" />,
        columns: [
          { header: <FormattedMessage id="dashboard.returning.month" defaultMessage="First visit in" />, cell: (m) => words.month(m.month) },
          { header: <FormattedMessage id="dashboard.returning.patients" defaultMessage="New patients" />, cell: (m) => m.patients },
          ...returnWindows.map((days, k) => ({
            header: within(days),
            cell: (m: Month) => {
              const { returned } = m.within[k];
              return returned === null ? notYet : m.patients === 0 ? '—' : `${returned} (${words.share(returned, m.patients)})`;
            },
          })),
        ],
        rows: d.returning,
        rowKey: (m) => m.month,
      }}
    />
  );
}
