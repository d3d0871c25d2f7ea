import type { Key, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Dashboard } from '../../shared/contract/dashboard';
import { DataTable, type Column } from '../ui/DataTable';

/**
 * One question on the dashboard: its title is the question, the chart draws the answer,
 * and the table beside it holds the same numbers (screen readers, and people who would
 * rather read), a DataTable with its caption shown. The table scrolls inside its own
 * focusable region, named by that caption, so a long period never pushes the page
 * sideways and the keyboard can scroll it. No rows, no table (the chart says why).
 */
export function Panel<T>({ id, title, note, chart, table, wide = false }: {
  id: string;
  title: ReactNode;
  note?: ReactNode;
  chart: ReactNode;
  table: { caption: ReactNode; columns: [Column<T>, ...Column<T>[]]; rows: readonly T[]; rowKey(row: T): Key };
  wide?: boolean;
}) {
  return (
    <section className={`dashboard__panel${wide ? ' dashboard__panel--wide' : ''}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {note && <p className="muted dashboard__note">{note}</p>}
      <div className="dashboard__pair">
        <figure className="dashboard__chart" aria-labelledby={`${id}-h`}>
          {chart}
        </figure>
        {table.rows.length > 0 && (
          <div className="dashboard__table" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
            <DataTable {...table} caption={<span id={`${id}-caption`}>{table.caption}</span>} showCaption className="table dashboard__numbers" />
          </div>
        )}
      </div>
    </section>
  );
}

/** Okabe–Ito colours (told apart with the common colour-vision deficiencies), yellow darkened to read on white. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8c6d00', '#56B4E9', '#1d2a33', '#E69F00'];

/** How the desk reads a bucket: the week by its Monday ("Nov 23"), the month by name ("Nov 2026"). */
export function useBucketWords(unit: Dashboard['unit']) {
  const intl = useIntl();
  const date = (day: string, options: Intl.DateTimeFormatOptions) => intl.formatDate(`${day}T12:00:00Z`, { ...options, timeZone: 'UTC' });
  return {
    short: (start: string) => (unit === 'week' ? date(start, { month: 'short', day: 'numeric' }) : date(start, { month: 'short', year: 'numeric' })),
    month: (month: string) => date(`${month}-01`, { month: 'long', year: 'numeric' }),
    head:
      unit === 'week'
        ? intl.formatMessage({ id: 'dashboard.weekOf', defaultMessage: 'Week of' })
        : intl.formatMessage({ id: 'dashboard.month', defaultMessage: 'Month' }),
    /** A share as the desk reads it ("75 %" in French), or a dash when there is nothing to share. */
    share: (part: number, whole: number) => (whole > 0 ? intl.formatNumber(part / whole, { style: 'percent' }) : '—'),
    score: (n: number | null) => (n === null ? '—' : intl.formatNumber(n, { maximumFractionDigits: 2 })),
  };
}
