import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportListInput } from '../../api/calls/register';
import { newNodeId } from '../../db/ids';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { deadlineBoard, listReports } from '../../db/register/queries';
import { openDeadlines } from '../../db/register/deadline-columns';
import { endOfDay, localDate, addDays } from '../../core/calendar';
import { openSqlite, type Sqlite } from '../../db/store';
import { initClock } from '../../db/write-path';
import { cleanup, tempDir } from '../support/backend';
import { fillRegister, REGISTER_NOW } from '../support/register-store';

/**
 * The register list read page by page (issue #8): the page's rowids first, along an index where one
 * serves, then its rows; the total only when asked. Whatever way a page is read, the pages put
 * together are the whole list in the order asked for.
 */

const COUNT = 3_000;
/** A search as a plain FTS5 prefix query, every word required: what the app's search must match. */
const prefixQuery = (q: string) => q.split(' ').map((word) => `"${word}"*`).join(' AND ');
const SQL_ALL = 'SELECT rowid, register_year, register_no, received_at, kind, status FROM reports WHERE deleted_at IS NULL';

interface Raw {
  readonly rowid: number;
  readonly register_year: number;
  readonly register_no: number;
  readonly received_at: number;
  readonly kind: string;
  readonly status: string;
}

describe('register pages', () => {
  let db: Sqlite;
  let everything: Raw[];
  const number = (r: Raw) => `${r.register_no}/${r.register_year}`;
  const byRegister = (a: Raw, b: Raw) => b.register_year - a.register_year || b.register_no - a.register_no;

  beforeAll(() => {
    db = openSqlite(join(tempDir(), 'paging.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    initClock(db, newNodeId());
    fillRegister(db, COUNT, { officeId: '12345' });
    everything = db.prepare(SQL_ALL).all() as Raw[];
  });

  afterAll(() => {
    db.close();
    return cleanup();
  });

  /** Every page of 100 put together, the total asked with the first only. */
  const readAll = (input: object) => {
    const numbers: string[] = [];
    let total: number | null = null;
    for (let offset = 0; ; offset += 100) {
      const page = listReports(db, reportListInput.parse({ ...input, offset, limit: 100, count: offset === 0 }), REGISTER_NOW);
      if (offset === 0) total = page.total;
      else expect(page.total).toBeNull();
      numbers.push(...page.rows.map((row) => row.number));
      if (page.rows.length < 100) return { total, numbers };
    }
  };

  it('reads the whole register in register order, newest first, and counts it once', () => {
    const { total, numbers } = readAll({});
    expect(total).toBe(COUNT);
    expect(numbers).toEqual([...everything].sort(byRegister).map(number));
  });

  it('reads a common filter in register order along the register index, a rare one from its own index: the same list', () => {
    for (const filters of [{ kind: 'crime_report' }, { status: 'received' }, { status: 'decided', kind: 'denunciation' }] as const) {
      const expected = everything.filter((r) => Object.entries(filters).every(([key, value]) => r[key as 'kind' | 'status'] === value)).sort(byRegister);
      const { total, numbers } = readAll({ filters });
      expect(total).toBe(expected.length);
      expect(numbers).toEqual(expected.map(number));
    }
  });

  it('reads by receipt time either way, equal times in the order they were written', () => {
    for (const direction of ['desc', 'asc'] as const) {
      const sign = direction === 'desc' ? -1 : 1;
      const expected = everything.filter((r) => r.kind === 'crime_report').sort((a, b) => sign * (a.received_at - b.received_at) || sign * (a.rowid - b.rowid));
      const { numbers } = readAll({ filters: { kind: 'crime_report' }, sort: { column: 'received_at', direction } });
      expect(numbers).toEqual(expected.map(number));
    }
  });

  it('reads a search in register order, page by page, whether the matches are tested along the register or read from the search index', () => {
    const live = new Map(everything.map((r) => [r.rowid, r]));
    for (const q of ['xe may', 'tai', 'danh bac lan trai']) {
      const matched = (db.prepare('SELECT rowid FROM report_search WHERE report_search MATCH ?').pluck().all(prefixQuery(q)) as number[])
        .map((rowid) => live.get(rowid))
        .filter((r): r is Raw => r !== undefined)
        .sort(byRegister)
        .map(number);
      expect(matched.length, q).toBeGreaterThan(20);
      // Pages of 20 make a common word worth testing along the register; pages of 100 read it from the index.
      for (const limit of [20, 100]) {
        const numbers: string[] = [];
        for (let offset = 0; offset < matched.length + limit; offset += limit) {
          numbers.push(...listReports(db, reportListInput.parse({ filters: { q }, offset, limit, count: false }), REGISTER_NOW).rows.map((row) => row.number));
        }
        expect(numbers, `${q}, pages of ${limit}`).toEqual(matched);
      }
    }
  });

  it('gives a page deep in the list the same rows as the list read from its start', () => {
    const all = [...everything].sort(byRegister).map(number);
    const page = listReports(db, reportListInput.parse({ offset: 2_950, limit: 100, count: false }), REGISTER_NOW);
    expect(page.total).toBeNull();
    expect(page.rows.map((row) => row.number)).toEqual(all.slice(2_950));
    expect(listReports(db, reportListInput.parse({ offset: COUNT, limit: 100 }), REGISTER_NOW)).toEqual({ total: COUNT, rows: [] });
  });
});

describe('counts and deadlines of several offices (issue #8)', () => {
  let db: Sqlite;
  const OFFICES = ['12345', '67890'] as const;

  beforeAll(() => {
    db = openSqlite(join(tempDir(), 'offices.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    initClock(db, newNodeId());
    fillRegister(db, 2_000, { officeId: OFFICES[0], seed: 1 });
    fillRegister(db, 1_000, { officeId: OFFICES[1], seed: 2 });
    // Voided reports leave the summaries and the deadlines through the triggers and the index.
    db.prepare('UPDATE reports SET deleted_at = 1, next_due_at = NULL WHERE rowid % 7 = 0').run();
  });

  afterAll(() => {
    db.close();
    return cleanup();
  });

  it('gives the total a direct count gives, whichever filters (the summary counts those it is kept by)', () => {
    const combos = [
      {},
      { officeId: OFFICES[1] },
      { kind: 'crime_report' },
      { status: 'received', kind: 'denunciation' },
      { categoryCode: 'theft', officeId: OFFICES[0] },
      { categoryCode: 'theft', status: 'decided', kind: 'crime_report', officeId: OFFICES[1] },
      { includeVoided: true },
      { includeVoided: true, officeId: OFFICES[0] },
      { overdue: true },
      { from: '2024-01-01', to: '2024-12-31', kind: 'crime_report' },
      { categoryCode: 'no_such_category' },
    ];
    for (const filters of combos) {
      const where: string[] = [];
      const args: unknown[] = [];
      const f = filters as Record<string, unknown>;
      if (!f.includeVoided) where.push('deleted_at IS NULL');
      for (const [key, column] of [['officeId', 'office_id'], ['kind', 'kind'], ['status', 'status'], ['categoryCode', 'category_code']] as const) {
        if (f[key] !== undefined) {
          where.push(`${column} = ?`);
          args.push(f[key]);
        }
      }
      if (f.overdue) {
        where.push('next_due_at < ?');
        args.push(REGISTER_NOW);
      }
      if (f.from) {
        where.push("received_at >= ? AND received_at < ?");
        args.push(Date.parse('2024-01-01T00:00:00+07:00'), Date.parse('2025-01-01T00:00:00+07:00'));
      }
      const expected = db.prepare(`SELECT count(*) FROM reports WHERE ${where.length ? where.join(' AND ') : '1'}`).pluck().get(...args);
      expect([filters, listReports(db, reportListInput.parse({ filters, limit: 10 }), REGISTER_NOW).total]).toEqual([filters, expected]);
    }
  });

  it('reads one office\'s register, alone or with a filter, page by page in register order', () => {
    const all = db.prepare('SELECT office_id, kind, register_year, register_no FROM reports WHERE deleted_at IS NULL').all() as { office_id: string; kind: string; register_year: number; register_no: number }[];
    for (const filters of [{ officeId: OFFICES[1] }, { officeId: OFFICES[0], kind: 'crime_report' }, { officeId: OFFICES[1], status: 'received' }] as const) {
      const expected = all
        .filter((r) => r.office_id === filters.officeId && (!('kind' in filters) || r.kind === filters.kind))
        .filter((r) => !('status' in filters) || (db.prepare('SELECT status FROM reports WHERE office_id = ? AND register_year = ? AND register_no = ?').pluck().get(r.office_id, r.register_year, r.register_no) === filters.status))
        .sort((a, b) => b.register_year - a.register_year || b.register_no - a.register_no)
        .map((r) => `${r.register_no}/${r.register_year}`);
      const numbers: string[] = [];
      for (let offset = 0; offset <= expected.length; offset += 70) {
        const page = listReports(db, reportListInput.parse({ filters, offset, limit: 70, count: offset === 0 }), REGISTER_NOW);
        if (offset === 0) expect(page.total).toBe(expected.length);
        numbers.push(...page.rows.map((row) => row.number));
      }
      expect(numbers, JSON.stringify(filters)).toEqual(expected);
    }
  });

  it('shows the deadlines a reading of every row gives: counted whole, listed most urgent first up to the limit, by office', () => {
    const rows = db.prepare('SELECT rowid, * FROM reports WHERE deleted_at IS NULL').all() as (Parameters<typeof openDeadlines>[0] & { id: string; office_id: string; rowid: number })[];
    const now = REGISTER_NOW;
    const todayEnd = endOfDay(localDate(now));
    const horizon = endOfDay(addDays(localDate(now), 3));
    for (const officeId of [null, OFFICES[0], OFFICES[1]]) {
      const expected = { overdue: [] as [number, string, string][], today: [] as [number, string, string][], soon: [] as [number, string, string][] };
      for (const row of rows.filter((r) => officeId === null || r.office_id === officeId)) {
        for (const due of openDeadlines(row)) {
          if (due.dueAt >= horizon) continue;
          (due.dueAt <= now ? expected.overdue : due.dueAt <= todayEnd ? expected.today : expected.soon).push([due.dueAt, row.id, due.kind]);
        }
      }
      const board = deadlineBoard(db, 3, now, officeId, 4);
      for (const section of ['overdue', 'today', 'soon'] as const) {
        const list = expected[section].sort((a, b) => a[0] - b[0]);
        expect(board.counts[section]).toBe(list.length);
        expect(board[section].map((item) => item.dueAt)).toEqual(list.slice(0, 4).map((item) => item[0]));
        expect(new Set(board[section].map((item) => `${item.reportId} ${item.kind}`)).size).toBe(board[section].length);
        for (const item of board[section]) {
          expect(list.some(([dueAt, id, kind]) => dueAt === item.dueAt && id === item.reportId && kind === item.kind)).toBe(true);
          if (officeId) expect(item.officeId).toBe(officeId);
        }
      }
      expect(board.counts.overdue).toBeGreaterThan(4);
    }
  });
});
