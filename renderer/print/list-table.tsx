import type { ReactNode } from 'react';
import { listText, roman } from './print-list-text';

export interface ListColumn<Row> {
  readonly key: string;
  readonly header: string;
  /** Share of the table's width ("12%"). */
  readonly width: string;
  readonly center?: boolean;
  readonly cell: (row: Row) => ReactNode;
}

export interface ListGroup<Row> {
  readonly key: string;
  /** The group's heading row ("I. QUÁ HẠN (3)"), numbered I, II, III…; a list with one untitled group has none. */
  readonly title?: string;
  readonly rows: readonly Row[];
}

/** Lines in one cell, one under the other; empty lines are left out. */
export function CellLines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <>
      {lines
        .filter((line) => line.trim() !== '')
        .map((line, index) => (
          <span key={index} className="doc-cell-line">
            {line}
          </span>
        ))}
    </>
  );
}

export interface ListTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly ListColumn<Row>[];
  readonly groups: readonly ListGroup<Row>[];
  readonly rowKey: (row: Row) => string;
  /** What an empty group (or an empty list) says; without it, an empty group prints no row. */
  readonly empty?: string;
  /** A class for a row's <tr> ("doc-row-voided"). */
  readonly rowClass?: (row: Row) => string | undefined;
  /**
   * The table's last rows, carried to the end of the document with the signature (signature-block.tsx,
   * DocumentEnd): no caption and no head of their own, numbered on from `first`.
   */
  readonly tail?: { readonly first: number };
}

/**
 * The one table frame of every printed document (lists, the register extract, the campaign and
 * periodic reports): ruled, "STT" first, numbered from 1 in each group; the head repeats on every page
 * and a row is never split (print.css, .doc-table).
 */
export function ListTable<Row>({ caption, columns, groups, rowKey, empty, rowClass, tail }: ListTableProps<Row>) {
  const span = columns.length + 1;
  const first = tail?.first ?? 0;
  const emptyRow =
    empty === undefined ? null : (
      <tr>
        <td colSpan={span} className="doc-cell-center">
          {empty}
        </td>
      </tr>
    );
  const titled = groups.filter((group) => group.title !== undefined);
  return (
    <table className={tail ? 'doc-table doc-table-tail' : 'doc-table'}>
      {tail ? null : <caption className="sr-only">{caption}</caption>}
      <colgroup>
        <col className="doc-col-index" />
        {columns.map((column) => (
          <col key={column.key} style={{ width: column.width }} />
        ))}
      </colgroup>
      {tail ? null : (
        <thead>
          <tr>
            <th scope="col">{listText.index}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      {groups.length === 0 ? <tbody>{emptyRow}</tbody> : null}
      {groups.map((group) => (
        <tbody key={group.key}>
          {group.title !== undefined ? (
            <tr className="doc-group-row">
              <th colSpan={span} scope="colgroup">
                {roman(titled.indexOf(group) + 1)}. {group.title}
              </th>
            </tr>
          ) : null}
          {group.rows.length === 0
            ? emptyRow
            : group.rows.map((row, index) => (
                <tr key={rowKey(row)} className={rowClass?.(row)}>
                  <td className="doc-cell-center">{first + index + 1}</td>
                  {columns.map((column) => (
                    <td key={column.key} className={column.center ? 'doc-cell-center' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      ))}
    </table>
  );
}
