import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

/** An .xlsx the page downloaded, read back with exceljs as Excel would open it. */
export interface DownloadedSheet {
  readonly fileName: string;
  readonly sheet: ExcelJS.Worksheet;
  /** The row number of the table's header: the row the frozen pane sits under. */
  readonly headerRow: number;
  /** The header texts, left to right. */
  readonly headers: readonly string[];
  /** Each data row as header → cell value. */
  readonly rows: readonly Readonly<Record<string, ExcelJS.CellValue>>[];
}

/** Clicks "Xuất Excel", waits for the download and reads its first sheet. */
export async function exportToExcel(page: Page, timeout = 60_000): Promise<DownloadedSheet> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('button', { name: 'Xuất Excel', exact: true }).click()]);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the downloaded workbook has no sheet');
  const view = sheet.views[0];
  if (view?.state !== 'frozen' || !view.ySplit) throw new Error('the sheet has no frozen header row');
  const headerRow = view.ySplit;
  const header = sheet.getRow(headerRow);
  const headers = Array.from({ length: header.cellCount }, (_, i) => String(header.getCell(i + 1).value));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    rows.push(Object.fromEntries(headers.map((name, i) => [name, row.getCell(i + 1).value])));
  }
  return { fileName: download.suggestedFilename(), sheet, headerRow, headers, rows };
}

