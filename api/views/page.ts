/**
 * One page of a list: the rows asked for (offset, limit) and how many match the filters. `Total` is
 * `number | null` for the lists whose later pages skip the count (reports.list and audit.list take
 * `count: false`).
 */
export interface Page<Row, Total extends number | null = number> {
  readonly total: Total;
  readonly rows: readonly Row[];
}
