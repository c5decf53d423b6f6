import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportListInput, type SortColumn } from '../../api/calls/register';
import { newNodeId } from '../../db/ids';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { listReports, TOTAL_CAP } from '../../db/register/queries';
import { sortTuning } from '../../db/register/sorted-pages';
import { openSqlite, type Sqlite } from '../../db/store';
import { initClock } from '../../db/write-path';
import { fold } from '../../core/fold';
import { cleanup, tempDir } from '../support/backend';
import { fillRegister, REGISTER_NOW } from '../support/register-store';
import { REGISTER_FROM, registerOrderBy } from '../support/register-order';

/**
 * The register sorted by a column header (issue #23): read a group of equal labels at a time along
 * the group's index (db/register/sorted-pages.ts), or, for few matches, sorted whole. Either way the
 * pages put together are exactly what plain SQL gives for the same ORDER BY: labels byte by byte, NULL
 * first ascending and last descending, ties in the register's order, voided reports where asked.
 */

const COUNT = 2_600;
/** Ids as the contract takes them (uuids): localities and users, 99 for one the store does not hold. */
const LOC = (n: number) => `01900000-0000-7000-8000-1000000000${String(n).padStart(2, '0')}`;
const USER = (n: number) => `01900000-0000-7000-8000-2000000000${String(n).padStart(2, '0')}`;
describe('register sorted by a column', () => {
  let db: Sqlite;

  beforeAll(() => {
    db = openSqlite(join(tempDir(), 'sorting.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    initClock(db, newNodeId());
    fillRegister(db, COUNT, { officeId: '12345' });
    // Localities and officers, two of each sharing a name; some reports with none, some with one that
    // is not in the store (another office's officer), some voided.
    const row = (id: string) => [id, '12345', 'v', 1, 0, 0];
    const locality = db.prepare('INSERT INTO localities (id, office_id, version, seq, created_at, updated_at, name) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const user = db.prepare('INSERT INTO users (id, office_id, version, seq, created_at, updated_at, username, full_name, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const names = ['Thôn Đông', 'Thôn Tây', 'Thôn Đông', 'Xóm Bãi', 'Ấp Mới'];
    names.forEach((name, i) => locality.run(...row(LOC(i)), name));
    ['Lê Văn Hùng', 'Nguyễn Thị Mai', 'Lê Văn Hùng', 'Đỗ Lan'].forEach((name, i) => user.run(...row(USER(i)), `u${i}`, name, 'officer'));
    const update = db.prepare('UPDATE reports SET locality_id = ?, officer_id = ? WHERE rowid = ?');
    const ids = db.prepare('SELECT rowid FROM reports').pluck().all() as number[];
    for (const [i, rowid] of ids.entries()) {
      const loc = i % 7 === 0 ? null : i % 11 === 0 ? LOC(99) : LOC(i % names.length);
      const officer = i % 5 === 0 ? null : i % 13 === 0 ? USER(99) : USER(i % 4);
      update.run(loc, officer, rowid);
    }
    db.prepare('UPDATE reports SET deleted_at = updated_at, void_reason = ? WHERE rowid % 17 = 0').run('nhầm');
  }, 120_000);

  afterAll(() => {
    db.close();
    return cleanup();
  });

  const expected = (column: SortColumn, direction: 'asc' | 'desc', where: string) =>
    db.prepare(`SELECT r.id ${REGISTER_FROM} WHERE ${where} ORDER BY ${registerOrderBy(column, direction)}`).pluck().all() as string[];
  const pages = (input: object, size = 100) => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += size) {
      const page = listReports(db, reportListInput.parse({ ...input, offset, limit: size, count: offset === 0 }), REGISTER_NOW);
      ids.push(...page.rows.map((row) => row.id));
      if (page.rows.length < size) return ids;
    }
  };

  const columns: SortColumn[] = ['kind', 'status', 'category', 'locality', 'officer', 'next_due_at', 'summary', 'register', 'received_at'];
  const filters: [string, object, string][] = [
    ['no filter', {}, 'r.deleted_at IS NULL'],
    // Groups passed over by their counts in report_counts (none of a kind's thefts, say).
    ['thefts', { categoryCode: 'theft' }, "r.deleted_at IS NULL AND r.category_code = 'theft'"],
    ['thefts decided', { categoryCode: 'theft', status: 'decided' }, "r.deleted_at IS NULL AND r.category_code = 'theft' AND r.status = 'decided'"],
    ['a locality', { localityId: LOC(1) }, `r.deleted_at IS NULL AND r.locality_id = '${LOC(1)}'`],
    ['an officer', { officerId: USER(2) }, `r.deleted_at IS NULL AND r.officer_id = '${USER(2)}'`],
    ['crime reports', { kind: 'crime_report' }, "r.deleted_at IS NULL AND r.kind = 'crime_report'"],
    ['voided shown', { includeVoided: true }, '1'],
  ];

  for (const few of [false, true]) {
    describe(few ? 'few matches: sorted whole' : 'read by groups', () => {
      beforeAll(() => {
        sortTuning.fewMatches = few ? 1_000_000 : 0;
      });
      afterAll(() => {
        sortTuning.fewMatches = sortTuning.defaultFewMatches;
      });
      for (const column of columns) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const [label, extra, where] of filters) {
            it(`${column} ${direction}, ${label}`, () => {
              const want = expected(column, direction, where);
              expect(want.length).toBeGreaterThan(50);
              expect(pages({ filters: extra, sort: { column, direction } }, 97)).toEqual(want);
            });
          }
        }
      }
    });
  }

  it('pages deep in the list by groups passed over by their counts, and by deadline, are the same slices as SQL', () => {
    sortTuning.fewMatches = 0;
    try {
      for (const [column, filters, where] of [
        ['kind', { categoryCode: 'theft' }, "r.deleted_at IS NULL AND r.category_code = 'theft'"],
        ['status', { kind: 'crime_report' }, "r.deleted_at IS NULL AND r.kind = 'crime_report'"],
        ['next_due_at', {}, 'r.deleted_at IS NULL'],
        ['received_at', { includeVoided: true }, '1'],
      ] as const) {
        const want = expected(column, 'asc', where);
        for (const offset of [7, Math.floor(want.length / 2), want.length - 30]) {
          const page = listReports(db, reportListInput.parse({ filters, sort: { column, direction: 'asc' }, offset, limit: 60, count: false }), REGISTER_NOW);
          expect(page.rows.map((row) => row.id), `${column} ${offset}`).toEqual(want.slice(offset, offset + 60));
        }
      }
    } finally {
      sortTuning.fewMatches = sortTuning.defaultFewMatches;
    }
  });

  it('counts the voided shown with the summary\'s filters as SQL does', () => {
    for (const [filters, where] of [
      [{ includeVoided: true }, '1'],
      [{ includeVoided: true, categoryCode: 'theft' }, "category_code = 'theft'"],
      [{ includeVoided: true, kind: 'crime_report', status: 'checking' }, "kind = 'crime_report' AND status = 'checking'"],
    ] as const) {
      const page = listReports(db, reportListInput.parse({ filters, limit: 10 }), REGISTER_NOW);
      expect(page.total, JSON.stringify(filters)).toBe(db.prepare(`SELECT count(*) FROM reports WHERE ${where}`).pluck().get());
    }
  });

  it('a page deep in the list by groups is the same slice as SQL', () => {
    sortTuning.fewMatches = 0;
    try {
      const want = expected('officer', 'asc', 'r.deleted_at IS NULL');
      const page = listReports(db, reportListInput.parse({ sort: { column: 'officer', direction: 'asc' }, offset: 1_234, limit: 100, count: false }), REGISTER_NOW);
      expect(page.rows.map((row) => row.id)).toEqual(want.slice(1_234, 1_334));
    } finally {
      sortTuning.fewMatches = sortTuning.defaultFewMatches;
    }
  });

});

