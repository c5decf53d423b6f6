import { change } from '../../api/compare';
import { periodName, reportTitle } from '../../api/period-title';
import type { PeriodicFigures } from '../../api/views';
import type { CellType, SheetSpec, WorkbookSpec } from '../export/workbook';
import { breakdownTable, reportSections, type FigureFormat, type FigureRow } from './report-layout';

/**
 * The periodic report as an .xlsx workbook: a sheet per section of figures (this period, the same
 * period last year, the change and its percentage, the previous period, the year so far and last
 * year's), a sheet of campaigns against their targets and a sheet of the monthly trend; each sheet
 * headed by the office, the title and the dates. Vietnamese: it goes up with the printed report.
 */

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Tab names: Excel allows 31 characters. */
const SHEET_NAMES: Readonly<Record<string, string>> = {
  reports: 'Tin báo',
  groups: 'Theo lĩnh vực',
  resolution: 'Kết quả giải quyết',
  operations: 'Tấn công, trấn áp',
  hotspots: 'Tụ điểm',
  programs: 'Người thuộc diện quản lý',
  movement: 'Phong trào',
};

const cellType: Record<FigureFormat, CellType> = { count: 'integer', quantity: 'number', money: 'money', percent: 'number' };

function figureRows(rows: readonly FigureRow[]) {
  return rows.map((row) => {
    const now = row.values.current;
    const before = row.values.lastYear;
    const diff = now === null || before === null ? null : change(now, before);
    return {
      label: row.detail ? `   ${row.label}` : row.label,
      unit: row.unit,
      current: now,
      lastYear: before,
      diff: diff?.diff ?? null,
      percent: diff?.percent ?? null,
      previous: row.values.previous,
      yearToDate: row.values.yearToDate,
      yearToDateLastYear: row.values.yearToDateLastYear,
    };
  });
}

export function periodicWorkbook(report: PeriodicFigures, officeName: string): WorkbookSpec {
  const { current, lastYear } = report.ranges;
  const title = [
    { text: officeName.toLocaleUpperCase('vi'), bold: true },
    { text: `BÁO CÁO ${reportTitle(report.period).toLocaleUpperCase('vi')}`, bold: true },
    `Kỳ báo cáo: từ ngày ${dmy(current.start)} đến ngày ${dmy(current.end)}; cùng kỳ: từ ngày ${dmy(lastYear.start)} đến ngày ${dmy(lastYear.end)}`,
  ];
  const sections: SheetSpec[] = reportSections(report, 'vi').map((section) => {
    const valueType = (format: FigureFormat) => cellType[format];
    const mixed = section.rows.some((row) => row.format !== 'count');
    const numberType: CellType = mixed ? 'number' : valueType('count');
    return {
      name: SHEET_NAMES[section.code] ?? section.title,
      title: [...title, { text: section.title, bold: true }],
      columns: [
        { header: 'Chỉ tiêu', key: 'label', type: 'text', width: 48 },
        { header: 'Đơn vị', key: 'unit', type: 'text', width: 10 },
        { header: 'Kỳ này', key: 'current', type: numberType, width: 14 },
        { header: 'Cùng kỳ năm trước', key: 'lastYear', type: numberType, width: 14 },
        { header: 'Tăng (+), giảm (-)', key: 'diff', type: numberType, width: 14 },
        { header: 'Tỷ lệ tăng, giảm (%)', key: 'percent', type: 'number', width: 14 },
        { header: 'Kỳ trước', key: 'previous', type: numberType, width: 14 },
        { header: 'Lũy kế từ đầu năm', key: 'yearToDate', type: numberType, width: 14 },
        { header: 'Lũy kế cùng kỳ', key: 'yearToDateLastYear', type: numberType, width: 14 },
      ],
      rows: figureRows(section.rows),
    };
  });
  const campaigns: SheetSpec = {
    name: 'Đợt cao điểm',
    title: [...title, { text: 'Kết quả các đợt cao điểm trong kỳ', bold: true }],
    columns: [
      { header: 'Đợt cao điểm', key: 'campaign', type: 'text', width: 40 },
      { header: 'Từ ngày', key: 'start', type: 'date' },
      { header: 'Đến ngày', key: 'end', type: 'date' },
      { header: 'Chỉ tiêu', key: 'measure', type: 'text', width: 30 },
      { header: 'Đơn vị', key: 'unit', type: 'text', width: 10 },
      { header: 'Chỉ tiêu giao', key: 'target', type: 'number', width: 14 },
      { header: 'Kết quả', key: 'result', type: 'number', width: 14 },
      { header: 'Đạt (%)', key: 'percent', type: 'number', width: 10 },
    ],
    rows: report.campaigns.flatMap((c) =>
      c.results.map((r) => ({ campaign: c.name, start: c.startDate, end: c.endDate, measure: r.measure.vi, unit: r.measure.unit, target: r.target, result: r.result, percent: r.percent })),
    ),
  };
  const trend: SheetSpec = {
    name: 'Diễn biến theo tháng',
    title: [...title, { text: `Tin báo tiếp nhận theo tháng năm ${report.policeYear} so với năm ${report.policeYear - 1}`, bold: true }],
    columns: [
      { header: 'Tháng', key: 'month', type: 'text', width: 10 },
      { header: 'Từ ngày', key: 'start', type: 'date' },
      { header: 'Đến ngày', key: 'end', type: 'date' },
      { header: `Năm ${report.policeYear}`, key: 'current', type: 'integer', width: 12 },
      { header: `Năm ${report.policeYear - 1}`, key: 'lastYear', type: 'integer', width: 12 },
    ],
    rows: report.trend.map((m) => ({ month: `Tháng ${m.month}`, start: m.current.start, end: m.current.end, current: m.current.reports, lastYear: m.lastYear.reports })),
  };
  // A report of every office: its main figures office by office, and their total.
  const breakdown = breakdownTable(report, 'vi');
  const byOffice: SheetSpec[] = breakdown
    ? [
        {
          name: 'Chia theo đơn vị',
          title: [...title, { text: 'Chia theo đơn vị', bold: true }],
          columns: [
            { header: 'Đơn vị', key: 'office', type: 'text', width: 36 },
            ...breakdown.columns.map((column) => ({ header: `${column.label} (${column.unit})`, key: column.key, type: cellType[column.format], width: 16 })),
          ],
          rows: [...breakdown.rows.map((row) => ({ office: row.name, ...row.values })), { office: 'Tổng cộng', ...breakdown.total }],
        },
      ]
    : [];
  return { sheets: [...sections, ...byOffice, campaigns, trend], creator: officeName };
}

/** The file's name: "bao-cao-6-thang-dau-nam-2026" and the date, made by exportFileName. */
export function periodicFileTitle(report: PeriodicFigures): string {
  return `Báo cáo ${periodName(report.period)}`;
}
