import { performance } from 'node:perf_hooks';

/** Timing of one operation over repeated runs, in milliseconds. */
export interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function time(fn: () => void, runs: number, warmup = Math.min(3, runs)): Timing {
  for (let i = 0; i < warmup; i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs };
}

/** The timing of samples taken one by one (an operation that cannot simply be repeated). */
export function timingOf(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), runs: sorted.length };
}

function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** One row of the report: our operation beside the raw-SQLite baseline for the same question. */
export interface BenchRow {
  readonly name: string;
  readonly ours: Timing;
  readonly baseline: Timing;
  /** The budget for `ours` in ms (p95), when the issue states one. */
  readonly budgetMs?: number;
  /** Extra text, e.g. throughput. */
  readonly note?: string;
}

/** Rows over their budget so far in this run (`--check` exits non-zero when there are any). */
export const overBudget: string[] = [];

export function printRows(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}`);
  for (const row of rows) if (row.budgetMs !== undefined && row.ours.p95 > row.budgetMs) overBudget.push(`${title}: ${row.name}`);
  const header = ['operation', 'median ms', 'p95 ms', 'baseline median', 'baseline p95', 'ratio', 'budget', 'note'];
  const lines = rows.map((row) => [
    row.name,
    fmt(row.ours.median),
    fmt(row.ours.p95),
    fmt(row.baseline.median),
    fmt(row.baseline.p95),
    `${(row.ours.median / row.baseline.median).toFixed(2)}×`,
    row.budgetMs === undefined ? '' : `${row.ours.p95 <= row.budgetMs ? 'ok' : 'OVER'} < ${row.budgetMs} ms`,
    row.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}
