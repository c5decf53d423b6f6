/**
 * One page of a list: the rows asked for (offset, limit) and how many match the filters. `Total` is
 * `number | null` for the lists whose later pages skip the count (reports.list and audit.list take
 * `count: false`).
 */
export interface Page<Row, Total extends number | null = number> {
  readonly total: Total;
  /**
   * Set when more rows match than were counted: a search's count stops at 10,000 (db/register), and the
   * list says "hơn 10.000 kết quả".
   */
  readonly totalCapped?: true;
  readonly rows: readonly Row[];
}
