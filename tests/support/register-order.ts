import type { SortColumn } from '../../api/calls/register';

/**
 * The register's order in plain SQL, the reference the app's sorted pages are held to
 * (tests/integration/register-sorting.test.ts) and the bench's baseline (tests/bench/cases/contract.ts):
 * the column's value (undated deadlines last), ties in the register's order, newest first.
 */
export const REGISTER_FROM = `FROM reports r LEFT JOIN categories c ON c.code = r.category_code LEFT JOIN localities l ON l.id = r.locality_id
  LEFT JOIN users u ON u.id = r.officer_id`;

const ORDER: Record<SortColumn, string> = {
  register: 'r.register_year, r.register_no',
  received_at: 'r.received_at',
  kind: 'r.kind',
  category: 'c.name_vi',
  status: 'r.status',
  locality: 'l.name',
  officer: 'u.full_name',
  next_due_at: 'r.next_due_at',
  summary: 'r.summary',
};

/** The ORDER BY list (without the words) for a column and direction, over REGISTER_FROM's aliases. */
export function registerOrderBy(column: SortColumn, direction: 'asc' | 'desc'): string {
  const nulls = column === 'next_due_at' ? 'r.next_due_at IS NULL, ' : '';
  const tie = column === 'register' ? '' : column === 'received_at' ? `, r.rowid ${direction}` : ', r.register_year DESC, r.register_no DESC';
  return `${nulls}${ORDER[column].split(', ').map((part) => `${part} ${direction}`).join(', ')}${tie}`;
}
