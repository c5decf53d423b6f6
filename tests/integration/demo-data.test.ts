import { daysOff } from '../../core/calendar';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRecords, generatedOffices, SIZES, type GeneratorOffice } from '../../db/demo/generator';
import { fillStore, writeGenerated } from '../../db/demo/write';
import { writeRecords } from '../../db/exchange/import';
import { loadHolidays } from '../../db/register/deadline-columns';
import { Random } from '../../db/demo/random';
import { readSettings } from '../../db/settings';
import { Keyring } from '../../db/keyring';
import { DEMO_OFFICE } from '../../db/handlers/setup';
import { ADMIN, callOn, cleanup, createOffice, expectError, expectOk, manualClock, newBackend, OFFICE, setupInput, tempDir } from '../support/backend';
import { summaryComparisons } from '../support/summaries';
import { APP_VERSION } from '../../db/app-version';

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const NOW = vn('2026-06-20', '10:00');
const OWN: GeneratorOffice = { code: OFFICE.code, name: OFFICE.name, parentCode: OFFICE.parentCode, parentName: OFFICE.parentName, localities: [] };

function expectSummariesEqualRecount(db: Parameters<typeof summaryComparisons>[0]): void {
  for (const [table, { kept, recount }] of Object.entries(summaryComparisons(db))) {
    expect(recount.length, table).toBeGreaterThan(5);
    expect(kept, table).toEqual(recount);
  }
}

const LIVE_REPORTS = 'SELECT id, version FROM reports WHERE office_id = ? AND deleted_at IS NULL ORDER BY register_year, register_no';
const ACTIVE_PROGRAMS = "SELECT id, version FROM programs WHERE office_id = ? AND status = 'active' AND deleted_at IS NULL ORDER BY start_date";

