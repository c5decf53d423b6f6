import type { Deadline } from '../../api/views';
import type { Settings } from '../../api/views';
import { effectiveHolidays } from '../holidays';
import { prepared, sqlList } from '../query';
import type { DaysOff } from '../../core/calendar';
import { computeDeadlines } from '../../core/legal-clock';
import type { ReportsTable } from '../schema';
import type { Sqlite } from '../store';

/** Kinds that start the criminal-procedure clock (CPC 2015 art. 144–147). */
const CLOCKED_KINDS: ReadonlySet<string> = new Set(['crime_report', 'denunciation', 'prosecution_request']);
const BEFORE_TRANSFER: ReadonlySet<string> = new Set(['received', 'checking']);
const AWAITING_DECISION: ReadonlySet<string> = new Set(['received', 'checking', 'commune_handling']);

export type ClockFields = Pick<
  ReportsTable,
  'kind' | 'received_at' | 'complex' | 'extended_until' | 'status' | 'notice_sent_at' | 'deleted_at'
>;
export type DeadlineColumns = Pick<ReportsTable, 'transfer_due_at' | 'notice_due_at' | 'decision_due_at' | 'next_due_at'>;

/** The days off of each open store (computed and changed, db/holidays.ts), read once; the write path forgets it when a holiday changes. */
const holidayCache = new WeakMap<Sqlite, DaysOff>();

export function loadHolidays(db: Sqlite): DaysOff {
  let holidays = holidayCache.get(db);
  if (!holidays) {
    holidays = effectiveHolidays(db);
    holidayCache.set(db, holidays);
  }
  return holidays;
}

export function forgetHolidays(db: Sqlite): void {
  holidayCache.delete(db);
}

/**
 * The due instants of a report and the earliest still open. Derived data, like a search index: kept
 * beside the record so the deadlines view is one indexed range scan, and recomputed when the
 * holiday list or the remote-commune setting changes.
 */
export function deadlineColumns(report: ClockFields, holidays: DaysOff, settings: Settings): DeadlineColumns {
  if (!CLOCKED_KINDS.has(report.kind)) return { transfer_due_at: null, notice_due_at: null, decision_due_at: null, next_due_at: null };
  const due = computeDeadlines(
    { receivedAt: report.received_at, remoteCommune: settings.remoteCommune, complex: report.complex === 1, extendedUntil: report.extended_until },
    holidays,
  );
  const columns = { transfer_due_at: due.transferDueAt, notice_due_at: due.noticeDueAt, decision_due_at: due.decisionDueAt };
  const open = openDeadlines({ ...report, ...columns }).map((deadline) => deadline.dueAt);
  return { ...columns, next_due_at: report.deleted_at === null && open.length > 0 ? Math.min(...open) : null };
}

/** What tells whether each deadline of a report is met (all of it is in the deadlines index, reports_due). */
export type DeadlineState = Pick<ReportsTable, 'status' | 'notice_sent_at' | 'deleted_at'> &
  Omit<DeadlineColumns, 'next_due_at'> &
  Partial<Pick<ReportsTable, 'transferred_at' | 'decision_at'>>;

/** Every deadline of a report with whether it is met; clocked kinds only. */
export function reportDeadlines(report: DeadlineState): Deadline[] {
  const list: Deadline[] = [];
  // Passed to the investigating body (and perhaps decided there since): the commune's decision limit no longer runs.
  const transferred = report.status === 'transferred' || (report.status === 'decided' && report.transferred_at != null);
  if (report.transfer_due_at !== null) {
    list.push({ kind: 'transfer', dueAt: report.transfer_due_at, done: !BEFORE_TRANSFER.has(report.status), doneAt: report.transferred_at ?? null, passedOn: false });
  }
  if (report.notice_due_at !== null) {
    list.push({ kind: 'notice', dueAt: report.notice_due_at, done: report.notice_sent_at !== null, doneAt: report.notice_sent_at, passedOn: false });
  }
  if (report.decision_due_at !== null) {
    const done = !transferred && !AWAITING_DECISION.has(report.status);
    list.push({ kind: 'decision', dueAt: report.decision_due_at, done, doneAt: done && report.status === 'decided' ? (report.decision_at ?? null) : null, passedOn: transferred });
  }
  return list;
}

/**
 * openDeadlines as SQL, for counting without reading rows: the number of a live report's open
 * deadlines due in (after, until], as an expression over its columns, with the bound parameters
 * `@after` and `@until`. tests/integration/register-paging.test.ts checks it against openDeadlines.
 */
export const OPEN_DEADLINES_DUE_SQL = [
  `(transfer_due_at > @after AND transfer_due_at <= @until AND status IN (${sqlList(BEFORE_TRANSFER)}))`,
  '(notice_due_at > @after AND notice_due_at <= @until AND notice_sent_at IS NULL)',
  `(decision_due_at > @after AND decision_due_at <= @until AND status IN (${sqlList(AWAITING_DECISION)}))`,
].join(' + ');

export function openDeadlines(report: DeadlineState): Deadline[] {
  return report.deleted_at === null ? reportDeadlines(report).filter((deadline) => !deadline.done && !deadline.passedOn) : [];
}

/**
 * The holiday list or the remote-commune setting changed: due columns of every report whose clock still
 * runs are computed again. They are derived data (like an index), so this changes no version.
 */
export function recomputeOpenDeadlines(db: Sqlite, settings: Settings): number {
  const holidays = loadHolidays(db);
  const rows = prepared(
    db,
    `SELECT id, kind, received_at, complex, extended_until, status, notice_sent_at, deleted_at FROM reports
     WHERE deleted_at IS NULL AND kind IN ('crime_report', 'denunciation', 'prosecution_request')
       AND (status IN ('received', 'checking', 'commune_handling') OR notice_sent_at IS NULL)`,
  ).all() as (ClockFields & { id: string })[];
  const update = prepared(db, 'UPDATE reports SET transfer_due_at = ?, notice_due_at = ?, decision_due_at = ?, next_due_at = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of rows) {
      const due = deadlineColumns(row, holidays, settings);
      update.run(due.transfer_due_at, due.notice_due_at, due.decision_due_at, due.next_due_at, row.id);
    }
  })();
  return rows.length;
}
