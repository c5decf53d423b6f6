import { describe, expect, it } from 'vitest';
import { plannedRecord, plannedTableBuilder } from '../../db/legacy/planned-table';

describe("an old register's planned records held by column", () => {
  const records = [
    { no: 1, summary: 'trộm cắp xe máy', latitude: null, note: 'dòng 3' },
    { no: 2, summary: 'trộm cắp xe máy', latitude: null, note: 'dòng 4' },
    { no: 3, summary: 'đánh bạc', latitude: null, note: 'dòng 5' },
    { no: 4, summary: 'trộm cắp xe máy', latitude: null, note: 'dòng 7' },
  ];
  const clocks = [{ due: 10 }, { due: 10 }, { due: null }, { due: 0 }];

  it('gives back each record as it was taken, from its parts, with its row', () => {
    const builder = plannedTableBuilder(10);
    records.forEach((r, i) => builder.add(3 + i, r, clocks[i]!));
    // Crossed to the job worker as plain data (db/backup-thread.ts).
    const table = structuredClone(builder.finish());
    expect(table.count).toBe(4);
    expect([...table.sourceRows]).toEqual([3, 4, 5, 6]);
    expect(table.columns.map((c) => c.name)).toEqual(['no', 'summary', 'latitude', 'note', 'due']);
    records.forEach((r, i) => expect(plannedRecord(table, i, {})).toStrictEqual({ ...r, ...clocks[i] }));
  });

  it('holds each distinct value once, and no index for a column of one value', () => {
    const builder = plannedTableBuilder(4);
    records.forEach((r, i) => builder.add(i, r, clocks[i]!));
    const table = builder.finish();
    const column = (name: string) => table.columns.find((c) => c.name === name)!;
    expect(column('summary').values).toEqual(['trộm cắp xe máy', 'đánh bạc']);
    expect([...column('summary').index!]).toEqual([0, 0, 1, 0]);
    expect(column('latitude')).toEqual({ name: 'latitude', values: [null], index: null });
    // null and 0 are different values.
    expect(column('due').values).toEqual([10, null, 0]);
    expect(table.sourceRows.buffer.byteLength).toBe(4 * 4);
  });

  it('refuses more records than it was made for, or a record with other columns', () => {
    const builder = plannedTableBuilder(1);
    builder.add(1, { a: 1 });
    expect(() => builder.add(2, { a: 2 })).toThrow(/more than 1/);
    const other = plannedTableBuilder(2);
    other.add(1, { a: 1 });
    expect(() => other.add(2, { a: 1, b: 2 })).toThrow(/other columns/);
    expect(() => other.add(2, { b: 1 })).toThrow(/other columns/);
  });

  it('an empty plan', () => {
    const table = plannedTableBuilder(0).finish();
    expect(table).toEqual({ count: 0, sourceRows: new Int32Array(0), columns: [] });
  });
});
