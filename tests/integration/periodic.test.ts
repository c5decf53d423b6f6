import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { cleanup, createOffice, expectError, expectOk, manualClock } from '../support/backend';
import { summaryComparisons } from '../support/summaries';
import type { FigureKey } from '../../api/views';

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const H1_2026 = { kind: 'half', year: 2026, index: 1 } as const;

afterEach(cleanup);

type ReportInput = CallInput<'reports.create'>;

async function office() {
  const clock = manualClock(vn('2026-06-20'));
  const office = await createOffice({ now: clock.now, log: (message, error) => console.error(message, error) });
  office.stayLoggedIn();
  const report = async (date: string, time: string, fields: Partial<ReportInput>) =>
    expectOk(await office.call('reports.create', { receivedAt: vn(date, time), channel: 'phone', kind: 'crime_report', summary: 'Vụ việc', ...fields }));
  return { office, clock, report };
}

/**
 * A hand-computed fixture. The first half of police year 2026 runs 15/12/2025–14/06/2026; the same
 * period last year 15/12/2024–14/06/2025; the previous half 15/06/2025–14/12/2025.
 */
async function fixture() {
  const o = await office();
  const { office: call, report } = o;
  const theft = await report('2026-01-10', '08:00', { categoryCode: 'theft', summary: 'Trộm cắp xe máy' });
  const checked = expectOk(await call.call('reports.transition', { id: theft.id, baseVersion: theft.version, step: { action: 'start_check' } }));
  expectOk(await call.call('reports.transition', { id: theft.id, baseVersion: checked.version, step: { action: 'resolve', how: 'resolved_admin', note: 'Xử phạt hành chính' } }));
  await report('2026-03-01', '10:00', { categoryCode: 'drug_trafficking', summary: 'Mua bán ma túy' });
  await report('2025-12-15', '00:05', { kind: 'traffic_accident', categoryCode: 'traffic_accident', deaths: 1, injuries: 2, summary: 'Tai nạn giao thông' });
  await report('2026-06-14', '23:30', { kind: 'fire_explosion', categoryCode: 'fire', damage: 50_000_000, summary: 'Cháy nhà' });
  await report('2026-02-01', '09:00', { kind: 'administrative_violation', categoryCode: 'administrative', fine: 1_500_000, summary: 'Gây mất trật tự' });
  const voided = await report('2026-02-02', '09:00', { categoryCode: 'theft', summary: 'Nhập nhầm' });
  expectOk(await call.call('reports.void', { id: voided.id, baseVersion: voided.version, reason: 'Nhập trùng' }));
  await report('2026-06-15', '00:10', { categoryCode: 'theft', summary: 'Sau kỳ báo cáo' });
  await report('2025-12-14', '23:50', { categoryCode: 'theft', summary: 'Trước kỳ báo cáo' });
  await report('2025-03-01', '09:00', { categoryCode: 'theft', summary: 'Cùng kỳ năm trước' });
  await report('2025-08-01', '09:00', { categoryCode: 'assault', summary: 'Kỳ trước' });
  return o;
}

