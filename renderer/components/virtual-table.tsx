import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Column } from './data-table';

export type SortDirection = 'asc' | 'desc';

export interface VirtualColumn<Row, S extends string> extends Column<Row> {
  /** The sort key this column's header sorts by; absent: not sortable. */
  readonly sort?: S;
  /** CSS width of the column (the table has a fixed layout so rows keep one height). */
  readonly width?: string;
  /** Plain text of the cell, shown as a tooltip when the cell is cut short. */
  readonly title?: (row: Row) => string;
}

export interface VirtualTableProps<Row, S extends string> {
  readonly caption: string;
  readonly columns: readonly VirtualColumn<Row, S>[];
  /** How many rows the list has; null while the first page loads. */
  readonly total: number | null;
  readonly rowAt: (index: number) => Row | undefined;
  /** Called with the indexes of the rows on screen, so their pages can be fetched. */
  readonly onRange: (start: number, end: number) => void;
  readonly rowKey: (row: Row) => string;
  readonly onOpen: (row: Row) => void;
  readonly rowClassName?: (row: Row) => string | undefined;
  readonly sort: { readonly column: S; readonly direction: SortDirection };
  readonly onSort: (column: S) => void;
  readonly empty: string;
  /** Row height in pixels: every row has it, so the scroll bar is right without measuring. */
  readonly rowHeight?: number;
}

/**
 * A table for lists too long to render: only the rows in view (and a few around them) are in the
 * page, with spacer rows above and below; the header stays at the top of its scroll box. Rows can be
 * opened by click or by Enter; sortable headers are buttons and say their order with aria-sort.
 */
export function VirtualTable<Row, S extends string>(props: VirtualTableProps<Row, S>) {
  const { caption, columns, total, rowAt, onRange, rowKey, onOpen, rowClassName, sort, onSort, empty, rowHeight = 48 } = props;
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  // A new list (another search, filter or order) starts at its top.
  useEffect(() => {
    if (total === null) scroller.current?.scrollTo({ top: 0 });
  }, [total]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const onKeyDown = (row: Row) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) onOpen(row);
  };

  const header = (column: VirtualColumn<Row, S>): ReactNode => {
    if (!column.sort) return column.header;
    const key = column.sort;
    const active = sort.column === key;
    return (
      <button type="button" className="sort-button" onClick={() => onSort(key)}>
        {column.header}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    );
  };

  return (
    <div className="vtable-scroll" ref={scroller}>
      <table className="table vtable" aria-rowcount={total === null ? undefined : total + 1}>
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.className}
                aria-sort={column.sort && sort.column === column.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {header(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {total === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : null}
          {paddingTop > 0 ? <tr aria-hidden="true" className="vtable-spacer" style={{ height: paddingTop }} /> : null}
          {items.map((item) => {
            const row = rowAt(item.index);
            if (!row) {
              return (
                <tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} className="vtable-row vtable-loading" style={{ height: rowHeight }}>
                  <td colSpan={columns.length}>{t('table.rowLoading', { n: item.index + 1 })}</td>
                </tr>
              );
            }
            const extra = rowClassName?.(row);
            return (
              <tr
                key={rowKey(row)}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                className={`vtable-row${extra ? ` ${extra}` : ''}`}
                style={{ height: rowHeight }}
                onClick={() => onOpen(row)}
                onKeyDown={onKeyDown(row)}
              >
                {columns.map((column) => {
                  const content = <div className="vtable-cell">{column.cell(row)}</div>;
                  const title = column.title?.(row);
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={column.className} title={title}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={column.className} title={title}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 ? <tr aria-hidden="true" className="vtable-spacer" style={{ height: paddingBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
