import type { z } from 'zod';
import { legacyStatusValues, type legacyOptions, type LegacyReportField } from '../../api/calls/legacy';
import { BAD_TEXT_CHARS } from '../../api/fields';
import type { LegacyCellIssue, LegacyColumnView, LegacyImportView, LegacyPreview, LegacyRowView, LegacyTextEncoding, LegacyValueView } from '../../api/views';
import { reportKinds, type Decision, type ReportKind, type ReportStatus } from '../../api/vocabulary';
import { localDate } from '../../core/calendar';
import { fold } from '../../core/fold';
import { parseLegacyDate, shownDate } from '../../core/legacy-dates';
import { decodeAs, detectColumnEncoding, fitsLegacyBytes, fontEvidence, toUnicode } from '../../core/legacy-encoding';
import { vnInstant } from '../../core/vn-time';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { uuidv7 } from '../ids';
import { prepared } from '../query';
import { deadlineColumns, loadHolidays } from '../register/deadline-columns';
import { REGISTER_BOOK } from '../register/reports';
import type { Settings } from '../../api/views';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { rawText, type LegacyFile, type LegacySheet, type SheetCell } from './read-file';

/**
 * The import of an office's old crime-report register (issue 22; docs/domain.md, "Legacy registers"):
 * the mapping the app proposes from the header words, the dry run (new rows, rows refused with the
 * reason per cell, rows the office already has: same register number and year), and the import itself
 * in one transaction through the write path. Register numbers are kept as they were and the counters
 * move past them; old reports come in settled unless the user marks them open; each record remembers
 * the file and row it came from; an undo voids the import's records with a reason.
 */

export type LegacyOptions = z.output<typeof legacyOptions>;

// ---------------------------------------------------------------------------------------------------
// The mapping proposed from the header words (folded).

const headerWords: Record<LegacyReportField, readonly string[]> = {
  registerNo: ['so', 'so tt', 'stt', 'so thu tu', 'so vao so', 'so tin bao', 'so dang ky', 'so ho so'],
  registerYear: ['nam', 'nam vao so'],
  receivedAt: ['ngay tiep nhan', 'ngay nhan', 'ngay thang', 'ngay', 'thoi gian tiep nhan', 'ngay vao so', 'ngay nhan tin'],
  occurredOn: ['ngay xay ra', 'thoi gian xay ra', 'ngay vu viec'],
  summary: ['noi dung', 'tom tat', 'noi dung tin bao', 'noi dung vu viec', 'su viec', 'vu viec', 'trich yeu', 'tom tat noi dung'],
  description: ['ghi chu', 'dien bien', 'mo ta', 'chi tiet'],
  address: ['noi xay ra', 'dia diem', 'dia diem xay ra'],
  reporterName: ['nguoi bao', 'nguoi bao tin', 'nguoi to giac', 'ho ten nguoi bao', 'nguoi trinh bao', 'ho ten', 'ho va ten'],
  reporterAddress: ['dia chi', 'dia chi nguoi bao', 'noi o', 'noi cu tru'],
  reporterContact: ['so dien thoai', 'dien thoai', 'sdt', 'lien he'],
  kind: ['loai', 'phan loai', 'loai tin', 'loai vu viec', 'hinh thuc'],
  status: ['ket qua', 'ket qua giai quyet', 'tinh trang', 'trang thai', 'ket qua xu ly'],
  officer: ['can bo', 'can bo thu ly', 'nguoi thu ly', 'can bo giai quyet', 'can bo tiep nhan'],
};

function headerScore(header: string, phrase: string): number {
  if (header === phrase) return 100 + phrase.length;
  return ` ${header} `.includes(` ${phrase} `) ? phrase.length : 0;
}

