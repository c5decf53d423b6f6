import type { IssuedReportRow, IssuedReportView } from '../../api/views';
import type { Lang, MessageKey, Params } from '../i18n';
import { formatFigure } from './figure-format';
import { RANGE_NAMES, reportSections, type FigureRow } from './report-layout';

/**
 * The text of an issued periodic report as the page and the printed document show it: its number
 * and symbol, its paragraphs, its recipients, and the figures that changed since it was issued.
 */

type Translate = (key: MessageKey, params?: Params) => string;

/** "05/BC-CAX": the number of the year, below 10 with a leading 0 (Decree 30/2020), and the symbol. */
export function issuedNumber(report: Pick<IssuedReportRow, 'number' | 'symbol'>): string {
  return `${String(report.number).padStart(2, '0')}/${report.symbol}`;
}

/** The paragraphs of the chief's text: every line that is not blank (a draft separates them by a blank line). */
export function narrativeParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Recipients typed one a line; a "- " typed at the start is dropped (the document writes it). */
export function recipientsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-–]\s*/, ''))
    .filter((line) => line !== '');
}

/** The usual recipients of a report sent up: the parent office, and the office's own file. */
export function defaultRecipients(parentName: string): string {
  return [`${parentName} (để báo cáo);`, 'Lưu: VT, hồ sơ.'].join('\n');
}

/**
 * "Tổng số tin tiếp nhận: 5 → 6", with the range named when it is not the period itself; only
 * figures the report shows are listed, in the order it shows them.
 */
export function changeLines(view: Pick<IssuedReportView, 'report' | 'changes'>, lang: Lang, t: Translate): string[] {
  // A detail row ("Số người chết") is named with the row it belongs to: traffic and fires both have one.
  const rows = new Map<string, FigureRow>();
  for (const section of reportSections(view.report, lang)) {
    let parent: FigureRow | undefined;
    for (const row of section.rows) {
      if (!row.detail) parent = row;
      const named = row.detail && parent ? { ...row, label: `${parent.label} – ${row.label}` } : row;
      if (!rows.has(row.key)) rows.set(row.key, named);
    }
  }
  const order = [...rows.keys()];
  return view.changes
    .filter((c) => rows.has(c.key))
    .slice()
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key) || RANGE_NAMES.indexOf(a.range) - RANGE_NAMES.indexOf(b.range))
    .map((c) => {
      const row = rows.get(c.key)!;
      const params = { label: row.label, issued: formatFigure(c.issued, row.format), now: formatFigure(c.now, row.format) };
      return c.range === 'current' ? t('periodic.issued.change', params) : t('periodic.issued.changeIn', { ...params, range: t(`periodic.range.${c.range}`).toLocaleLowerCase(lang) });
    });
}
