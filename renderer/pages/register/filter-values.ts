import type { z } from 'zod';
import type { reportFilters, ReportKind, ReportStatus, SortColumn } from '../../../api/calls/register';
import type { SortDirection } from '../../components/virtual-table';

/** The register's search and filters as the toolbar's inputs hold them. */
export const emptyFilters = {
  q: '',
  from: '',
  to: '',
  kind: '' as ReportKind | '',
  categoryCode: '',
  status: '' as ReportStatus | '',
  localityId: '',
  officerId: '',
  overdue: false,
  includeVoided: false,
  /** '' for every office in the store. */
  officeId: '',
};
export type FilterValues = typeof emptyFilters;

export interface Sort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export const defaultSort: Sort = { column: 'register', direction: 'desc' };

const orNull = <T extends string>(value: T | ''): T | null => (value === '' ? null : value);

export function toFilters(values: FilterValues): z.input<typeof reportFilters> {
  return {
    q: values.q.trim(),
    from: orNull(values.from),
    to: orNull(values.to),
    kind: orNull(values.kind),
    categoryCode: orNull(values.categoryCode),
    status: orNull(values.status),
    localityId: orNull(values.localityId),
    officerId: orNull(values.officerId),
    overdue: values.overdue,
    includeVoided: values.includeVoided,
    officeId: orNull(values.officeId),
  };
}

/** A column's header sorts by it; a second click reverses. Dates and numbers start with the newest. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'register' || column === 'received_at' ? 'desc' : 'asc' };
}

const FILTER_KEYS = ['from', 'to', 'kind', 'categoryCode', 'status', 'localityId', 'officerId', 'officeId'] as const;
const FLAG_KEYS = ['overdue', 'includeVoided'] as const;

/**
 * The list's filters and sort as the query of its address ("/reports?from=2026-12-01&to=2026-12-07"):
 * a dashboard number links to exactly the rows it counts, and coming back from a report shows the
 * same list. The search words stay out of the address (a search may name a person, and the browser
 * keeps its history on disk). Values are checked by reportFilters when the list is read.
 */
export function filtersQuery(values: FilterValues, sort: Sort): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key] !== '') query.set(key, values[key]);
  for (const key of FLAG_KEYS) if (values[key]) query.set(key, '1');
  if (sort.column !== defaultSort.column || sort.direction !== defaultSort.direction) query.set('sort', `${sort.column}.${sort.direction}`);
  return query.toString();
}

export function filtersFromQuery(search: string, columns: readonly SortColumn[]): { values: FilterValues; sort: Sort } {
  const query = new URLSearchParams(search);
  const values: Record<string, string | boolean> = { ...emptyFilters };
  for (const key of FILTER_KEYS) values[key] = query.get(key) ?? '';
  for (const key of FLAG_KEYS) values[key] = query.get(key) === '1';
  const [column, direction] = (query.get('sort') ?? '').split('.');
  const sort: Sort = columns.includes(column as SortColumn) && (direction === 'asc' || direction === 'desc') ? { column: column as SortColumn, direction } : defaultSort;
  return { values: values as FilterValues, sort };
}
