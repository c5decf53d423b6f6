import type { ReportPeriod } from './views';

const QUARTERS = ['I', 'II', 'III', 'IV'];
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What a period is called in a report's title: "tháng 5 năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026". */
export function periodName(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return `tháng ${period.index} năm ${period.year}`;
    case 'quarter':
      return `quý ${QUARTERS[period.index - 1] ?? period.index} năm ${period.year}`;
    case 'half':
      return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
    case 'custom':
      return `từ ngày ${dmy(period.start)} đến ngày ${dmy(period.end)}`;
  }
}

/** The summary line under "BÁO CÁO": "Tình hình an ninh, trật tự 6 tháng đầu năm 2026". */
export function reportTitle(period: ReportPeriod): string {
  return `Tình hình an ninh, trật tự ${periodName(period)}`;
}
