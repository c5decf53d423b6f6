import { fold } from '../../core/fold';
import type { Settings } from '../../api/views';
import type { ReportKind, ReportStatus } from '../../api/vocabulary';
import { Backend } from '../../db/backend';
import { formatVersion } from '../../db/clock';
import { dispatch } from '../../db/dispatch';
import { uuidv7 } from '../../db/ids';
import { deadlineColumns } from '../../db/register/deadline-columns';
import { formatRegisterNumber } from '../../db/register/numbering';
import { addTerms, indexText } from '../../db/register/search-index';
import { statutoryDaysOff } from '../../core/holidays';
import { defaultSettings } from '../../db/settings';
import type { Sqlite } from '../../db/store';
import { random } from '../bench/random';
import { ADMIN, OFFICE, setupInput } from './backend';

/**
 * A register of many reports for benchmarks and for end-to-end tests of long lists: the reports of
 * one office over the eight years before `now`, one in ten naming a person, written with prepared
 * statements (the bulk path) with valid record columns (UUIDv7 ids, versions of the store's own clock,
 * change sequence), their deadlines, search index, register counters and summaries (by the store's
 * triggers). Register numbers run 1, 2, … per year in order of receipt.
 */

/** The moment the synthetic register ends: its newest report is received just before it. */
export const REGISTER_NOW = Date.parse('2026-11-25T09:00:00+07:00');

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Hồng'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy'];
const summaries: readonly (readonly [string, string])[] = [
  ['theft', 'Mất trộm xe máy tại nhà riêng'],
  ['theft', 'Trộm cắp tài sản tại chợ'],
  ['assault', 'Xô xát gây thương tích tại quán ăn'],
  ['illegal_lottery', 'Tố giác ghi số đề tại nhà dân'],
  ['gambling', 'Đánh bạc tại lán trại'],
  ['drug_trafficking', 'Phát hiện đường dây mua bán ma túy'],
  ['fraud', 'Lừa đảo chiếm đoạt tài sản qua điện thoại'],
  ['traffic_accident', 'Va chạm giao thông trên quốc lộ'],
  ['public_disorder', 'Gây rối trật tự công cộng'],
];
const kinds: readonly ReportKind[] = ['crime_report', 'crime_report', 'denunciation', 'administrative_violation', 'traffic_accident', 'dispute_mediation'];

