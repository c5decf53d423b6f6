import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../renderer/export/workbook';
import { periodicWorkbook } from '../../renderer/reports/report-workbook';
import { change, share } from '../../api/compare';
import { reportTitle } from '../../api/period-title';
import type { PeriodicFigures } from '../../api/views';
import { comparison, draftNarrative, figure, shortComparison } from '../../renderer/reports/narrative';
import { breakdownTable, reportSections } from '../../renderer/reports/report-layout';

const span = { start: '2025-12-15', end: '2026-06-14' };
const report = (current: Record<string, number>, lastYear: Record<string, number>): PeriodicFigures => ({
  period: { kind: 'half', year: 2026, index: 1 },
  officeId: '12345',
  breakdown: [],
  cutoffDay: 15,
  ranges: { current: span, lastYear: { start: '2024-12-15', end: '2025-06-14' }, previous: { start: '2025-06-15', end: '2025-12-14' }, yearToDate: span, yearToDateLastYear: { start: '2024-12-15', end: '2025-06-14' } },
  figures: { current, lastYear, previous: {}, yearToDate: current, yearToDateLastYear: lastYear },
  groups: [
    { code: 'social_order', vi: 'Tội phạm về trật tự xã hội', en: 'Crimes against social order' },
    { code: 'drugs', vi: 'Tội phạm về ma túy', en: 'Drug crime' },
    { code: 'traffic', vi: 'Tai nạn và trật tự giao thông', en: 'Traffic' },
  ],
  programKinds: [{ code: 'drug_user', vi: 'Người sử dụng trái phép chất ma túy', en: 'Drug users' }],
  measures: [{ code: 'heroin', vi: 'Heroin thu giữ', en: 'Heroin seized', unit: 'gam' }],
  campaigns: [],
  trend: [],
  policeYear: 2026,
});

describe('comparisons', () => {
  it('gives the difference, the percentage and the direction; no percentage over zero', () => {
    expect(change(15, 12)).toEqual({ diff: 3, percent: 25, direction: 'up', noBase: false });
    expect(change(2, 3)).toEqual({ diff: -1, percent: -33.3, direction: 'down', noBase: false });
    expect(change(4, 0)).toEqual({ diff: 4, percent: null, direction: 'up', noBase: true });
    expect(change(0, 0)).toEqual({ diff: 0, percent: null, direction: 'same', noBase: false });
    expect(share(1, 3)).toBe(33.3);
    expect(share(1, 0)).toBeNull();
  });

  it('words them as reports do', () => {
    expect(comparison(15, 12, 'tin', 'cùng kỳ năm 2025')).toBe('tăng 3 tin (25%) so với cùng kỳ năm 2025');
    expect(comparison(2, 3, 'vụ', 'cùng kỳ năm 2025')).toBe('giảm 1 vụ (33,3%) so với cùng kỳ năm 2025');
    expect(comparison(4, 0, 'vụ', 'cùng kỳ năm 2025')).toBe('cùng kỳ năm 2025 không có');
    expect(comparison(0, 0, 'vụ', 'cùng kỳ năm 2025')).toBe('bằng cùng kỳ năm 2025');
    expect(shortComparison(1, 1, 'vụ')).toBe('bằng cùng kỳ');
    expect(figure(12_500_000)).toBe('12.500.000');
    expect(figure(12.5)).toBe('12,5');
  });
});

