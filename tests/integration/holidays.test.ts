import { afterEach, describe, expect, it } from 'vitest';
import type { HolidayDayView } from '../../api/views';
import { verifyAuditChain } from '../../db/audit';
import { addUser, callOn, cleanup, createOffice, expectError, expectOk, manualClock, type Call, type TestOffice } from '../support/backend';
import { carryBundle, enrolPeer } from '../support/exchange';

/**
 * Holidays computed for any year (issue #18): the deadlines of 2028 and later count Tết without a
 * shipped list; a chief adds bridge days and removes days with a reason, recorded and audited; a year's
 * list is confirmed; the higher office's rows win for the days it sends, the office's own stay beside.
 */
afterEach(cleanup);

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);
const PROVINCE = { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' as const, parentCode: '100', parentName: 'Bộ Công an' };
const CHIEF = { username: 'truong.ca', password: 'Hương-đi-chợ-Bến-Thành-sớm', fullName: 'Lê Quốc Tuấn', role: 'chief' as const };
const OFFICER = { username: 'can.bo', password: 'Mưa-rơi-trên-phố-Hội-An-chiều', fullName: 'Trần Thị Hương', role: 'officer' as const };

const noticeDay = (deadlines: readonly { kind: string; dueAt: number }[]) =>
  new Date(deadlines.find((x) => x.kind === 'notice')!.dueAt - 1 + 7 * 3600_000).toISOString().slice(0, 10);

const day = (days: readonly HolidayDayView[], date: string) => days.find((d) => d.date === date);

/** A user of the office and their calls. */
async function userOf(office: TestOffice, user: { username: string; password: string; fullName: string; role: 'officer' | 'chief' }): Promise<{ call: Call }> {
  await addUser(office, user);
  const session = await office.login(user.username, user.password);
  return { call: (name, input) => callOn(office.backend, session, name, input) };
}

async function reportOn(office: TestOffice, date: string) {
  return expectOk(await office.call('reports.create', { receivedAt: vn(date), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: `Tin báo ngày ${date}` }));
}

describe('holidays computed for any year', () => {
  it('a report received before Tết 2030 has its notice due after Tết, with no list shipped for 2030', async () => {
    const office = await createOffice({ now: manualClock(vn('2030-01-31', '10:00')).now });
    expect(office.backend.requireStore().sql.prepare('SELECT count(*) AS n FROM holidays').get()).toEqual({ n: 0 });
    // Thursday 31/01/2030: Tết runs Friday 01/02 to Tuesday 05/02 with two compensatory days; 3 working days later is 12/02.
    const report = await reportOn(office, '2030-01-31');
    expect(noticeDay(report.deadlines)).toBe('2030-02-12');
  });

  it('the deadlines of 2025–2027 are those of the shipped list', async () => {
    const office = await createOffice({ now: manualClock(vn('2027-02-04', '10:00')).now });
    // Thursday 04/02/2027: 05/02 and 08–11/02 are off; the working days after are 12, 15 and 16/02.
    expect(noticeDay((await reportOn(office, '2027-02-04')).deadlines)).toBe('2027-02-16');
    // 2025: Monday 27/01 was off by the Government's schedule and Monday 03/02 a working day.
    expect(noticeDay((await reportOn(office, '2025-01-24')).deadlines)).toBe('2025-02-05');
  });

  it('a chief adds a bridge day and removes a day with a reason; both recorded, audited, and moving open deadlines', async () => {
    const clock = manualClock(vn('2029-02-07', '10:00'));
    const office = await createOffice({ now: clock.now });
    const chief = await userOf(office, CHIEF);
    const officer = await userOf(office, OFFICER);
    const report = await reportOn(office, '2029-02-07');
    // Wednesday 07/02/2029: Tết runs 12–16/02, so the 3 working days after are 08, 09 and 19/02.
    expect(noticeDay(report.deadlines)).toBe('2029-02-19');

    const bridge = expectOk(await chief.call('holidays.create', { date: '2029-02-09', name: 'Nghỉ hoán đổi Tết (Thông báo của Chính phủ)' }));
    expect(noticeDay(expectOk(await office.call('reports.get', { id: report.id })).deadlines)).toBe('2029-02-20');

    expectOk(await chief.call('holidays.remove', { date: '2029-02-16', reason: 'Làm việc: lịch nghỉ năm 2029 đổi ngày' }));
    const year = expectOk(await officer.call('holidays.year', { year: 2029 }));
    expect(day(year.days, '2029-02-09')).toMatchObject({ source: 'office', off: true, lawName: null, id: bridge.id });
    expect(day(year.days, '2029-02-16')).toMatchObject({ source: 'office', off: false, name: 'Làm việc: lịch nghỉ năm 2029 đổi ngày', lawName: 'Tết Nguyên đán' });
    expect(day(year.days, '2029-02-13')).toMatchObject({ source: 'law', off: true, name: 'Tết Nguyên đán', id: null });
    // With 09/02 off and 16/02 a working day again, the working days are 08, 16 and 19/02.
    expect(noticeDay(expectOk(await office.call('reports.get', { id: report.id })).deadlines)).toBe('2029-02-19');

    // An officer reads, but neither adds nor removes nor confirms.
    expectError(await officer.call('holidays.create', { date: '2029-03-01', name: 'Thử' }), 'auth.forbidden');
    expectError(await officer.call('holidays.remove', { date: '2029-02-13', reason: 'Thử' }), 'auth.forbidden');
    expectError(await officer.call('holidays.confirm', { year: 2029 }), 'auth.forbidden');

    // A day that is off already, a weekend, and a day that is not off: refused with a field message, nothing written.
    expect(expectError(await chief.call('holidays.create', { date: '2029-02-13', name: 'Trùng' }), 'validation').fields).toEqual({ date: 'v.holiday_exists' });
    expect(expectError(await chief.call('holidays.create', { date: '2029-02-10', name: 'Thứ Bảy' }), 'validation').fields).toEqual({ date: 'v.holiday_weekend' });
    expect(expectError(await chief.call('holidays.create', { date: '2029-02-16', name: 'Lại' }), 'validation').fields).toEqual({ date: 'v.holiday_removed' });
    expect(expectError(await chief.call('holidays.remove', { date: '2029-03-01', reason: 'Không phải ngày nghỉ' }), 'validation').fields).toEqual({ date: 'v.not_holiday' });

    // The removal undone with a reason: the computed day is back.
    const removal = day(expectOk(await chief.call('holidays.year', { year: 2029 })).days, '2029-02-16')!;
    expectOk(await chief.call('holidays.void', { id: removal.id!, reason: 'Nhầm: Chính phủ giữ lịch nghỉ' }));
    expect(day(expectOk(await chief.call('holidays.year', { year: 2029 })).days, '2029-02-16')).toMatchObject({ source: 'law', off: true });

    const { sql } = office.backend.requireStore();
    const audited = sql.prepare("SELECT action, call FROM audit_log WHERE table_name = 'holidays' ORDER BY id").all();
    expect(audited).toEqual([
      { action: 'insert', call: 'holidays.create' },
      { action: 'insert', call: 'holidays.remove' },
      { action: 'void', call: 'holidays.void' },
    ]);
    expect(verifyAuditChain(sql).ok).toBe(true);
  });

  it("a Saturday worked in the Government's swap counts as a working day, and is undone with a reason", async () => {
    const office = await createOffice({ now: manualClock(vn('2025-02-06', '10:00')).now });
    const chief = await userOf(office, CHIEF);
    const report = await reportOn(office, '2025-02-06');
    // Thursday 06/02/2025: the 3 working days after are Friday 07, Monday 10 and Tuesday 11/02.
    expect(noticeDay(report.deadlines)).toBe('2025-02-11');
    // Tết 2025: Monday 27/01 off (the computed list has it), worked on Saturday 08/02 instead.
    expect(day(expectOk(await office.call('holidays.year', { year: 2025 })).days, '2025-01-27')).toMatchObject({ off: true });
    const worked = expectOk(await chief.call('holidays.create', { date: '2025-02-08', name: 'Làm bù cho thứ Hai 27/01/2025', worked: true }));
    expect(noticeDay(expectOk(await office.call('reports.get', { id: report.id })).deadlines)).toBe('2025-02-10');
    expect(day(expectOk(await office.call('holidays.year', { year: 2025 })).days, '2025-02-08')).toMatchObject({
      source: 'office',
      off: false,
      lawName: null,
      name: 'Làm bù cho thứ Hai 27/01/2025',
      id: worked.id,
    });
    // Only a weekend day is worked in a swap, and only once.
    expect(expectError(await chief.call('holidays.create', { date: '2025-02-12', name: 'Thứ Tư', worked: true }), 'validation').fields).toEqual({ date: 'v.worked_weekday' });
    expect(expectError(await chief.call('holidays.create', { date: '2025-02-08', name: 'Lần nữa', worked: true }), 'validation').fields).toEqual({ date: 'v.holiday_exists' });
    // Undone: Saturday is a day off again, and the deadline moves back.
    expectOk(await chief.call('holidays.void', { id: worked.id, reason: 'Nhầm ngày làm bù' }));
    expect(noticeDay(expectOk(await office.call('reports.get', { id: report.id })).deadlines)).toBe('2025-02-11');
    expect(day(expectOk(await office.call('holidays.year', { year: 2025 })).days, '2025-02-08')).toBeUndefined();
  });

  it('asks from 1 October for next year’s list until a chief confirms it', async () => {
    const clock = manualClock(vn('2027-09-30', '23:55'));
    const office = await createOffice({ now: clock.now });
    const chief = await userOf(office, CHIEF);
    expect(expectOk(await office.call('holidays.pending', {}))).toEqual({ year: null });
    clock.set(vn('2027-10-01', '00:05'));
    expect(expectOk(await office.call('holidays.pending', {}))).toEqual({ year: 2028 });
    const confirmed = expectOk(await chief.call('holidays.confirm', { year: 2028 }));
    expect(confirmed.confirmedBy).toBe(CHIEF.fullName);
    expect(confirmed.confirmedAt).toBe(vn('2027-10-01', '00:05'));
    expect(expectOk(await office.call('holidays.pending', {}))).toEqual({ year: null });
    const { sql } = office.backend.requireStore();
    expect(sql.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'confirm' AND call = 'holidays.confirm'").get()).toEqual({ n: 1 });
  });
});

describe('holidays from the higher office', () => {
  it("the province's rows win for the days it sends, the commune's own stay beside them, and a resend brings nothing back", async () => {
    const clock = manualClock(vn('2028-11-02'));
    const commune = await createOffice({ now: clock.now });
    const province = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
    const provinceKey = await enrolPeer(commune, province, 'parent');
    const communeKey = await enrolPeer(province, commune, 'child');
    expect(provinceKey).toBeTruthy();

    // The province: a bridge day, and a computed day kept working (the 2029 schedule moved it).
    expectOk(await province.call('holidays.create', { date: '2029-02-09', name: 'Nghỉ hoán đổi Tết' }));
    expectOk(await province.call('holidays.remove', { date: '2029-02-16', reason: 'Làm bù theo lịch nghỉ năm 2029' }));
    // The commune: its own extra day, and its own name for the day the province will send.
    expectOk(await commune.call('holidays.create', { date: '2029-03-08', name: 'Nghỉ lễ hội làng' }));
    expectOk(await commune.call('holidays.create', { date: '2029-02-09', name: 'Nghỉ bù do đơn vị tự đặt' }));

    let applied = await carryBundle(province, communeKey, commune, 'reference');
    expect(applied.counts.rejected).toBe(0);
    let year = expectOk(await commune.call('holidays.year', { year: 2029 }));
    expect(day(year.days, '2029-02-09')).toMatchObject({ source: 'higher', name: 'Nghỉ hoán đổi Tết', off: true });
    expect(day(year.days, '2029-02-16')).toMatchObject({ source: 'higher', off: false, name: 'Làm bù theo lịch nghỉ năm 2029' });
    expect(day(year.days, '2029-03-08')).toMatchObject({ source: 'office', name: 'Nghỉ lễ hội làng' });

    // The commune removes the province's bridge day; the same bundle sent again does not bring it back.
    const bridge = day(year.days, '2029-02-09')!;
    expectOk(await commune.call('holidays.remove', { date: bridge.date, reason: 'Đơn vị trực Tết, không nghỉ' }));
    applied = await carryBundle(province, communeKey, commune, 'reference');
    expect(applied.counts.rejected).toBe(0);
    year = expectOk(await commune.call('holidays.year', { year: 2029 }));
    expect(day(year.days, '2029-02-09')).toBeUndefined();
    expect(day(year.days, '2029-03-08')).toMatchObject({ source: 'office' });

    // The province changes its row: the change wins again.
    const provinceBridge = day(expectOk(await province.call('holidays.year', { year: 2029 })).days, '2029-02-09')!;
    expectOk(await province.call('holidays.void', { id: provinceBridge.id!, reason: 'Đổi tên theo công văn' }));
    expectOk(await province.call('holidays.create', { date: '2029-02-09', name: 'Nghỉ hoán đổi Tết (Công văn 01/CAT)' }));
    applied = await carryBundle(province, communeKey, commune, 'reference');
    expect(applied.counts.rejected).toBe(0);
    year = expectOk(await commune.call('holidays.year', { year: 2029 }));
    expect(day(year.days, '2029-02-09')).toMatchObject({ source: 'higher', name: 'Nghỉ hoán đổi Tết (Công văn 01/CAT)', off: true });
    expect(day(year.days, '2029-03-08')).toMatchObject({ source: 'office', name: 'Nghỉ lễ hội làng' });
    expect(verifyAuditChain(commune.backend.requireStore().sql).ok).toBe(true);
  });

  it('a safety criterion the commune edited is not overwritten by a resend, and a change at the province wins', async () => {
    const clock = manualClock(vn('2028-11-02'));
    const commune = await createOffice({ now: clock.now });
    const province = await createOffice({ now: clock.now, office: PROVINCE, localities: [] });
    await enrolPeer(commune, province, 'parent');
    const communeKey = await enrolPeer(province, commune, 'child');
    const code = (commune.backend.requireStore().sql.prepare('SELECT code FROM safety_criteria ORDER BY sort LIMIT 1').get() as { code: string }).code;
    const text = (office: TestOffice) => (office.backend.requireStore().sql.prepare('SELECT text, origin FROM safety_criteria WHERE code = ? AND deleted_at IS NULL').get(code) as { text: string; origin: string });

    await carryBundle(province, communeKey, commune, 'reference');
    expect(text(commune).origin).toBe('higher');
    expectOk(await commune.call('safety.updateCriterion', { code, text: 'Tiêu chí đơn vị sửa cho sát thực tế' }));
    await carryBundle(province, communeKey, commune, 'reference');
    expect(text(commune)).toEqual({ text: 'Tiêu chí đơn vị sửa cho sát thực tế', origin: 'office' });

    expectOk(await province.call('safety.updateCriterion', { code, text: 'Tiêu chí do Công an tỉnh sửa' }));
    await carryBundle(province, communeKey, commune, 'reference');
    expect(text(commune)).toEqual({ text: 'Tiêu chí do Công an tỉnh sửa', origin: 'higher' });
    // The movement page shows which criteria came from above.
    const summary = expectOk(await commune.call('safety.summary', { year: 2028 }));
    expect(summary.criteria.find((c) => c.code === code)?.source).toBe('higher');
  });
});