const INSERT_REPORT = `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind,
   category_code, summary, status, transfer_due_at, notice_due_at, decision_due_at, next_due_at, notice_sent_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_person', ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_PERSON = 'INSERT INTO persons (id, office_id, version, seq, created_at, updated_at, full_name, name_fold, birth_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_LINK = `INSERT INTO report_persons (id, office_id, version, seq, created_at, updated_at, report_id, person_id, role)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'suspect')`;
const UPSERT_COUNTER = `INSERT INTO register_counters (office_id, book, year, last_no) VALUES (?, 'reports', ?, ?)
 ON CONFLICT DO UPDATE SET last_no = max(last_no, excluded.last_no)`;
const CLOCK = 'SELECT node_id, wall, counter, seq FROM clock_state WHERE id = 1';
const SET_CLOCK = 'UPDATE clock_state SET wall = ?, counter = ?, seq = ? WHERE id = 1';

export interface FillOptions {
  readonly officeId: string;
  /** The register ends just before this moment. */
  readonly now?: number;
  readonly settings?: Settings;
  readonly seed?: number;
}

/**
 * Adds `count` reports to a store whose clock is set (a real office or `initClock` on a raw store),
 * in one transaction. The store's clock and change sequence move past the rows written.
 */
export function fillRegister(db: Sqlite, count: number, options: FillOptions): void {
  const { officeId, now = REGISTER_NOW, settings = defaultSettings, seed = 42 } = options;
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const holidays = statutoryDaysOff(2025, 2027);
  const insertReport = db.prepare(INSERT_REPORT);
  const insertPerson = db.prepare(INSERT_PERSON);
  const insertLink = db.prepare(INSERT_LINK);
  const terms = new Set<string>();
  const counter = db.prepare(UPSERT_COUNTER);
  const clock = db.prepare(CLOCK).get() as { node_id: string; wall: number; counter: number; seq: number };
  const span = 8 * 365 * 86_400_000;
  const numbers = new Map<number, number>();
  const times = Array.from({ length: count }, () => now - 1 - Math.floor(next() * span)).sort((a, b) => a - b);
  let seq = clock.seq;
  // Versions of this node's clock in the order written: wall time of receipt, a counter within one ms.
  let last = { wall: clock.wall, counter: clock.counter };
  const version = (at: number) => {
    last = at > last.wall ? { wall: at, counter: 0 } : { wall: last.wall, counter: last.counter + 1 };
    if (last.counter > 99_999) last = { wall: last.wall + 1, counter: 0 };
    return formatVersion(last, clock.node_id);
  };
  db.transaction(() => {
    times.forEach((receivedAt, i) => {
      const year = new Date(receivedAt + 7 * 3600_000).getUTCFullYear();
      const no = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, no);
      const [category, summary] = pick(summaries);
      const kind = pick(kinds);
      const age = now - receivedAt;
      // Most reports are settled within weeks; a few linger past their limits.
      const settled = age > 30 * 86_400_000 ? next() < 0.99 : age > 3 * 86_400_000 ? next() < 0.6 : next() < 0.1;
      const status = settled ? pick<ReportStatus>(['decided', 'transferred', 'resolved_admin']) : pick<ReportStatus>(['received', 'checking', 'commune_handling']);
      const noticeSentAt = age > 5 * 86_400_000 ? receivedAt + 86_400_000 : null;
      const due = deadlineColumns(
        { kind, received_at: receivedAt, complex: 0, extended_until: null, status, notice_sent_at: noticeSentAt, deleted_at: null },
        holidays,
        settings,
      );
      const id = uuidv7(receivedAt);
      seq += 1;
      const result = insertReport.run(
        id, officeId, version(receivedAt), seq, receivedAt, receivedAt, year, no, receivedAt, kind, category, summary, status,
        due.transfer_due_at, due.notice_due_at, due.decision_due_at, due.next_due_at, noticeSentAt,
      );
      let text = `${formatRegisterNumber(no, year)} ${summary}`;
      if (i % 10 === 0) {
        const name = `${pick(surnames)} ${pick(middles)} ${pick(givens)}`;
        const personId = uuidv7(receivedAt);
        seq += 1;
        insertPerson.run(personId, officeId, version(receivedAt), seq, receivedAt, receivedAt, name, fold(name), 1960 + Math.floor(next() * 45));
        seq += 1;
        insertLink.run(uuidv7(receivedAt), officeId, version(receivedAt), seq, receivedAt, receivedAt, id, personId);
        text += ` ${name}`;
      }
      indexText(db, Number(result.lastInsertRowid), false, text, terms);
    });
    addTerms(db, terms);
    for (const [year, lastNo] of numbers) counter.run(officeId, year, lastNo);
    db.prepare(SET_CLOCK).run(last.wall, last.counter, seq);
  })();
}

export interface RegisterOffice {
  readonly dataDir: string;
  /** The end of the synthetic register (the newest report is received just before). */
  readonly now: number;
  /** The administrator who set the office up: logs in to the browser host. */
  readonly username: string;
  readonly password: string;
}

/**
 * A data folder set up through the real setup call (keyring, store, office, administrator), then
 * filled with `count` reports and closed cleanly, so the browser host (or a Backend) opens it as an
 * office would.
 */
export async function makeRegisterOffice(dataDir: string, count: number, now = REGISTER_NOW): Promise<RegisterOffice> {
  const backend = new Backend({ dataDir, now: () => now, log: () => undefined });
  try {
    const result = await dispatch(backend, backend.sessions.create(now), 'setup.create', setupInput());
    if (!result.ok) throw new Error(`setup failed: ${result.error.code}`);
    fillRegister(backend.requireStore().sql, count, { officeId: OFFICE.code, now });
  } finally {
    backend.close();
  }
  return { dataDir, now, username: ADMIN.username, password: ADMIN.password };
}