/** Each field to the column whose header names it best; a column takes at most one field. */
export function proposeMapping(headers: readonly string[]): { column: number; field: LegacyReportField }[] {
  const folded = headers.map((h) => fold(h).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim());
  const candidates: { column: number; field: LegacyReportField; score: number }[] = [];
  for (const [field, phrases] of Object.entries(headerWords) as [LegacyReportField, readonly string[]][]) {
    folded.forEach((header, column) => {
      const score = Math.max(0, ...phrases.map((p) => headerScore(header, p)));
      if (score > 0) candidates.push({ column, field, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const taken = new Set<number>();
  const done = new Set<LegacyReportField>();
  const mapping: { column: number; field: LegacyReportField }[] = [];
  for (const c of candidates) {
    if (taken.has(c.column) || done.has(c.field)) continue;
    taken.add(c.column);
    done.add(c.field);
    mapping.push({ column: c.column, field: c.field });
  }
  return mapping.sort((a, b) => a.column - b.column);
}

// ---------------------------------------------------------------------------------------------------
// The office's words for kinds and statuses.

const kindWords: readonly [string, ReportKind][] = [
  ['tin bao', 'crime_report'],
  ['to giac', 'denunciation'],
  ['kien nghi khoi to', 'prosecution_request'],
  ['vi pham hanh chinh', 'administrative_violation'],
  ['xu phat', 'administrative_violation'],
  ['tai nan giao thong', 'traffic_accident'],
  ['tngt', 'traffic_accident'],
  ['chay', 'fire_explosion'],
  ['no', 'fire_explosion'],
  ['tranh chap', 'dispute_mediation'],
  ['hoa giai', 'dispute_mediation'],
  ['khac', 'other_incident'],
];

const statusWords: readonly [string, (typeof legacyStatusValues)[number]][] = [
  ['khong khoi to', 'decided:not_prosecute'],
  ['tam dinh chi', 'decided:suspend'],
  ['khoi to', 'decided:prosecute'],
  ['hoa giai', 'resolved_mediation'],
  ['chuyen', 'transferred'],
  ['dang xac minh', 'checking'],
  ['dang kiem tra', 'checking'],
  ['dang giai quyet', 'checking'],
  ['chua giai quyet', 'received'],
  ['moi tiep nhan', 'received'],
  ['da giai quyet', 'resolved_admin'],
  ['da xu ly', 'resolved_admin'],
  ['xu phat', 'resolved_admin'],
  ['xong', 'resolved_admin'],
  ['hoan thanh', 'resolved_admin'],
  ['ket thuc', 'resolved_admin'],
];

/** The app's value for an office's word: the longest known phrase the word holds (as whole words). */
function proposedValue(field: 'kind' | 'status', word: string): string | null {
  const folded = ` ${fold(word).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const table = field === 'kind' ? kindWords : statusWords;
  let best: { value: string; length: number } | null = null;
  for (const [phrase, value] of table) {
    if (folded.includes(` ${phrase} `) && (best === null || phrase.length > best.length)) best = { value, length: phrase.length };
  }
  return best?.value ?? null;
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['received', 'checking']);

const isReportKind = (value: string): value is ReportKind => (reportKinds as readonly string[]).includes(value);
const isLegacyStatus = (value: string): value is (typeof legacyStatusValues)[number] => (legacyStatusValues as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------------
// Reading a column's cells in its encoding.

const asEncoding = (e: { encoding: string; capitals: boolean }): LegacyTextEncoding =>
  e.encoding === 'tcvn3' ? (e.capitals ? 'tcvn3_capitals' : 'tcvn3') : (e.encoding as LegacyTextEncoding);

function decodeWith(text: string, encoding: LegacyTextEncoding): string {
  if (encoding === 'tcvn3_capitals') return decodeAs(text, 'tcvn3', true);
  return decodeAs(text, encoding);
}

/** Control characters out, spaces squeezed at the ends: what a text field keeps. */
function clean(text: string): string {
  return text.replace(new RegExp(BAD_TEXT_CHARS.source, 'gu'), ' ').trim();
}

/**
 * A cell's text in Unicode: each run in its own font's encoding where the font says so (a cell can mix
 * fonts), else in the column's; text no 8-bit font could make is Unicode already.
 */
function cellText(cell: SheetCell | null | undefined, columnEncoding: LegacyTextEncoding, chosen: boolean): string {
  if (!cell || cell.value === null) return '';
  if (!Array.isArray(cell.value)) return rawText(cell);
  const runs = cell.value as readonly { text: string; font: string | null }[];
  return clean(
    runs
      .map((run) => {
        if (!fitsLegacyBytes(run.text)) return run.text.normalize('NFC');
        const font = fontEvidence(run.font);
        if (!chosen && font !== null) return decodeWith(run.text, font.encoding === 'tcvn3' ? (font.capitals ? 'tcvn3_capitals' : 'tcvn3') : 'vni');
        return decodeWith(run.text, columnEncoding);
      })
      .join(''),
  );
}

function cellFonts(cell: SheetCell | null | undefined): (string | null)[] {
  if (!cell || !Array.isArray(cell.value)) return [];
  return (cell.value as readonly { font: string | null }[]).map((r) => r.font);
}

// ---------------------------------------------------------------------------------------------------
// The dry run.

function pickSheet(file: LegacyFile, name: string | null): LegacySheet {
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
function headersOf(sheet: LegacySheet, headerRow: number): string[] {
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
function findHeaderRow(sheet: LegacySheet): number {
  let best: { number: number; fields: number } | null = null;
  for (const row of sheet.rows.slice(0, 20)) {
    const fields = proposeMapping(headersOf(sheet, row.number)).length;
    if (fields >= 2 && (best === null || fields > best.fields)) best = { number: row.number, fields };
  }
  if (best !== null) return best.number;
  const first = sheet.rows[0];
  if (!first) throw new AppError('validation', 'the sheet is empty', { fields: { file: 'legacy.empty' } });
  return first.number;
}

/** A report ready to be written, and where it came from. */
export interface PlannedReport {
  readonly sourceRow: number;
  readonly columns: Record<string, unknown> & { register_year: number; register_no: number; kind: string; received_at: number; status: string };
}

export interface ImportPlan {
  readonly preview: LegacyPreview;
  readonly reports: readonly PlannedReport[];
  readonly mapping: readonly { column: number; field: LegacyReportField }[];
  readonly sheet: string;
  readonly headerRow: number;
}

const SHOWN_PER_OUTCOME = 200;
const SUMMARY_MAX = 300;
const TEXT_MAX: Partial<Record<LegacyReportField, number>> = { address: 300, reporterName: 100, reporterAddress: 300, reporterContact: 100, description: 20_000 };

/** The dry run of importing a register sheet into the office's reports; changes nothing. */
export function planReportImport(db: Sqlite, file: LegacyFile, fileName: string, options: LegacyOptions, env: { officeId: string; now: number; settings: Settings }): ImportPlan {
  const sheet = pickSheet(file, options.sheet);
  const headerRow = options.headerRow ?? findHeaderRow(sheet);
  if (!sheet.rows.some((r) => r.number === headerRow)) throw new AppError('validation', 'the header row is empty', { fields: { headerRow: 'legacy.no_header' } });
  const headers = headersOf(sheet, headerRow);
  const mapping = options.mapping ?? proposeMapping(headers);
  const fieldColumn = new Map<LegacyReportField, number>();
  for (const m of mapping) {
    if (fieldColumn.has(m.field)) throw new AppError('validation', `${m.field} is mapped twice`, { fields: { mapping: 'legacy.mapped_twice' }, params: { field: m.field } });
    fieldColumn.set(m.field, m.column);
  }
  if (!fieldColumn.has('summary') || !fieldColumn.has('receivedAt')) {
    throw new AppError('validation', 'the summary and the date of receipt must be mapped', { fields: { mapping: 'legacy.mapping_incomplete' } });
  }
  const dataRows = sheet.rows.filter((r) => r.number > headerRow && r.cells.some((c) => rawText(c).trim() !== ''));

  // Each column's encoding: detected over its cells (fonts as evidence), or the user's choice.
  const width = Math.max(headers.length, ...dataRows.map((r) => r.cells.length), 0);
  const columns: LegacyColumnView[] = [];
  const encodingOf: LegacyTextEncoding[] = [];
  const chosenOf: boolean[] = [];
  for (let column = 0; column < width; column += 1) {
    const cells = dataRows.map((r) => r.cells[column]);
    const detection = detectColumnEncoding(cells.map(rawText), cells.flatMap(cellFonts));
    const detected = asEncoding(detection);
    const choice = options.encodings.find((e) => e.column === column)?.encoding;
    encodingOf[column] = choice ?? detected;
    chosenOf[column] = choice !== undefined;
    columns.push({ column, header: headers[column] ?? '', field: mapping.find((m) => m.column === column)?.field ?? null, encoding: encodingOf[column]!, detected });
  }

  const text = (row: (typeof dataRows)[number], field: LegacyReportField): string => {
    const column = fieldColumn.get(field);
    return column === undefined ? '' : cellText(row.cells[column], encodingOf[column]!, chosenOf[column]!);
  };
  const raw = (row: (typeof dataRows)[number], field: LegacyReportField): SheetCell | null => {
    const column = fieldColumn.get(field);
    return column === undefined ? null : (row.cells[column] ?? null);
  };

  // The office's words in the kind and status columns, with the app's values (the user's first).
  const values = new Map<string, LegacyValueView>();
  const valueOf = (field: 'kind' | 'status', word: string): string | null => {
    const key = `${field}|${fold(word)}`;
    const seen = values.get(key);
    if (seen) {
      values.set(key, { ...seen, count: seen.count + 1 });
      return seen.value;
    }
    const chosen = options.values.find((v) => v.field === field && fold(v.word) === fold(word))?.value ?? null;
    const value = chosen ?? proposedValue(field, word);
    values.set(key, { field, word, value, count: 1 });
    return value;
  };

  const users = prepared(db, 'SELECT id, full_name FROM users WHERE office_id = ? AND deleted_at IS NULL').all(env.officeId) as { id: string; full_name: string }[];
  const existing = prepared(db, 'SELECT id FROM reports WHERE office_id = ? AND register_year = ? AND register_no = ?');
  const holidays = loadHolidays(db);
  const currentYear = Number(localDate(env.now).slice(0, 4));
  const bounds = { currentYear, minYear: 1975 };
  const openRows = new Set(options.openRows);
  const inFile = new Map<string, number>();

  const rows: LegacyRowView[] = [];
  const reports: PlannedReport[] = [];
  const counts = { rows: dataRows.length, new: 0, refused: 0, matched: 0, flagged: 0 };
  const shown = { new: 0, refused: 0, matched: 0 };

  for (const row of dataRows) {
    const refusals: LegacyCellIssue[] = [];
    const notes: LegacyCellIssue[] = [];
    const issue = (field: LegacyReportField, reason: string, value: string): LegacyCellIssue => ({ field, column: fieldColumn.get(field) ?? null, reason, text: value.slice(0, 200) });

    // The date of receipt: required (it dates the register number and the clock).
    const receivedCell = raw(row, 'receivedAt');
    const receivedText = text(row, 'receivedAt');
    const received = parseLegacyDate(receivedCell && Array.isArray(receivedCell.value) ? receivedText : receivedCell?.value ?? null, bounds);
    let receivedAt: number | null = null;
    if (received.kind === 'date') {
      receivedAt = vnInstant(received.date, received.time ?? '00:00');
      if (receivedAt > env.now + 24 * 3600 * 1000) {
        refusals.push(issue('receivedAt', 'legacy.reason.future', receivedText || received.date));
        receivedAt = null;
      }
    } else refusals.push(issue('receivedAt', received.reason === 'empty' ? 'legacy.reason.required' : `legacy.reason.date_${received.reason.replace(/-/g, '_')}`, received.note));

    // The register number, as it was: "15", "0015", "15/2019".
    const noText = (() => {
      const cell = raw(row, 'registerNo');
      return cell && typeof cell.value === 'number' ? String(cell.value) : text(row, 'registerNo');
    })();
    const noMatch = /^0*(\d{1,7})(?:\s*[/-]\s*(\d{4}|\d{2}))?$/.exec(noText.trim());
    let registerNo: number | null = null;
    let registerYear: number | null = null;
    if (!fieldColumn.has('registerNo') || noText.trim() === '') refusals.push(issue('registerNo', 'legacy.reason.required', noText));
    else if (noMatch === null || Number(noMatch[1]) < 1) refusals.push(issue('registerNo', 'legacy.reason.register_no', noText));
    else {
      registerNo = Number(noMatch[1]);
      const yearText = noMatch[2] ?? text(row, 'registerYear').trim();
      if (yearText !== '') {
        const y = Number(yearText);
        registerYear = yearText.length === 2 ? (y <= (currentYear % 100) + 1 ? 2000 + y : 1900 + y) : y;
        if (!Number.isInteger(registerYear) || registerYear < 1975 || registerYear > currentYear) {
          refusals.push(issue('registerYear', 'legacy.reason.register_year', yearText));
          registerYear = null;
        }
      }
    }
    if (receivedAt !== null && registerNo !== null) {
      const receivedYear = Number(localDate(receivedAt).slice(0, 4));
      if (registerYear === null) registerYear = receivedYear;
      else if (registerYear !== receivedYear) refusals.push(issue('registerYear', 'legacy.reason.year_mismatch', `${registerNo}/${registerYear}`));
    }

    // The summary: required; a longer text is cut at a word and kept whole in the description.
    const summaryText = text(row, 'summary');
    let summary = summaryText;
    let description = text(row, 'description');
    if (summaryText === '') refusals.push(issue('summary', 'legacy.reason.required', ''));
    else if ([...summaryText].length > SUMMARY_MAX) {
      const cut = [...summaryText].slice(0, SUMMARY_MAX - 1).join('');
      summary = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX / 2)).trim()}…`;
      description = description === '' ? summaryText : `${summaryText}\n\n${description}`;
    }
    const extra: string[] = [];

    // The day it happened: a date, or a note kept beside it (the row flagged).
    let occurredOn: string | null = null;
    let occurredNote = '';
    if (fieldColumn.has('occurredOn')) {
      const cell = raw(row, 'occurredOn');
      const occurred = parseLegacyDate(cell && Array.isArray(cell.value) ? text(row, 'occurredOn') : cell?.value ?? null, bounds);
      if (occurred.kind === 'date') occurredOn = occurred.date;
      else if (occurred.reason !== 'empty') {
        occurredNote = occurred.note.slice(0, 200);
        notes.push(issue('occurredOn', 'legacy.reason.date_kept_as_note', occurred.note));
      }
    }

    // Kind and status from the office's words.
    let kind: ReportKind = options.kind;
    const kindText = text(row, 'kind');
    if (kindText !== '') {
      // A value the user chose for another field (a status under "kind") is no kind: refused, as unmapped.
      const value = valueOf('kind', kindText);
      if (value === null || !isReportKind(value)) refusals.push(issue('kind', 'legacy.reason.unmapped', kindText));
      else kind = value;
    }
    let status: ReportStatus = options.allOpen || openRows.has(row.number) ? 'received' : 'resolved_admin';
    let decision: Decision | null = null;
    const statusText = text(row, 'status');
    if (statusText !== '') {
      const value = valueOf('status', statusText);
      if (value === null || !isLegacyStatus(value)) refusals.push(issue('status', 'legacy.reason.unmapped', statusText));
      else if (!(options.allOpen || openRows.has(row.number)) || OPEN_STATUSES.has(value)) {
        [status, decision] = value.startsWith('decided:') ? ['decided', value.slice('decided:'.length) as Decision] : [value as ReportStatus, null];
      }
    }

    // The officer: a user of the office by name, else the name kept in the description.
    let officerId: string | null = null;
    const officerText = text(row, 'officer');
    if (officerText !== '') {
      const user = users.find((u) => fold(u.full_name) === fold(officerText));
      if (user) officerId = user.id;
      else {
        extra.push(`Cán bộ thụ lý (sổ cũ): ${officerText}`);
        notes.push(issue('officer', 'legacy.reason.officer_kept_as_note', officerText));
      }
    }

    const limited: Partial<Record<LegacyReportField, string>> = {};
    for (const field of ['address', 'reporterName', 'reporterAddress', 'reporterContact'] as const) {
      const value = text(row, field);
      if ([...value].length > TEXT_MAX[field]!) refusals.push(issue(field, 'legacy.reason.too_long', value));
      limited[field] = value;
    }
    if (extra.length > 0) description = [description, ...extra].filter((t) => t !== '').join('\n');
    if ([...description].length > TEXT_MAX.description!) refusals.push(issue('description', 'legacy.reason.too_long', description));

    // Already here: the same register number and year (voided records keep their numbers too).
    let matchedId: string | null = null;
    if (refusals.length === 0 && registerNo !== null && registerYear !== null) {
      const key = `${registerYear}/${registerNo}`;
      const twin = inFile.get(key);
      if (twin !== undefined) refusals.push(issue('registerNo', 'legacy.reason.duplicate_in_file', `${registerNo}/${registerYear} (${twin})`));
      else {
        inFile.set(key, row.number);
        matchedId = (existing.get(env.officeId, registerYear, registerNo) as { id: string } | undefined)?.id ?? null;
      }
    }

    const outcome: LegacyRowView['outcome'] = refusals.length > 0 ? 'refused' : matchedId !== null ? 'matched' : 'new';
    counts[outcome] += 1;
    if (outcome === 'new' && notes.length > 0) counts.flagged += 1;
    if (shown[outcome] < SHOWN_PER_OUTCOME) {
      shown[outcome] += 1;
      rows.push({
        row: row.number,
        outcome,
        registerNo,
        registerYear,
        receivedOn: received.kind === 'date' ? shownDate(received.date) : null,
        summary: summary.slice(0, 300),
        reporterName: (limited.reporterName ?? '').slice(0, 100),
        status: outcome === 'refused' ? null : decision === null ? status : `${status}:${decision}`,
        issues: outcome === 'refused' ? refusals : notes,
        matchedId,
      });
    }
    if (outcome !== 'new') continue;
    const base = {
      register_year: registerYear!,
      register_no: registerNo!,
      received_at: receivedAt!,
      occurred_on: occurredOn,
      occurred_note: occurredNote,
      channel: 'in_person' as const,
      kind,
      category_code: null,
      locality_id: null,
      address: limited.address ?? '',
      latitude: null,
      longitude: null,
      reporter_name: limited.reporterName ?? '',
      reporter_contact: limited.reporterContact ?? '',
      reporter_address: limited.reporterAddress ?? '',
      reporter_anonymous: 0,
      summary,
      description,
      deaths: null,
      injuries: null,
      damage: null,
      sanction_decision: '',
      fine: null,
      officer_id: officerId,
      status,
      complex: 0,
      transferred_at: null,
      transferred_to: '',
      // A settled old report: its notice counts as given, so no deadline of it is left open.
      notice_sent_at: status === 'received' || status === 'checking' ? null : receivedAt!,
      decision,
      decision_at: null,
      decision_no: '',
      extension_no: '',
      extended_until: null,
      resolution_note: status.startsWith('resolved') ? `Nhập từ sổ cũ (${fileName}, dòng ${row.number})` : '',
    };
    reports.push({ sourceRow: row.number, columns: { ...base, ...deadlineColumns({ ...base, deleted_at: null }, holidays, env.settings) } });
  }

  const preview: LegacyPreview = {
    fileName,
    format: file.format,
    byteEncoding: file.byteEncoding,
    sheets: file.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows.length })),
    sheet: sheet.name,
    headerRow,
    columns,
    values: [...values.values()],
    counts,
    rows,
    importId: null,
    backup: null,
  };
  return { preview, reports, mapping, sheet: sheet.name, headerRow };
}

