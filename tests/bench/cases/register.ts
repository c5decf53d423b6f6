import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Settings } from '../../../api/views';
import { defaultSettings } from '../../../db/settings';
import { newNodeId, uuidv7 } from '../../../db/ids';
import { migrate } from '../../../db/migrations/runner';
import { migrations } from '../../../db/migrations/registry';
import { deadlineBoard, listReports } from '../../../db/register/queries';
import { createReport } from '../../../db/register/reports';
import { reportListInput } from '../../../api/calls/register';
import { categorySeed } from '../../../db/seed/categories';
import { openSqlite, type Sqlite } from '../../../db/store';
import { initClock, WritePath } from '../../../db/write-path';
import { fillRegister, REGISTER_NOW } from '../../support/register-store';
import { time, type BenchRow } from '../harness';

const OFFICE = '12345';
const settings: Settings = defaultSettings;

export interface RegisterStore {
  readonly db: Sqlite;
  readonly now: number;
}

const INSERT_GROUP = 'INSERT INTO category_groups (id, office_id, version, seq, created_at, updated_at, code, name_vi, name_en, sort) VALUES (?, ?, \'v\', 0, 0, 0, ?, ?, ?, ?)';
const INSERT_CATEGORY = `INSERT INTO categories (id, office_id, version, seq, created_at, updated_at, code, group_code, name_vi, name_en, sort)
 VALUES (?, ?, 'v', 0, 0, 0, ?, ?, ?, ?, ?)`;

/**
 * A raw store (migrated, no setup) with the categories and `count` reports of one office over the
 * years before `now`: see fillRegister.
 */
export function makeRegisterStore(dir: string, count: number): RegisterStore {
  const db = openSqlite(join(dir, `register-${count}.sqlite`), randomBytes(32).toString('hex'));
  migrate(db, migrations);
  initClock(db, newNodeId());
  const insertGroup = db.prepare(INSERT_GROUP);
  const insertCategory = db.prepare(INSERT_CATEGORY);
  categorySeed.forEach((group, g) => {
    insertGroup.run(uuidv7(), OFFICE, group.code, group.vi, group.en, g);
    group.types.forEach(([code, vi, en], t) => insertCategory.run(uuidv7(), OFFICE, code, group.code, vi, en, t));
  });
  fillRegister(db, count, { officeId: OFFICE, now: REGISTER_NOW, settings });
  return { db, now: REGISTER_NOW };
}

const RAW_INSERT = `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, summary, status)
 VALUES (?, ?, 'v', 0, 0, 0, 2099, ?, ?, 'in_person', 'crime_report', 'Mất trộm xe máy', 'received')`;

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
  // The baseline asks FTS5 the words as prefixes, as the search did before search_terms.
  const match = '"nguyen"* AND "van"*';
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
  const raw = db.prepare(RAW_INSERT);
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
    baseline: time(() => raw.run(uuidv7(), OFFICE, 1_000_000 + n++, now), writes),
    budgetMs: 5,
  });
  return rows;
}