describe('generated records written through the bulk path', () => {
  it('are all new, and the lists, the periodic report and the summaries work on them', async () => {
    const clock = manualClock(NOW);
    const office = await createOffice({ now: clock.now });
    const store = office.backend.requireStore();
    const progress: number[] = [];
    const written = fillStore(store, { seed: 1, offices: [OWN], from: '2025-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: office.adminId, chunk: 500, onProgress: (n) => progress.push(n) });
    expect(written.byTable.reports).toBeGreaterThan(250);
    expect(written.byTable.offices).toBeUndefined();
    expect(progress.at(-1)).toBe(written.records);
    expect(progress.length).toBe(Math.ceil(written.records / 500));

    const reports = expectOk(await office.call('reports.list', {}));
    const voided = store.sql.prepare('SELECT count(*) AS n FROM reports WHERE deleted_at IS NOT NULL').get() as { n: number };
    expect(reports.total).toBe(written.byTable.reports! - voided.n);
    const searched = expectOk(await office.call('reports.list', { filters: { q: 'trom cap' } }));
    expect(searched.total).toBeGreaterThan(10);
    const persons = expectOk(await office.call('persons.list', {}));
    expect(persons.total).toBe(written.byTable.persons);
    const found = expectOk(await office.call('persons.list', { q: 'nguyen' }));
    expect(found.total / persons.total).toBeGreaterThan(0.2);
    const hotspots = expectOk(await office.call('hotspots.list', {}));
    expect(hotspots.total).toBe(written.byTable.hotspots);
    const localities = expectOk(await office.call('localities.list', {}));
    expect(localities.length).toBeGreaterThan(5);
    const periodic = expectOk(await office.call('periodic.compute', { period: { kind: 'half', year: 2026, index: 1 } }));
    expect(periodic.figures.current['reports.total']).toBeGreaterThan(100);
    expectSummariesEqualRecount(store.sql);
    // The register's counter goes on after the generated numbers.
    const next = expectOk(await office.call('reports.create', { receivedAt: NOW - 60_000, channel: 'phone', kind: 'crime_report', summary: 'Mất trộm xe đạp' }));
    const last = store.sql.prepare('SELECT max(register_no) AS n FROM reports WHERE register_year = 2026 AND id <> ?').get(next.id) as { n: number };
    expect(next.registerNo).toBe(last.n + 1);
  });

  it('keeps the summaries equal to a recount after random writes through the calls, voids and imports of generated records', async () => {
    const clock = manualClock(NOW);
    const office = await createOffice({ now: clock.now });
    const store = office.backend.requireStore();
    fillStore(store, { seed: 5, offices: [OWN], from: '2025-06-21', to: '2026-06-20', now: NOW, rates: SIZES.demo, userId: office.adminId });
    const random = new Random(99);
    const live = () => store.sql.prepare(LIVE_REPORTS).all(OFFICE.code) as { id: string; version: string }[];
    const categories = ['theft', 'assault', 'drug_possession', 'fire', 'traffic_accident', null];
    for (let step = 0; step < 60; step += 1) {
      const roll = random.next();
      const date = `2026-0${random.int(1, 5)}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const fields = { categoryCode: random.pick(categories), deaths: random.pick([null, 0, 1]), fine: random.pick([null, 500_000]) };
      if (roll < 0.35) {
        expectOk(await office.call('reports.create', { receivedAt: vn(date), channel: 'phone', kind: 'crime_report', summary: 'Vụ việc mới', ...fields }));
      } else if (roll < 0.55) {
        const target = random.pick(live());
        const current = store.sql.prepare('SELECT received_at FROM reports WHERE id = ?').get(target.id) as { received_at: number };
        expectOk(
          await office.call('reports.update', {
            id: target.id,
            baseVersion: target.version,
            fields: { receivedAt: current.received_at + random.int(0, 3) * 3_600_000, channel: 'in_person', kind: random.pick(['crime_report', 'administrative_violation'] as const), summary: 'Đã sửa', ...fields },
          }),
        );
      } else if (roll < 0.75) {
        const target = random.pick(live());
        expectOk(await office.call('reports.void', { id: target.id, baseVersion: target.version, reason: 'Nhập trùng' }));
      } else if (roll < 0.85) {
        const program = random.pick(store.sql.prepare(ACTIVE_PROGRAMS).all(OFFICE.code) as { id: string; version: string }[]);
        const started = store.sql.prepare('SELECT start_date FROM programs WHERE id = ?').get(program.id) as { start_date: string };
        expectOk(await office.call('programs.end', { id: program.id, baseVersion: program.version, on: started.start_date < '2026-06-01' ? '2026-06-01' : started.start_date, reason: 'moved' }));
      } else {
        // An import of another commune's generated records (each import another commune: one commune's
        // register numbers come from one history).
        const neighbour = generatedOffices(step + 1).at(-1)!;
        const counts = writeRecords(store.sql, store.writes, generateRecords({
          seed: step,
          offices: [neighbour],
          from: '2026-03-01',
          to: '2026-06-20',
          now: NOW,
          holidays: loadHolidays(store.sql),
          settings: readSettings(store.sql),
          rates: SIZES.demo,
        }), { now: NOW, userId: office.adminId });
        expect(counts.rejected + counts.conflicts + counts.unchanged).toBe(0);
      }
      clock.advance(60_000);
    }
    expectSummariesEqualRecount(store.sql);
  });

  it('refuses loudly, naming the first record the bulk path does not take as new', async () => {
    const office = await createOffice({ now: () => NOW });
    const store = office.backend.requireStore();
    const lines = [...generateRecords({ seed: 3, offices: [OWN], ownOfficeCode: OFFICE.code, from: '2026-06-01', to: '2026-06-20', now: NOW, holidays: daysOff([]), settings: readSettings(store.sql), rates: SIZES.demo })];
    writeGenerated(store.sql, store.writes, lines, { now: NOW, userId: null });
    const count = () => store.sql.prepare('SELECT count(*) AS n FROM reports').get();
    const before = count();
    // A record the store holds already: found before the chunk is written, nothing written.
    const again = lines.find((line) => line.t === 'reports')!;
    const fresh = lines.filter((line) => line.t === 'reports').at(-1)!;
    const copy = { t: 'reports', r: { ...fresh.r, id: '019999aa-0000-7000-8000-000000000001', register_no: 9001 } };
    expect(() => writeGenerated(store.sql, store.writes, [copy, again], { now: NOW, userId: null })).toThrow(`reports ${String(again.r.id)} is in the store already`);
    expect(count()).toEqual(before);
    // A record the bulk path refuses (a person link to nobody): named after the chunk.
    const dangling = { t: 'report_persons', r: { ...lines.find((line) => line.t === 'report_persons')!.r, id: '019999aa-0000-7000-8000-000000000002', person_id: '019999aa-0000-7000-8000-0000000000ff' } };
    expect(() => writeGenerated(store.sql, store.writes, [copy, dangling], { now: NOW, userId: null })).toThrow(/\{"new":1,.*"rejected":1\}\): report_persons 019999aa-0000-7000-8000-000000000002 was not written/);
  });
});

describe('setup.demo', () => {
  it('sets up the demo office, marked as demo, with a year of generated records up to today and the administrator typed', async () => {
    const backend = newBackend(tempDir(), { now: () => NOW });
    const session = backend.sessions.create(NOW);
    expectOk(await callOn(backend, session, 'setup.demo', { admin: setupInput().admin }));
    expect(Keyring.load(backend.paths.keyring).office).toEqual({ code: DEMO_OFFICE.code, name: DEMO_OFFICE.name, demo: true });
    expect(expectOk(await callOn(backend, session, 'setup.status', {}))).toEqual({ state: 'ready', office: { code: '99999', name: DEMO_OFFICE.name, demo: true }, checkOnOpen: false, appVersion: APP_VERSION });
    expectOk(await callOn(backend, session, 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const me = expectOk(await callOn(backend, session, 'auth.session', {}))!;
    expect(me.office).toMatchObject({ code: '99999', demo: true });
    const reports = expectOk(await callOn(backend, session, 'reports.list', { sort: { column: 'received_at', direction: 'desc' } }));
    expect(reports.total).toBeGreaterThan(250);
    const newest = backend.requireStore().sql.prepare('SELECT max(received_at) AS last, min(received_at) AS first FROM reports').get() as { last: number; first: number };
    expect(newest.last).toBeLessThanOrEqual(NOW);
    expect(NOW - newest.last).toBeLessThan(7 * 24 * 3_600_000);
    expect(NOW - newest.first).toBeGreaterThan(330 * 24 * 3_600_000);
    const mine = backend.requireStore().sql.prepare('SELECT count(*) AS n FROM reports WHERE officer_id = ?').get(me.user.id) as { n: number };
    expect(mine.n).toBe(reports.total! + (backend.requireStore().sql.prepare('SELECT count(*) AS n FROM reports WHERE deleted_at IS NOT NULL').get() as { n: number }).n);
    expect(expectOk(await callOn(backend, session, 'hotspots.list', {})).total).toBeGreaterThan(10);
    expect(expectOk(await callOn(backend, session, 'localities.list', {})).length).toBeGreaterThan(5);
    expectSummariesEqualRecount(backend.requireStore().sql);
    expectError(await callOn(backend, session, 'setup.demo', { admin: setupInput().admin }), 'setup.done');
  });
});
