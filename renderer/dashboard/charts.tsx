import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The dashboard's two kinds of chart, set up once: bars (counts, shares stacked to 100 %,
 * or shares side by side) and lines (scores on the check-in's scale). Each point's x is
 * its `label`; each series names its key, its words and its colour.
 */
export interface Series {
  key: string;
  name: string;
  colour: string;
}
type Point = Record<string, string | number | null>;

/** Legend words in the ink colour: recharts writes them in the series' colour, too pale to read for some. */
const legendText = (value: ReactNode) => <span className="dashboard__legend">{value}</span>;

export function BarSeries({ title, data, series, shares }: { title: string; data: Point[]; series: Series[]; shares?: 'stacked' | 'side by side' }) {
  const intl = useIntl();
  const percent = (v: unknown) => intl.formatNumber(Number(v), { style: 'percent' });
  return (
    <ResponsiveContainer width="100%" height={230}>
      <BarChart data={data} title={title} stackOffset={shares === 'stacked' ? 'expand' : undefined}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        {shares ? <YAxis domain={[0, 1]} tickFormatter={percent} /> : <YAxis allowDecimals={false} />}
        <Tooltip formatter={shares === 'side by side' ? percent : undefined} />
        <Legend formatter={legendText} itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stackId={shares === 'stacked' ? 'one' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function LineSeries({ title, data, series, domain }: { title: string; data: Point[]; series: Series[]; domain: [number, number] }) {
  return (
    <ResponsiveContainer width="100%" height={250}>
      <LineChart data={data} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis domain={domain} allowDecimals={false} />
        <Tooltip />
        <Legend formatter={legendText} itemSorter={null} />
        {series.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.colour} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
