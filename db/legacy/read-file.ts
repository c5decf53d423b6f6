import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
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
export async function readLegacyFile(fileName: string, bytes: Buffer, progress?: ReadProgress): Promise<LegacyFile> {
  if (bytes.length > LEGACY_LIMITS.fileBytes) refuse('legacy.too_big', `the file is larger than ${LEGACY_LIMITS.fileBytes} bytes`, { max: LEGACY_LIMITS.fileBytes });
  const lower = fileName.toLowerCase();
  const ole2 = bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
  if (ole2 || lower.endsWith('.xls')) {
    refuse('legacy.xls', 'an Excel 97–2003 (.xls) file: open it in Excel and save it as an Excel Workbook (.xlsx)');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes, progress);
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return readXlsx(bytes, progress);
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

/**
 * A cell as the import reads it. Cells are shared: a register repeats the same words and numbers down a
 * column (places, results, names, years), and each distinct value (a text in each font) is held once
 * (`texts`), so 100,000 rows cost their distinct values, not several objects a cell.
 */
function cellOf(cell: ExcelJS.Cell, texts: Map<string, SheetCell>): SheetCell | null {
  const font = cell.font?.name ?? null;
  const text = (value: string, formula: boolean): SheetCell => {
    const key = `${formula ? 'f' : 't'}${font ?? ''}\u0000${value}`;
    let shared = texts.get(key);
    if (shared === undefined) {
      shared = { value: runsOf(value, font, cell.address), formula };
      texts.set(key, shared);
    }
    return shared;
  };
  const convert = (value: CellValue, formula: boolean): SheetCell | null => {
    if (value === null || value === undefined) return formula ? { value: null, formula } : null;
    if (typeof value === 'string') return text(value, formula);
    if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
      const key = `${formula ? 'F' : 'V'}${typeof value === 'object' ? `d${value.getTime()}` : `${typeof value}${value}`}`;
      let shared = texts.get(key);
      if (shared === undefined) {
        shared = { value, formula };
        texts.set(key, shared);
      }
      return shared;
    }
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

/** A zip entry as its central directory lists it. */
interface ZipEntry {
  readonly name: string;
  readonly offset: number;
}

function zipEntries(bytes: Buffer): { entries: ZipEntry[]; directory: number } {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const count = bytes.readUInt16LE(eocd + 10);
  const directory = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  let at = directory;
  for (let n = 0; n < count; n += 1) {
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), offset: bytes.readUInt32LE(at + 42) });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, directory };
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The workbook's zip with its parts in the order a streaming reader needs them: the workbook, its
 * relations, the styles and the shared strings before any sheet. exceljs's streaming reader writes a
 * sheet that comes before the shared strings (Excel puts them last) to a temporary file, and a register
 * is personal data that is never written to disk unencrypted (docs/security.md); in this order it reads
 * every part from memory. Each part's bytes are copied as they are (its local header, data and
 * descriptor): nothing is unpacked here.
 */
function streamingOrder(bytes: Buffer): Buffer {
  const { entries, directory } = zipEntries(bytes);
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  const extent = new Map(byOffset.map((e, i) => [e.name, [e.offset, byOffset[i + 1]?.offset ?? directory] as const]));
  const rank = (name: string): number => {
    if (name === 'xl/_rels/workbook.xml.rels') return 0;
    if (name === 'xl/workbook.xml') return 1;
    if (name === 'xl/styles.xml') return 2;
    if (name === 'xl/sharedStrings.xml') return 3;
    const sheet = SHEET.exec(name);
    return sheet ? 10 + Number(sheet[1]) : 5;
  };
  const ordered = [...entries].sort((a, b) => rank(a.name) - rank(b.name));
  return Buffer.concat([...ordered.map((e) => bytes.subarray(...extent.get(e.name)!)), bytes.subarray(directory)]);
}

/**
 * The merged ranges of a sheet (`<mergeCell ref="B1:C1"/>`, after the rows in the sheet's part, which
 * the streaming reader passes over): read from the part inflated as a stream, a small window kept.
 */