// ---------------------------------------------------------------------------------------------------
// The import and its undo.

/** Writes the plan's new reports in one transaction; the counters move past the numbers kept. */
export function applyReportImport(db: Sqlite, writes: WritePath, plan: ImportPlan, ctx: WriteContext, meta: { fileName: string; now: number; backup: string | null }): string {
  const importId = uuidv7(meta.now);
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO legacy_imports (id, office_id, kind, file_name, sheet, header_row, mapping, at, by, records, backup)
       VALUES (?, ?, 'reports', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(importId, ctx.officeId, meta.fileName, plan.sheet, plan.headerRow, JSON.stringify(plan.mapping), meta.now, ctx.userId, plan.reports.length, meta.backup);
    const link = prepared(db, "INSERT INTO legacy_import_rows (import_id, record_table, record_id, source_row) VALUES (?, 'reports', ?, ?)");
    const counter = prepared(
      db,
      `INSERT INTO register_counters (office_id, book, year, last_no) VALUES (?, ?, ?, ?)
       ON CONFLICT (office_id, book, year) DO UPDATE SET last_no = max(last_no, excluded.last_no)`,
    );
    for (const report of plan.reports) {
      const row = writes.insert('reports', report.columns as never, ctx);
      link.run(importId, row.id, report.sourceRow);
      counter.run(ctx.officeId, REGISTER_BOOK, report.columns.register_year, report.columns.register_no);
    }
    appendAudit(db, { at: meta.now, userId: ctx.userId, call: ctx.call, action: 'import', table: 'legacy_imports', recordId: importId, after: { legacyFile: meta.fileName, sheet: plan.sheet, records: plan.reports.length } });
  })();
  return importId;
}

