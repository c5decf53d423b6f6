import { afterEach, describe, expect, it } from 'vitest';
import { generatedOffices, SIZES } from '../../db/demo/generator';
import { fillStore } from '../../db/demo/write';
import { BREAKDOWN_KEYS } from '../../api/calls/periodic';
import { countFigures, figuresByOffice, type Figures } from '../../db/reports/figures';
import { comparedRanges } from '../../core/periods';
import { migrate } from '../../db/migrations/runner';
import { migrations } from '../../db/migrations/registry';
import { cleanup, createOffice, manualClock } from '../support/backend';
import { summaryComparisons } from '../support/summaries';

afterEach(cleanup);

const NOW = Date.parse('2026-06-20T10:00:00+07:00');
/** The figures the breakdown shows (api/calls/periodic.ts, BREAKDOWN_KEYS) and the seizures. */
const SHOWN: readonly string[] = BREAKDOWN_KEYS;
const shown = (figures: Figures) =>
  Object.fromEntries(Object.entries(figures).filter(([key, value]) => (SHOWN.includes(key) || key.startsWith('seized.')) && value !== 0));

describe('the breakdown of a report of every office', () => {
  it('counts each office as the report of that office alone would, for whole police months and for ranges with edge days', async () => {
    const office = await createOffice({ now: manualClock(NOW).now });
    const store = office.backend.requireStore();
    const offices = generatedOffices(4);
    fillStore(store, { seed: 3, offices, from: '2024-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: office.adminId });
    const half = comparedRanges({ kind: 'half', year: 2026, index: 1 }, 15);
    const ranges = [half.current, half.lastYear, { start: '2025-03-03', end: '2026-02-27' }, { start: '2026-05-02', end: '2026-05-09' }];
    for (const range of ranges) {
      const byOffice = figuresByOffice(store.sql, range, 15);
      for (const { code } of offices) {
        const [alone] = countFigures(store.sql, code, [range], 15);
        expect(shown(byOffice.get(code) ?? {}), `${code} ${range.start}…${range.end}`).toEqual(shown(alone!));
      }
    }
    // Not a vacuous comparison: the generated offices have figures of every kind shown.
    const [together] = countFigures(store.sql, null, [half.current], 15);
    for (const key of BREAKDOWN_KEYS.filter((key) => key !== 'hotspots.cleared')) expect(together![key], key).toBeGreaterThan(0);
    const year = figuresByOffice(store.sql, { start: '2025-06-21', end: '2026-06-20' }, 15);
    expect([...year.values()].some((figures) => (figures['hotspots.cleared'] ?? 0) > 0)).toBe(true);
  });

  it('are filled from the office summaries when a store of version 8 is migrated', async () => {
    const office = await createOffice({ now: manualClock(NOW).now });
    const db = office.backend.requireStore().sql;
    fillStore(office.backend.requireStore(), { seed: 4, offices: generatedOffices(2), from: '2025-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: office.adminId });
    // The store as version 8 left it: no every-office summaries.
    db.exec(`DROP TRIGGER report_months_all_insert; DROP TRIGGER report_months_all_update; DROP TRIGGER program_months_all_insert; DROP TRIGGER program_months_all_update;
      DROP TABLE report_months_all; DROP TABLE program_months_all; DROP TABLE search_terms; PRAGMA user_version = 8;`);
    // Migrations 9 and 10, as a store at version 8 takes them; then the store is back at the newest version.
    migrate(db, migrations.slice(0, 10));
    db.pragma(`user_version = ${migrations.length}`);
    const summaries = summaryComparisons(db);
    for (const table of ['report_months_all', 'program_months_all'] as const) {
      expect(summaries[table].recount.length, table).toBeGreaterThan(10);
      expect(summaries[table].kept, table).toEqual(summaries[table].recount);
    }
  });
});
