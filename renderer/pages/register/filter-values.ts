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

/**
 * What the user last searched and how the list was sorted, for this window: coming back from a report
 * shows the same list. Kept in memory only (never in storage: a search may name a person).
 */
export const remembered: { values: FilterValues; sort: Sort } = { values: emptyFilters, sort: defaultSort };
