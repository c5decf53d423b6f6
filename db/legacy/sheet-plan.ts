import { legacyFieldsOf, type LegacyField, type LegacyRegister, type LegacyWordField } from '../../api/calls/legacy';
import { BAD_TEXT_CHARS } from '../../api/fields';
import type { LegacyCellIssue, LegacyColumnView, LegacyPreview, LegacyRowView, LegacyTextEncoding, LegacyValueView } from '../../api/views';
import { fold } from '../../core/fold';
import { parseLegacyDate, type DateBounds, type LegacyDate } from '../../core/legacy-dates';
import { decodeAs, detectColumnEncoding, fitsLegacyBytes, fontEvidence, toUnicode } from '../../core/legacy-encoding';
import { AppError } from '../app-error';
import { prepared } from '../query';
import type { Sqlite } from '../store';
import { rawText } from './cell-text';
import type { LegacyFile, LegacySheet, SheetCell } from './read-file';

/**
 * What every register's import does with a sheet before it reads a row as a record (issue 22;
 * docs/domain.md, "Legacy registers"): the sheet and its header row, the mapping proposed from the
 * header words (folded) or the user's or a saved one, each column's encoding (detected over its cells
 * with the fonts as evidence, or chosen), the cells' text in Unicode, the office's words mapped to the
 * app's values. db/legacy/register-import.ts (reports), person-import.ts and hotspot-import.ts use it.
 */

export type SheetRow = LegacySheet['rows'][number];
export type Mapping<F extends string> = { column: number; field: F }[];

/** Folded header text: lower case, no marks, only letters, digits and single spaces. */
export const foldHeader = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function headerScore(header: string, phrase: string): number {
  if (header === phrase) return 100 + phrase.length;
  return ` ${header} `.includes(` ${phrase} `) ? phrase.length : 0;
}