async function mergedRanges(bytes: Buffer, entryName: string): Promise<{ top: number; left: number; bottom: number; right: number }[]> {
  const entry = zipEntries(bytes).entries.find((e) => e.name === entryName);
  if (!entry) return [];
  const at = entry.offset;
  const method = bytes.readUInt16LE(at + 8);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const { entries, directory } = zipEntries(bytes);
  const end = Math.min(directory, ...entries.map((e) => e.offset).filter((o) => o > at));
  const source = Readable.from([bytes.subarray(start, end)]);
  const stream = method === 8 ? source.pipe(createInflateRaw()) : source;
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
  const pattern = /<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  let carry = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      let last = 0;
      for (const m of text.matchAll(pattern)) {
        ranges.push({ left: column(m[1]!), top: Number(m[2]), right: column(m[3]!), bottom: Number(m[4]) });
        last = m.index + m[0].length;
        if (ranges.length > 100_000) return ranges;
      }
      carry = text.slice(Math.max(last, text.length - 200));
    }
  } catch {
    // A damaged part: the rows already read say so, or the sheet has no merges to give.
  }
  return ranges;
}

/** Each cell a merged range covers takes the text of its top-left cell, as Excel shows it. */
function fillMerged(rows: { number: number; cells: (SheetCell | null)[] }[], ranges: readonly { top: number; left: number; bottom: number; right: number }[]): void {
  if (ranges.length === 0) return;
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const range of ranges) {
    const master = byNumber.get(range.top)?.cells[range.left - 1] ?? null;
    if (master === null || range.right > LEGACY_LIMITS.columns || range.bottom - range.top > 1000) continue;
    for (let number = range.top; number <= range.bottom; number += 1) {
      let row = byNumber.get(number);
      if (!row) {
        row = { number, cells: [] };
        byNumber.set(number, row);
        rows.push(row);
      }
      for (let column = range.left; column <= range.right; column += 1) {
        if (number === range.top && column === range.left) continue;
        for (let i = row.cells.length; i < column - 1; i += 1) row.cells[i] = null;
        row.cells[column - 1] = master;
      }
    }
  }
  rows.sort((a, b) => a.number - b.number);
}

/** Progress of a long read: called now and then with the share done (0..1); may throw to stop. */
export type ReadProgress = (done: number) => void | Promise<void>;

/**
 * A workbook read as a stream (exceljs's streaming reader): one row at a time, never the whole
 * workbook's cell objects at once (a 100,000-row register took 2 GB through the full reader). The styles
 * are kept (the cells' fonts are the evidence of TCVN3 and VNI, their number formats tell dates).
 */
async function readXlsx(bytes: Buffer, progress?: ReadProgress): Promise<LegacyFile> {
  checkZip(bytes);
  // The workbook's bytes handed to the reader piece by piece: how many it took is the progress.
  const ordered = streamingOrder(bytes);
  let taken = 0;
  const input = Readable.from(
    (function* pieces() {
      for (let at = 0; at < ordered.length; at += 64 * 1024) {
        taken = at;
        yield ordered.subarray(at, at + 64 * 1024);
      }
      taken = ordered.length;
    })(),
    { objectMode: false },
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets: { sheet: LegacySheet }[] = [];
  const texts = new Map<string, SheetCell>();
  let read = 0;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<ExcelJS.Worksheet & { id: number; name: string; state: string; sheetNo?: string }>) {
      const rows: { number: number; cells: (SheetCell | null)[] }[] = [];
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (rows.length >= LEGACY_LIMITS.rows) refuse('legacy.too_many_rows', `sheet ${worksheet.name} has more than ${LEGACY_LIMITS.rows} rows`, { max: LEGACY_LIMITS.rows });
        const cells: (SheetCell | null)[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > LEGACY_LIMITS.columns) return;
          cells[column - 1] = cellOf(cell, texts);
        });
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= null;
        if (cells.length > 0) rows.push({ number: row.number, cells });
        read += 1;
        if (progress && read % 2000 === 0) await progress(taken / ordered.length);
      }
      sheets.push({ sheet: { name: worksheet.name ?? `Sheet${sheets.length + 1}`, hidden: (worksheet.state ?? 'visible') !== 'visible', rows } });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse('legacy.damaged', 'the file is damaged or not an Excel workbook');
  }
  // A zip without a workbook in it.
  if (sheets.length === 0) refuse('legacy.damaged', 'the file is damaged or not an Excel workbook');
  // The workbook's own order of its sheets, and each sheet's merged cells.
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  sheets.sort((a, b) => order.indexOf(a.sheet.name) - order.indexOf(b.sheet.name));
  const parts = zipEntries(bytes).entries.filter((e) => SHEET.test(e.name));
  for (const [index, { sheet }] of sheets.entries()) {
    const rels = (reader as unknown as { workbookRels?: { Id: string; Target: string }[] }).workbookRels ?? [];
    const model = (reader as unknown as { model?: { sheets?: { name: string; rId: string }[] } }).model?.sheets?.find((s) => s.name === sheet.name);
    const target = rels.find((r) => r.Id === model?.rId)?.Target;
    const name = target ? `xl/${target.replace(/^\/?xl\//, '')}` : parts[index]?.name;
    if (name) fillMerged(sheet.rows as { number: number; cells: (SheetCell | null)[] }[], await mergedRanges(bytes, name));
  }
  return { format: 'xlsx', byteEncoding: null, sheets: sheets.map((s) => s.sheet) };
}

