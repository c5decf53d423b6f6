import { afterEach, describe, expect, it } from 'vitest';
import { first, qb } from '../../db/query';
import { cleanup, createOffice, expectError, expectOk, manualClock } from '../support/backend';
import { addOffice, asOffice, copyToOffice as copyTo } from '../support/offices';
import type { FigureKey } from '../../api/views';

/**
 * A higher office's store (issue #7): it holds the records of several offices. The own office (12345,
 * set up by the test) records through the calls; two other communes' records arrive as an import would
 * bring them: written with their own office id through the one write path, with their offices' rows.
 * Every list is checked filtered by one office and across all, and the periodic figures for one office,
 * for all (the sum of the offices) and broken down by office.
 */

afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const OWN = '12345';
const SECOND = '26882';
const THIRD = '26883';
/** Police month 3 of 2026: 15/02–14/03/2026. */
const MARCH = { kind: 'month', year: 2026, index: 3 } as const;

async function storeWithThreeOffices() {
  const clock = manualClock(vn('2026-03-20'));
  const office = await createOffice({ now: clock.now });
  const call = office.call;
  office.stayLoggedIn();
  const report = async (date: string, summary: string, extra: object = {}) =>
    expectOk(await call('reports.create', { receivedAt: vn(date), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary, ...extra }));

  // The own office: two crime reports (one solved), a person under management, a hotspot, a campaign with a raid.
  const theft = await report('2026-03-02', 'Trộm cắp xe máy tại chợ');
  const checked = expectOk(await call('reports.transition', { id: theft.id, baseVersion: theft.version, step: { action: 'start_check' } }));
  expectOk(await call('reports.transition', { id: theft.id, baseVersion: checked.version, step: { action: 'resolve', how: 'resolved_admin', note: 'Xử phạt' } }));
  await report('2026-03-05', 'Trộm cắp điện thoại');
  const person = expectOk(await call('persons.create', { fullName: 'Nguyễn Văn An', birthYear: 1990 }));
  const program = expectOk(await call('programs.create', { personId: person.id, kindCode: 'drug_user', startDate: '2026-03-01' }));
  const hotspot = expectOk(await call('hotspots.create', { name: 'Quán cà phê bến xe', type: 'gambling', foundOn: '2026-03-01' }));
  const campaign = expectOk(await call('campaigns.create', { name: 'Đợt cao điểm tháng 3/2026', startDate: '2026-03-01', endDate: '2026-03-31' }));
  const operation = expectOk(
    await call('operations.create', { campaignId: campaign.id, kind: 'raid', startedAt: vn('2026-03-06', '22:00'), personsArrested: 2, seizures: [{ measureCode: 'heroin', quantity: 5 }] }),
  );

  // Two other communes, as an import brings them.
  const store = office.backend.requireStore();
  addOffice(store, SECOND, 'Công an xã Hoằng Hóa');
  addOffice(store, THIRD, 'Công an xã Nga Sơn');
  const reports = [
    copyTo(store, 'reports', theft.id, SECOND, { summary: 'Trộm cắp gia súc', register_no: 1 }),
    copyTo(store, 'reports', theft.id, SECOND, { summary: 'Mua bán ma túy', category_code: 'drug_trafficking', status: 'received', register_no: 2 }),
    copyTo(store, 'reports', theft.id, SECOND, { summary: 'Tai nạn giao thông', kind: 'traffic_accident', category_code: 'traffic_accident', status: 'received', register_no: 3, deaths: 1 }),
    copyTo(store, 'reports', theft.id, THIRD, { summary: 'Đánh bạc tại nhà dân', category_code: 'gambling', status: 'received', register_no: 1 }),
  ];
  const secondPerson = copyTo(store, 'persons', person.id, SECOND, { full_name: 'Lê Văn Bình', name_fold: 'le van binh' });
  copyTo(store, 'programs', program.id, SECOND, { person_id: secondPerson });
  const secondHotspot = copyTo(store, 'hotspots', hotspot.id, SECOND, { name: 'Bãi sông Mã', name_fold: 'bai song ma' });
  store.writes.insert('hotspot_history', { hotspot_id: secondHotspot, status: 'suspected', on_date: '2026-03-01', note: '' }, asOffice(SECOND));
  store.writes.insert('hotspot_history', { hotspot_id: secondHotspot, status: 'cleared', on_date: '2026-03-10', note: '' }, asOffice(SECOND));
  const secondCampaign = copyTo(store, 'campaigns', campaign.id, SECOND, { name: 'Đợt truy quét ma túy' });
  const secondOperation = copyTo(store, 'operations', operation.id, SECOND, { campaign_id: secondCampaign, persons_arrested: 3 });
  store.writes.insert('operation_seizures', { operation_id: secondOperation, measure_code: 'heroin', quantity: 7 }, asOffice(SECOND));
  return { office, clock, store, own: { theft, hotspot }, reports };
}

