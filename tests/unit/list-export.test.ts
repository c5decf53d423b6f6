import { describe, expect, it } from 'vitest';
import type { Result } from '../../api/result';
import { exportFileName } from '../../renderer/export/download';
import { fetchAllRows, type PageFetch } from '../../renderer/export/fetch-all';
import { sheetColumns, sheetRow, type ScreenColumn } from '../../renderer/export/table-columns';

/** The parts of a list export around the workbook: reading every page, the columns, the file name. */

interface Row {
  readonly id: string;
  readonly n: number;
}

const rowsOf = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, n: i }));

function pagedList(all: readonly Row[], calls: { offset: number; limit: number }[] = []): PageFetch<string, Row> {
  return (_query, offset, limit) => {
    calls.push({ offset, limit });
    return Promise.resolve({ ok: true, value: { total: all.length, rows: all.slice(offset, offset + limit) } });
  };
}

describe('fetchAllRows', () => {
  it('reads page after page of 500 with the same query and reports progress', async () => {
    const calls: { offset: number; limit: number }[] = [];
    const progress: [number, number][] = [];
    const queries: string[] = [];
    const list = pagedList(rowsOf(1_234), calls);
    const result = await fetchAllRows<string, Row>((query, offset, limit) => (queries.push(query), list(query, offset, limit)), 'lọc', { onProgress: (done, total) => progress.push([done, total]) });
    expect(result.ok && result.value.map((r) => r.n)).toEqual(rowsOf(1_234).map((r) => r.n));
    expect(calls).toEqual([
      { offset: 0, limit: 500 },
      { offset: 500, limit: 500 },
      { offset: 1_000, limit: 500 },
    ]);
    expect(new Set(queries)).toEqual(new Set(['lọc']));
    expect(progress).toEqual([
      [500, 1_234],
      [1_000, 1_234],
      [1_234, 1_234],
    ]);
  });

  it('makes one call for an empty list and for an exact page', async () => {
    const calls: { offset: number; limit: number }[] = [];
    expect(await fetchAllRows(pagedList([], calls), '')).toEqual({ ok: true, value: [] });
    expect(calls).toHaveLength(1);
    const exact = await fetchAllRows(pagedList(rowsOf(500), calls), '');
    expect(exact.ok && exact.value).toHaveLength(500);
    expect(calls).toHaveLength(2);
  });

  it('returns the error of a failing call', async () => {
    let n = 0;
    const failing: PageFetch<string, Row> = (query, offset, limit) =>
      (n += 1) === 2 ? Promise.resolve<Result<never>>({ ok: false, error: { code: 'internal', message: 'boom' } }) : pagedList(rowsOf(900))(query, offset, limit);
    expect(await fetchAllRows(failing, '')).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('stops at once when cancelled, without waiting for the call on its way', async () => {
    const controller = new AbortController();
    const never: PageFetch<string, Row> = () => new Promise(() => undefined);
    const reading = fetchAllRows(never, '', { signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the sheet of a screen table', () => {
  const columns: ScreenColumn<Row>[] = [
    { key: 'code', header: 'Mã số', width: '10rem', cell: (r) => r.id },
    { key: 'n', header: 'Số lượng', sheet: { type: 'integer', value: (r) => r.n }, cell: (r) => `${r.n} cái` },
    { key: 'markup', header: 'Ghi chú', cell: () => ({ type: 'span', props: {} }) as never },
  ];

  it('keeps the screen headers and order, types from `sheet`, widths from the CSS width of text columns', () => {
    expect(sheetColumns(columns)).toEqual([
      { header: 'Mã số', key: 'code', type: 'text', width: 23 },
      { header: 'Số lượng', key: 'n', type: 'integer', width: undefined },
      { header: 'Ghi chú', key: 'markup', type: 'text', width: undefined },
    ]);
  });

  it('takes raw values from `sheet` and the shown text otherwise', () => {
    expect(sheetRow(columns, { id: 'A-1', n: 12_000 })).toEqual({ code: 'A-1', n: 12_000, markup: null });
  });
});

describe('exportFileName', () => {
  it('folds the title to plain letters and adds the date', () => {
    expect(exportFileName('Sổ tiếp nhận tin báo', '2026-11-25')).toBe('so-tiep-nhan-tin-bao-2026-11-25.xlsx');
    expect(exportFileName('Đợt cao điểm', '2026-11-25')).toBe('dot-cao-diem-2026-11-25.xlsx');
    expect(exportFileName('  ?? ', '2026-11-25')).toBe('danh-sach-2026-11-25.xlsx');
  });
});
