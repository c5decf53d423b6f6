import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fold } from '../../../api/fold';
import type { Settings } from '../../../api/views';
import { defaultSettings } from '../../../db/settings';
import { newNodeId, uuidv7 } from '../../../db/ids';
import { migrate } from '../../../db/migrations/runner';
import { migrations } from '../../../db/migrations/registry';
import { deadlineColumns } from '../../../db/register/deadline-columns';
import { formatRegisterNumber } from '../../../db/register/numbering';
import { deadlineBoard, listReports } from '../../../db/register/queries';
import { createReport } from '../../../db/register/reports';
import { searchQuery } from '../../../db/register/search-index';
import { reportListInput } from '../../../api/calls/register';
import { categorySeed } from '../../../db/seed/categories';
import { holidaySeed } from '../../../db/seed/holidays';
import { openSqlite, type Sqlite } from '../../../db/store';
import { initClock, WritePath } from '../../../db/write-path';
import { time, type BenchRow } from '../harness';
import { random } from '../random';

const OFFICE = '12345';
const settings: Settings = defaultSettings;
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
const kinds = ['crime_report', 'crime_report', 'denunciation', 'administrative_violation', 'traffic_accident', 'dispute_mediation'];


export interface RegisterStore {
  readonly db: Sqlite;
  readonly now: number;
}

/**
 * An office with `count` reports over the years before `now`, one in ten naming a person, written
 * with prepared statements (the bulk path), deadlines and search index included.
 */
export function makeRegisterStore(dir: string, count: number): RegisterStore {
  const db = openSqlite(join(dir, `register-${count}.sqlite`), randomBytes(32).toString('hex'));
  migrate(db, migrations);
  initClock(db, newNodeId());
  const now = Date.parse('2026-11-25T09:00:00+07:00');
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const holidays = new Set(holidaySeed.map(([date]) => date));
  const insertReport = db.prepare(
    `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind,
       category_code, summary, status, transfer_due_at, notice_due_at, decision_due_at, next_due_at, notice_sent_at)
     VALUES (?, '${OFFICE}', ?, ?, ?, ?, ?, ?, ?, 'in_person', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (id, office_id, version, seq, created_at, updated_at, full_name, name_fold, birth_year) VALUES (?, '${OFFICE}', 'v', ?, 0, 0, ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO report_persons (id, office_id, version, seq, created_at, updated_at, report_id, person_id, role) VALUES (?, '${OFFICE}', 'v', ?, 0, 0, ?, ?, 'suspect')`,
  );
  const insertSearch = db.prepare('INSERT INTO report_search (rowid, text) VALUES (?, ?)');
  const insertGroup = db.prepare(`INSERT INTO category_groups (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, sort) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?)`);
  const insertCategory = db.prepare(
    `INSERT INTO categories (id, office_id, version, seq, created_at, updated_at, code, group_code, name_vi, name_en, sort) VALUES (?, '${OFFICE}', 'v', 0, 0, 0, ?, ?, ?, ?, ?)`,
  );
  categorySeed.forEach((group, g) => {
    insertGroup.run(uuidv7(), group.code, group.vi, group.en, g);
    group.types.forEach(([code, vi, en], t) => insertCategory.run(uuidv7(), code, group.code, vi, en, t));
  });
  const span = 8 * 365 * 86_400_000;
  const numbers = new Map<number, number>();
  const rows = Array.from({ length: count }, () => now - Math.floor(next() * span)).sort((a, b) => a - b);
  db.transaction(() => {
    rows.forEach((receivedAt, i) => {
      const year = new Date(receivedAt + 7 * 3600_000).getUTCFullYear();
      const no = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, no);
      const [category, summary] = pick(summaries);
      const kind = pick(kinds);
      const age = now - receivedAt;
      // Most reports are settled within weeks; a few linger past their limits.
      const settled = age > 30 * 86_400_000 ? next() < 0.99 : age > 3 * 86_400_000 ? next() < 0.6 : next() < 0.1;
      const status = settled ? pick(['decided', 'transferred', 'resolved_admin']) : pick(['received', 'checking', 'commune_handling']);
      const noticeSentAt = age > 5 * 86_400_000 ? receivedAt + 86_400_000 : null;
      const due = deadlineColumns(
        { kind, received_at: receivedAt, complex: 0, extended_until: null, status, notice_sent_at: noticeSentAt, deleted_at: null },
        holidays,
        settings,
      );
      const id = uuidv7(receivedAt);
      const result = insertReport.run(id, `v${i}`, i, receivedAt, receivedAt, year, no, receivedAt, kind, category, summary, status, due.transfer_due_at, due.notice_due_at, due.decision_due_at, due.next_due_at, noticeSentAt);
      let text = `${formatRegisterNumber(no, year)} ${summary}`;
      if (i % 10 === 0) {
        const name = `${pick(surnames)} ${pick(middles)} ${pick(givens)}`;
        const personId = uuidv7(receivedAt);
        insertPerson.run(personId, i, name, fold(name), 1960 + Math.floor(next() * 45));
        insertLink.run(uuidv7(receivedAt), i, id, personId);
        text += ` ${name}`;
      }
      insertSearch.run(result.lastInsertRowid, fold(text));
    });
    const counter = db.prepare(`INSERT INTO register_counters (office_id, book, year, last_no) VALUES ('${OFFICE}', 'reports', ?, ?)`);
    for (const [year, last] of numbers) counter.run(year, last);
  })();
  return { db, now };
}

