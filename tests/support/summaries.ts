import type { Sqlite } from '../../db/store';

/**
 * Recounts of the summary tables the write path keeps by trigger (report_days, report_months, report_counts,
 * program_months, and the every-office report_months_all and program_months_all), straight from the base tables, for tests that compare the two. The police month
 * uses the default cut-off day (15).
 */

const policeMonth = (column: string) =>
  `CASE WHEN CAST(strftime('%d', ${column}) AS INTEGER) >= 15 THEN strftime('%Y-%m', ${column}, 'start of month', '+1 month') ELSE strftime('%Y-%m', ${column}) END`;

const KEPT_DAYS = 'SELECT office_id, day, category_code, kind, status, n, deaths, injuries, damage, fine FROM report_days WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5';
const RECOUNT_DAYS = `SELECT office_id, date((received_at + 25200000) / 1000, 'unixepoch') AS day, coalesce(category_code, '') AS category_code, kind, status, count(*) AS n,
    coalesce(sum(deaths), 0) AS deaths, coalesce(sum(injuries), 0) AS injuries, coalesce(sum(damage), 0) AS damage, coalesce(sum(fine), 0) AS fine
  FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
const KEPT_MONTHS = 'SELECT office_id, month, category_code, kind, status, n, deaths, injuries, damage, fine FROM report_months WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5';
const RECOUNT_MONTHS = `SELECT office_id, ${policeMonth('day')} AS month, category_code, kind, status, sum(n) AS n, sum(deaths) AS deaths, sum(injuries) AS injuries, sum(damage) AS damage, sum(fine) AS fine
  FROM (${RECOUNT_DAYS}) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
const KEPT_PROGRAMS = 'SELECT office_id, kind_code, month, started, ended FROM program_months WHERE started <> 0 OR ended <> 0 ORDER BY 1, 2, 3';
const RECOUNT_PROGRAMS = `SELECT office_id, kind_code, month, sum(started) AS started, sum(ended) AS ended FROM (
    SELECT office_id, kind_code, ${policeMonth('start_date')} AS month, 1 AS started, 0 AS ended FROM programs WHERE deleted_at IS NULL
    UNION ALL SELECT office_id, kind_code, ${policeMonth('ended_on')}, 0, 1 FROM programs WHERE deleted_at IS NULL AND ended_on IS NOT NULL)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const KEPT_MONTHS_ALL = 'SELECT month, category_code, kind, status, n, deaths, injuries, damage, fine FROM report_months_all WHERE n <> 0 ORDER BY 1, 2, 3, 4';
const RECOUNT_MONTHS_ALL = `SELECT month, category_code, kind, status, sum(n) AS n, sum(deaths) AS deaths, sum(injuries) AS injuries, sum(damage) AS damage, sum(fine) AS fine
  FROM (${RECOUNT_MONTHS}) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const KEPT_PROGRAMS_ALL = 'SELECT kind_code, month, started, ended FROM program_months_all WHERE started <> 0 OR ended <> 0 ORDER BY 1, 2';
const RECOUNT_PROGRAMS_ALL = `SELECT kind_code, month, sum(started) AS started, sum(ended) AS ended FROM (${RECOUNT_PROGRAMS}) GROUP BY 1, 2 HAVING sum(started) <> 0 OR sum(ended) <> 0 ORDER BY 1, 2`;

const KEPT_COUNTS = 'SELECT office_id, category_code, kind, status, n FROM report_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4';
const RECOUNT_COUNTS = `SELECT office_id, coalesce(category_code, '') AS category_code, kind, status, count(*) AS n
  FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

export interface SummaryComparison {
  readonly kept: unknown[];
  readonly recount: unknown[];
}

/** Each summary table as kept and as recounted from the base tables, in the same order. */
export function summaryComparisons(
  db: Sqlite,
): Record<'report_days' | 'report_months' | 'report_months_all' | 'report_counts' | 'program_months' | 'program_months_all', SummaryComparison> {
  return {
    report_counts: { kept: db.prepare(KEPT_COUNTS).all(), recount: db.prepare(RECOUNT_COUNTS).all() },
    report_days: { kept: db.prepare(KEPT_DAYS).all(), recount: db.prepare(RECOUNT_DAYS).all() },
    report_months: { kept: db.prepare(KEPT_MONTHS).all(), recount: db.prepare(RECOUNT_MONTHS).all() },
    report_months_all: { kept: db.prepare(KEPT_MONTHS_ALL).all(), recount: db.prepare(RECOUNT_MONTHS_ALL).all() },
    program_months: { kept: db.prepare(KEPT_PROGRAMS).all(), recount: db.prepare(RECOUNT_PROGRAMS).all() },
    program_months_all: { kept: db.prepare(KEPT_PROGRAMS_ALL).all(), recount: db.prepare(RECOUNT_PROGRAMS_ALL).all() },
  };
}