export function listImports(db: Sqlite, officeId: string): LegacyImportView[] {
  const rows = prepared(
    db,
    `SELECT i.id, i.file_name, i.sheet, i.at, u.full_name, i.records, i.undone_at, i.undo_reason
     FROM legacy_imports i LEFT JOIN users u ON u.id = i.by WHERE i.office_id = ? ORDER BY i.at DESC, i.id DESC`,
  ).all(officeId) as { id: string; file_name: string; sheet: string; at: number; full_name: string | null; records: number; undone_at: number | null; undo_reason: string | null }[];
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, sheet: r.sheet, at: r.at, userName: r.full_name, records: r.records, undoneAt: r.undone_at, undoReason: r.undo_reason }));
}

/** Voids every live record of an import with the reason, in one transaction; the import is marked undone. */
export function undoImport(db: Sqlite, writes: WritePath, importId: string, reason: string, ctx: WriteContext, now: number): LegacyImportView {
  db.transaction(() => {
    const found = prepared(db, 'SELECT undone_at FROM legacy_imports WHERE id = ? AND office_id = ?').get(importId, ctx.officeId) as { undone_at: number | null } | undefined;
    if (!found) throw new AppError('record.not_found', 'no such import');
    if (found.undone_at !== null) throw new AppError('record.voided', 'the import was undone already');
    const records = prepared(
      db,
      `SELECT r.id FROM legacy_import_rows l JOIN reports r ON r.id = l.record_id
       WHERE l.import_id = ? AND l.record_table = 'reports' AND r.deleted_at IS NULL`,
    ).all(importId) as { id: string }[];
    for (const { id } of records) writes.void('reports', id, reason, ctx, { also: { next_due_at: null } });
    prepared(db, 'UPDATE legacy_imports SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?').run(now, ctx.userId, reason, importId);
    appendAudit(db, { at: now, userId: ctx.userId, call: ctx.call, action: 'legacy_undo', table: 'legacy_imports', recordId: importId, after: { reason, voided: records.length } });
  })();
  return listImports(db, ctx.officeId).find((i) => i.id === importId)!;
}