describe('a search matching more than 10,000 reports', () => {
  let db: Sqlite;
  beforeAll(() => {
    db = openSqlite(join(tempDir(), 'capped.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    initClock(db, newNodeId());
    fillRegister(db, 18_000, { officeId: '12345' });
  }, 120_000);
  afterAll(() => {
    db.close();
    return cleanup();
  });
  const live = (like: string) => db.prepare(`SELECT count(*) FROM reports WHERE deleted_at IS NULL AND summary LIKE '${like}'`).pluck().get() as number;

  it('is counted up to the cap and flagged, its first page read in register order', () => {
    expect(live('%tại%')).toBeGreaterThan(TOTAL_CAP);
    const page = listReports(db, reportListInput.parse({ filters: { q: 'tai' }, limit: 100 }), REGISTER_NOW);
    expect(page.total).toBe(TOTAL_CAP);
    expect(page.totalCapped).toBe(true);
    // "tai" finds every word beginning so, diacritics aside (tại, tài sản).
    const rows = db.prepare('SELECT id, summary, status FROM reports WHERE deleted_at IS NULL ORDER BY register_year DESC, register_no DESC').all() as { id: string; summary: string; status: string }[];
    const matches = rows.filter((row) => fold(row.summary).split(/\s+/).some((word) => word.startsWith('tai')));
    const want = matches.slice(0, 100).map((row) => row.id);
    expect(page.rows.map((row) => row.id)).toEqual(want);
    // The picker's 10 rows with the total, and with another filter: the same cap.
    const picker = listReports(db, reportListInput.parse({ filters: { q: 'tai' }, limit: 10 }), REGISTER_NOW);
    expect([picker.total, picker.totalCapped, picker.rows.length]).toEqual([TOTAL_CAP, true, 10]);
    const withKind = listReports(db, reportListInput.parse({ filters: { q: 'tai', status: 'received' }, limit: 10 }), REGISTER_NOW);
    const received = matches.filter((row) => row.status === 'received').length;
    expect(received).toBeLessThan(TOTAL_CAP);
    expect([withKind.total, withKind.totalCapped]).toEqual([received, undefined]);
  });

  it('under the cap is counted exactly and not flagged; a filter without a search is never capped', () => {
    const page = listReports(db, reportListInput.parse({ filters: { q: 'lua dao' }, limit: 100 }), REGISTER_NOW);
    expect(page.total).toBe(live('%Lừa đảo%'));
    expect(page.totalCapped).toBeUndefined();
    const all = listReports(db, reportListInput.parse({ limit: 100 }), REGISTER_NOW);
    expect(all.total).toBe(db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NULL').pluck().get());
    expect(all.total).toBeGreaterThan(TOTAL_CAP);
    expect(all.totalCapped).toBeUndefined();
  });
});

describe('a province: communes sharing register numbers and locality names', () => {
  let db: Sqlite;
  const OFFICES = ['11111', '22222', '33333'];
  const PLACE = (office: number, n: number) => `01900000-0000-7000-8000-3${office}00000000${n}`;

  beforeAll(() => {
    db = openSqlite(join(tempDir(), 'province-sorting.sqlite'), randomBytes(32).toString('hex'));
    migrate(db, migrations);
    initClock(db, newNodeId());
    const locality = db.prepare('INSERT INTO localities (id, office_id, version, seq, created_at, updated_at, name) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE reports SET locality_id = ? WHERE office_id = ? AND rowid % 2 = ?');
    OFFICES.forEach((officeId, o) => {
      // Each commune numbers its own register from 1: the same numbers in every commune.
      fillRegister(db, 700, { officeId, seed: 7 + o });
      ['Thôn 1', 'Thôn 2'].forEach((name, n) => {
        locality.run(PLACE(o, n), officeId, 'v', 1, 0, 0, name);
        update.run(PLACE(o, n), officeId, n);
      });
    });
  }, 120_000);

  afterAll(() => {
    db.close();
    return cleanup();
  });

  it('pages by locality are the same slices as SQL (ties by rowid), read value by value near the top and whole deeper down', () => {
    const want = db
      .prepare(`SELECT r.id ${REGISTER_FROM} WHERE r.deleted_at IS NULL ORDER BY l.name, r.register_year DESC, r.register_no DESC, r.rowid DESC`)
      .pluck()
      .all() as string[];
    const shared = db.prepare('SELECT count(*) FROM (SELECT register_year, register_no FROM reports GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get() as number;
    expect(shared).toBeGreaterThan(100);
    const merged = sortTuning.mergedEntries;
    sortTuning.fewMatches = 0;
    // 3 values a group: a page within the first 400 of a group is merged, one deeper is read whole.
    sortTuning.mergedEntries = 1_200;
    try {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 70) {
        const page = listReports(db, reportListInput.parse({ sort: { column: 'locality', direction: 'asc' }, offset, limit: 70, count: false }), REGISTER_NOW);
        ids.push(...page.rows.map((row) => row.id));
        if (page.rows.length < 70) break;
      }
      expect(ids).toEqual(want);
    } finally {
      sortTuning.fewMatches = sortTuning.defaultFewMatches;
      sortTuning.mergedEntries = merged;
    }
  });
});