// ---------------------------------------------------------------------------------------------------
// CSV.

/**
 * How a .csv's bytes become text: the encoding, where the text starts (after a BOM), a fresh decoder of
 * its pieces in order, and what each field's text becomes once read (a legacy font's letters converted,
 * Windows-1258's combining tones composed). Fields are converted one by one, never the whole text: a
 * field is never cut, and the characters the parser looks for (delimiters, quotes, line ends) are ASCII
 * in every one of these encodings.
 */
interface CsvDecoding {
  readonly encoding: CsvEncoding;
  readonly start: number;
  readonly decoder: () => TextDecoder;
  readonly field: (raw: string) => string;
}

const same = (raw: string) => raw;
const decoding = (encoding: CsvEncoding, start: number, label: string, field: (raw: string) => string = same, fatal = false): CsvDecoding => ({
  encoding,
  start,
  decoder: () => new TextDecoder(label, { fatal }),
  field,
});

/** The bytes read at a time: the text of one piece at most is held besides the rows. */
const CSV_PIECE_BYTES = 1024 * 1024;
/** How many bytes of the lines with non-ASCII bytes the choice of an 8-bit encoding reads. */
const CSV_SAMPLE_BYTES = 256 * 1024;

/**
 * The encoding a .csv looks like from its start: a BOM, UTF-16 by the zero bytes beside ASCII letters in
 * its first 4 KiB, binary data (refused), or else UTF-8, which only the whole file can confirm: the read
 * decodes it strictly and falls back to `eightBit` at the first byte that is not UTF-8.
 */