/** Each field to the column whose header names it best (whole words, folded); a column takes at most one field. */
export function proposeFrom<F extends string>(headerWords: Record<F, readonly string[]>, headers: readonly string[]): Mapping<F> {
  const folded = headers.map(foldHeader);
  const candidates: { column: number; field: F; score: number }[] = [];
  for (const [field, phrases] of Object.entries(headerWords) as [F, readonly string[]][]) {
    folded.forEach((header, column) => {
      const score = Math.max(0, ...phrases.map((p) => headerScore(header, p)));
      if (score > 0) candidates.push({ column, field, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const taken = new Set<number>();
  const done = new Set<F>();
  const mapping: Mapping<F> = [];
  for (const c of candidates) {
    if (taken.has(c.column) || done.has(c.field)) continue;
    taken.add(c.column);
    done.add(c.field);
    mapping.push({ column: c.column, field: c.field });
  }
  return mapping.sort((a, b) => a.column - b.column);
}

/** The longest known phrase a word holds (as whole words, folded): the app's value for an office's word. */
export function valueFromPhrases(table: readonly (readonly [string, string])[], word: string): string | null {
  const folded = ` ${foldHeader(word)} `;
  let best: { value: string; length: number } | null = null;
  for (const [phrase, value] of table) {
    if (folded.includes(` ${phrase} `) && (best === null || phrase.length > best.length)) best = { value, length: phrase.length };
  }
  return best?.value ?? null;
}

// ---------------------------------------------------------------------------------------------------
// A column's cells in its encoding.

export const asEncoding = (e: { encoding: string; capitals: boolean }): LegacyTextEncoding =>
  e.encoding === 'tcvn3' ? (e.capitals ? 'tcvn3_capitals' : 'tcvn3') : (e.encoding as LegacyTextEncoding);

function decodeWith(text: string, encoding: LegacyTextEncoding): string {
  if (encoding === 'tcvn3_capitals') return decodeAs(text, 'tcvn3', true);
  return decodeAs(text, encoding);
}

const BAD_CHARS = new RegExp(BAD_TEXT_CHARS.source, 'gu');

/** Control characters out, spaces squeezed at the ends: what a text field keeps. */
export function clean(text: string): string {
  return text.replace(BAD_CHARS, ' ').trim();
}

/**
 * A cell's text in Unicode: each run in its own font's encoding where the font says so (a cell can mix
 * fonts), else in the column's; text no 8-bit font could make is Unicode already.
 */
export function cellText(cell: SheetCell | null | undefined, columnEncoding: LegacyTextEncoding, chosen: boolean): string {
  if (!cell || cell.value === null) return '';
  if (!Array.isArray(cell.value)) return rawText(cell);
  const runs = cell.value as readonly { text: string; font: string | null }[];
  const decode = (run: { text: string; font: string | null }) => {
    if (!fitsLegacyBytes(run.text)) return run.text.normalize('NFC');
    const font = fontEvidence(run.font);
    if (!chosen && font !== null) return decodeWith(run.text, font.encoding === 'tcvn3' ? (font.capitals ? 'tcvn3_capitals' : 'tcvn3') : 'vni');
    return decodeWith(run.text, columnEncoding);
  };
  return clean(runs.length === 1 ? decode(runs[0]!) : runs.map(decode).join(''));
}

export function cellFonts(cell: SheetCell | null | undefined): (string | null)[] {
  if (!cell || !Array.isArray(cell.value)) return [];
  return (cell.value as readonly { font: string | null }[]).map((r) => r.font);
}

// ---------------------------------------------------------------------------------------------------
// The sheet, its header row and its columns.

export function pickSheet(file: LegacyFile, name: string | null): LegacySheet {
  if (name !== null) {
    const sheet = file.sheets.find((s) => s.name === name);
    if (!sheet) throw new AppError('validation', `no sheet named ${name}`, { fields: { sheet: 'legacy.no_sheet' } });
    return sheet;
  }
  const sheet = file.sheets.find((s) => !s.hidden) ?? file.sheets[0];
  if (!sheet) throw new AppError('validation', 'the file has no sheet', { fields: { file: 'legacy.empty' } });
  return sheet;
}

/** A header's text: the cell's, after the text of a group header above it (a merged cell over several columns). */
export function headersOf(sheet: LegacySheet, headerRow: number): string[] {
  const index = sheet.rows.findIndex((r) => r.number === headerRow);
  const row = sheet.rows[index];
  if (!row) return [];
  const above = index > 0 && sheet.rows[index - 1]!.number === headerRow - 1 ? sheet.rows[index - 1]! : null;
  const texts = (cells: readonly (SheetCell | null)[]) => cells.map((c) => (c ? toUnicode(rawText(c), cellFonts(c)[0] ?? null).text.trim() : ''));
  const own = texts(row.cells);
  const group = above ? texts(above.cells) : [];
  // A group header row has several different texts; a title over the whole table has one.
  const groups = new Set(group.filter((t) => t !== ''));
  return own.map((text, i) => {
    const over = group[i] ?? '';
    return groups.size >= 2 && over !== '' && over !== text ? `${over} ${text}`.trim() : text;
  });
}

/**
 * The header row: of the first twenty rows, the one whose words name the most fields (at least two; the
 * first on a tie), so a title above the table or a group header row above the real one is passed over.
 */
export function findHeaderRow(sheet: LegacySheet, propose: (headers: readonly string[]) => readonly unknown[]): number {
  let best: { number: number; fields: number } | null = null;
  for (const row of sheet.rows.slice(0, 20)) {
    const fields = propose(headersOf(sheet, row.number)).length;
    if (fields >= 2 && (best === null || fields > best.fields)) best = { number: row.number, fields };
  }
  if (best !== null) return best.number;
  const first = sheet.rows[0];
  if (!first) throw new AppError('validation', 'the sheet is empty', { fields: { file: 'legacy.empty' } });
  return first.number;
}

/** The key a saved mapping is found by: the header row's texts, folded. */
export const headersKey = (headers: readonly string[]): string => JSON.stringify(headers.map(foldHeader));

export interface SavedMapping {
  readonly name: string;
  readonly mapping: readonly { column: number; field: string }[];
  readonly values: readonly { field: LegacyWordField; word: string; value: string }[];
}

/** The fields a register's mapping must name, and the message when one is left out. */
export const requiredFields = {
  reports: { required: ['summary', 'receivedAt'], requiredKey: 'legacy.mapping_incomplete' },
  persons: { required: ['fullName'], requiredKey: 'legacy.mapping_incomplete_persons' },
  hotspots: { required: ['name'], requiredKey: 'legacy.mapping_incomplete_hotspots' },
} as const satisfies Record<LegacyRegister, { required: readonly LegacyField[]; requiredKey: string }>;

/**
 * A mapping as a register can use it: only its own fields, each from one column, the required ones
 * there; otherwise refused (the dry run's mapping, and a mapping before it is saved).
 */
export function checkMapping<F extends LegacyField>(
  chosen: readonly { column: number; field: string }[],
  rules: { readonly fields: readonly F[]; readonly required: readonly F[]; readonly requiredKey: string },
): { mapping: Mapping<F>; fieldColumn: Map<F, number> } {
  const fieldColumn = new Map<F, number>();
  const mapping: Mapping<F> = [];
  for (const m of chosen) {
    if (!(rules.fields as readonly string[]).includes(m.field)) {
      throw new AppError('validation', `${m.field} is not a field of this register`, { fields: { mapping: 'legacy.not_this_register' }, params: { field: m.field } });
    }
    const field = m.field as F;
    if (fieldColumn.has(field)) throw new AppError('validation', `${field} is mapped twice`, { fields: { mapping: 'legacy.mapped_twice' }, params: { field } });
    fieldColumn.set(field, m.column);
    mapping.push({ column: m.column, field });
  }
  if (rules.required.some((f) => !fieldColumn.has(f))) {
    throw new AppError('validation', `${rules.required.join(', ')} must be mapped`, { fields: { mapping: rules.requiredKey } });
  }
  return { mapping, fieldColumn };
}

/** checkMapping for a register named at run time (a mapping being saved). */
export function checkRegisterMapping(register: LegacyRegister, chosen: readonly { column: number; field: string }[]): void {
  checkMapping<LegacyField>(chosen, { fields: legacyFieldsOf[register], ...requiredFields[register] });
}

export interface SheetOptions {
  readonly sheet: string | null;
  readonly headerRow: number | null;
  readonly mapping: readonly { column: number; field: LegacyField }[] | null;
  readonly encodings: readonly { column: number; encoding: LegacyTextEncoding }[];
  readonly values: readonly { field: LegacyWordField; word: string; value: string }[];
}

/** The distinct cells of a column whose text is remembered (cells of rich text are not shared: one a cell). */
const TEXT_MEMO = 20_000;

/** Cells of a column read for its encoding: all of them up to this many, else this many spread evenly down it. */
const DETECTION_SAMPLE = 4000;

/**
 * The texts a column's encoding is detected from. A long column is sampled evenly (its words score the
 * same way, and scoring 100,000 cells took seconds), with the first text no 8-bit font could make, if
 * any: that alone says the column is Unicode.
 */
function detectionSample(cells: readonly (SheetCell | null | undefined)[]): string[] {
  const texts = cells.map(rawText);
  if (texts.length <= DETECTION_SAMPLE) return texts;
  const step = texts.length / DETECTION_SAMPLE;
  const sample = Array.from({ length: DETECTION_SAMPLE }, (_, i) => texts[Math.floor(i * step)]!);
  const unicodeOnly = texts.find((text) => !fitsLegacyBytes(text));
  if (unicodeOnly !== undefined) sample.push(unicodeOnly);
  return sample;
}

export interface PreparedSheet<F extends string> {
  readonly sheet: LegacySheet;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: Mapping<F>;
  readonly fieldColumn: ReadonlyMap<F, number>;
  readonly dataRows: readonly SheetRow[];
  readonly columns: readonly LegacyColumnView[];
  /** The saved mapping used, if one was (its words come under the user's). */
  readonly saved: SavedMapping | null;
  /** The user's words over the saved mapping's. */
  readonly values: readonly { field: LegacyWordField; word: string; value: string }[];
  text(row: SheetRow, field: F): string;
  raw(row: SheetRow, field: F): SheetCell | null;
  /** A date field: the cell's own date or number, else its text read as a date. */
  date(row: SheetRow, field: F, bounds: DateBounds): LegacyDate;
  issue(field: F, reason: string, value: string): LegacyCellIssue;
}

/**
 * The sheet read up to its rows: sheet, header row, mapping (the user's, else a saved one, else the one
 * proposed), fields mapped twice or required fields left out refused, each column's encoding.
 */
export function prepareSheet<F extends LegacyField>(
  file: LegacyFile,
  options: SheetOptions,
  rules: {
    readonly fields: readonly F[];
    readonly propose: (headers: readonly string[]) => Mapping<F>;
    readonly required: readonly F[];
    readonly requiredKey: string;
    readonly saved: (key: string) => SavedMapping | null;
  },
): PreparedSheet<F> {
  const sheet = pickSheet(file, options.sheet);
  const headerRow = options.headerRow ?? findHeaderRow(sheet, rules.propose);
  if (!sheet.rows.some((r) => r.number === headerRow)) throw new AppError('validation', 'the header row is empty', { fields: { headerRow: 'legacy.no_header' } });
  const headers = headersOf(sheet, headerRow);
  const saved = options.mapping === null ? rules.saved(headersKey(headers)) : null;
  const chosen = options.mapping ?? saved?.mapping ?? rules.propose(headers);
  const { mapping, fieldColumn } = checkMapping(chosen, rules);
  const dataRows = sheet.rows.filter((r) => r.number > headerRow && r.cells.some((c) => rawText(c).trim() !== ''));

  const width = Math.max(headers.length, ...dataRows.map((r) => r.cells.length), 0);
  const columns: LegacyColumnView[] = [];
  const encodingOf: LegacyTextEncoding[] = [];
  const chosenOf: boolean[] = [];
  for (let column = 0; column < width; column += 1) {
    const cells = dataRows.map((r) => r.cells[column]);
    const detected = asEncoding(detectColumnEncoding(detectionSample(cells), cells.flatMap(cellFonts)));
    const choice = options.encodings.find((e) => e.column === column)?.encoding;
    encodingOf[column] = choice ?? detected;
    chosenOf[column] = choice !== undefined;
    columns.push({ column, header: headers[column] ?? '', field: mapping.find((m) => m.column === column)?.field ?? null, encoding: encodingOf[column]!, detected });
  }

  // Cells are shared (db/legacy/read-file.ts, `cellOf`): a column's text of each distinct cell is worked
  // out once, not once a row (a register of 100,000 rows repeats its places, results and dates).
  const memo: Map<SheetCell, string>[] = [];
  const text = (row: SheetRow, field: F): string => {
    const column = fieldColumn.get(field);
    const cell = column === undefined ? null : row.cells[column];
    if (!cell) return '';
    const known = (memo[column!] ??= new Map());
    let shown = known.get(cell);
    if (shown === undefined) {
      shown = cellText(cell, encodingOf[column!]!, chosenOf[column!]!);
      if (known.size < TEXT_MEMO) known.set(cell, shown);
    }
    return shown;
  };
  const raw = (row: SheetRow, field: F): SheetCell | null => {
    const column = fieldColumn.get(field);
    return column === undefined ? null : (row.cells[column] ?? null);
  };
  const userWords = new Set(options.values.map((v) => `${v.field}|${fold(v.word)}`));
  return {
    sheet,
    headerRow,
    headers,
    mapping,
    fieldColumn,
    dataRows,
    columns,
    saved,
    values: [...options.values, ...(saved?.values ?? []).filter((v) => !userWords.has(`${v.field}|${fold(v.word)}`))],
    text,
    raw,
    date: (row, field, bounds) => {
      const cell = raw(row, field);
      return parseLegacyDate(cell && Array.isArray(cell.value) ? text(row, field) : (cell?.value ?? null), bounds);
    },
    issue: (field, reason, value) => ({ field, column: fieldColumn.get(field) ?? null, reason, text: value.slice(0, 200) }),
  };
}

/**
 * The office's words in a word column, with the app's values: the user's (or the saved mapping's)
 * first, else the proposal; each word counted once per row, for the table the user edits.
 */
export function wordTable(chosen: readonly { field: LegacyWordField; word: string; value: string }[], propose: (field: LegacyWordField, word: string) => string | null) {
  const values = new Map<string, LegacyValueView>();
  return {
    valueOf(field: LegacyWordField, word: string): string | null {
      const key = `${field}|${fold(word)}`;
      const seen = values.get(key);
      if (seen) {
        values.set(key, { ...seen, count: seen.count + 1 });
        return seen.value;
      }
      const value = chosen.find((v) => v.field === field && fold(v.word) === fold(word))?.value ?? propose(field, word);
      values.set(key, { field, word, value, count: 1 });
      return value;
    },
    list: (): LegacyValueView[] => [...values.values()],
  };
}

/** A legacy date's reason as an i18n key under legacy.reason.* */
export const dateReason = (date: Extract<LegacyDate, { kind: 'note' }>): string =>
  date.reason === 'empty' ? 'legacy.reason.required' : `legacy.reason.date_${date.reason.replace(/-/g, '_')}`;

// ---------------------------------------------------------------------------------------------------
// What the rows became.

const SHOWN_PER_OUTCOME = 200;

/** The rows' outcomes counted, and the first rows of each outcome (at most 200 of each) kept for the screen. */
export function outcomeTally(rows: number) {
  const counts = { rows, new: 0, refused: 0, matched: 0, possible: 0, flagged: 0, writes: 0 };
  const shown = { new: 0, refused: 0, matched: 0, possible: 0 };
  const kept: LegacyRowView[] = [];
  return {
    counts,
    rows: kept,
    /** A row's outcome; its view is made only when it is shown. */
    add(outcome: LegacyRowView['outcome'], flags: { writes: boolean; flagged: boolean }, view: () => LegacyRowView): void {
      counts[outcome] += 1;
      if (flags.writes) counts.writes += 1;
      if (flags.flagged) counts.flagged += 1;
      if (shown[outcome] < SHOWN_PER_OUTCOME) {
        shown[outcome] += 1;
        kept.push(view());
      }
    },
  };
}

/** A dry run's preview: the file and its sheets, the sheet as read, the office's words met, what the rows became. */
export function previewOf(
  register: LegacyPreview['register'],
  file: LegacyFile,
  fileName: string,
  sheet: Pick<PreparedSheet<string>, 'sheet' | 'headerRow' | 'columns' | 'saved'>,
  outcome: { values: readonly LegacyValueView[]; tally: ReturnType<typeof outcomeTally>; shownFields: readonly string[] },
): LegacyPreview {
  return {
    register,
    fileName,
    format: file.format,
    byteEncoding: file.byteEncoding,
    sheets: file.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows.length })),
    sheet: sheet.sheet.name,
    headerRow: sheet.headerRow,
    columns: sheet.columns,
    values: outcome.values,
    counts: outcome.tally.counts,
    rows: outcome.tally.rows,
    shownFields: outcome.shownFields,
    savedMapping: sheet.saved?.name ?? null,
    importId: null,
    backup: null,
  };
}

/** A register's officer column: the office's user of that name (folded), if there is one. */
export function officerByName(db: Sqlite, officeId: string): (name: string) => string | null {
  const users = (prepared(db, 'SELECT id, full_name FROM users WHERE office_id = ? AND deleted_at IS NULL').all(officeId) as { id: string; full_name: string }[]).map((u) => ({ id: u.id, name: fold(u.full_name) }));
  return (name) => {
    const folded = fold(name);
    return users.find((u) => u.name === folded)?.id ?? null;
  };
}
