import { afterEach, describe, expect, it, vi } from 'vitest';
import { printContractRows } from '../bench/cases/contract';
import { printRows, type Timing } from '../bench/harness';
import { compare, readTables } from '../bench/side-by-side';

/** What the bench prints, captured: the side-by-side script reads these very tables back. */
function printed(print: () => void): string {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  try {
    print();
  } finally {
    spy.mockRestore();
  }
  return `${lines.join('\n')}\n`;
}

const timing = (median: number, p95: number): Timing => ({ median, p95, runs: 11 });
const contract = (first: number, median: number, p95: number) => ({ first, median, p95, runs: 11 });

afterEach(() => vi.restoreAllMocks());

describe('the side-by-side bench reads the tables the bench prints', () => {
  it('reads each row of printRows and printContractRows by name, with its p50 and p95', () => {
    const output =
      'Sổ ANTT bench, size province\n(reusing the province in /tmp/x)\n' +
      printed(() =>
        printRows('Store', [
          { name: 'open a store of 10,000 rows', ours: timing(12.5, 130.4), baseline: timing(10, 11) },
          { name: 'write one report (WritePath)', ours: timing(0.42, 0.9), baseline: timing(0.1, 0.2), budgetMs: 5, note: 'a note  with two spaces' },
        ]),
      ) +
      printed(() =>
        printContractRows('Through the contract, a province', [
          { group: 'register', name: 'sort by officer, desc', ours: contract(80, 21.3, 44.8), http: contract(90, 25, 51), raw: { median: 4, p95: 5 }, budgetMs: 50 },
          { group: 'login', name: 'login after a power cut', ours: contract(1500, 1500, 1500), http: null, raw: null, budgetMs: 2000, note: 'beyond 900 ms' },
        ]),
      ) +
      'every row within its budget\n';
    const tables = readTables(output);
    expect(tables.map((table) => table.title)).toEqual(['Store', 'Through the contract, a province']);
    expect([...tables[0]!.rows]).toEqual([
      ['open a store of 10,000 rows', { p50: 12.5, p95: 130 }],
      ['write one report (WritePath)', { p50: 0.42, p95: 0.9 }],
    ]);
    expect([...tables[1]!.rows]).toEqual([
      ['register · sort by officer, desc', { p50: 21.3, p95: 44.8 }],
      ['login · login after a power cut', { p50: 1500, p95: 1500 }],
    ]);
  });

  it('compares the medians over the runs and marks a row more than 10 % slower than the base', () => {
    const table = (p95: number, other: number) => [{ title: 'T', rows: new Map([['a', { p50: 1, p95 }], ['b', { p50: 1, p95: other }]]) }];
    const rows = compare([table(10, 20), table(12, 20), table(11, 20)], [table(12, 21), table(12.5, 22), table(30, 21.9)]);
    expect(rows.map((row) => [row.name, row.base.p95, row.change.p95, row.slower])).toEqual([
      ['a', 11, 12.5, true],
      ['b', 20, 21.9, false],
    ]);
  });

  it('leaves out a row only one side printed', () => {
    const one = [{ title: 'T', rows: new Map([['only in the base', { p50: 1, p95: 2 }]]) }];
    const other = [{ title: 'T', rows: new Map([['only in the change', { p50: 1, p95: 2 }]]) }];
    expect(compare([one], [other])).toEqual([]);
  });
});