function csvDecodingOf(bytes: Uint8Array): CsvDecoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoding('utf-8-bom', 3, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoding('utf-16le', 2, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoding('utf-16be', 2, 'utf-16be');
  // UTF-16 without a BOM: ASCII letters leave a zero byte beside each.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  if (oddZeros > sample.length / 5 && evenZeros < oddZeros / 10) return decoding('utf-16le', 0, 'utf-16le');
  if (evenZeros > sample.length / 5 && oddZeros < evenZeros / 10) return decoding('utf-16be', 0, 'utf-16be');
  if (evenZeros + oddZeros > 0) refuse('legacy.damaged', 'the file holds binary data, not text');
  return decoding('utf-8', 0, 'utf-8', same, true);
}

/**
 * An 8-bit file: Windows-1258 (Vietnamese with combining tones) or a legacy font's bytes (TCVN3, VNI),
 * whichever reads as more Vietnamese syllables. The words scored are those of the file's first lines
 * that hold a byte above ASCII (up to CSV_SAMPLE_BYTES of them): lines of plain ASCII tell nothing.
 */
function eightBit(bytes: Uint8Array): CsvDecoding {
  const lines: Uint8Array[] = [];
  let taken = 0;
  for (let at = 0; at < bytes.length && taken < CSV_SAMPLE_BYTES; ) {
    let end = bytes.indexOf(0x0a, at);
    if (end < 0) end = bytes.length;
    let high = false;
    for (let i = at; i < end && !high; i += 1) high = bytes[i]! >= 0x80;
    if (high) {
      const line = bytes.subarray(at, Math.min(end + 1, at + CSV_SAMPLE_BYTES - taken));
      lines.push(line);
      taken += line.length;
    }
    at = end + 1;
  }
  const sample = Buffer.concat(lines);
  const cp1258 = new TextDecoder('windows-1258').decode(sample).normalize('NFC');
  const cp1252 = new TextDecoder('windows-1252').decode(sample);
  const net = (s: { valid: number; invalid: number }) => s.valid - s.invalid;
  const candidates: { encoding: CsvEncoding; net: number; label: string; field: (raw: string) => string }[] = [
    { encoding: 'windows-1258', net: net(syllableScore(cp1258, (w) => w)), label: 'windows-1258', field: (raw) => raw.normalize('NFC') },
    ...(['tcvn3', 'vni'] as const).map((e: LegacyEncoding) => ({
      encoding: e as CsvEncoding,
      net: net(syllableScore(cp1252, (w) => decodeAs(w, e))),
      label: 'windows-1252',
      field: (raw: string) => decodeAs(raw, e),
    })),
  ];
  // The first on a tie: Windows-1258.
  const best = candidates.reduce((a, b) => (b.net > a.net ? b : a));
  return decoding(best.encoding, 0, best.label, best.field);
}

/**
 * A .csv's text, piece by piece, as its encoding reads it: `begin` is told the encoding and gives the
 * taker of the pieces of text in order (`progress` is given the share of bytes read). A file that began
 * as UTF-8 and holds a byte that is not is read again from the start as 8-bit text: `begin` is called
 * again, and the taker drops what it had.
 */
async function decodeCsvPieces(bytes: Uint8Array, begin: (how: CsvDecoding) => (text: string) => void, progress?: ReadProgress): Promise<CsvDecoding> {
  const pass = async (how: CsvDecoding): Promise<boolean> => {
    const take = begin(how);
    const decoder = how.decoder();
    try {
      for (let at = how.start; at < bytes.length; at += CSV_PIECE_BYTES) {
        const end = Math.min(bytes.length, at + CSV_PIECE_BYTES);
        take(decoder.decode(bytes.subarray(at, end), { stream: true }));
        if (progress) await progress(end / bytes.length);
      }
      take(decoder.decode());
      return true;
    } catch (error) {
      // Only the strict UTF-8 decoder throws a TypeError; anything else (a refusal, a cancel) goes on.
      if (how.encoding === 'utf-8' && error instanceof TypeError) return false;
      throw error;
    }
  };
  const first = csvDecodingOf(bytes);
  if (await pass(first)) return first;
  const second = eightBit(bytes);
  await pass(second);
  return second;
}

/** The byte encoding of a .csv and its whole text (converted as the import converts each field). */
export async function decodeCsvBytes(bytes: Buffer): Promise<{ encoding: CsvEncoding; text: string }> {
  let pieces: string[] = [];
  const how = await decodeCsvPieces(bytes, () => {
    pieces = [];
    return (text) => pieces.push(text);
  });
  return { encoding: how.encoding, text: how.field(pieces.join('')) };
}

/**
 * RFC 4180 read as the text comes, piece by piece: quoted fields may hold the delimiter, line breaks and
 * doubled quotes. The delimiter is the one the first lines use most: comma, semicolon (Excel in a
 * Vietnamese locale) or tab; each record is handed to `record` as its fields' texts.
 */
class CsvParser {
  private delimiter: string | null = null;
  private head = '';
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote met inside a quoted field: the end of the field, or the first of a doubled quote. */
  private quote = false;
  private records = 0;

  constructor(private readonly record: (fields: string[], number: number) => void) {}

  feed(text: string): void {
    if (this.delimiter === null) {
      this.head += text;
      if (this.head.length < 8192) return;
      this.start();
      return;
    }
    this.scan(text);
  }

  end(): void {
    if (this.delimiter === null) this.start();
    if (this.quote) {
      this.quote = false;
      this.quoted = false;
    }
    if (this.field !== '' || this.row.length > 0) this.endRow();
  }

  private start(): void {
    const head = this.head.slice(0, 8192).split('\n').slice(0, 5).join('\n');
    const counts = [',', ';', '\t'].map((d) => ({ d, n: head.split(d).length }));
    this.delimiter = counts.reduce((a, b) => (b.n > a.n ? b : a)).d;
    const text = this.head;
    this.head = '';
    this.scan(text);
  }

  private endField(): void {
    if (this.field.length > LEGACY_LIMITS.cellChars) refuse('legacy.huge_cell', `cell in line ${this.records + 1} is longer than Excel allows`, { cell: `${this.records + 1}` });
    this.row.push(ownCopy(this.field));
    this.field = '';
  }

  private endRow(): void {
    this.endField();
    const row = this.row.length > LEGACY_LIMITS.columns ? this.row.slice(0, LEGACY_LIMITS.columns) : this.row;
    this.row = [];
    this.records += 1;
    if (this.records > LEGACY_LIMITS.rows) refuse('legacy.too_many_rows', `the file has more than ${LEGACY_LIMITS.rows} rows`, { max: LEGACY_LIMITS.rows });
    this.record(row, this.records);
  }

  /** Runs of plain characters are taken whole; only delimiters, quotes and line ends are looked at one by one. */
  private scan(text: string): void {
    const delimiter = this.delimiter!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.quote) {
        this.quote = false;
        if (text[i] === '"') {
          this.field += '"';
          i += 1;
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        const quote = text.indexOf('"', i);
        const end = quote < 0 ? n : quote;
        this.field += text.slice(i, end);
        if (this.field.length > LEGACY_LIMITS.cellChars) this.endField();
        if (quote < 0) return;
        this.quote = true;
        i = quote + 1;
        continue;
      }
      const c = text[i]!;
      if (c === '"' && this.field === '') this.quoted = true;
      else if (c === delimiter) this.endField();
      else if (c === '\n') this.endRow();
      else if (c !== '\r') {
        // A quote inside an unquoted field is a character like any other.
        let j = i + 1;
        for (; j < n; j += 1) {
          const k = text[j];
          if (k === delimiter || k === '\n' || k === '\r' || k === '"') break;
        }
        this.field += text.slice(i, j);
        if (this.field.length > LEGACY_LIMITS.cellChars) this.endField();
        i = j;
        continue;
      }
      i += 1;
    }
  }
}

