import { reportListInput } from '../../../api/calls/register';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { migrate } from '../../../db/migrations/runner';
import { migrations } from '../../../db/migrations/registry';
import { deadlineBoard, listReports } from '../../../db/register/queries';
import { computePeriodic } from '../../../db/reports/periodic';
import { endOfDay, startOfDay } from '../../../core/calendar';
import { comparedRanges } from '../../../core/periods';
import { openSqlite, type Sqlite } from '../../../db/store';
import { time, type BenchRow } from '../harness';
import type { RegisterOffice } from '../../support/register-store';

const RAW_SEARCH = 'SELECT rowid FROM report_search WHERE report_search MATCH ? LIMIT 50';
const RAW_SEARCH_COUNT = 'SELECT count(*) FROM report_search WHERE report_search MATCH ?';
const RAW_DUE = 'SELECT id, next_due_at FROM reports WHERE deleted_at IS NULL AND next_due_at IS NOT NULL AND next_due_at < ? ORDER BY next_due_at LIMIT 300';
const RAW_GROUP_BY = `SELECT category_code, kind, status, count(*), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM reports
  WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? GROUP BY category_code, kind, status`;

/** The office with the most live reports (in a commune's store, the commune; in a province's, its largest commune). */
export function busiestOffice(db: Sqlite): string {
  return (db.prepare(BUSIEST).get() as { office_id: string }).office_id;
}
const BUSIEST = 'SELECT office_id FROM report_months GROUP BY office_id ORDER BY sum(n) DESC LIMIT 1';

/**
 * The other questions of issue #8 asked of the million-report store: the search without diacritics,
 * the deadlines view across offices, the 6-month report for all offices and for one, opening the store
 * after a clean close, and the backend's memory after all of it.
 */
export async function millionQuestions(office: RegisterOffice): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const backend = new Backend({ dataDir: office.dataDir, log: () => undefined });
  const login = await dispatch(backend, backend.sessions.create(Date.now()), 'auth.login', { username: office.username, password: office.password });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  const store = backend.requireStore();
  const db = store.sql;
  const now = office.now;
  const rows: BenchRow[] = [];
  const search = reportListInput.parse({ filters: { q: 'nguyen van' }, limit: 50, count: false });
  const rawSearch = db.prepare(RAW_SEARCH);
  // The baseline asks FTS5 the words as prefixes, unordered: what the search did before search_terms.
  const prefixes = '"nguyen"* AND "van"*';
  rows.push({ name: 'search without diacritics ("nguyen van"), top 50', ours: time(() => void listReports(db, search, now), 20), baseline: time(() => rawSearch.all(prefixes), 20), budgetMs: 50 });
  const counted = reportListInput.parse({ filters: { q: 'nguyen van' }, limit: 50 });
  const rawCount = db.prepare(RAW_SEARCH_COUNT);
  rows.push({ name: 'the same with its total (what the register page asks first)', ours: time(() => void listReports(db, counted, now), 10), baseline: time(() => rawCount.get(prefixes), 10) });
  const rawDue = db.prepare(RAW_DUE);
  rows.push({ name: 'deadlines view across offices (overdue, today, next 3 days)', ours: time(() => void deadlineBoard(db, 3, now), 20), baseline: time(() => rawDue.all(now + 4 * 86_400_000), 20), budgetMs: 50 });
  const half = { kind: 'half', year: 2026, index: 1 } as const;
  const ranges = Object.values(comparedRanges(half, 15));
  const plain = db.prepare(RAW_GROUP_BY);
  const baseline = time(() => {
    for (const range of ranges) plain.all(startOfDay(range.start), endOfDay(range.end));
  }, 3, 1);
  rows.push({ name: '6-month report with all comparisons, all offices', ours: time(() => void computePeriodic(db, null, half), 10), baseline, budgetMs: 150 });
  const one = busiestOffice(db);
  rows.push({ name: '6-month report with all comparisons, one office', ours: time(() => void computePeriodic(db, one, half), 20), baseline, budgetMs: 20 });
  const memory = process.memoryUsage();
  const notes = [`backend memory after these questions: RSS ${Math.round(memory.rss / 2 ** 20)} MiB, heap ${Math.round(memory.heapUsed / 2 ** 20)} MiB (budget < 300 MB)`];
  const file = backend.paths.store;
  const key = store.key.toString('hex');
  backend.close();
  rows.push({
    name: 'open the store after a clean close (decrypt, pragmas, schema check)',
    ours: time(() => {
      const reopened = openSqlite(file, key, { quickCheck: false });
      migrate(reopened, migrations);
      reopened.close();
    }, 10),
    baseline: time(() => openSqlite(file, key, { quickCheck: false }).close(), 10),
    budgetMs: 500,
  });
  rows.push({ name: 'open the store after a session that did not end (with quick_check)', ours: time(() => openSqlite(file, key).close(), 2, 0), baseline: time(() => openSqlite(file, key, { quickCheck: false }).close(), 2, 0) });
  return { rows, notes };
}
