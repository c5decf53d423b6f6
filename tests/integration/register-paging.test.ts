import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportListInput } from '../../api/calls/register';
import { newNodeId } from '../../db/ids';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { listReports } from '../../db/register/queries';
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

  it('gives a page deep in the list the same rows as the list read from its start', () => {
    const all = [...everything].sort(byRegister).map(number);
    const page = listReports(db, reportListInput.parse({ offset: 2_950, limit: 100, count: false }), REGISTER_NOW);
    expect(page.total).toBeNull();
    expect(page.rows.map((row) => row.number)).toEqual(all.slice(2_950));
    expect(listReports(db, reportListInput.parse({ offset: COUNT, limit: 100 }), REGISTER_NOW)).toEqual({ total: COUNT, rows: [] });
  });
});
