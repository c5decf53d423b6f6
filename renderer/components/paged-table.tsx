import type { PagedRows } from '../data/use-paged-rows';
import { describeError } from '../errors';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { Notice } from './notice';
import { VirtualTable, type VirtualTableProps } from './virtual-table';

export type PagedTableProps<Row extends { readonly id: string }, S extends string> = Omit<
  VirtualTableProps<Row, S>,
  'total' | 'rowAt' | 'onRange'
> & { readonly list: PagedRows<Row> };

/**
 * A list fetched page by page: its error, its total ("Tổng số: N"; "Hơn 10.000 kết quả" where the
 * count stopped, the first 10,000 shown) and the virtualized table, the same on every list page of the app.
 */
export function PagedTable<Row extends { readonly id: string }, S extends string>({ list, ...table }: PagedTableProps<Row, S>) {
  const { t } = useI18n();
  return (
    <>
      {list.error ? <Notice kind="error">{describeError(t, list.error)}</Notice> : null}
      <p className="register-total" role="status">
        {list.total === null
          ? t('app.loading')
          : list.capped
            ? t('register.totalCapped', { count: formatNumber(list.total) })
            : t('register.total', { count: formatNumber(list.total) })}
      </p>
      <VirtualTable {...table} total={list.total} rowAt={list.rowAt} onRange={list.request} />
    </>
  );
}

/** A column's header sorts by it; a second click reverses. */
export function toggleSort<S extends string>(current: { readonly column: S; readonly direction: 'asc' | 'desc' }, column: S) {
  return { column, direction: current.column === column && current.direction === 'asc' ? ('desc' as const) : ('asc' as const) };
}