describe('the narrative draft', () => {
  it('fills the usual sentences from the figures', () => {
    const text = draftNarrative(
      report(
        { 'reports.total': 15, 'crime.received': 10, 'crime.solved': 8, 'group.social_order': 6, 'group.drugs': 2, 'traffic.accidents': 2, 'traffic.deaths': 1, 'seized.heroin': 12.5, 'programs.active': 3, 'programs.active.drug_user': 3 },
        { 'reports.total': 12, 'crime.received': 10, 'group.social_order': 6, 'traffic.accidents': 1 },
      ),
    );
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('Trong kỳ, tiếp nhận 15 tin báo, tăng 3 tin (25%) so với cùng kỳ năm 2025 (kỳ báo cáo 6 tháng đầu năm 2026, từ ngày 15/12/2025 đến ngày 14/06/2026).');
    expect(paragraphs[1]).toBe(
      'Về tội phạm: tiếp nhận 10 tin báo, tố giác về tội phạm và kiến nghị khởi tố, bằng cùng kỳ năm 2025; đã giải quyết 8 tin, đạt tỷ lệ 80%. ' +
        'Theo lĩnh vực: tội phạm về trật tự xã hội 6 vụ (bằng cùng kỳ) và tội phạm về ma túy 2 vụ (cùng kỳ không có).',
    );
    expect(text).toContain('Tai nạn giao thông xảy ra 2 vụ (tăng 1 vụ), làm chết 1 người (cùng kỳ không có).');
    expect(text).toContain('thu giữ 12,5 gam heroin');
    expect(text).toContain('đang quản lý 3 người (người sử dụng trái phép chất ma túy 3)');
  });

  it('leaves out figures that are zero with nothing to compare, and paragraphs left empty', () => {
    const quiet = draftNarrative(report({ 'reports.total': 1, 'traffic.accidents': 1, 'teams.count': 2, 'teams.members': 14 }, { 'traffic.injuries': 2, 'hotspots.active': 1 }));
    expect(quiet).toContain('Tai nạn giao thông xảy ra 1 vụ (cùng kỳ không có), bị thương 0 người (giảm 2 người).');
    expect(quiet).not.toMatch(/\b0 (người|vụ|tổ|đợt|đối tượng)\b.*bằng cùng kỳ|\(bằng cùng kỳ\)/);
    expect(quiet).not.toContain('làm chết');
    expect(quiet).toContain('Tụ điểm phức tạp: đến cuối kỳ còn 0 tụ điểm (giảm 1 tụ điểm) đang theo dõi.');
    expect(quiet).toContain('Phong trào toàn dân bảo vệ an ninh Tổ quốc: duy trì 2 tổ bảo vệ an ninh, trật tự ở cơ sở với 14 thành viên.');
    expect(quiet).not.toContain('Công tác tấn công');
    expect(quiet).not.toContain('Quản lý đối tượng');
    const none = draftNarrative(report({}, {}));
    expect(none).not.toContain('duy trì 0 tổ');
    expect(none).not.toContain('0 thành viên');
    expect(none).not.toContain('Phong trào toàn dân');
    expect(none).not.toMatch(/\.\./);
  });

  it('titles the report by its period', () => {
    expect(reportTitle({ kind: 'half', year: 2026, index: 1 })).toBe('Tình hình an ninh, trật tự 6 tháng đầu năm 2026');
    expect(reportTitle({ kind: 'quarter', year: 2026, index: 3 })).toBe('Tình hình an ninh, trật tự quý III năm 2026');
    expect(reportTitle({ kind: 'month', year: 2026, index: 5 })).toBe('Tình hình an ninh, trật tự tháng 5 năm 2026');
    expect(reportTitle({ kind: 'custom', start: '2026-01-01', end: '2026-01-31' })).toBe('Tình hình an ninh, trật tự từ ngày 01/01/2026 đến ngày 31/01/2026');
  });
});

describe('the layout', () => {
  it('puts every figure in a section with its value for each range; the clearance rate has none without reports', () => {
    const sections = reportSections(report({ 'reports.total': 15, 'crime.received': 10, 'crime.solved': 8 }, { 'reports.total': 12 }), 'vi');
    const rows = sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.key === 'reports.total')?.values).toMatchObject({ current: 15, lastYear: 12, previous: 0 });
    expect(rows.find((r) => r.key === 'crime.clearance')?.values).toMatchObject({ current: 80, lastYear: null });
    expect(sections.map((s) => s.code)).toEqual(['reports', 'groups', 'resolution', 'operations', 'hotspots', 'programs', 'movement']);
    expect(reportSections(report({}, {}), 'en')[0]!.title).toBe('Reports received');
  });
});

