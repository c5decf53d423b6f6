import { prepared } from '../query';
import { endOfDay, startOfDay, type IsoDate } from '../rules/calendar';
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

const SOLVED = "('decided', 'resolved_admin', 'resolved_mediation')";

/**
 * Results counted from the records, never typed twice: reports received in the period and scope, or
 * linked to the campaign, or opened by its operations, each counted once however many ways it is
 * linked; operations of the campaign (or, for a plain period, in the period and scope) with their
 * persons and seizures; hotspots cleared in the period and scope. Lists travel as JSON arrays into
 * json_each, so every value is a bound parameter.
 */
export function countResults(db: Sqlite, scope: ResultScope): CountedResults {
  const from = startOfDay(scope.start);
  const to = endOfDay(scope.end);
  const localities = scope.localities === null ? null : JSON.stringify(scope.localities);
  const categories = scope.categories === null ? null : JSON.stringify(scope.categories);
  const reports = prepared(
    db,
    `WITH chosen AS (
       SELECT id FROM reports
       WHERE deleted_at IS NULL AND received_at >= @from AND received_at < @to
         AND (@localities IS NULL OR locality_id IN (SELECT value FROM json_each(@localities)))
         AND (@categories IS NULL OR category_code IN (SELECT value FROM json_each(@categories)))
       UNION
       SELECT report_id FROM campaign_reports WHERE @campaign IS NOT NULL AND campaign_id = @campaign AND deleted_at IS NULL
       UNION
       SELECT r.report_id FROM operation_reports r JOIN operations o ON o.id = r.operation_id
       WHERE @campaign IS NOT NULL AND o.campaign_id = @campaign AND o.deleted_at IS NULL AND r.deleted_at IS NULL
     )
     SELECT count(*) AS detected, coalesce(sum(r.status IN ${SOLVED}), 0) AS solved
     FROM chosen c JOIN reports r ON r.id = c.id WHERE r.deleted_at IS NULL`,
  ).get({ from, to, localities, categories, campaign: scope.campaignId }) as { detected: number; solved: number };
  const operationFilter = `o.deleted_at IS NULL AND (CASE WHEN @campaign IS NOT NULL THEN o.campaign_id = @campaign
       ELSE o.started_at >= @from AND o.started_at < @to AND (@localities IS NULL OR o.locality_id IN (SELECT value FROM json_each(@localities))) END)`;
  const operations = prepared(
    db,
    `SELECT count(*) AS n, coalesce(sum(o.persons_arrested + o.persons_sanctioned), 0) AS persons FROM operations o WHERE ${operationFilter}`,
  ).get({ from, to, localities, campaign: scope.campaignId }) as { n: number; persons: number };
  const seized = prepared(
    db,
    `SELECT s.measure_code, sum(s.quantity) AS quantity FROM operation_seizures s JOIN operations o ON o.id = s.operation_id
     WHERE s.deleted_at IS NULL AND ${operationFilter} GROUP BY s.measure_code`,
  ).all({ from, to, localities, campaign: scope.campaignId }) as { measure_code: string; quantity: number }[];
  const cleared = prepared(
    db,
    `SELECT count(DISTINCT h.id) AS n FROM hotspot_history hh JOIN hotspots h ON h.id = hh.hotspot_id
     WHERE hh.status = 'cleared' AND hh.deleted_at IS NULL AND h.deleted_at IS NULL AND hh.on_date >= @start AND hh.on_date <= @end
       AND (@localities IS NULL OR h.locality_id IN (SELECT value FROM json_each(@localities)))`,
  ).get({ start: scope.start, end: scope.end, localities }) as { n: number };
  return {
    reports_detected: reports.detected,
    cases_solved: reports.solved,
    persons_handled: operations.persons,
    hotspots_cleared: cleared.n,
    operations: operations.n,
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
