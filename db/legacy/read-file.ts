import ExcelJS from 'exceljs';
import { decodeAs, syllableScore, type LegacyEncoding } from '../../core/legacy-encoding';
import { AppError } from '../app-error';

/**
 * Reads an office's old register file (issue 22; docs/architecture.md, "Legacy import"): an .xlsx
 * workbook (exceljs) or a .csv of any of the byte encodings old programs wrote. It gives cells as they
 * are (text with the font of each run, numbers, dates, the cached result of a formula), never evaluates
 * anything, and leaves the legacy-font conversion to the import, which sees a whole column
 * (db/legacy/register-import.ts). An old .xls, a damaged file or a hostile one is refused with a clear
 * message and nothing read further.
 */

/** A run of text and the font it was typed in (a cell in one font is one run). */
export interface TextRun {
  readonly text: string;
  readonly font: string | null;
}

export interface SheetCell {
  /** The value: text as runs, a number, a boolean, a date (its wall-clock fields in UTC), or null. */
  readonly value: readonly TextRun[] | number | boolean | Date | null;
  /** The value is a formula's cached result (never recomputed here). */
  readonly formula: boolean;
}

export interface LegacySheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Rows in order, each with its number in the sheet (1-based, as Excel shows it); cells by column (0-based). */
  readonly rows: readonly { readonly number: number; readonly cells: readonly (SheetCell | null)[] }[];
}

export interface LegacyFile {
  readonly format: 'xlsx' | 'csv';
  /** A .csv's byte encoding as detected; null for a workbook. */
  readonly byteEncoding: CsvEncoding | null;
  readonly sheets: readonly LegacySheet[];
}

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'windows-1252';

/** What a file may be: larger files, longer cells or more rows are refused before they cost the host its memory. */
export const LEGACY_LIMITS = {
  fileBytes: 32 * 1024 * 1024,
  /** The whole workbook unzipped. */
  unzippedBytes: 256 * 1024 * 1024,
  /** One zip entry may not unzip to more than this many times its size (a zip bomb packs far more). */
  entryRatio: 200,
  rows: 200_000,
  columns: 200,
  /** Excel's own limit for a cell: anything longer was not written by Excel. */
  cellChars: 32_767,
} as const;

const refuse = (key: string, message: string, params: Record<string, string | number> = {}): never => {
  throw new AppError('validation', message, { fields: { file: key }, params });
};

/** Reads a file by its name's extension and its first bytes. */
export async function readLegacyFile(fileName: string, bytes: Buffer): Promise<LegacyFile> {
  if (bytes.length > LEGACY_LIMITS.fileBytes) refuse('legacy.too_big', `the file is larger than ${LEGACY_LIMITS.fileBytes} bytes`, { max: LEGACY_LIMITS.fileBytes });
  const lower = fileName.toLowerCase();
  const ole2 = bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
  if (ole2 || lower.endsWith('.xls')) {
    refuse('legacy.xls', 'an Excel 97–2003 (.xls) file: open it in Excel and save it as an Excel Workbook (.xlsx)');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes);
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return readXlsx(bytes);
  return refuse('legacy.format', 'only .xlsx and .csv files are read');
}

// ---------------------------------------------------------------------------------------------------
// Workbooks.

/** The zip's central directory, checked before anything is unzipped: sizes, ratio, number of entries. */
export function checkZip(bytes: Buffer): void {
  const damaged = () => refuse('legacy.damaged', 'the file is damaged or not an Excel workbook');
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) damaged();
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) refuse('legacy.hostile', 'the workbook is packed in a way Excel does not write (zip64)');
  if (dirOffset + dirSize > bytes.length || entries > 10_000) damaged();
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) damaged();
    const packed = bytes.readUInt32LE(at + 20);
    const unpacked = bytes.readUInt32LE(at + 24);
    total += unpacked;
    if (unpacked > 1024 * 1024 && unpacked > Math.max(1, packed) * LEGACY_LIMITS.entryRatio) {
      refuse('legacy.hostile', 'the workbook unpacks to far more than its size (a zip bomb)');
    }
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (total > LEGACY_LIMITS.unzippedBytes) refuse('legacy.hostile', 'the workbook unpacks to more than the import reads', { max: LEGACY_LIMITS.unzippedBytes });
}

type CellValue = ExcelJS.CellValue;

function runsOf(text: string, font: string | null, where: string): TextRun[] {
  if (text.length > LEGACY_LIMITS.cellChars) refuse('legacy.huge_cell', `cell ${where} is longer than Excel allows`, { cell: where });
  return [{ text, font }];
}

