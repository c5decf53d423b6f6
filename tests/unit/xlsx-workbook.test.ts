import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, cellValue, excelDate, sheetName, workbookBytes, type SheetColumn, type WorkbookSpec } from '../../renderer/export/workbook';

/**
 * The generic .xlsx builder: a description with every column type is written to bytes and read back
 * with exceljs, as Excel would open it. Dates must show the Vietnam (UTC+7) date and time whatever the
 * machine's zone: 23:30 on 24/11 in Vietnam is 16:30 UTC, and 01:15 on 25/11 in Vietnam is still the
 * 24th in UTC.
 */

const LATE_EVENING = Date.parse('2026-11-24T23:30:00+07:00');
const EARLY_MORNING = Date.parse('2026-11-25T01:15:00+07:00');

const columns: SheetColumn[] = [
  { header: 'Số thứ tự', key: 'no', type: 'integer' },
  { header: 'Nội dung tóm tắt', key: 'summary', type: 'text', width: 45 },
  { header: 'Điểm', key: 'score', type: 'number' },
  { header: 'Số tiền phạt (đồng)', key: 'fine', type: 'money' },
  { header: 'Ngày phát hiện', key: 'found', type: 'date' },
  { header: 'Ngày, giờ tiếp nhận', key: 'received', type: 'datetime' },
  { header: 'Tỷ lệ đạt', key: 'share', type: 'percent' },
  { header: 'Số CCCD', key: 'citizenId', type: 'text' },
];

