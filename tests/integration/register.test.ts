import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { addUser, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';

const vn = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+07:00`);
type ReportInput = CallInput<'reports.create'>;

function report(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    receivedAt: vn('2026-03-02'),
    channel: 'in_person',
    kind: 'crime_report',
    categoryCode: 'theft',
    summary: 'Mất trộm xe máy tại nhà văn hóa thôn',
    ...overrides,
  };
}

async function officeAt(now: number): Promise<TestOffice> {
  const clock = manualClock(now);
  return createOffice({ now: clock.now });
}

afterEach(cleanup);

describe('register numbering', () => {
  it('numbers per year from 1, and a voided entry keeps its number, never reused', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const a = expectOk(await office.call('reports.create', report({ receivedAt: vn('2025-12-30') })));
    const b = expectOk(await office.call('reports.create', report()));
    const c = expectOk(await office.call('reports.create', report()));
    expect([a.number, b.number, c.number]).toEqual(['1/2025', '1/2026', '2/2026']);
    const voided = expectOk(await office.call('reports.void', { id: c.id, baseVersion: c.version, reason: 'Nhập trùng' }));
    expect(voided.voided).toBe(true);
    expect(voided.number).toBe('2/2026');
    expect(voided.voidReason).toBe('Nhập trùng');
    const d = expectOk(await office.call('reports.create', report()));
    expect(d.number).toBe('3/2026');
    // The voided entry is still in the register when asked for.
    const all = expectOk(await office.call('reports.list', { filters: { includeVoided: true } }));
    expect(all.rows.map((row) => row.number)).toEqual(['3/2026', '2/2026', '1/2026', '1/2025']);
    const open = expectOk(await office.call('reports.list', {}));
    expect(open.total).toBe(3);
  });

  it('a receipt late on 31 December in Vietnam belongs to that year', async () => {
    const office = await officeAt(vn('2027-01-02'));
    const late = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-12-31', '23:30') })));
    expect(late.number).toBe('1/2026');
  });
});

describe('people in a report', () => {
  it('links a suspect and a victim, and the same citizen ID links the existing person', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const first = expectOk(
      await office.call(
        'reports.create',
        report({
          persons: [
            { role: 'suspect', person: { fullName: 'Nguyễn Văn An', birthYear: 1990, citizenId: '038090001234' } },
            { role: 'victim', person: { fullName: 'Đỗ Thị Lan', birthDate: '1985-07-14' } },
          ],
        }),
      ),
    );
    expect(first.persons.map((p) => [p.role, p.person.fullName])).toEqual([
      ['suspect', 'Nguyễn Văn An'],
      ['victim', 'Đỗ Thị Lan'],
    ]);
    expect(first.persons[1]!.person.birthYear).toBe(1985);
    const second = expectOk(
      await office.call('reports.create', report({ persons: [{ role: 'suspect', person: { fullName: 'Nguyen Van An', citizenId: '038090001234' } }] })),
    );
    expect(second.persons[0]!.person.id).toBe(first.persons[0]!.person.id);
    expect(second.persons[0]!.person.fullName).toBe('Nguyễn Văn An');

    const match = expectOk(await office.call('persons.match', { fullName: 'nguyen van an', birthYear: 1990, citizenId: '' }));
    expect(match.similar.map((p) => p.id)).toEqual([first.persons[0]!.person.id]);
    const byId = expectOk(await office.call('persons.match', { fullName: '', birthYear: null, citizenId: '038090001234' }));
    expect(byId.sameCitizenId?.fullName).toBe('Nguyễn Văn An');
    const search = expectOk(await office.call('persons.search', { q: 'do thi' }));
    expect(search.map((p) => p.fullName)).toEqual(['Đỗ Thị Lan']);
  });

  it('rejects a malformed citizen ID with a field error and records nothing', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const result = await office.call('reports.create', report({ persons: [{ role: 'suspect', person: { fullName: 'Lê Văn B', citizenId: '12345' } }] }));
    expect(expectError(result, 'validation').fields?.['persons.0.person.citizenId']).toBe('v.citizen_id');
    expect(expectOk(await office.call('reports.list', {})).total).toBe(0);
  });
});

describe('search ignores diacritics and đ/d', () => {
  it('finds by name, summary words, and register number', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const lottery = expectOk(
      await office.call(
        'reports.create',
        report({ categoryCode: 'illegal_lottery', summary: 'Tố giác ghi số đề tại chợ Đông', persons: [{ role: 'suspect', person: { fullName: 'Nguyễn Văn A' } }] }),
      ),
    );
    const ring = expectOk(await office.call('reports.create', report({ categoryCode: 'drug_trafficking', summary: 'Phát hiện đường dây mua bán ma túy' })));
    expectOk(await office.call('reports.create', report({ summary: 'Trộm chó ban đêm' })));
    const find = async (q: string) => expectOk(await office.call('reports.list', { filters: { q } })).rows.map((row) => row.id);
    expect(await find('nguyen van a')).toEqual([lottery.id]);
    expect(await find('so de')).toEqual([lottery.id]);
    expect(await find('SỐ ĐỀ')).toEqual([lottery.id]);
    expect(await find('duong day')).toEqual([ring.id]);
    expect(await find('cho dong')).toEqual([lottery.id]);
    expect(await find(ring.number)).toEqual([ring.id]);
    expect(await find('"OR*')).toEqual([]);
    // Renaming a person re-indexes every report that names them.
    const person = lottery.persons[0]!.person;
    expectOk(await office.call('persons.update', { id: person.id, baseVersion: person.version, fields: { fullName: 'Nguyễn Văn Ất' } }));
    expect(await find('van at')).toEqual([lottery.id]);
  });
});

describe('the legal clock through the status path', () => {
  it('moves deadlines with transfer, notice and decision, and refuses steps out of order', async () => {
    const clock = manualClock(vn('2026-03-02', '11:00'));
    const office = await createOffice({ now: clock.now });
    let r = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02', '10:00') })));
    const open = (detail: typeof r) => detail.deadlines.filter((d) => !d.done).map((d) => d.kind);
    expect(open(r)).toEqual(['transfer', 'notice', 'decision']);

    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'start_check' } }));
    expect(r.status).toBe('checking');
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'handle_in_commune' } }));
    expect(open(r)).toEqual(['notice', 'decision']);
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'notice_sent', at: vn('2026-03-03') } }));
    expect(open(r)).toEqual(['decision']);
    const before = r.deadlines.find((d) => d.kind === 'decision')!.dueAt;
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'mark_complex', complex: true } }));
    expect(r.deadlines.find((d) => d.kind === 'decision')!.dueAt).toBeGreaterThan(before);

    const tooLate = await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'extend', until: '2026-12-31', decisionNo: '01/QĐ-VKS' } });
    expect(expectError(tooLate, 'validation').fields?.until).toBe('v.extension_range');
    r = expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'extend', until: '2026-06-15', decisionNo: '01/QĐ-VKS' } }));
    expect(new Date(r.deadlines.find((d) => d.kind === 'decision')!.dueAt - 1).toISOString().slice(0, 10)).toBe('2026-06-15');

    r = expectOk(
      await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'decide', decision: 'prosecute', at: vn('2026-03-02', '16:00'), decisionNo: '12/QĐ-CAX' } }),
    );
    expect(r.status).toBe('decided');
    expect(open(r)).toEqual([]);
    const again = await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'start_check' } });
    expect(expectError(again, 'record.invalid_step').params?.status).toBe('decided');
  });

  it('a stale edit is a conflict and changes nothing', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const r = expectOk(await office.call('reports.create', report()));
    expectOk(await office.call('reports.transition', { id: r.id, baseVersion: r.version, step: { action: 'start_check' } }));
    const stale = await office.call('reports.update', { id: r.id, baseVersion: r.version, fields: report({ summary: 'Sửa đè' }) });
    expectError(stale, 'record.conflict');
    expect(expectOk(await office.call('reports.get', { id: r.id })).summary).toBe(r.summary);
  });

  it('the deadlines view sorts overdue, today and soon, and an officer sees it', async () => {
    const clock = manualClock(vn('2026-03-05', '09:00'));
    const office = await createOffice({ now: clock.now });
    const officerId = await addUser(office, { username: 'canbo1', password: 'mat-khau-can-bo-Tràm-Chim', fullName: 'Phạm Văn Bình' });
    // Received 02/03 10:00: transfer was due 03/03 10:00 (overdue); notice due 05/03 (today).
    const old = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02'), officerId })));
    // Received 05/03 08:00: transfer due 06/03 08:00 (soon).
    const fresh = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-05', '08:00') })));
    // An administrative violation has no criminal-procedure clock.
    expectOk(await office.call('reports.create', report({ kind: 'administrative_violation', categoryCode: 'administrative' })));
    const officer = await office.login('canbo1', 'mat-khau-can-bo-Tràm-Chim');
    const board = expectOk(await office.callAs(officer, 'reports.deadlines', { withinDays: 3 }));
    expect(board.overdue.map((d) => [d.number, d.kind, d.officerName])).toEqual([[old.number, 'transfer', 'Phạm Văn Bình']]);
    expect(board.today.map((d) => [d.number, d.kind])).toEqual([[old.number, 'notice']]);
    expect(board.soon.map((d) => [d.number, d.kind])).toEqual([[fresh.number, 'transfer']]);
    const overdueList = expectOk(await office.call('reports.list', { filters: { overdue: true } }));
    expect(overdueList.rows.map((row) => row.id)).toEqual([old.id]);
  });

  it('a new holiday moves open deadlines at once', async () => {
    const office = await officeAt(vn('2026-03-02', '11:00'));
    const r = expectOk(await office.call('reports.create', report({ receivedAt: vn('2026-03-02') })));
    const notice = (d: typeof r) => new Date(d.deadlines.find((x) => x.kind === 'notice')!.dueAt - 1 + 7 * 3600_000).toISOString().slice(0, 10);
    expect(notice(r)).toBe('2026-03-05');
    expectOk(await office.call('holidays.create', { date: '2026-03-04', name: 'Nghỉ bù' }));
    expect(notice(expectOk(await office.call('reports.get', { id: r.id })))).toBe('2026-03-06');
  });
});

describe('the register list', () => {
  it('filters and sorts, and pages with a total', async () => {
    const office = await officeAt(vn('2026-03-30'));
    for (let day = 1; day <= 9; day += 1) {
      expectOk(
        await office.call(
          'reports.create',
          report({ receivedAt: vn(`2026-03-0${day}`), kind: day % 3 === 0 ? 'administrative_violation' : 'crime_report', summary: `Vụ việc ngày ${day}` }),
        ),
      );
    }
    const page = expectOk(await office.call('reports.list', { sort: { column: 'received_at', direction: 'asc' }, offset: 2, limit: 3 }));
    expect(page.total).toBe(9);
    expect(page.rows.map((row) => row.summary)).toEqual(['Vụ việc ngày 3', 'Vụ việc ngày 4', 'Vụ việc ngày 5']);
    const admin = expectOk(await office.call('reports.list', { filters: { kind: 'administrative_violation' } }));
    expect(admin.rows.map((row) => row.summary)).toEqual(['Vụ việc ngày 9', 'Vụ việc ngày 6', 'Vụ việc ngày 3']);
    const ranged = expectOk(await office.call('reports.list', { filters: { from: '2026-03-04', to: '2026-03-05' } }));
    expect(ranged.total).toBe(2);
    expect(ranged.rows[0]!.categoryName).toBe('Trộm cắp tài sản');
  });
});

describe('history', () => {
  it('shows who changed what, including people added', async () => {
    const office = await officeAt(vn('2026-03-10'));
    const r = expectOk(await office.call('reports.create', report()));
    expectOk(
      await office.call('reports.update', {
        id: r.id,
        baseVersion: r.version,
        fields: report({ summary: 'Mất trộm xe máy Honda Wave', persons: [{ role: 'witness', person: { fullName: 'Hoàng Văn Cường' } }] }),
      }),
    );
    const history = expectOk(await office.call('reports.history', { id: r.id }));
    const update = history.find((entry) => entry.action === 'update');
    expect(update?.userName).toBe('Nguyễn Văn Đức');
    expect(update?.changes).toEqual([{ field: 'summary', before: 'Mất trộm xe máy tại nhà văn hóa thôn', after: 'Mất trộm xe máy Honda Wave' }]);
    expect(history.some((entry) => entry.action === 'link_insert')).toBe(true);
  });
});