const page = (input: Parameters<typeof reportListInput.parse>[0]) => reportListInput.parse(input);

export function registerCases(store: RegisterStore, writes: number): BenchRow[] {
  const { db, now } = store;
  const rows: BenchRow[] = [];
  const filteredInput = page({ filters: { status: 'received', kind: 'crime_report' }, sort: { column: 'received_at', direction: 'desc' }, limit: 100 });
  const rawFirstPage = db.prepare(
    `SELECT r.id, r.register_no, r.register_year, r.received_at, r.kind, r.category_code, r.status, r.summary, r.next_due_at
     FROM reports r WHERE r.deleted_at IS NULL AND r.status = 'received' AND r.kind = 'crime_report' ORDER BY r.received_at DESC LIMIT 100`,
  );
  const rawCount = db.prepare(`SELECT count(*) FROM reports WHERE deleted_at IS NULL AND status = 'received' AND kind = 'crime_report'`);
  rows.push({
    name: 'register list: first page, filtered (status, kind), sorted by receipt, with total',
    ours: time(() => listReports(db, filteredInput, now), 30),
    baseline: time(() => {
      rawCount.get();
      rawFirstPage.all();
    }, 30),
    budgetMs: 20,
  });
  const sortedInput = page({ sort: { column: 'register', direction: 'desc' }, limit: 100 });
  const rawSorted = db.prepare('SELECT id, register_no, register_year, summary FROM reports WHERE deleted_at IS NULL ORDER BY register_year DESC, register_no DESC LIMIT 100');
  const rawTotal = db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NULL');
  rows.push({
    name: 'register list: first page, whole register by number, with total',
    ours: time(() => listReports(db, sortedInput, now), 30),
    baseline: time(() => {
      rawTotal.get();
      rawSorted.all();
    }, 30),
    budgetMs: 20,
  });
  const byCategory = page({ sort: { column: 'category', direction: 'asc' }, limit: 100 });
  const rawByCategory = db.prepare(
    'SELECT r.id, c.name_vi FROM reports r LEFT JOIN categories c ON c.code = r.category_code WHERE r.deleted_at IS NULL ORDER BY c.name_vi LIMIT 100',
  );
  rows.push({
    name: 'register list: whole register sorted by category name (a joined column), with total',
    ours: time(() => listReports(db, byCategory, now), 10),
    baseline: time(() => {
      rawTotal.get();
      rawByCategory.all();
    }, 10),
  });
  const search = page({ filters: { q: 'nguyen van' }, limit: 50 });
  const rawSearch = db.prepare(
    'SELECT r.id, r.summary FROM reports r WHERE r.rowid IN (SELECT rowid FROM report_search WHERE report_search MATCH ?) ORDER BY r.register_year DESC, r.register_no DESC LIMIT 50',
  );
  const rawSearchCount = db.prepare('SELECT count(*) FROM report_search WHERE report_search MATCH ?');
  const match = searchQuery('nguyen van')!;
  rows.push({
    name: 'search without diacritics "nguyen van": top 50 with total',
    ours: time(() => listReports(db, search, now), 30),
    baseline: time(() => {
      rawSearchCount.get(match);
      rawSearch.all(match);
    }, 30),
    budgetMs: 50,
  });
  const rawDue = db.prepare('SELECT * FROM reports WHERE next_due_at IS NOT NULL AND next_due_at < ? AND deleted_at IS NULL ORDER BY next_due_at');
  rows.push({
    name: 'deadlines view (overdue, today, within 3 days)',
    ours: time(() => deadlineBoard(db, 3, now), 30),
    baseline: time(() => rawDue.all(now + 4 * 86_400_000), 30),
    budgetMs: 30,
  });
  const writePath = new WritePath(db);
  const ctx = { userId: 'bench', officeId: OFFICE, call: 'bench' };
  const raw = db.prepare(
    `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, summary, status)
     VALUES (?, '${OFFICE}', 'v', 0, 0, 0, 2099, ?, ?, 'in_person', 'crime_report', 'Mất trộm xe máy', 'received')`,
  );
  let n = 0;
  rows.push({
    name: 'create a report through the write path (number, clock, audit, search index)',
    ours: time(
      () =>
        createReport(
          { db, writes: writePath, settings, ctx, now },
          {
            receivedAt: now,
            occurredOn: null,
            occurredNote: '',
            channel: 'in_person',
            kind: 'crime_report',
            categoryCode: 'theft',
            localityId: null,
            address: 'Thôn Đông',
            latitude: null,
            longitude: null,
            reporterName: 'Nguyễn Văn Bình',
            reporterContact: '',
            reporterAddress: '',
            reporterAnonymous: false,
            summary: 'Mất trộm xe máy',
            description: '',
            deaths: null,
            injuries: null,
            damage: null,
            sanctionDecision: '',
            fine: null,
            officerId: null,
            persons: [],
          },
        ),
      writes,
    ),
    baseline: time(() => raw.run(uuidv7(), 1_000_000 + n++, now), writes),
    budgetMs: 5,
  });
  return rows;
}
