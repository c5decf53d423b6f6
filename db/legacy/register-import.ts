import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { legacyReportFields, legacyStatusValues, type legacyOptions, type LegacyReportField, type LegacyWordField } from '../../api/calls/legacy';
import type { LegacyCellIssue, LegacyPreview } from '../../api/views';
import { reportKinds, type Decision, type ReportKind, type ReportStatus } from '../../api/vocabulary';
import { localDate } from '../../core/calendar';
import { parseLegacyDate, shownDate } from '../../core/legacy-dates';
import { vnInstant } from '../../core/vn-time';
import { appendAudit } from '../audit';
import { prepared } from '../query';
import { deadlineColumns, loadHolidays } from '../register/deadline-columns';
import { formatVersion, tick, type ClockState } from '../clock';
import type { RecordLine } from '../exchange/export';
import { writeRecords } from '../exchange/import';
import { seededUuidv7 } from '../ids';
import type { Settings } from '../../api/views';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { startImport } from './imports';
import { plannedRecord, plannedTableBuilder, type PlannedTable } from './planned-table';
import type { LegacyFile } from './read-file';
import { dateReason, officerByName, outcomeTally, prepareSheet, previewOf, proposeFrom, requiredFields, valueFromPhrases, wordTable, type SavedMapping } from './sheet-plan';

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

