import type { ReactNode } from 'react';

/** One column: its header and how a row shows in it. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** Numbers are right-aligned. */
  readonly align?: 'left' | 'right';
}

/**
 * A table with a caption (its accessible name). `rowClass` marks rows (e.g. `'highlight'` for a
 * discrepancy); `empty` is shown when there are no rows.
 *
 * @example
 * <Table caption="Lots" rows={lots} rowKey={(l) => l.lotNumber}
 *   columns={[{ header: 'Lot', cell: (l) => l.lotNumber }, { header: 'Quantity', cell: (l) => l.quantity, align: 'right' }]} />
 */
export function Table<Row>({
  caption,
  rows,
  columns,
  rowKey,
  rowClass,
  empty = 'Nothing yet.',
}: {
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly rowClass?: (row: Row) => string | undefined;
  readonly empty?: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.align === 'right' ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className={rowClass?.(row)}>
                {columns.map((c) => (
                  <td key={c.header} className={c.align === 'right' ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
