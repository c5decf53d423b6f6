import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SortColumn } from '../../api/calls/register';
import { qb } from '../query';
import { firstOf, firstOfText, rowsOf, rowsOfText, type Reading } from '../reading';

/**
 * The register sorted by a column with few values (issue #23): kind, status, category, locality,
 * officer. Sorting every matching report by a joined label (a category's name, an officer's name) cost
 * a second at a province, growing with the register. Here the values are listed first, from their
 * index (each next value is one seek: a few hundred at most), put in the order of their labels, and
 * read one group of equal labels at a time along that value's index in the register's order
 * (migration 0017), until the page is full: a first page reads about a page of index entries.
 *
 * The order is the one SQL gives for `ORDER BY label, register_year DESC, register_no DESC`: labels
 * compared byte by byte (SQLite's BINARY), NULL first ascending and last descending; a value with no
 * label (a report's officer who is not a user here, a category not in the list) has the label NULL.
 */
export type KeyedColumn = Extract<SortColumn, 'kind' | 'status' | 'category' | 'locality' | 'officer'>;

const keyColumn: Record<KeyedColumn, string> = {
  kind: 'kind',
  status: 'status',
  category: 'category_code',
  locality: 'locality_id',
  officer: 'officer_id',
};

/** Each value's label, where it is not the value itself. */
const labels: Partial<Record<KeyedColumn, string>> = {
  category: 'SELECT code AS key, name_vi AS label FROM categories',
  locality: 'SELECT id AS key, name AS label FROM localities',
  officer: 'SELECT id AS key, full_name AS label FROM users',
};

/**
 * Matches up to which sorting them all beats reading the sort's groups (db/register/queries.ts). A
 * test sets it to force one way or the other; nothing else changes it.
 */
export const sortTuning = {
  defaultFewMatches: 2_000,
  fewMatches: 2_000,
  /** The most index entries a page reads value by value in a group of several values (see keyedPage). */
  mergedEntries: 20_000,
};

export const isKeyed = (column: SortColumn): column is KeyedColumn => column in keyColumn;

/** A group of values with the same label, in the list's order. */
interface Group {
  readonly keys: readonly string[];
  /** Whether the reports without a value belong here (the NULL label). */
  readonly withNull: boolean;
}

/** The distinct values of a column among live reports, each found by one seek in its index. */
function* distinctValues(column: string): Reading<{ values: string[]; hasNull: boolean }> {
  const values = (
    (yield* rowsOfText<{ v: string }>(
      `WITH RECURSIVE k(v) AS (
         SELECT (SELECT min(${column}) FROM reports WHERE deleted_at IS NULL)
         UNION ALL SELECT (SELECT min(${column}) FROM reports WHERE deleted_at IS NULL AND ${column} > k.v) FROM k WHERE k.v IS NOT NULL)
       SELECT v FROM k WHERE v IS NOT NULL`,
    ))
  ).map((row) => row.v);
  const hasNull = (yield* firstOfText(`SELECT 1 AS one FROM reports WHERE deleted_at IS NULL AND ${column} IS NULL LIMIT 1`)) !== undefined;
  return { values, hasNull };
}

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The groups of a column's values in the order of their labels (the direction's). */
export function* keyedGroups(column: KeyedColumn, direction: 'asc' | 'desc'): Reading<Group[]> {
  const { values, hasNull } = yield* distinctValues(keyColumn[column]);
  const query = labels[column];
  const labelOf = new Map<string, string | null>(
    query === undefined ? values.map((value) => [value, value]) : (yield* rowsOfText<{ key: string; label: string | null }>(query)).map((row) => [row.key, row.label]),
  );
  const byLabel = new Map<string | null, string[]>();
  for (const value of values) {
    const label = labelOf.get(value) ?? null;
    byLabel.set(label, [...(byLabel.get(label) ?? []), value]);
  }
  const named = [...byLabel.entries()].filter((entry): entry is [string, string[]] => entry[0] !== null).sort((a, b) => bytes(a[0], b[0]));
  if (direction === 'desc') named.reverse();
  const groups: Group[] = named.map(([, keys]) => ({ keys, withNull: false }));
  const unnamed = byLabel.get(null) ?? [];
  // NULL sorts first ascending (SQLite), so last descending.
  if (unnamed.length > 0 || hasNull) groups.splice(direction === 'asc' ? 0 : groups.length, 0, { keys: unnamed, withNull: hasNull });
  return groups;
}