/** Each field to the column whose header names it best; a column takes at most one field. */
export function proposeMapping(headers: readonly string[]): { column: number; field: LegacyReportField }[] {
  return proposeFrom(headerWords, headers);
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
function proposedValue(field: LegacyWordField, word: string): string | null {
  if (field === 'kind') return valueFromPhrases(kindWords, word);
  if (field === 'status') return valueFromPhrases(statusWords, word);
  return null;
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['received', 'checking']);

const isReportKind = (value: string): value is ReportKind => (reportKinds as readonly string[]).includes(value);
const isLegacyStatus = (value: string): value is (typeof legacyStatusValues)[number] => (legacyStatusValues as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------------
// The dry run.

export interface ImportPlan {
  readonly preview: LegacyPreview;
  /**
   * The reports ready to be written, each with the row it came from, held by column (an object of
   * forty keys each, or an array of forty values, took 75 MB for 100,000 reports: db/legacy/planned-table.ts).
   */
  readonly reports: PlannedTable;
  readonly mapping: readonly { column: number; field: LegacyReportField }[];
  readonly sheet: string;
  readonly headerRow: number;
}

const SUMMARY_MAX = 300;
const TEXT_MAX: Partial<Record<LegacyReportField, number>> = { address: 300, reporterName: 100, reporterAddress: 300, reporterContact: 100, description: 20_000 };

/** More than `max` characters (code points); a text of at most `max` UTF-16 units is not spread to count. */
const longerThan = (text: string, max: number): boolean => text.length > max && [...text].length > max;

/** The page cache of the import's write, in KiB as `PRAGMA cache_size` takes it (negative): 16 MiB. */
const IMPORT_CACHE_SIZE = -16_384;

/** Rows checked between two pauses of a long dry run (its progress, a cancel, other calls answered). */
const ROWS_PER_STEP = 2000;

/**
 * The dry run of importing a register sheet into the office's reports; changes nothing. `step`, when
 * given, is awaited every few thousand rows with the rows done and their total (db/legacy/jobs.ts).
 */
export async function planReportImport(
  db: Sqlite,
  file: LegacyFile,
  fileName: string,
  options: LegacyOptions,
  env: { officeId: string; now: number; settings: Settings; saved: (key: string) => SavedMapping | null; step?: (done: number, total: number) => Promise<void> },
): Promise<ImportPlan> {
  const sheetPlan = prepareSheet(file, options, {
    fields: legacyReportFields,
    propose: proposeMapping,
    ...requiredFields.reports,
    saved: env.saved,
  });
  const { sheet, headerRow, mapping, fieldColumn, dataRows, text, raw } = sheetPlan;
  const words = wordTable(sheetPlan.values, proposedValue);
  const valueOf = words.valueOf;

  const officerNamed = officerByName(db, env.officeId);
  // The office's register numbers, read once (a look-up per row was a second of 100,000 rows); voided
  // reports keep their numbers too.
  const existing = new Map<string, string>();
  for (const r of prepared(db, 'SELECT id, register_year, register_no FROM reports WHERE office_id = ?').iterate(env.officeId) as IterableIterator<{ id: string; register_year: number; register_no: number }>) {
    existing.set(`${r.register_year}/${r.register_no}`, r.id);
  }
  // The deadlines of reports received the same day in the same state are the same: computed once each.
  const deadlines = new Map<string, ReturnType<typeof deadlineColumns>>();
  const holidays = loadHolidays(db);
  const currentYear = Number(localDate(env.now).slice(0, 4));
  const bounds = { currentYear, minYear: 1975 };
  const openRows = new Set(options.openRows);
  const inFile = new Map<string, number>();

  const reports = plannedTableBuilder(dataRows.length);
  const tally = outcomeTally(dataRows.length);

  for (const [index, row] of dataRows.entries()) {
    if (env.step && index % ROWS_PER_STEP === 0) await env.step(index, dataRows.length);
    const refusals: LegacyCellIssue[] = [];
    const notes: LegacyCellIssue[] = [];
    const issue = sheetPlan.issue;

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
    } else refusals.push(issue('receivedAt', dateReason(received), received.note));

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
    else if (summaryText.length > SUMMARY_MAX && [...summaryText].length > SUMMARY_MAX) {
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
      officerId = officerNamed(officerText);
      if (officerId === null) {
        extra.push(`Cán bộ thụ lý (sổ cũ): ${officerText}`);
        notes.push(issue('officer', 'legacy.reason.officer_kept_as_note', officerText));
      }
    }

    const limited: Partial<Record<LegacyReportField, string>> = {};
    for (const field of ['address', 'reporterName', 'reporterAddress', 'reporterContact'] as const) {
      const value = text(row, field);
      if (longerThan(value, TEXT_MAX[field]!)) refusals.push(issue(field, 'legacy.reason.too_long', value));
      limited[field] = value;
    }
    if (extra.length > 0) description = [description, ...extra].filter((t) => t !== '').join('\n');
    if (longerThan(description, TEXT_MAX.description!)) refusals.push(issue('description', 'legacy.reason.too_long', description));

    // Already here: the same register number and year (voided records keep their numbers too).
    let matchedId: string | null = null;
    if (refusals.length === 0 && registerNo !== null && registerYear !== null) {
      const key = `${registerYear}/${registerNo}`;
      const twin = inFile.get(key);
      if (twin !== undefined) refusals.push(issue('registerNo', 'legacy.reason.duplicate_in_file', `${registerNo}/${registerYear} (${twin})`));
      else {
        inFile.set(key, row.number);
        matchedId = existing.get(key) ?? null;
      }
    }

    const outcome = refusals.length > 0 ? 'refused' : matchedId !== null ? 'matched' : 'new';
    tally.add(outcome, { writes: outcome === 'new', flagged: outcome === 'new' && notes.length > 0 }, () => ({
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
      shown: [],
      candidates: [],
      writes: outcome === 'new',
    }));
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
      // resolution_note: made by the write (applyReportImport), from the file's name and the row.
    };
    const clockKey = `${base.kind}|${base.received_at}|${base.status}|${base.notice_sent_at}|${base.complex}|${base.transferred_at}|${base.decision_at}|${base.extended_until}`;
    let clocks = deadlines.get(clockKey);
    if (clocks === undefined) {
      clocks = deadlineColumns({ ...base, deleted_at: null }, holidays, env.settings);
      deadlines.set(clockKey, clocks);
    }
    reports.add(row.number, base, clocks);
  }

  const preview = previewOf('reports', file, fileName, sheetPlan, { values: words.list(), tally, shownFields: [] });
  return { preview, reports: reports.finish(), mapping, sheet: sheet.name, headerRow };
}

// ---------------------------------------------------------------------------------------------------
// The import and its undo.

/**
 * The ids of an import's records: UUIDv7 (RFC 9562) of the import's instant whose bits after the time
 * are the import's own random bits, then a counter (RFC 9562's "fixed-length dedicated counter"), then
 * random bits of each id. They sort in the order they are written, so the indexes on ids take them at
 * their end instead of all over (a third of the write's time at 100,000 random ids), and the random bits
 * drawn in one go cost less than a draw for each.
 */