function cellOf(cell: ExcelJS.Cell): SheetCell | null {
  const font = cell.font?.name ?? null;
  const convert = (value: CellValue, formula: boolean): SheetCell | null => {
    if (value === null || value === undefined) return formula ? { value: null, formula } : null;
    if (typeof value === 'string') return { value: runsOf(value, font, cell.address), formula };
    if (typeof value === 'number' || typeof value === 'boolean') return { value, formula };
    if (value instanceof Date) return { value, formula };
    if ('richText' in value) {
      const runs = value.richText.map((run) => ({ text: run.text, font: run.font?.name ?? font }));
      runsOf(runs.map((r) => r.text).join(''), null, cell.address);
      return { value: runs, formula };
    }
    if ('formula' in value || 'sharedFormula' in value) return convert((value as { result?: CellValue }).result ?? null, true);
    if ('hyperlink' in value) return convert(value.text as CellValue, formula);
    if ('error' in value) return { value: runsOf(String(value.error), null, cell.address), formula };
    return null;
  };
  return convert(cell.value, false);
}

async function readXlsx(bytes: Buffer): Promise<LegacyFile> {
  checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse('legacy.damaged', 'the file is damaged or not an Excel workbook');
  }
  // A zip without a workbook in it (exceljs reads it as an empty one).
  if (workbook.worksheets.length === 0) refuse('legacy.damaged', 'the file is damaged or not an Excel workbook');
  const sheets: LegacySheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.rowCount > LEGACY_LIMITS.rows) refuse('legacy.too_many_rows', `sheet ${worksheet.name} has more than ${LEGACY_LIMITS.rows} rows`, { max: LEGACY_LIMITS.rows });
    const rows: { number: number; cells: (SheetCell | null)[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: (SheetCell | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column > LEGACY_LIMITS.columns) return;
        cells[column - 1] = cellOf(cell);
      });
      for (let i = 0; i < cells.length; i += 1) cells[i] ??= null;
      rows.push({ number, cells });
    });
    sheets.push({ name: worksheet.name, hidden: worksheet.state !== 'visible', rows });
  }
  return { format: 'xlsx', byteEncoding: null, sheets };
}

// ---------------------------------------------------------------------------------------------------
// CSV.

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The byte encoding of a .csv and its text: a BOM first, then UTF-16 by its zero bytes, UTF-8 if valid, else the best-reading 8-bit one. */
export function decodeCsvBytes(bytes: Buffer): { encoding: CsvEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  // UTF-16 without a BOM: ASCII letters leave a zero byte beside each.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  if (oddZeros > sample.length / 5 && evenZeros < oddZeros / 10) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes) };
  if (evenZeros > sample.length / 5 && oddZeros < evenZeros / 10) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes) };
  if (evenZeros + oddZeros > 0) refuse('legacy.damaged', 'the file holds binary data, not text');
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  // An 8-bit file: Windows-1258 (Vietnamese with combining tones) or a legacy font's bytes (TCVN3, VNI).
  const cp1258 = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  const cp1252 = new TextDecoder('windows-1252').decode(bytes);
  const net = (s: { valid: number; invalid: number }) => s.valid - s.invalid;
  const candidates: { encoding: CsvEncoding; text: () => string; net: number }[] = [
    { encoding: 'windows-1258', text: () => cp1258, net: net(syllableScore(cp1258, (w) => w)) },
    ...(['tcvn3', 'vni'] as const).map((e: LegacyEncoding) => ({
      encoding: e as CsvEncoding,
      text: () => decodeAs(cp1252, e),
      net: net(syllableScore(cp1252, (w) => decodeAs(w, e))),
    })),
  ];
  candidates.sort((a, b) => b.net - a.net);
  const best = candidates[0]!;
  return { encoding: best.encoding, text: best.text() };
}

/** The delimiter the first lines use most: comma, semicolon (Excel in a Vietnamese locale) or tab. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 8192).split('\n').slice(0, 5).join('\n');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: head.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.d;
}

/** RFC 4180: quoted fields may hold the delimiter, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    if (field.length > LEGACY_LIMITS.cellChars) refuse('legacy.huge_cell', `cell in line ${rows.length + 1} is longer than Excel allows`, { cell: `${rows.length + 1}` });
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.length > LEGACY_LIMITS.columns) row = row.slice(0, LEGACY_LIMITS.columns);
    rows.push(row);
    row = [];
    if (rows.length > LEGACY_LIMITS.rows) refuse('legacy.too_many_rows', `the file has more than ${LEGACY_LIMITS.rows} rows`, { max: LEGACY_LIMITS.rows });
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
      if (field.length > LEGACY_LIMITS.cellChars) endField();
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function readCsv(bytes: Buffer): LegacyFile {
  const { encoding, text } = decodeCsvBytes(bytes);
  const rows = parseCsv(text).map((fields, index) => ({
    number: index + 1,
    cells: fields.map((field): SheetCell | null => (field === '' ? null : { value: [{ text: field, font: null }], formula: false })),
  }));
  return { format: 'csv', byteEncoding: encoding, sheets: [{ name: 'CSV', hidden: false, rows: rows.filter((r) => r.cells.some((c) => c !== null)) }] };
}

/** A cell's text as it is in the file (runs joined), or its number/boolean as text. */
export function rawText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.value === null) return '';
  if (Array.isArray(cell.value)) return (cell.value as readonly TextRun[]).map((r) => r.text).join('');
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return String(cell.value);
}
