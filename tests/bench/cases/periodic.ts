import { countFigures } from '../../../db/reports/figures';
import { computePeriodic } from '../../../db/reports/periodic';
import { comparedRanges } from '../../../core/periods';
import { startOfDay, endOfDay } from '../../../core/calendar';
import { time, type BenchRow } from '../harness';
import type { RegisterStore } from './register';

const OFFICE = '12345';

/**
 * The periodic report: a six-month report with every comparison (same period last year, previous
 * period, year to date and last year's) over the office's register, people, hotspots, campaigns and
 * movement. Baseline: the register part alone asked of the reports table directly, one plain
 * GROUP BY per compared range, as a report without the daily summary would.
 */
export function periodicCases(store: RegisterStore): BenchRow[] {
  const { db } = store;
  const half = { kind: 'half', year: 2026, index: 1 } as const;
  const ranges = Object.values(comparedRanges(half, 15));
  const raw = db.prepare(
    `SELECT category_code, kind, status, count(*), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM reports
     WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? GROUP BY category_code, kind, status`,
  );
  const baseline = () => {
    for (const range of ranges) raw.all(startOfDay(range.start), endOfDay(range.end));
  };
  const month = { kind: 'month', year: 2026, index: 11 } as const;
  return [
    { name: '6-month report with all comparisons, one office', ours: time(() => computePeriodic(db, OFFICE, half), 30), baseline: time(baseline, 30), budgetMs: 20 },
    {
      name: '  of which the figures (register, operations, hotspots, people, movement)',
      ours: time(() => countFigures(db, OFFICE, ranges, 15), 30),
      baseline: time(baseline, 30),
    },
    { name: 'police-month report with all comparisons', ours: time(() => computePeriodic(db, OFFICE, month), 30), baseline: time(baseline, 30) },
  ];
}
