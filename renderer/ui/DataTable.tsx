import type { Key, ReactNode } from 'react';
import { useIntl } from 'react-intl';

export type Column<T> = { header: ReactNode; cell(row: T): ReactNode; className?: string };

/**
 * The desk's lists, one way: a caption a screen reader announces (shown when `showCaption`),
 * headers with their scope, the first column naming its row, the row's actions last as
 * buttons (Tab reaches them in reading order), and a sentence in place of an empty table.
 * `rows` undefined is still loading: nothing is said yet, rather than "none".
 */
export function DataTable<T>({ caption, showCaption, columns, rows, rowKey, actions, empty, className = 'table' }: {
  caption: ReactNode;
  showCaption?: boolean;
  columns: [Column<T>, ...Column<T>[]];
  rows: readonly T[] | undefined;
  rowKey(row: T): Key;
  actions?(row: T): ReactNode;
  empty?: ReactNode;
  className?: string;
}) {
  const intl = useIntl();
  if (!rows) return null;
  if (rows.length === 0) {
    return empty ? (
      <p className="muted" role="status">
        {empty}
      </p>
    ) : null;
  }
  const [first, ...rest] = columns;
  return (
    <table className={className}>
      <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c.header}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{intl.formatMessage({ id: 'ui.table.actions', defaultMessage: 'Actions' })}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row" className={first.className}>
              {first.cell(row)}
            </th>
            {rest.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(row)}
              </td>
            ))}
            {actions && <td className="actions">{actions(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
