import { sql, type RawBuilder } from 'kysely';
import { allRaw } from '../query';
import { endOfDay, startOfDay, type IsoDate } from '../../core/calendar';
import { SOLVED_STATUSES } from '../reports/figures';
import type { Sqlite } from '../store';

/** What results are counted over: a period, a scope, and (for a campaign) its own links and operations. */
export interface ResultScope {
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Localities in scope; null for the whole office. */
  readonly localities: readonly string[] | null;
  /** Focus categories; null for all. */
  readonly categories: readonly string[] | null;
  /** The campaign whose linked reports and operations count too; null for a plain period. */
  readonly campaignId: string | null;
  /** The office whose records are counted. */
  readonly officeId: string;
}

export interface CountedResults {
  readonly reports_detected: number;
  readonly cases_solved: number;
  readonly persons_handled: number;
  readonly hotspots_cleared: number;
  readonly operations: number;
  /** Seized quantity by measure code. */
  readonly seizures: Readonly<Record<string, number>>;
}

/**
 * Results counted from the records, never typed twice: reports received in the period and scope, or
 * linked to the campaign, or opened by its operations, each counted once however many ways it is
 * linked; operations of the campaign (or, for a plain period, in the period and scope) with their
 * persons and seizures; hotspots cleared in the period and scope. Each condition is added only when
 * it applies, so SQLite can use its indexes; every value is a bound parameter (lists as JSON).
 */
export function countResults(db: Sqlite, scope: ResultScope): CountedResults {
  const from = startOfDay(scope.start);
  const to = endOfDay(scope.end);
  const localities = scope.localities === null ? null : JSON.stringify(scope.localities);
  const categories = scope.categories === null ? null : JSON.stringify(scope.categories);

  const solvedList = sql.join(SOLVED_STATUSES.map((status) => sql`${status}`));
  // A campaign's operations by the campaign (its office is the campaign's); a plain period's by office and date.
  const operationWhere: RawBuilder<unknown>[] = [sql`o.deleted_at IS NULL`];
  const linked: RawBuilder<unknown>[] = [];
  if (scope.campaignId !== null) {
    operationWhere.push(sql`o.campaign_id = ${scope.campaignId}`);
    linked.push(sql`SELECT report_id FROM campaign_reports WHERE campaign_id = ${scope.campaignId} AND deleted_at IS NULL`);
    linked.push(sql`SELECT r.report_id FROM operation_reports r JOIN operations o ON o.id = r.operation_id
      WHERE o.campaign_id = ${scope.campaignId} AND o.deleted_at IS NULL AND r.deleted_at IS NULL`);
  } else {
    operationWhere.push(sql`o.office_id = ${scope.officeId}`, sql`o.started_at >= ${from}`, sql`o.started_at < ${to}`);
    if (localities !== null) operationWhere.push(sql`o.locality_id IN (SELECT value FROM json_each(${localities}))`);
  }
  const operationFilter = sql.join(operationWhere, sql` AND `);

  // Reports received in the period, scope and focus…
  const inPeriod: RawBuilder<unknown>[] = [sql`r.deleted_at IS NULL`, sql`r.office_id = ${scope.officeId}`, sql`r.received_at >= ${from}`, sql`r.received_at < ${to}`];
  if (localities !== null) inPeriod.push(sql`r.locality_id IN (SELECT value FROM json_each(${localities}))`);
  if (categories !== null) inPeriod.push(sql`r.category_code IN (SELECT value FROM json_each(${categories}))`);
  let counted: { detected: number; solved: number };
  if (localities === null) {
    // …for the whole office, from the daily summary the triggers keep (a few rows per day)…
    const dayWhere: RawBuilder<unknown>[] = [sql`office_id = ${scope.officeId}`, sql`day BETWEEN ${scope.start} AND ${scope.end}`];
    if (categories !== null) dayWhere.push(sql`category_code IN (SELECT value FROM json_each(${categories}))`);
    [counted] = allRaw<{ detected: number; solved: number }>(
      db,
      sql`SELECT coalesce(sum(n), 0) AS detected, coalesce(sum(CASE WHEN status IN (${solvedList}) THEN n END), 0) AS solved FROM report_days WHERE ${sql.join(dayWhere, sql` AND `)}`,
    ) as [{ detected: number; solved: number }];
  } else {
    [counted] = allRaw<{ detected: number; solved: number }>(
      db,
      sql`SELECT count(*) AS detected, coalesce(sum(r.status IN (${solvedList})), 0) AS solved FROM reports r WHERE ${sql.join(inPeriod, sql` AND `)}`,
    ) as [{ detected: number; solved: number }];
  }
  // …and the reports linked to the campaign or opened by its operations that are not among them, once each.
  let reports = counted;
  if (linked.length > 0) {
    const [extra] = allRaw<{ detected: number; solved: number }>(
      db,
      sql`SELECT count(*) AS detected, coalesce(sum(r.status IN (${solvedList})), 0) AS solved FROM reports r
        WHERE r.id IN (${sql.join(linked, sql` UNION `)}) AND r.deleted_at IS NULL AND NOT (${sql.join(inPeriod, sql` AND `)})`,
    );
    reports = { detected: counted.detected + extra!.detected, solved: counted.solved + extra!.solved };
  }
  const [operations] = allRaw<{ n: number; persons: number }>(
    db,
    sql`SELECT count(*) AS n, coalesce(sum(o.persons_arrested + o.persons_sanctioned), 0) AS persons FROM operations o WHERE ${operationFilter}`,
  );
  const seized = allRaw<{ measure_code: string; quantity: number }>(
    db,
    sql`SELECT s.measure_code, sum(s.quantity) AS quantity FROM operations o JOIN operation_seizures s ON s.operation_id = o.id
      WHERE s.deleted_at IS NULL AND ${operationFilter} GROUP BY s.measure_code`,
  );
  const clearedWhere: RawBuilder<unknown>[] = [
    sql`hh.status = 'cleared'`,
    sql`hh.deleted_at IS NULL`,
    sql`h.deleted_at IS NULL`,
    sql`hh.on_date >= ${scope.start}`,
    sql`hh.on_date <= ${scope.end}`,
  ];
  if (localities !== null) clearedWhere.push(sql`h.locality_id IN (SELECT value FROM json_each(${localities}))`);
  const [cleared] = allRaw<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT h.id) AS n FROM hotspot_history hh JOIN hotspots h ON h.id = hh.hotspot_id WHERE ${sql.join(clearedWhere, sql` AND `)}`,
  );
  return {
    reports_detected: reports.detected,
    cases_solved: reports.solved,
    persons_handled: operations!.persons,
    hotspots_cleared: cleared!.n,
    operations: operations!.n,
    seizures: Object.fromEntries(seized.map((row) => [row.measure_code, row.quantity])),
  };
}

/** The result of one measure, by where it comes from. */
export function resultOf(results: CountedResults, measure: { code: string; source: string }): number {
  if (measure.source === 'seizure') return results.seizures[measure.code] ?? 0;
  return results[measure.source as Exclude<keyof CountedResults, 'seizures'>] ?? 0;
}

/** Percentage of a target reached; null when there is no target to divide by. */
export function percentOf(result: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((result / target) * 1000) / 10;
}