describe('the .xlsx of a periodic report', () => {
  it('has a sheet per section with Vietnamese headers, numbers as numbers and the change beside them', async () => {
    const figures = report({ 'reports.total': 15, 'crime.received': 10, 'crime.solved': 8 }, { 'reports.total': 12 });
    const spec = periodicWorkbook({ ...figures, trend: [{ month: 1, current: { start: '2025-12-15', end: '2026-01-14', reports: 4 }, lastYear: { start: '2024-12-15', end: '2025-01-14', reports: 2 } }] }, 'Công an xã Quảng Hưng');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBytes(spec)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tin báo', 'Theo lĩnh vực', 'Kết quả giải quyết', 'Tấn công, trấn áp', 'Tụ điểm', 'Người thuộc diện quản lý', 'Phong trào', 'Đợt cao điểm', 'Diễn biến theo tháng']);
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]![1]).toBe('CÔNG AN XÃ QUẢNG HƯNG');
    const header = rows.find((r) => r[1] === 'Chỉ tiêu')!;
    expect(header.slice(1, 5)).toEqual(['Chỉ tiêu', 'Đơn vị', 'Kỳ này', 'Cùng kỳ năm trước']);
    const total = rows.find((r) => r[1] === 'Tổng số tin tiếp nhận')!;
    expect(total.slice(2, 7)).toEqual(['tin', 15, 12, 3, 25]);
    expect(book.worksheets.map((w) => w.name)).toContain('Diễn biến theo tháng');
    const trend = book.getWorksheet('Diễn biến theo tháng')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(trend.find((r) => r[1] === 'Tháng 1')!.slice(4, 6)).toEqual([4, 2]);
  });
});

describe('a report of every office, broken down by office', () => {
  const allOffices: PeriodicFigures = {
    ...report({ 'reports.total': 5, 'crime.received': 4, 'seized.heroin': 12.5 }, {}),
    officeId: null,
    breakdown: [
      { officeId: '16063', name: 'Công an xã Quảng Hưng', figures: { 'reports.total': 2, 'crime.received': 2, 'crime.solved': 1, 'seized.heroin': 12.5 } },
      { officeId: '16066', name: 'Công an xã Quảng Ninh', figures: { 'reports.total': 3, 'crime.received': 2 } },
    ],
  };

  it('has a column per main figure and per item seized by any office, a row per office and their total', () => {
    const table = breakdownTable(allOffices, 'vi')!;
    expect(table.columns.map((c) => c.key)).toEqual(['reports.total', 'crime.received', 'crime.solved', 'operations.count', 'persons.arrested', 'hotspots.cleared', 'programs.active', 'seized.heroin']);
    expect(table.columns[0]).toMatchObject({ label: 'Tổng số tin tiếp nhận', unit: 'tin', format: 'count' });
    expect(table.columns[7]).toMatchObject({ label: 'Heroin thu giữ', unit: 'gam', format: 'quantity' });
    expect(table.rows.map((r) => [r.name, r.values['reports.total'], r.values['crime.solved'], r.values['seized.heroin']])).toEqual([
      ['Công an xã Quảng Hưng', 2, 1, 12.5],
      ['Công an xã Quảng Ninh', 3, 0, 0],
    ]);
    expect(table.total).toMatchObject({ 'reports.total': 5, 'crime.received': 4, 'crime.solved': 1, 'seized.heroin': 12.5 });
    expect(breakdownTable(report({}, {}), 'vi')).toBeNull();
  });

  it('goes into the workbook as the sheet "Chia theo đơn vị"', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBytes(periodicWorkbook(allOffices, 'Công an tỉnh Thanh Hóa'))).buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Chia theo đơn vị');
    const rows = book.getWorksheet('Chia theo đơn vị')!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows.find((r) => r[1] === 'Đơn vị')!;
    expect(header.slice(1, 4)).toEqual(['Đơn vị', 'Tổng số tin tiếp nhận (tin)', 'Tin báo, tố giác về tội phạm, kiến nghị khởi tố (tin)']);
    expect(rows.find((r) => r[1] === 'Công an xã Quảng Ninh')!.slice(2, 4)).toEqual([3, 2]);
    expect(rows.find((r) => r[1] === 'Tổng cộng')!.slice(2, 4)).toEqual([5, 4]);
  });
});