const spec: WorkbookSpec = {
  creator: 'Lê Văn Quản',
  sheets: [
    {
      name: 'Sổ tiếp nhận: tin báo [2026/11]?',
      title: [{ text: 'Công an xã Quảng Hưng', bold: true }, 'Từ ngày 01/11/2026 đến ngày 25/11/2026'],
      columns,
      rows: [
        { no: 1, summary: 'Tố giác ghi số đề tại chợ Đông', score: 7.25, fine: 1_500_000, found: '2026-11-24', received: LATE_EVENING, share: 75.5, citizenId: '038090001234' },
        { no: 2, summary: '=HYPERLINK("http://x")', score: null, fine: undefined, found: EARLY_MORNING, received: '2026-11-25', share: 100, citizenId: null },
        { no: 3, summary: 'Ngày sai', score: Number.NaN, fine: 0, found: '2026-02-30', received: 'không rõ', share: 0, citizenId: '001' },
      ],
    },
    { name: 'Sổ tiếp nhận: tin báo [2026/11]?', columns: [{ header: 'Ghi chú', key: 'note', type: 'text' }], rows: [{ note: 'Trang thứ hai cùng tên' }] },
  ],
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('the .xlsx builder (renderer/export/workbook.ts)', () => {
  it('writes titles, a bold frozen header with widths and an autofilter, and typed cells that read back as such', async () => {
    const bytes = await workbookBytes(spec);
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const book = await readBack(bytes);
    expect(book.creator).toBe('Lê Văn Quản');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Sổ tiếp nhận tin báo 2026 11', 'Sổ tiếp nhận tin báo 2026 1 (2)']);
    const sheet = book.worksheets[0]!;

    // Title lines, a blank row, then the header on row 4.
    expect(sheet.getCell('A1').value).toBe('Công an xã Quảng Hưng');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Từ ngày 01/11/2026 đến ngày 25/11/2026');
    expect(sheet.getRow(3).cellCount).toBe(0);
    const header = sheet.getRow(4);
    expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(columns.map((c) => c.header));
    expect(header.getCell(2).value).toBe('Nội dung tóm tắt');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:H7');

    // Widths: as given, the type's default, never narrower than the header.
    expect(sheet.getColumn(2).width).toBe(45);
    expect(sheet.getColumn(6).width).toBe(21);
    expect(sheet.getColumn(5).width).toBe(16);
    expect(sheet.getColumn(3).width).toBe(12);

    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(1).numFmt).toBe('#,##0');
    expect(first.getCell(2).value).toBe('Tố giác ghi số đề tại chợ Đông');
    expect(first.getCell(3).value).toBe(7.25);
    expect(first.getCell(4).value).toBe(1_500_000);
    expect(first.getCell(4).numFmt).toBe('#,##0');
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);

    const found = first.getCell(5);
    expect(found.type).toBe(ExcelJS.ValueType.Date);
    expect(found.numFmt).toBe('dd/mm/yyyy');
    expect((found.value as Date).toISOString()).toBe('2026-11-24T00:00:00.000Z');

    // 23:30 Vietnam time: the same day and clock time in Excel, not 16:30.
    const received = first.getCell(6);
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((received.value as Date).toISOString()).toBe('2026-11-24T23:30:00.000Z');

    expect(first.getCell(7).value).toBeCloseTo(0.755, 10);
    expect(first.getCell(7).numFmt).toBe('0.0%');
    // A citizen ID stays text: its leading zero is kept.
    expect(first.getCell(8).value).toBe('038090001234');
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.String);

    const second = sheet.getRow(6);
    // Text that looks like a formula stays text.
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(2).value).toBe('=HYPERLINK("http://x")');
    expect(second.getCell(3).value).toBeNull();
    expect(second.getCell(4).value).toBeNull();
    // 01:15 on the 25th in Vietnam is the 24th in UTC: the Vietnam date is written.
    expect((second.getCell(5).value as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect((second.getCell(6).value as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(second.getCell(7).value).toBe(1);
    expect(second.getCell(8).value).toBeNull();

    const third = sheet.getRow(7);
    expect(third.getCell(3).value).toBe('NaN');
    expect(third.getCell(4).value).toBe(0);
    expect(third.getCell(5).value).toBe('2026-02-30');
    expect(third.getCell(6).value).toBe('không rõ');

    expect(book.worksheets[1]!.getCell('A1').value).toBe('Ghi chú');
    expect(book.worksheets[1]!.getCell('A2').value).toBe('Trang thứ hai cùng tên');
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('Danh sách [tháng 11]: a/b\\c*d?e')).toBe('Danh sách tháng 11 a b c d e');
    expect(sheetName('Báo cáo tổng hợp tình hình an ninh trật tự tháng 11')).toBe('Báo cáo tổng hợp tình hình an n');
    expect(sheetName('Báo cáo tổng hợp tình hình an ninh trật tự tháng 11').length).toBe(31);
    expect(sheetName("'Tin báo'")).toBe('Tin báo');
    expect(sheetName('   ', [], 'Sheet1')).toBe('Sheet1');
    expect(sheetName('History')).toBe('Sheet');
    expect(sheetName('tin báo', ['Tin báo', 'Tin báo (2)'])).toBe('tin báo (3)');
    const long = 'Báo cáo tổng hợp tình hình an ninh trật tự';
    const firstName = sheetName(long);
    expect(sheetName(long, [firstName])).toBe('Báo cáo tổng hợp tình hình (2)');
    // Decomposed Vietnamese (as some keyboards type it) counts as the composed letters.
    expect(sheetName('Tụ điểm'.normalize('NFD'))).toBe('Tụ điểm');
  });

  it('converts values by column type', () => {
    expect(cellValue('text', 12)).toBe('12');
    expect(cellValue('text', 'x'.repeat(40_000))).toHaveLength(32_767);
    expect(cellValue('money', 250_000)).toBe(250_000);
    expect(cellValue('integer', undefined)).toBeNull();
    expect(cellValue('percent', 12.5)).toBe(0.125);
    expect(excelDate('2026-13-01', false)).toBeNull();
    expect(excelDate(Date.parse('2026-01-01T00:00:00+07:00'), false)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(excelDate(Date.parse('2025-12-31T17:00:00Z') - 1, true)?.toISOString()).toBe('2025-12-31T23:59:00.000Z');
  });

  it('reports progress by chunks and stops when cancelled', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => ({ n: i }));
    const seen: number[] = [];
    const book = await buildWorkbook({ sheets: [{ name: 'Số', columns: [{ header: 'Số', key: 'n', type: 'integer' }], rows }] }, { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([2_000, 4_000, 4_500]);
    expect(book.worksheets[0]!.rowCount).toBe(4_501);

    const controller = new AbortController();
    const building = buildWorkbook(
      { sheets: [{ name: 'Số', columns: [{ header: 'Số', key: 'n', type: 'integer' }], rows }] },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(building).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('numbered cells and the printed page', () => {
  it('writes "15/2026" as the number 15 shown 15/2026, and sets landscape A4 fitted to width', async () => {
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: 'Sổ',
          columns: [{ header: 'Số', key: 'number', type: 'numbered' }],
          rows: [{ number: '9/2026' }, { number: '15/2026 (Đã hủy)' }, { number: '100/2026' }, { number: 'không số' }, { number: null }],
        },
      ],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBytes(spec)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells = [2, 3, 4, 5, 6].map((n) => sheet.getRow(n).getCell(1));
    expect(cells.map((cell) => cell.value)).toEqual([9, 15, 100, 'không số', null]);
    expect(cells.map((cell) => cell.numFmt ?? null).slice(0, 3)).toEqual(['0"/2026"', '0"/2026 (Đã hủy)"', '0"/2026"']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(cellValue('numbered', '7/2025')).toBe(7);
  });
});