function importIds(now: number, count: number): () => string {
  const random = randomBytes(4 * (count + 1));
  const own = random.readUInt32BE(0);
  let n = 0;
  return () => {
    n += 1;
    const words = [0, own, n, random.readUInt32BE(4 * n)];
    let word = 0;
    return seededUuidv7(now, () => words[word++]!);
  };
}

/**
 * Writes the plan's new reports in one transaction through the bulk path the exchange import and the
 * generated data use (db/exchange/import.ts, `writeRecords`): each report a complete record made here
 * (its id, this PC's version, the import's user and time), written by a prepared statement with the
 * report summaries added up once and the search index written in a batch; the counters move past the
 * numbers kept. Like a bundle, the import is audited once (the file, sheet and count) and each record
 * is linked to its row (legacy_import_rows), which its history shows; record by record through the
 * write path, 100,000 rows took seven times a raw insert.
 */
export function applyReportImport(
  db: Sqlite,
  writes: WritePath,
  plan: ImportPlan,
  ctx: WriteContext,
  meta: { fileName: string; now: number; backup: string | null },
  onProgress?: (done: number, total: number) => void,
): string {
  let importId = '';
  // writeRecords is the transaction: everything here runs inside it, from the import's own row to the
  // check that every report came in (a bulk path nested as a savepoint ran slower).
  function* records(): Generator<RecordLine> {
    importId = startImport(db, ctx, { ...meta, register: 'reports', sheet: plan.sheet, headerRow: plan.headerRow, mapping: plan.mapping, records: plan.reports.count });
    const state = prepared(db, 'SELECT node_id, wall, counter FROM clock_state WHERE id = 1').get() as ClockState & { node_id: string };
    let clock: ClockState = { wall: state.wall, counter: state.counter };
    const at = Date.now();
    const link = prepared(db, "INSERT INTO legacy_import_rows (import_id, record_table, record_id, source_row) VALUES (?, 'reports', ?, ?)");
    const { count } = plan.reports;
    const nextId = importIds(meta.now, count);
    for (let index = 0; index < count; index += 1) {
      if (onProgress && index % ROWS_PER_STEP === 0) onProgress(index, count);
      clock = tick(clock, at);
      const id = nextId();
      const sourceRow = plan.reports.sourceRows[index]!;
      link.run(importId, id, sourceRow);
      const r = plannedRecord(plan.reports, index, {});
      Object.assign(r, {
        // A settled old report says where it came from. Made here, not planned: a text different on
        // every row was most of the plan's memory (docs/decisions.md, "An old register's import in less memory").
        resolution_note: String(r.status).startsWith('resolved') ? `Nhập từ sổ cũ (${meta.fileName}, dòng ${sourceRow})` : '',
        id,
        office_id: ctx.officeId,
        version: formatVersion(clock, state.node_id),
        base_version: null,
        created_at: meta.now,
        created_by: ctx.userId,
        updated_at: meta.now,
        updated_by: ctx.userId,
        deleted_at: null,
        void_reason: null,
      });
      yield { t: 'reports', r };
    }
    // Every report is new (the dry run left out those the office has): anything else is a bug, and
    // throwing here, inside the transaction, keeps nothing of the import.
    const written = prepared(db, 'SELECT count(*) AS n FROM legacy_import_rows l JOIN reports r ON r.id = l.record_id WHERE l.import_id = ?').get(importId) as { n: number };
    if (written.n !== count) throw new Error(`the import wrote ${written.n} of ${count} reports`);
    prepared(db, 'UPDATE clock_state SET local_wall = max(local_wall, ?) WHERE id = 1').run(at);
    appendAudit(db, { at: meta.now, userId: ctx.userId, call: ctx.call, action: 'import', table: 'legacy_imports', recordId: importId, after: { legacyFile: meta.fileName, sheet: plan.sheet, records: count } });
  }
  // The write dirties page after page: under the store's 64 MiB of cached pages it held them all
  // (measured: 55–63 MB of the 100,000-row import's peak), while a smaller cache spills them to the WAL
  // as it goes. The store's cache comes back afterwards (emptied of what the import pushed out).
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);
  try {
    writeRecords(db, writes, records(), { now: meta.now, userId: ctx.userId });
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
  return importId;
}