/**
 * A string of its own, flat: a field built from slices of a piece of text would otherwise keep that
 * whole piece alive (a slice points into it) or a chain of joined parts (measured: the cells of a
 * 100,000-row file held 298 MB of heap as built, 51 MB as copies).
 */
function ownCopy(text: string): string {
  return text.length < 16 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** The records of a .csv's text (the fields as they are). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields) => rows.push(fields));
  parser.feed(text);
  parser.end();
  return rows;
}

/**
 * A .csv read as a stream: its bytes decoded a piece at a time and parsed as they come, so the whole
 * text is never held (a 32 MiB file in UTF-16 was 64 MiB of text, and its lines again). Each distinct
 * field text is one shared cell, as in a workbook (`cellOf`). Empty lines are left out; rows keep their
 * record's number.
 */
async function readCsv(bytes: Buffer, progress?: ReadProgress): Promise<LegacyFile> {
  let rows: { number: number; cells: (SheetCell | null)[] }[] = [];
  let parser: CsvParser | null = null;
  const how = await decodeCsvPieces(
    bytes,
    (decoding) => {
      rows = [];
      const texts = new Map<string, SheetCell>();
      const cell = (raw: string): SheetCell | null => {
        if (raw === '') return null;
        const text = decoding.field(raw);
        let shared = texts.get(text);
        if (shared === undefined) {
          shared = { value: [{ text, font: null }], formula: false };
          texts.set(text, shared);
        }
        return shared;
      };
      const current = new CsvParser((fields, number) => {
        const cells = fields.map(cell);
        if (cells.some((c) => c !== null)) rows.push({ number, cells });
      });
      parser = current;
      return (text) => current.feed(text);
    },
    progress,
  );
  parser!.end();
  return { format: 'csv', byteEncoding: how.encoding, sheets: [{ name: 'CSV', hidden: false, rows }] };
}
