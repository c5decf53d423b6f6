import type * as ExcelJs from 'exceljs';
import { DAY_MS, isIsoDate, VIETNAM_OFFSET_MS as VN_OFFSET_MS } from '../../core/calendar';
import type { Workbook, Worksheet } from 'exceljs';

/**
 * Spreadsheets (.xlsx) from a plain description: sheets of typed columns and rows of raw values.
 * Pure (no React, no DOM); exceljs is loaded on first use with a dynamic import, so it stays out of the
 * main bundle and the same code runs in the renderer and in Node tests.
 *
 * How values land in Excel, by column type:
 * - text: a string (cut at Excel's 32 767 characters); a number is written as its text.
 * - number, integer, money: real numbers; integer and money show dot thousands ('#,##0'; Excel
 *   uses the machine's separators), number keeps Excel's General format.
 * - percent: percentage points as the app keeps them (75.5 means 75,5%), stored as the fraction
 *   0.755 with the format '0.0%', so Excel computes with it as a share.
 * - date, datetime: an instant in epoch milliseconds or a calendar date 'YYYY-MM-DD'; written as a
 *   real Excel date showing the Vietnam (UTC+7) calendar date and clock time, whatever the machine's
 *   time zone ('dd/mm/yyyy', 'dd/mm/yyyy hh:mm'). A date column drops the time of an instant.
 * - numbered: a number written with its suffix, as a register number "15/2026": the cell holds the
 *   number 15 (so it sorts and filters as a number) with the format 0"/2026", which shows "15/2026".
 * - null or undefined: an empty cell; a value that does not fit its type (NaN, a malformed date) is
 *   written as text rather than lost.
 *
 * Each sheet: optional title lines above the table (office, period, filters), then a bold header
 * row, frozen so it stays in view, with an autofilter over the table and the column widths given.
 * Printed, a sheet goes on landscape A4, fitted to the page's width, its header row on every page.
 */

export type CellType = 'text' | 'number' | 'integer' | 'money' | 'date' | 'datetime' | 'percent' | 'numbered';
export type CellValue = string | number | null | undefined;

export interface SheetColumn {
  /** The header cell's text, in the interface language (Vietnamese with its diacritics). */
  readonly header: string;
  /** The row property this column reads. */
  readonly key: string;
  readonly type: CellType;
  /** Width in Excel characters; absent: a default for the type, never narrower than the header. */
  readonly width?: number;
}

/** A line above the table: plain text, or bold (the office name, the document's title). */
export type TitleLine = string | { readonly text: string; readonly bold?: boolean };

export type SheetRow = Readonly<Record<string, CellValue>>;

export interface SheetSpec {
  /** The tab's name; made valid for Excel by sheetName(). */
  readonly name: string;
  readonly title?: readonly TitleLine[];
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Written into the file's properties (author). */
  readonly creator?: string;
}

export interface BuildOptions {
  /** Called as rows are added: rows written so far and in all, over every sheet. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops between chunks of rows (throws the signal's reason, an AbortError). */
  readonly signal?: AbortSignal;
}

export const numberFormats: Readonly<Record<CellType, string | undefined>> = {
  text: undefined,
  number: undefined,
  integer: '#,##0',
  money: '#,##0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
  numbered: undefined,
};

const defaultWidths: Readonly<Record<CellType, number>> = { text: 30, number: 12, integer: 10, money: 16, date: 12, datetime: 17, percent: 10, numbered: 12 };

const MAX_TEXT = 32_767;
const MAX_SHEET_NAME = 31;
/** Rows added between two pauses that let the page repaint (and a cancel arrive). */
const CHUNK = 2_000;

/**
 * A name Excel accepts for a tab: none of []:*?/\, no apostrophe at either end, at most 31
 * characters, not "History" (reserved), and unique among `taken` (compared without case), where a
 * number is added ("Tên (2)"). An empty result falls back to `fallback`.
 */
