import type { ReactNode } from 'react';
import type { CellType, CellValue } from '../export/workbook';

/**
 * How a screen column goes into a spreadsheet (its `sheet` field): the type and the raw value of the
 * cell, so a date stays a date and a number a number. Columns without it export the text the cell
 * shows (a cell that renders markup needs a `sheet`).
 */
export interface ColumnSheet<Row> {
  readonly type: CellType;
  readonly value: (row: Row) => CellValue;
  /** Width in Excel characters; absent: from the column's CSS width for text, else the type's default. */
  readonly width?: number;
}

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** This column names the row for assistive technology (rendered as a row header). */
  readonly rowHeader?: boolean;
  readonly className?: string;
  /** How the column goes into an Excel export: its type and raw value; absent: the cell's text. */
  readonly sheet?: ColumnSheet<Row>;
}

export interface DataTableProps<Row> {
  readonly caption: string;
  /** The caption is for assistive technology only (a visible heading already names the table). */
  readonly captionHidden?: boolean;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly empty: string;
}

/** A plain table with a caption; the list pages grow paging and sorting here when they need them. */
export function DataTable<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className={column.className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
