/**
 * The bench of two commits side by side, in one run on one machine (issue #20: "the budgets hold within
 * 10 % of the base"):
 *
 *   npx tsx tests/bench/side-by-side.ts --base REV [--runs 2] [--keep DIR] [--check] -- BENCH ARGS…
 *
 * The base commit is checked out beside this one (a detached git worktree in the system's temporary
 * folder, sharing this checkout's node_modules), and `tests/bench/main.ts BENCH ARGS…` runs in each,
 * alternately (base, change, base, change…), so both meet the same load. With `--keep DIR` (a kept
 * store, e.g. the province of `npm run generate`), each checkout works on its own copy of it, made once:
 * the newer checkout migrates its copy, which the older one could then no longer open.
 *
 * Every table the bench prints is read back; for each row found in both, the median over the runs of
 * its p50 and p95 is printed for the base and the change, with the change's p95 over the base's.
 * A row more than 10 % slower is marked; `--check` exits 1 when one is. As with the bench, the tests
 * never run this: timings are not pass or fail for a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOLERANCE = 1.1;
const FIGURE = /^\d+(\.\d+)?$/;

/** One table the bench printed: its title and, per row, the row's name and its p50 and p95. */
export interface BenchTable {
  readonly title: string;
  readonly rows: Map<string, { readonly p50: number; readonly p95: number }>;
}

/**
 * Reads the bench's tables back from its output: a title line, a header, a line of dashes whose runs
 * give the columns, then rows up to the first line that is not one (a blank line, a note). The row's
 * name is every cell before the first timing column; p50 is the column named "p50" or "median ms",
 * p95 the one named "p95" or "p95 ms".
 */
export function readTables(output: string): BenchTable[] {
  const lines = output.split('\n');
  const tables: BenchTable[] = [];
  for (let i = 2; i < lines.length; i += 1) {
    const rule = lines[i]!;
    if (!/^-+( {2}-+)+\s*$/.test(rule)) continue;
    const spans = [...rule.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length] as const);
    const cells = (line: string) => spans.map(([start], k) => line.slice(start, k + 1 < spans.length ? spans[k + 1]![0] : undefined).trim());
    const header = cells(lines[i - 1]!);
    const p50 = header.findIndex((name) => name === 'p50' || name === 'median ms');
    const p95 = header.findIndex((name) => name === 'p95' || name === 'p95 ms');
    if (p50 < 0 || p95 < 0) continue;
    const nameCells = Math.min(p50, p95, ...['first'].map((name) => header.indexOf(name)).filter((k) => k >= 0));
    const rows = new Map<string, { p50: number; p95: number }>();
    for (let j = i + 1; j < lines.length; j += 1) {
      const row = cells(lines[j]!);
      if (!FIGURE.test(row[p50]!) || !FIGURE.test(row[p95]!)) break;
      rows.set(row.slice(0, nameCells).join(' · '), { p50: Number(row[p50]), p95: Number(row[p95]) });
    }
    tables.push({ title: lines[i - 2]!.trim(), rows });
  }
  return tables;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** For each row of `base` also in `change`: the medians over the runs, and whether the change is over the tolerance. */
export function compare(base: readonly BenchTable[][], change: readonly BenchTable[][]) {
  const collect = (runs: readonly BenchTable[][]) => {
    const figures = new Map<string, { p50: number[]; p95: number[] }>();
    for (const tables of runs) {
      for (const table of tables) {
        for (const [name, row] of table.rows) {
          const key = `${table.title}\n${name}`;
          const entry = figures.get(key) ?? { p50: [], p95: [] };
          entry.p50.push(row.p50);
          entry.p95.push(row.p95);
          figures.set(key, entry);
        }
      }
    }
    return figures;
  };
  const before = collect(base);
  const after = collect(change);
  return [...before].flatMap(([key, was]) => {
    const now = after.get(key);
    if (!now) return [];
    const [title, name] = key.split('\n') as [string, string];
    const row = { title, name, base: { p50: median(was.p50), p95: median(was.p95) }, change: { p50: median(now.p50), p95: median(now.p95) } };
    const ratio = row.change.p95 / row.base.p95;
    return [{ ...row, ratio, slower: ratio > TOLERANCE }];
  });
}

function checkout(rev: string): string {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `so-antt-base-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(dir: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/main.ts', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the bench failed in ${dir} (exit ${String(result.status)}):\n${result.stderr}`);
  return result.stdout;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string' }, runs: { type: 'string', default: '2' }, keep: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  if (!values.base) throw new Error('usage: side-by-side.ts --base REV [--runs N] [--keep DIR] [--check] -- BENCH ARGS…');
  const base = checkout(values.base);
  const sides = [
    { label: 'base', dir: base, runs: [] as BenchTable[][] },
    { label: 'change', dir: root, runs: [] as BenchTable[][] },
  ];
  const work = mkdtempSync(join(tmpdir(), 'so-antt-side-'));
  try {
    const stores = sides.map((side) => {
      if (!values.keep) return [];
      const copy = join(work, side.label);
      mkdirSync(copy);
      cpSync(values.keep, copy, { recursive: true });
      return ['--keep', copy];
    });
    for (let i = 0; i < Number(values.runs); i += 1) {
      sides.forEach((side, k) => {
        console.error(`run ${i + 1}: ${side.label} (${side.dir})`);
        side.runs.push(readTables(run(side.dir, [...positionals, ...stores[k]!])));
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const rows = compare(sides[0]!.runs, sides[1]!.runs);
  const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  let title = '';
  console.log(`Side by side: base ${values.base} against this checkout, median of ${values.runs} run(s) each; ms`);
  for (const row of rows) {
    if (row.title !== title) {
      title = row.title;
      console.log(`\n${title}\n${'row'.padEnd(70)}  base p50  base p95  change p50  change p95  change/base p95`);
    }
    const cells = [fmt(row.base.p50).padStart(8), fmt(row.base.p95).padStart(8), fmt(row.change.p50).padStart(10), fmt(row.change.p95).padStart(10)];
    console.log(`${row.name.slice(0, 70).padEnd(70)}  ${cells.join('  ')}  ${row.ratio.toFixed(2)}×${row.slower ? '  SLOWER > 10 %' : ''}`);
  }
  const slower = rows.filter((row) => row.slower).length;
  console.log(`\n${rows.length} rows compared; ${slower} more than 10 % slower than the base`);
  if (values.check && slower > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
