import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import type { Column } from './data-table';
import { MAX_SCROLL_HEIGHT, rowWindow, scrollTopForRow, type ScrollGeometry } from './scroll-scale';

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
  readonly onOpen: (row: Row) => void;
  readonly rowClassName?: (row: Row) => string | undefined;
  readonly sort: { readonly column: S; readonly direction: SortDirection };
  readonly onSort: (column: S) => void;
  readonly empty: string;
  /** Row height in pixels: every row has it, so the scroll bar is right without measuring. */
  readonly rowHeight?: number;
}

/** Rows rendered beyond each edge of the view, so a short scroll shows rows already there. */
const OVERSCAN = 12;

/**
 * A table for lists too long to render: only the rows in view (and a few around them) are in the
 * page, with spacer rows above and below; the header stays at the top of its scroll box. A list
 * taller than a browser can lay out (a million rows) keeps a capped scroll height and maps the scroll
 * position onto the whole list (see scroll-scale.ts). Rows can be opened by click or by Enter, and
 * moved between with the arrow keys, Page Up/Down, Home and End; sortable headers are buttons and
 * say their order with aria-sort.
 */
export function VirtualTable<Row, S extends string>(props: VirtualTableProps<Row, S>) {
  const { caption, columns, total, rowAt, onRange, onOpen, rowClassName, sort, onSort, empty, rowHeight = 48 } = props;
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [maxHeight, setMaxHeight] = useState(MAX_SCROLL_HEIGHT);
  const count = total ?? 0;
  const geometry: ScrollGeometry = { count, rowHeight, viewport, maxHeight };
  const rows = rowWindow(geometry, scrollTop, OVERSCAN);
  const { first, last } = rows;

  // The view's height: the scroll box less its sticky header, kept as the window is resized.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    // The cap on the scroll height is a layout limit, so it is set in the style sheet (--vtable-max-height).
    const cap = Number.parseFloat(getComputedStyle(box).getPropertyValue('--vtable-max-height'));
    if (cap > 0) setMaxHeight(cap);
    const measure = () => setViewport(Math.max(0, box.clientHeight - (head.current?.offsetHeight ?? 0)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  // A new list (another search, filter or order) starts at its top.
  useEffect(() => {
    if (total === null && scroller.current) {
      scroller.current.scrollTop = 0;
      setScrollTop(0);
    }
  }, [total]);

  /** Scrolls to `top` and renders the rows there now, not at the next scroll event. */
  const scrollTo = (top: number) => {
    const box = scroller.current;
    if (!box) return;
    box.scrollTop = top;
    setScrollTop(box.scrollTop);
  };

  // A row asked to take the focus (by the keyboard) takes it once it is rendered.
  const focusWanted = useRef<number | null>(null);
  const [, setFocusAsked] = useState(0);
  useEffect(() => {
    const index = focusWanted.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`);
    if (row) {
      focusWanted.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const focusRow = (index: number) => {
    const target = Math.min(Math.max(0, index), count - 1);
    if (target < 0) return;
    focusWanted.current = target;
    scrollTo(scrollTopForRow(geometry, scroller.current?.scrollTop ?? scrollTop, target));
    // Renders (and so focuses) even when the row is in view already and nothing scrolled.
    setFocusAsked((n) => n + 1);
  };

  // Focus moved by Tab or a click: the browser's own scrolling does not know the mapping, so the
  // row is brought into view here.
  const onFocusRow = (index: number) => () => {
    const box = scroller.current;
    if (!box) return;
    const top = scrollTopForRow(geometry, box.scrollTop, index);
    if (top !== box.scrollTop) scrollTo(top);
  };

  const onKeyDown = (index: number, row: Row | undefined) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    const perView = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + perView, PageUp: index - perView, Home: 0, End: count - 1 };
    if (event.key === 'Enter' && row) {
      onOpen(row);
    } else if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    }
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
    <div className="vtable-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <table className="table vtable" aria-rowcount={total === null ? undefined : total + 1}>
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <thead ref={head}>
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
          {rows.top > 0 ? <tr aria-hidden="true" className="vtable-spacer" style={{ height: rows.top }} /> : null}
          {Array.from({ length: last - first + 1 }, (_, offset) => {
            const index = first + offset;
            const row = rowAt(index);
            // Keyed by position: a row that arrives keeps the element (and the focus) of its placeholder.
            if (!row) {
              return (
                <tr
                  key={index}
                  data-index={index}
                  aria-rowindex={index + 2}
                  tabIndex={-1}
                  className="vtable-row vtable-loading"
                  style={{ height: rowHeight }}
                  onFocus={onFocusRow(index)}
                  onKeyDown={onKeyDown(index, undefined)}
                >
                  <td colSpan={columns.length}>{t('table.rowLoading', { n: formatNumber(index + 1) })}</td>
                </tr>
              );
            }
            const extra = rowClassName?.(row);
            return (
              <tr
                key={index}
                data-index={index}
                aria-rowindex={index + 2}
                tabIndex={0}
                className={`vtable-row${extra ? ` ${extra}` : ''}`}
                style={{ height: rowHeight }}
                onClick={() => onOpen(row)}
                onFocus={onFocusRow(index)}
                onKeyDown={onKeyDown(index, row)}
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
          {rows.bottom > 0 ? <tr aria-hidden="true" className="vtable-spacer" style={{ height: rows.bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