export function sheetName(name: string, taken: readonly string[] = [], fallback = 'Sheet'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = cleaned === '' || cleaned.toLowerCase() === 'history' ? fallback : cleaned;
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const fit = (text: string, suffix = '') => `${text.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
  let candidate = fit(base);
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = fit(base, ` (${n})`);
  return candidate;
}

/**
 * The Excel date of a value: a Date whose UTC fields are the Vietnam wall-clock date and time (Excel
 * dates carry no time zone; exceljs writes a Date by its UTC fields). Null when it is not a date.
 */
export function excelDate(value: string | number, withTime: boolean): Date | null {
  if (typeof value === 'string') {
    return isIsoDate(value) ? new Date(`${value}T00:00:00Z`) : null;
  }
  if (!Number.isFinite(value)) return null;
  const wall = value + VN_OFFSET_MS;
  // To the minute (what the format shows), or to the day for a date column.
  return new Date(withTime ? Math.floor(wall / 60_000) * 60_000 : Math.floor(wall / DAY_MS) * DAY_MS);
}

/**
 * A "numbered" value as a number and the format that shows it as written: "15/2026" → 15 shown with
 * 0"/2026". Null when it does not start with digits (it is then written as text).
 */
export function numberedCell(value: string | number): { readonly value: number; readonly format: string } | null {
  const match = /^(\d{1,15})(.*)$/su.exec(String(value));
  if (!match) return null;
  const suffix = (match[2] ?? '').replace(/["\\]/g, '');
  return { value: Number(match[1]), format: suffix === '' ? '0' : `0"${suffix}"` };
}

/** The value a cell gets for a raw value of a column type (see the module's description). */
export function cellValue(type: CellType, value: CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      return String(value).slice(0, MAX_TEXT);
    case 'number':
    case 'integer':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? value : asText(value);
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? value / 100 : asText(value);
    case 'date':
    case 'datetime':
      return excelDate(value, type === 'datetime') ?? asText(value);
    case 'numbered':
      return numberedCell(value)?.value ?? asText(value);
  }
}

const asText = (value: string | number) => String(value).slice(0, MAX_TEXT);

/** The exceljs module, loaded once on first use (CommonJS in Node, the browser build in the renderer). */
async function loadExcelJs(): Promise<typeof ExcelJs> {
  const loaded = await import('exceljs');
  return (loaded as { default?: typeof ExcelJs }).default ?? loaded;
}

/** Builds the workbook a description stands for. Rows go in by chunks, with a pause between them. */
export async function buildWorkbook(spec: WorkbookSpec, options: BuildOptions = {}): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator ?? '';
  workbook.created = new Date();
  const total = spec.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  const names: string[] = [];
  let done = 0;
  for (const [index, sheet] of spec.sheets.entries()) {
    const name = sheetName(sheet.name, names, `Sheet${index + 1}`);
    names.push(name);
    const worksheet = workbook.addWorksheet(name);
    const headerRow = writeHead(worksheet, sheet);
    const numbered = sheet.columns.flatMap((column, index) => (column.type === 'numbered' ? [index] : []));
    for (let start = 0; start < sheet.rows.length; start += CHUNK) {
      options.signal?.throwIfAborted();
      for (const row of sheet.rows.slice(start, start + CHUNK)) {
        const added = worksheet.addRow(sheet.columns.map((column) => cellValue(column.type, row[column.key])));
        for (const index of numbered) {
          const raw = row[sheet.columns[index]!.key];
          const cell = raw === null || raw === undefined ? null : numberedCell(raw);
          if (cell) added.getCell(index + 1).numFmt = cell.format;
        }
      }
      done += Math.min(CHUNK, sheet.rows.length - start);
      options.onProgress?.(done, total);
      if (start + CHUNK < sheet.rows.length) await pause();
    }
    const lastRow = headerRow + sheet.rows.length;
    if (sheet.columns.length > 0) worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: sheet.columns.length } };
  }
  return workbook;
}

/** The .xlsx file's bytes. */
export async function workbookBytes(spec: WorkbookSpec, options: BuildOptions = {}): Promise<Uint8Array> {
  const workbook = await buildWorkbook(spec, options);
  options.signal?.throwIfAborted();
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Title lines, a blank row, the header; sets widths, formats and the frozen pane. Returns the header's row number. */
function writeHead(worksheet: Worksheet, sheet: SheetSpec): number {
  for (const line of sheet.title ?? []) {
    const { text, bold = false } = typeof line === 'string' ? { text: line } : line;
    const row = worksheet.addRow([text.slice(0, MAX_TEXT)]);
    if (bold) row.font = { bold: true };
  }
  if ((sheet.title ?? []).length > 0) worksheet.addRow([]);
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = Math.max(column.width ?? defaultWidths[column.type], Math.min(column.header.length + 2, 40));
    const format = numberFormats[column.type];
    if (format) target.numFmt = format;
  });
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, topLeftCell: `A${header.number + 1}` }];
  // On paper: landscape A4 (paper size 9), every column on the page's width, as many pages down as it takes.
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${header.number}:${header.number}`,
  };
  return header.number;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
