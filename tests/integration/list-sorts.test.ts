import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, createOffice, expectOk, manualClock } from '../support/backend';

afterEach(cleanup);

const vn = (date: string) => Date.parse(`${date}T09:00:00+07:00`);

/**
 * The persons searched by name and sorted by another column (their page chosen from persons_live_name,
 * then their rows: db/people.ts) and the programs list (counted without the officer's join: db/programs.ts)
 * give what plain SQL gives: the same persons in the same order, page by page, voided persons left out,
 * and the same totals (issue #23; migration 22).
 */
describe('persons and programs lists against plain SQL', () => {
  it('gives the same rows, order and totals', async () => {
    const clock = manualClock(vn('2026-11-02'));
    const office = await createOffice({ now: clock.now });
    office.stayLoggedIn();
    const db = office.backend.requireStore().sql;
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Lan', 'Long'];
    const persons: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      // Birth years and creation times repeat: ties fall back on the id.
      const family = i % 3 === 0 ? 'Lê Văn' : i % 3 === 1 ? 'Nguyễn Văn' : 'Nguyễn Thị';
      persons.push(expectOk(await office.call('persons.create', { fullName: `${family} ${given[i % given.length]!}`, birthYear: 1970 + (i % 6) })).id);
      if (i % 4 === 0) clock.advance(60_000);
    }
    db.prepare('UPDATE persons SET deleted_at = 1, void_reason = ? WHERE id IN (?, ?, ?)').run('nhầm', persons[1], persons[4], persons[13]);
    for (const personId of persons.filter((_, i) => i % 5 === 2)) expectOk(await office.call('programs.create', { personId, kindCode: 'drug_user', startDate: '2026-05-01' }));
    // Check-ins, two on one day for some programs: the list reads a page's in one go (db/programs.ts checkinsOf).
    const programs = db.prepare('SELECT id FROM programs ORDER BY id').pluck().all() as string[];
    for (const [i, programId] of programs.entries()) {
      for (const date of ['2026-06-01', '2026-07-01', '2026-07-01'].slice(0, i % 4)) {
        expectOk(await office.call('programs.checkin', { programId, date, result: `Có mặt ${i}`, drugTestResult: i % 2 ? 'negative' : null }));
      }
    }

    const sorts = { birth_year: 'p.birth_year', created_at: 'p.created_at', name: 'p.name_fold' } as const;
    for (const q of ['nguyen', 'nguyen van', 'le']) {
      const name = "p.deleted_at IS NULL AND p.name_fold >= @q AND p.name_fold < @q || char(1114111)";
      const total = db.prepare(`SELECT count(*) FROM persons p WHERE ${name}`).pluck().get({ q });
      expect(total, q).toBeGreaterThan(7);
      for (const [sort, column] of Object.entries(sorts) as [keyof typeof sorts, string][]) {
        for (const direction of ['asc', 'desc'] as const) {
          const want = db.prepare(`SELECT p.id FROM persons p WHERE ${name} ORDER BY ${column} ${direction}, p.id`).pluck().all({ q });
          const got: string[] = [];
          for (let offset = 0; offset < want.length; offset += 7) {
            const page = expectOk(await office.call('persons.list', { q, sort, direction, offset, limit: 7 }));
            expect(page.total, `${q} ${sort} ${direction}`).toBe(total);
            got.push(...page.rows.map((row) => row.id));
          }
          expect(got, `${q} ${sort} ${direction}`).toEqual(want);
        }
      }
    }

    for (const [filters, where] of [
      [{}, '1'],
      [{ q: 'nguyen' }, "p.name_fold >= 'nguyen' AND p.name_fold < 'nguyen' || char(1114111)"],
      [{ status: 'active' }, "g.status = 'active'"],
    ] as const) {
      const want = db
        .prepare(`SELECT g.id FROM programs g JOIN persons p ON p.id = g.person_id LEFT JOIN users u ON u.id = g.officer_id WHERE g.deleted_at IS NULL AND ${where} ORDER BY g.end_date, g.id`)
        .pluck()
        .all();
      expect(want.length).toBeGreaterThan(2);
      const page = expectOk(await office.call('programs.list', { ...filters, limit: 100 }));
      expect([page.total, page.rows.map((row) => row.id)], JSON.stringify(filters)).toEqual([want.length, want]);
      // Each program's check-ins as the program itself gives them (one read each).
      for (const row of page.rows) expect(row.checkins, row.id).toEqual(expectOk(await office.call('programs.get', { id: row.id })).checkins);
    }
    expect(db.prepare('SELECT count(*) FROM program_checkins').pluck().get()).toBeGreaterThan(5);
  });
});