/** A report's place in the register's order. */
interface Placed {
  readonly rowid: number;
  readonly register_year: number;
  readonly register_no: number;
}

/** A group's values one by one, each a group of its own (the reports without a value one of them). */
function valuesOf(group: Group): Group[] {
  const parts: Group[] = group.keys.map((key) => ({ keys: [key], withNull: false }));
  if (group.withNull) parts.push({ keys: [], withNull: true });
  return parts;
}

/** A group as a condition on `r`. */
function groupCondition(column: KeyedColumn, group: Group): RawBuilder<SqlBool> {
  const ref = sql.ref(`r.${keyColumn[column]}`);
  const parts: RawBuilder<unknown>[] = [];
  if (group.keys.length === 1) parts.push(sql`${ref} = ${group.keys[0]}`);
  else if (group.keys.length > 1) parts.push(sql`${ref} IN (${sql.join(group.keys.map((key) => sql`${key}`))})`);
  if (group.withNull) parts.push(sql`${ref} IS NULL`);
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Rows [offset, offset + limit) of the reports matching `where`, read a group at a time: `order`
 * gives each group's rowids from `skip` on, up to `take`, in order; `count` how many a group holds up
 * to `upTo` (asked only of a group the page begins after).
 */
export function* pageByGroups<G>(
  groups: readonly G[],
  offset: number,
  limit: number,
  order: (group: G, skip: number, take: number) => Reading<number[]>,
  count: (group: G, upTo: number) => Reading<number>,
): Reading<number[]> {
  const ids: number[] = [];
  let skip = offset;
  for (const group of groups) {
    const take = limit - ids.length;
    if (take <= 0) break;
    const found = yield* order(group, skip, take);
    if (found.length > 0) {
      ids.push(...found);
      skip = 0;
    } else if (skip > 0) skip -= yield* count(group, skip);
  }
  return ids;
}

/**
 * The page's rowids sorted by a column with few values, along the groups of keyedGroups. `counted`,
 * when given, holds how many reports match `where` for each value of the column (a value absent: none;
 * the reports without one under ''), as report_counts sums them: a group with no match is then passed
 * without reading it, and one the page begins after is counted from it. Without it, a group holding no
 * match (the kinds other than crime reports, asked for thefts) is read to its end, every report tested.
 */
export function* keyedPage(
  column: KeyedColumn,
  direction: 'asc' | 'desc',
  where: RawBuilder<SqlBool>,
  offset: number,
  limit: number,
  counted?: ReadonlyMap<string, number>,
): Reading<number[]> {
  const filtered = (group: Group) => qb.selectFrom('reports as r').where(where).where(groupCondition(column, group));
  const known = (group: Group) =>
    counted === undefined ? undefined : [...new Set([...group.keys, ...(group.withNull ? [''] : [])])].reduce((n, key) => n + (counted.get(key) ?? 0), 0);
  return yield* pageByGroups(
    yield* keyedGroups(column, direction),
    offset,
    limit,
    function* (group, skip, take) {
      const n = known(group);
      if (n !== undefined && n <= skip) return [];
      // The rowid last (every index's last key): a province's communes share register numbers, and a
      // page read value by value and the next read whole must put those ties in the same order.
      const inOrder = (part: Group) => filtered(part).orderBy('r.register_year', 'desc').orderBy('r.register_no', 'desc').orderBy(sql`r.rowid`, 'desc');
      const parts = valuesOf(group);
      // Deep in a large group, reading each value's first `skip + take` would pass more entries than
      // sorting the group: there the group is read whole, as SQL sorts it.
      if (parts.length === 1 || (skip + take) * parts.length > sortTuning.mergedEntries) return (yield* rowsOf(inOrder(group).select(sql<number>`r.rowid`.as('rowid')).limit(take).offset(skip))).map((row) => row.rowid);
      // Several values under one label (a province's "Thôn 1" in 34 communes): `IN (…)` cannot walk one
      // index in the register's order, so SQLite read and sorted the whole group (38,214 reports at a
      // million for a page of 100). Each value is read along its own index instead, its first
      // `skip + take`, and the runs merged (docs/decisions.md, "A million reports through the contract").
      const runs: Placed[] = [];
      for (const part of parts) {
        runs.push(...(yield* rowsOf(inOrder(part).select([sql<number>`r.rowid`.as('rowid'), 'r.register_year', 'r.register_no']).limit(skip + take))));
      }
      return runs
        .sort((a, b) => b.register_year - a.register_year || b.register_no - a.register_no || b.rowid - a.rowid)
        .slice(skip, skip + take)
        .map((row) => row.rowid);
    },
    function* (group, upTo) {
      const n = known(group);
      if (n !== undefined) return Math.min(n, upTo);
      return (yield* firstOf(qb.selectFrom(filtered(group).select(sql<number>`1`.as('one')).limit(upTo).as('g')).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
    },
  );
}

/**
 * The page's rowids sorted by the next deadline: the reports with one, by it (then the register's
 * order, from reports_due), then those without, in the register's order, whichever the direction.
 */
export function* deadlinePage(direction: 'asc' | 'desc', where: RawBuilder<SqlBool>, offset: number, limit: number): Reading<number[]> {
  // `where` keeps live reports only (a voided one has no deadline open): the undated are then those not
  // in reports_due, a test on the rowid the register's index holds. `r.next_due_at IS NULL` read every
  // report's row for it, along the register to the page (1.5 s for a page half-way down a province).
  const part = (dated: boolean) =>
    qb
      .selectFrom('reports as r')
      .where(where)
      .where(
        dated
          ? sql<SqlBool>`r.next_due_at IS NOT NULL`
          : sql<SqlBool>`r.rowid NOT IN (SELECT rowid FROM reports WHERE next_due_at IS NOT NULL AND deleted_at IS NULL)`,
      );
  return yield* pageByGroups(
    [true, false],
    offset,
    limit,
    function* (dated, skip, take) {
      let query = part(dated).select(sql<number>`r.rowid`.as('rowid'));
      if (dated) query = query.orderBy('r.next_due_at', direction);
      return (yield* rowsOf(query.orderBy('r.register_year', 'desc').orderBy('r.register_no', 'desc').limit(take).offset(skip))).map((row) => row.rowid);
    },
    function* (dated, upTo) {
      return (yield* firstOf(qb.selectFrom(part(dated).select(sql<number>`1`.as('one')).limit(upTo).as('g')).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
    },
  );
}

/**
 * The page's rowids sorted by the summary, along its index (migration 0017): reports with the same
 * summary fall back on the register's order, which SQLite sorts within each run of equal summaries.
 */
export function* summaryPage(direction: 'asc' | 'desc', where: RawBuilder<SqlBool>, offset: number, limit: number, byCategory = false): Reading<number[]> {
  const ids = qb
    .selectFrom('reports as r')
    .where(where)
    .select(sql<number>`r.rowid`.as('rowid'))
    .orderBy('r.summary', direction)
    .orderBy('r.register_year', 'desc')
    .orderBy('r.register_no', 'desc')
    .limit(limit)
    .offset(offset);
  if (!byCategory) return (yield* rowsOf(ids)).map((row) => row.rowid);
  // With a category (`where` testing it as an indexed column): along reports_category_summary (migration
  // 22). Named: SQLite, without statistics, took the category's receipt index and sorted all its reports.
  const { sql: text, parameters } = ids.compile();
  const from = 'from "reports" as "r"';
  if (!text.includes(from)) throw new Error('the summary page no longer reads "reports" as "r"');
  return (yield* rowsOfText<{ rowid: number }>(text.replace(from, `${from} indexed by reports_category_summary`), ...parameters)).map((row) => row.rowid);
}