describe('the periodic report counts from the records', () => {
  it('gives each figure for the period, the same period last year, the previous period and the year so far', async () => {
    const { office: call } = await fixture();
    const report = expectOk(await call.call('periodic.compute', { period: H1_2026 }));
    expect(report.ranges).toEqual({
      current: { start: '2025-12-15', end: '2026-06-14' },
      lastYear: { start: '2024-12-15', end: '2025-06-14' },
      previous: { start: '2025-06-15', end: '2025-12-14' },
      yearToDate: { start: '2025-12-15', end: '2026-06-14' },
      yearToDateLastYear: { start: '2024-12-15', end: '2025-06-14' },
    });
    const now = report.figures.current;
    expect(now['reports.total']).toBe(5);
    expect(now['crime.received']).toBe(2);
    expect(now['crime.solved']).toBe(1);
    expect(now['reports.solved']).toBe(1);
    expect(now['group.social_order']).toBe(1);
    expect(now['group.drugs']).toBe(1);
    expect(now).toMatchObject({ 'traffic.accidents': 1, 'traffic.deaths': 1, 'traffic.injuries': 2 });
    expect(now).toMatchObject({ 'fire.count': 1, 'fire.damage': 50_000_000, 'administrative.count': 1, 'administrative.fines': 1_500_000 });
    expect(now['reports.status.resolved_admin']).toBe(1);
    expect(report.figures.lastYear['reports.total']).toBe(1);
    expect(report.figures.previous['reports.total']).toBe(2);
    expect(report.figures.previous['group.social_order']).toBe(2);
    expect(report.figures.yearToDate['reports.total']).toBe(5);
    expect(report.figures.yearToDateLastYear['reports.total']).toBe(1);
    expect(report.policeYear).toBe(2026);
    expect(report.trend.map((m) => m.current.reports)).toEqual([2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(report.trend[2]!.lastYear).toMatchObject({ start: '2025-02-15', end: '2025-03-14', reports: 1 });
  });

  it('counts a report again when it is edited, moved or voided', async () => {
    const { office: call, report } = await office();
    const created = await report('2026-01-10', '08:00', { categoryCode: 'theft' });
    const count = async (key: FigureKey) => expectOk(await call.call('periodic.compute', { period: H1_2026 })).figures.current[key] ?? 0;
    expect(await count('group.social_order')).toBe(1);
    const { persons: _persons, ...fields } = { ...created, persons: [] };
    const moved = expectOk(
      await call.call('reports.update', {
        id: created.id,
        baseVersion: created.version,
        fields: { receivedAt: vn('2026-01-10', '08:00'), channel: 'phone', kind: 'crime_report', categoryCode: 'drug_possession', summary: fields.summary },
      }),
    );
    expect(await count('group.social_order')).toBe(0);
    expect(await count('group.drugs')).toBe(1);
    expectOk(await call.call('reports.void', { id: moved.id, baseVersion: moved.version, reason: 'Nhập nhầm' }));
    expect(await count('reports.total')).toBe(0);
  });

  it('counts operations, seizures, hotspots, people under management and the movement', async () => {
    const { office: call } = await office();
    const campaign = expectOk(
      await call.call('campaigns.create', { name: 'Cao điểm ma túy', startDate: '2026-03-01', endDate: '2026-03-31', targets: [{ measureCode: 'persons_handled', target: 4 }] }),
    );
    expectOk(await call.call('operations.create', { campaignId: campaign.id, kind: 'raid', startedAt: vn('2026-03-05', '22:00'), personsArrested: 2, personsSanctioned: 1, seizures: [{ measureCode: 'heroin', quantity: 12.5 }] }));
    expectOk(await call.call('operations.create', { campaignId: campaign.id, kind: 'raid', startedAt: vn('2025-03-05', '22:00'), personsArrested: 1 }));
    const hotspot = expectOk(await call.call('hotspots.create', { name: 'Bãi sông', type: 'drug_use', foundOn: '2026-01-05' }));
    expectOk(await call.call('models.create', { name: 'Camera an ninh', kind: 'self_protection', startedOn: '2025-01-01' }));
    const village = expectOk(await call.call('localities.list', {}))[0]!;
    const criteria = expectOk(await call.call('safety.summary', { year: 2026 })).criteria.filter((c) => c.unitKind === 'village');
    expectOk(await call.call('safety.evaluate', { year: 2026, unitKind: 'village', unitId: village.id, results: criteria.map((c) => ({ criterionCode: c.code, passed: true })) }));
    const report = expectOk(await call.call('periodic.compute', { period: H1_2026 }));
    expect(report.figures.current).toMatchObject({ 'safety.villagesRecognised': 1, 'safety.villages': 2 });
    expect(report.figures.lastYear['safety.villagesRecognised']).toBe(0);
    expect(report.figures.current).toMatchObject({ 'operations.count': 1, 'persons.arrested': 2, 'persons.sanctioned': 1, 'seized.heroin': 12.5, 'hotspots.found': 1, 'hotspots.active': 1, 'models.count': 1 });
    expect(report.figures.lastYear).toMatchObject({ 'operations.count': 1, 'persons.arrested': 1, 'hotspots.active': 0 });
    expect(report.campaigns).toHaveLength(1);
    // A campaign counts every operation recorded in it: 2 + 1 in 2026 and 1 in the one dated a year back.
    expect(report.campaigns[0]!.results[0]).toMatchObject({ target: 4, result: 4, percent: 100 });
    expect(hotspot.name).toBe('Bãi sông');

    // Cleared in the period: counted as cleared, and no longer watched at its end; a second one relapses.
    const cleared = expectOk(await call.call('hotspots.setStatus', { id: hotspot.id, baseVersion: hotspot.version, status: 'cleared', on: '2026-03-01' }));
    const other = expectOk(await call.call('hotspots.create', { name: 'Quán nước đầu cầu', type: 'gambling', foundOn: '2025-11-01' }));
    const otherCleared = expectOk(await call.call('hotspots.setStatus', { id: other.id, baseVersion: other.version, status: 'cleared', on: '2025-12-01' }));
    expectOk(await call.call('hotspots.setStatus', { id: other.id, baseVersion: otherCleared.version, status: 'relapsed', on: '2026-04-02' }));
    const after = expectOk(await call.call('periodic.compute', { period: H1_2026 })).figures;
    expect(after.current).toMatchObject({ 'hotspots.found': 1, 'hotspots.cleared': 1, 'hotspots.relapsed': 1, 'hotspots.active': 1 });
    // At the end of the previous half the second one was cleared: none watched then.
    expect(after.previous).toMatchObject({ 'hotspots.found': 1, 'hotspots.cleared': 1, 'hotspots.active': 0 });
    expect(cleared.status).toBe('cleared');
  });

  it('counts people under management at each end, and those started and ended in each period', async () => {
    const { office: call } = await office();
    const person = async (fullName: string) => expectOk(await call.call('persons.create', { fullName, birthYear: 1990 })).id;
    const program = async (fullName: string, startDate: string) => expectOk(await call.call('programs.create', { personId: await person(fullName), kindCode: 'drug_user', startDate }));
    await program('Nguyễn Văn An', '2026-01-20');
    const old = await program('Trần Thị Bình', '2025-05-02');
    expectOk(await call.call('programs.end', { id: old.id, baseVersion: old.version, on: '2026-02-01', reason: 'completed' }));
    await program('Lê Văn Cường', '2025-12-14'); // the day before the half begins
    const report = expectOk(await call.call('periodic.compute', { period: H1_2026 }));
    expect(report.figures.current).toMatchObject({ 'programs.active': 2, 'programs.active.drug_user': 2, 'programs.started': 1, 'programs.ended': 1 });
    expect(report.figures.previous).toMatchObject({ 'programs.active': 2, 'programs.started': 1, 'programs.ended': 0 });
    expect(report.figures.lastYear).toMatchObject({ 'programs.active': 1, 'programs.started': 1 });
    // A custom range reads its edge days from the programs themselves.
    const custom = expectOk(await call.call('periodic.compute', { period: { kind: 'custom', start: '2025-12-14', end: '2026-01-31' } }));
    expect(custom.figures.current).toMatchObject({ 'programs.active': 3, 'programs.started': 2, 'programs.ended': 0 });
  });

  it('refuses a period that does not exist', async () => {
    const { office: call } = await office();
    expectError(await call.call('periodic.compute', { period: { kind: 'month', year: 2026, index: 13 } }), 'validation');
    expectError(await call.call('periodic.compute', { period: { kind: 'custom', start: '2026-05-01', end: '2026-04-01' } }), 'validation');
  });
});

describe('the daily summary kept by triggers', () => {
  it('always equals a recount from the reports after random creates, edits and voids', async () => {
    const { office: call, report } = await office();
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const categories = ['theft', 'assault', 'drug_possession', 'fire', 'traffic_accident', null];
    const live: { id: string; version: string }[] = [];
    for (let step = 0; step < 80; step += 1) {
      const roll = next();
      const action = live.length === 0 || roll < 0.5 ? 0 : roll < 0.8 ? 1 : 2;
      const date = `2026-0${1 + Math.floor(next() * 5)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const fields = { categoryCode: pick(categories), deaths: pick([null, 0, 1, 2]), fine: pick([null, 500_000]) };
      if (action === 0) {
        live.push(await report(date, pick(['00:01', '12:00', '23:59']), fields));
      } else {
        const index = Math.floor(next() * live.length);
        const target = live[index]!;
        if (action === 1) {
          const edited = expectOk(
            await call.call('reports.update', { id: target.id, baseVersion: target.version, fields: { receivedAt: vn(date), channel: 'phone', kind: 'crime_report', summary: 'Sửa', ...fields } }),
          );
          live[index] = edited;
        } else {
          expectOk(await call.call('reports.void', { id: target.id, baseVersion: target.version, reason: 'Thử' }));
          live.splice(index, 1);
        }
      }
    }
    const summaries = summaryComparisons(call.backend.requireStore().sql);
    expect(summaries.report_days.recount.length).toBeGreaterThan(5);
    expect(summaries.report_months_all.recount.length).toBeGreaterThan(2);
    // The police months (from the 15th) add up the same days, by office and every office together.
    for (const [table, { kept, recount }] of Object.entries(summaries)) expect(kept, table).toEqual(recount);
  });

  it('keeps program months equal to a recount after programs start and end', async () => {
    const { office: call } = await office();
    for (const [i, start] of ['2025-03-01', '2025-12-15', '2026-01-14', '2026-04-30'].entries()) {
      const personId = expectOk(await call.call('persons.create', { fullName: `Người thứ ${i + 1}` })).id;
      const created = expectOk(await call.call('programs.create', { personId, kindCode: 'drug_user', startDate: start }));
      if (i % 2 === 0) expectOk(await call.call('programs.end', { id: created.id, baseVersion: created.version, on: '2026-05-20', reason: 'completed' }));
    }
    const { program_months: programs, program_months_all: every } = summaryComparisons(call.backend.requireStore().sql);
    expect(programs.kept).toEqual(programs.recount);
    expect(every.kept).toEqual(every.recount);
    expect(every.kept).toContainEqual({ kind_code: 'drug_user', month: '2026-06', started: 0, ended: 2 });
    expect(programs.kept).toContainEqual({ office_id: '12345', kind_code: 'drug_user', month: '2026-06', started: 0, ended: 2 });
  });

  it('refills the police months when the cut-off day changes, and a custom range adds its edge days', async () => {
    const { office: call, report } = await office();
    await report('2026-01-14', '09:00', { categoryCode: 'theft' });
    await report('2026-01-15', '09:00', { categoryCode: 'theft' });
    await report('2026-01-31', '09:00', { categoryCode: 'theft' });
    const january = async () => expectOk(await call.call('periodic.compute', { period: { kind: 'month', year: 2026, index: 1 } })).figures.current['reports.total'] ?? 0;
    expect(await january()).toBe(1);
    expectOk(await call.call('settings.update', { idleLockMinutes: 60, remoteCommune: false, reportCutoffDay: 1 }));
    expect(await january()).toBe(3);
    // Every office together follows: its months are the office months added up.
    const db = call.backend.requireStore().sql;
    const together = (sql: string) => db.prepare(sql).all();
    expect(together("SELECT month, n FROM report_months_all WHERE n <> 0 ORDER BY month")).toEqual(
      together("SELECT month, sum(n) AS n FROM report_months GROUP BY month HAVING sum(n) <> 0 ORDER BY month"),
    );
    expect(together("SELECT month, n FROM report_months_all WHERE month = '2026-01'")).toEqual([{ month: '2026-01', n: 3 }]);
    const custom = expectOk(await call.call('periodic.compute', { period: { kind: 'custom', start: '2026-01-14', end: '2026-01-15' } }));
    expect(custom.figures.current['reports.total']).toBe(2);
  });
});

describe('issued reports', () => {
  const issue = (narrative: string) => ({
    period: H1_2026,
    narrative,
    symbol: 'BC-CAX',
    issuedOn: '2026-06-20',
    place: 'Quảng Hưng',
    signerTitle: 'TRƯỞNG CÔNG AN XÃ',
    signerName: 'Nguyễn Văn Đức',
    recipients: ['Công an tỉnh Thanh Hóa', 'Đảng ủy, UBND xã'],
  });

  it('are numbered in the year, keep the chief text and freeze the figures; a re-run shows what changed', async () => {
    const { office: call, report } = await fixture();
    const first = expectOk(await call.call('periodic.issue', issue('Trong kỳ, tiếp nhận 5 tin báo.')));
    const second = expectOk(await call.call('periodic.issue', issue('Bản sửa.')));
    expect([first.number, second.number, first.symbol]).toEqual([1, 2, 'BC-CAX']);
    expect(first.title).toBe('Tình hình an ninh, trật tự 6 tháng đầu năm 2026');
    expect(first.narrative).toBe('Trong kỳ, tiếp nhận 5 tin báo.');
    expect(first.changes).toEqual([]);
    await report('2026-05-05', '09:00', { categoryCode: 'theft', summary: 'Báo muộn' });
    const again = expectOk(await call.call('periodic.get', { id: first.id }));
    expect(again.report.figures.current['reports.total']).toBe(5);
    expect(again.changes).toContainEqual({ range: 'current', key: 'reports.total', issued: 5, now: 6 });
    const list = expectOk(await call.call('periodic.list', {}));
    expect(list.map((r) => r.number)).toEqual([2, 1]);
  });

  it('are issued by a chief or administrator only, with a valid symbol', async () => {
    const { office: call } = await office();
    const bad = expectError(await call.call('periodic.issue', { ...issue('Văn bản'), symbol: 'bc cax' }), 'validation');
    expect(bad.fields?.symbol).toBe('v.invalid');
    expectError(await call.call('periodic.issue', { ...issue('') }), 'validation');
    expect(expectOk(await call.call('periodic.list', {}))).toEqual([]);
  });
});