const ids = <T extends { officeId: string }>(rows: readonly T[]) => [...new Set(rows.map((row) => row.officeId))].sort();

describe('a store holding several offices', () => {
  it('lists the offices it knows, its own first', async () => {
    const { office } = await storeWithThreeOffices();
    const offices = expectOk(await office.call('offices.list', {}));
    expect(offices.map((o) => [o.code, o.own])).toEqual([
      [OWN, true],
      [SECOND, false],
      [THIRD, false],
    ]);
    expect(offices[1]).toMatchObject({ name: 'Công an xã Hoằng Hóa', level: 'commune', parentCode: '38' });
  });

  it('lists every office’s records, or one office’s', async () => {
    const { office } = await storeWithThreeOffices();
    const call = office.call;

    const register = expectOk(await call('reports.list', {}));
    expect(register.total).toBe(6);
    expect(ids(register.rows)).toEqual([OWN, SECOND, THIRD]);
    const second = expectOk(await call('reports.list', { filters: { officeId: SECOND } }));
    expect(second.total).toBe(3);
    expect(ids(second.rows)).toEqual([SECOND]);
    expect(second.rows.map((r) => r.number).sort()).toEqual(['1/2026', '2/2026', '3/2026']);
    const filtered = expectOk(await call('reports.list', { filters: { officeId: SECOND, status: 'received' } }));
    expect(filtered.rows.map((r) => r.summary).sort()).toEqual(['Mua bán ma túy', 'Tai nạn giao thông']);
    const own = expectOk(await call('reports.list', { filters: { officeId: OWN } }));
    expect(own.total).toBe(2);
    expect(expectOk(await call('reports.list', { filters: { officeId: '99999' } })).total).toBe(0);

    const persons = expectOk(await call('persons.list', {}));
    expect(persons.total).toBe(2);
    expect(expectOk(await call('persons.list', { officeId: SECOND })).rows.map((p) => [p.fullName, p.officeId])).toEqual([['Lê Văn Bình', SECOND]]);

    expect(ids(expectOk(await call('programs.list', {})).rows)).toEqual([OWN, SECOND]);
    expect(ids(expectOk(await call('programs.list', { officeId: OWN })).rows)).toEqual([OWN]);

    expect(expectOk(await call('hotspots.list', {})).total).toBe(2);
    expect(expectOk(await call('hotspots.list', { officeId: SECOND })).rows.map((h) => [h.name, h.officeId])).toEqual([['Bãi sông Mã', SECOND]]);

    expect(expectOk(await call('campaigns.list', {})).total).toBe(2);
    expect(expectOk(await call('campaigns.list', { officeId: SECOND })).rows.map((c) => [c.name, c.officeId])).toEqual([['Đợt truy quét ma túy', SECOND]]);
    expect(expectOk(await call('campaigns.list', { officeId: THIRD })).total).toBe(0);

    // Open deadlines: the copies keep the theft's, so every office has some; one office's are its own.
    const board = expectOk(await call('reports.deadlines', { withinDays: 60 }));
    const all = [...board.overdue, ...board.today, ...board.soon];
    expect(ids(all)).toEqual([OWN, SECOND, THIRD]);
    const third = expectOk(await call('reports.deadlines', { withinDays: 60, officeId: THIRD }));
    expect(ids([...third.overdue, ...third.today, ...third.soon])).toEqual([THIRD]);
    expect(third.counts.overdue + third.counts.today + third.counts.soon).toBeGreaterThan(0);

    expectError(await call('reports.list', { filters: { officeId: 'abc' } }), 'validation');
  });

  it('refuses to change another office’s record', async () => {
    const { office, reports } = await storeWithThreeOffices();
    const detail = expectOk(await office.call('reports.get', { id: reports[1]! }));
    expect(detail.officeId).toBe(SECOND);
    expectError(await office.call('reports.void', { id: detail.id, baseVersion: detail.version, reason: 'Hủy trái phép' }), 'auth.forbidden');
    expectError(await office.call('reports.transition', { id: detail.id, baseVersion: detail.version, step: { action: 'start_check' } }), 'auth.forbidden');
    expect(expectOk(await office.call('reports.get', { id: detail.id })).version).toBe(detail.version);
  });

  it('counts the periodic figures of one office, of every office as their sum, and breaks them down by office', async () => {
    const { office } = await storeWithThreeOffices();
    const call = office.call;
    const of = async (officeId: string | null) => expectOk(await call('periodic.compute', { period: MARCH, officeId }));

    const own = await of(OWN);
    expect(own.officeId).toBe(OWN);
    expect(own.breakdown).toEqual([]);
    expect(own.figures.current).toMatchObject({ 'reports.total': 2, 'crime.received': 2, 'crime.solved': 1, 'operations.count': 1, 'persons.arrested': 2, 'seized.heroin': 5, 'programs.active': 1 });
    expect(own.campaigns.map((c) => c.name)).toEqual(['Đợt cao điểm tháng 3/2026']);

    const second = await of(SECOND);
    expect(second.figures.current).toMatchObject({
      'reports.total': 3,
      'crime.received': 2,
      'crime.solved': 1,
      'traffic.accidents': 1,
      'traffic.deaths': 1,
      'operations.count': 1,
      'persons.arrested': 3,
      'seized.heroin': 7,
      'hotspots.found': 1,
      'hotspots.cleared': 1,
      'programs.active': 1,
    });
    const third = await of(THIRD);
    expect(third.figures.current['reports.total']).toBe(1);

    const all = await of(null);
    expect(all.officeId).toBeNull();
    for (const range of ['current', 'lastYear', 'previous', 'yearToDate', 'yearToDateLastYear'] as const) {
      const keys = new Set([own, second, third].flatMap((r) => Object.keys(r.figures[range]) as FigureKey[]));
      for (const key of keys) {
        const sum = [own, second, third].reduce((total, r) => total + (r.figures[range][key] ?? 0), 0);
        expect(all.figures[range][key] ?? 0, `${range} ${key}`).toBe(sum);
      }
    }
    expect(all.figures.current['reports.total']).toBe(6);
    expect(all.trend.map((m) => m.current.reports)).toEqual(own.trend.map((m, i) => m.current.reports + second.trend[i]!.current.reports + third.trend[i]!.current.reports));
    expect(all.campaigns.map((c) => c.name).sort()).toEqual(['Đợt cao điểm tháng 3/2026', 'Đợt truy quét ma túy']);

    expect(all.breakdown.map((b) => [b.officeId, b.name])).toEqual([
      [OWN, 'Công an xã Quảng Hưng'],
      [SECOND, 'Công an xã Hoằng Hóa'],
      [THIRD, 'Công an xã Nga Sơn'],
    ]);
    expect(all.breakdown[0]!.figures).toEqual({
      'reports.total': 2,
      'crime.received': 2,
      'crime.solved': 1,
      'operations.count': 1,
      'persons.arrested': 2,
      'seized.heroin': 5,
      'hotspots.cleared': 0,
      'programs.active': 1,
    });
    expect(all.breakdown[1]!.figures).toMatchObject({ 'reports.total': 3, 'crime.received': 2, 'seized.heroin': 7, 'hotspots.cleared': 1 });
    expect(all.breakdown[2]!.figures).toMatchObject({ 'reports.total': 1, 'crime.received': 1, 'crime.solved': 0, 'operations.count': 0 });
    for (const key of ['reports.total', 'crime.received', 'crime.solved', 'seized.heroin', 'persons.arrested'] as const) {
      expect(all.breakdown.reduce((sum, b) => sum + (b.figures[key] ?? 0), 0), key).toBe(all.figures.current[key]);
    }
  });

  it('adds up every office over several police months as the sum of the offices', async () => {
    // The every-office summaries hold a row per police month: a range of several months must add them
    // up, category by category (a year so far of reports alike in each month), and a person under
    // management counts from the month their program began to the month it ended.
    const { office, store, reports } = await storeWithThreeOffices();
    const program = first(store.sql, qb.selectFrom('programs').select('id').where('office_id', '=', SECOND))!.id;
    copyTo(store, 'reports', reports[0]!, SECOND, { received_at: vn('2026-01-05'), register_no: 10 });
    copyTo(store, 'reports', reports[0]!, THIRD, { received_at: vn('2026-02-03'), register_no: 11 });
    copyTo(store, 'reports', reports[0]!, SECOND, { received_at: vn('2025-12-20'), register_no: 12 });
    copyTo(store, 'programs', program, THIRD, { start_date: '2026-01-02' });
    copyTo(store, 'programs', program, THIRD, { start_date: '2025-12-20' });
    const call = office.call;
    const of = async (officeId: string | null) => expectOk(await call('periodic.compute', { period: MARCH, officeId }));
    const [own, second, third, all] = [await of(OWN), await of(SECOND), await of(THIRD), await of(null)];
    // The three thefts settled before the period fall in its year so far (from 15/12/2025), not in it.
    expect(all.figures.yearToDate['reports.status.resolved_admin']).toBe(all.figures.current['reports.status.resolved_admin']! + 3);
    expect(all.figures.current['programs.active']).toBe(4);
    for (const range of ['current', 'lastYear', 'previous', 'yearToDate', 'yearToDateLastYear'] as const) {
      const keys = new Set([own, second, third, all].flatMap((r) => Object.keys(r.figures[range]) as FigureKey[]));
      for (const key of keys) {
        const sum = [own, second, third].reduce((total, r) => total + (r.figures[range][key] ?? 0), 0);
        expect(all.figures[range][key] ?? 0, `${range} ${key}`).toBe(sum);
      }
    }
  });

  it('counts the own office by default in a commune’s store, every office in a higher office’s', async () => {
    const { office, store } = await storeWithThreeOffices();
    expect(expectOk(await office.call('periodic.compute', { period: MARCH })).officeId).toBe(OWN);
    const row = first(store.sql, qb.selectFrom('offices').select('version').where('id', '=', OWN))!;
    store.writes.update('offices', OWN, row.version, { level: 'higher' }, { userId: office.adminId, officeId: OWN, call: 'test' });
    const report = expectOk(await office.call('periodic.compute', { period: MARCH }));
    expect(report.officeId).toBeNull();
    expect(report.figures.current['reports.total']).toBe(6);
  });

  it('keeps the scope a report was issued for, and re-runs it for the same scope', async () => {
    const { office } = await storeWithThreeOffices();
    const issue = (officeId: string | null) =>
      office.call('periodic.issue', {
        period: MARCH,
        officeId,
        narrative: 'Tình hình tháng 3.',
        symbol: 'BC-CAT',
        issuedOn: '2026-03-20',
        place: 'Thanh Hóa',
        signerTitle: 'GIÁM ĐỐC',
        signerName: 'Nguyễn Văn Tỉnh',
      });
    const all = expectOk(await issue(null));
    expect(all.report.officeId).toBeNull();
    expect(all.report.figures.current['reports.total']).toBe(6);
    expect(all.report.breakdown).toHaveLength(3);
    expect(all.changes).toEqual([]);
    const second = expectOk(await issue(SECOND));
    expect(second.report.officeId).toBe(SECOND);
    expect(second.report.figures.current['reports.total']).toBe(3);
    // Read back later: the re-run counts the same scope, so nothing shows as changed.
    expect(expectOk(await office.call('periodic.get', { id: all.id })).changes).toEqual([]);
    expect(expectOk(await office.call('periodic.get', { id: second.id })).changes).toEqual([]);
  });
});
