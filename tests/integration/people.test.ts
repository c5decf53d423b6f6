import { afterEach, describe, expect, it } from 'vitest';
import type { PersonRole } from '../../api/vocabulary';
import { verifyAuditChain } from '../../db/audit';
import { cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

afterEach(cleanup);

/** An office whose clock the test moves by days: no idle lock in between. */
async function officeAt(start: number) {
  const clock = manualClock(start);
  const office = await createOffice({ now: clock.now, log: (message, error) => console.error(message, error) });
  office.stayLoggedIn();
  return { office, clock };
}

async function person(office: TestOffice, fullName: string, extra: { birthYear?: number; citizenId?: string; localityId?: string } = {}): Promise<string> {
  return expectOk(await office.call('persons.create', { fullName, ...extra })).id;
}

describe('management programs', () => {
  it('computes the end from the kind, needs a reason to change it, and an end date where the law sets none', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-03-20')).now });
    const an = await person(office, 'Nguyễn Văn An', { birthYear: 1995 });
    const program = expectOk(await office.call('programs.create', { personId: an, kindCode: 'drug_user', decisionNo: '12/QĐ-UBND', decisionDate: '2026-03-15', startDate: '2026-03-15' }));
    expect(program.endDate).toBe('2027-03-15');
    expect(program.nextCheckinOn).toBe('2026-04-14');
    expect(program.nextTestOn).toBe('2026-06-13');
    const adult = expectOk(await office.call('programs.create', { personId: an, kindCode: 'post_rehab_adult', startDate: '2026-08-31' }));
    expect(adult.endDate).toBe('2028-08-31');

    const noReason = await office.call('programs.create', { personId: an, kindCode: 'drug_user', startDate: '2026-03-15', endDate: '2027-01-01' });
    expect(expectError(noReason, 'validation').fields?.endOverrideReason).toBe('v.required');
    const overridden = expectOk(
      await office.call('programs.create', { personId: an, kindCode: 'drug_user', startDate: '2026-03-15', endDate: '2027-01-01', endOverrideReason: 'Theo quyết định sửa đổi' }),
    );
    expect(overridden.endOverrideReason).toBe('Theo quyết định sửa đổi');

    const open = await office.call('programs.create', { personId: an, kindCode: 'suspended_sentence', startDate: '2026-03-15' });
    expect(expectError(open, 'validation').fields?.endDate).toBe('v.required');
    const kinds = expectOk(await office.call('programs.kinds', {}));
    expect(kinds.find((k) => k.code === 'post_rehab_adult')?.months).toBe(24);
  });

  it('check-ins move the next dates; reminders list what is due; an early end needs a reason', async () => {
    const { office, clock } = await officeAt(vn('2026-04-10'));
    const binh = await person(office, 'Trần Văn Bình', { birthYear: 1990 });
    let program = expectOk(await office.call('programs.create', { personId: binh, kindCode: 'drug_user', startDate: '2026-03-15' }));
    let board = expectOk(await office.call('programs.reminders', { withinDays: 7 }));
    expect(board.upcoming.map((r) => [r.what, r.on])).toEqual([['checkin', '2026-04-14']]);
    program = expectOk(await office.call('programs.checkin', { programId: program.id, date: '2026-04-12', result: 'Có mặt, làm việc bình thường', drugTestResult: 'negative' }));
    expect(program.nextCheckinOn).toBe('2026-05-12');
    expect(program.nextTestOn).toBe('2026-07-11');
    expect(program.checkins.map((c) => [c.date, c.drugTestResult])).toEqual([['2026-04-12', 'negative']]);
    clock.set(vn('2026-05-20'));
    board = expectOk(await office.call('programs.reminders', { withinDays: 7 }));
    expect(board.overdue.map((r) => [r.what, r.on, r.personName])).toEqual([['checkin', '2026-05-12', 'Trần Văn Bình']]);

    const ended = expectOk(await office.call('programs.end', { id: program.id, baseVersion: program.version, on: '2026-05-20', reason: 'facility', note: 'Đưa vào cơ sở cai nghiện bắt buộc' }));
    expect(ended.status).toBe('ended');
    expect(expectOk(await office.call('programs.reminders', { withinDays: 7 })).overdue).toEqual([]);
    expectError(await office.call('programs.checkin', { programId: program.id, date: '2026-05-21' }), 'record.invalid_step');
  });
});

describe('the Đối tượng and the người liên quan', () => {
  it('lists only suspects and people under management as Đối tượng, each person with their roles', async () => {
    const { office } = await officeAt(vn('2026-06-01'));
    const suspect = await person(office, 'Lê Văn Cường', { birthYear: 1990 });
    const victim = await person(office, 'Phạm Thị Dung', { birthYear: 1985 });
    const managed = await person(office, 'Đỗ Văn Đức', { birthYear: 1999 });
    const both = await person(office, 'Bùi Văn Hải', { birthYear: 1980 });
    const voidedOnly = await person(office, 'Ngô Văn Khải', { birthYear: 1970 });
    const report = (summary: string, persons: { personId: string; role: PersonRole }[]) =>
      office.call('reports.create', { receivedAt: vn('2026-05-30'), channel: 'phone', kind: 'crime_report', summary, persons });
    expectOk(await report('Trộm xe máy tại chợ', [{ personId: suspect, role: 'suspect' }, { personId: victim, role: 'victim' }, { personId: both, role: 'reporter' }]));
    expectOk(await report('Đánh nhau ở quán', [{ personId: both, role: 'suspect' }, { personId: victim, role: 'witness' }]));
    const voided = expectOk(await report('Nhập nhầm', [{ personId: voidedOnly, role: 'suspect' }]));
    expectOk(await office.call('reports.void', { id: voided.id, baseVersion: voided.version, reason: 'Nhập trùng' }));
    const program = expectOk(await office.call('programs.create', { personId: managed, kindCode: 'drug_user', startDate: '2026-05-01' }));

    const subjects = expectOk(await office.call('persons.list', { scope: 'subjects' }));
    expect(subjects.total).toBe(3);
    expect(subjects.rows.map((p) => [p.fullName, p.roles, p.managed])).toEqual([
      ['Bùi Văn Hải', ['suspect', 'reporter'], false],
      ['Đỗ Văn Đức', [], true],
      ['Lê Văn Cường', ['suspect'], false],
    ]);
    const everyone = expectOk(await office.call('persons.list', { scope: 'all' }));
    expect(everyone.total).toBe(5);
    // A voided report names nobody; a victim and witness is a người liên quan.
    expect(everyone.rows.find((p) => p.id === victim)).toMatchObject({ roles: ['victim', 'witness'], managed: false });
    expect(everyone.rows.find((p) => p.id === voidedOnly)).toMatchObject({ roles: [], managed: false });
    // The other filters still apply within the Đối tượng; an ended program no longer makes one.
    expect(expectOk(await office.call('persons.list', { scope: 'subjects', q: 'le van' })).rows.map((p) => p.id)).toEqual([suspect]);
    expectOk(await office.call('programs.end', { id: program.id, baseVersion: program.version, on: '2026-06-01', reason: 'completed' }));
    expect(expectOk(await office.call('persons.list', { scope: 'subjects' })).rows.map((p) => p.id)).toEqual([both, suspect]);
  });
});

describe('hotspots', () => {
  it('links people, logs checks that move the review date, and a cleared spot comes up for re-check', async () => {
    const { office, clock } = await officeAt(vn('2026-05-01'));
    const a = await person(office, 'Lê Văn Cường', { birthYear: 1988 });
    const b = await person(office, 'Phạm Thị Dung', { birthYear: 1992 });
    let spot = expectOk(await office.call('hotspots.create', { name: 'Quán nước đầu cầu Đông', type: 'drug_use', foundOn: '2026-04-01', risk: 'high' }));
    expect(spot.status).toBe('suspected');
    expect(spot.nextReviewOn).toBe('2026-05-01');
    spot = expectOk(await office.call('hotspots.linkPerson', { hotspotId: spot.id, personId: a, role: 'organiser' }));
    spot = expectOk(await office.call('hotspots.linkPerson', { hotspotId: spot.id, personId: b, role: 'user' }));
    expect(spot.persons.map((p) => [p.person.fullName, p.role])).toEqual([
      ['Lê Văn Cường', 'organiser'],
      ['Phạm Thị Dung', 'user'],
    ]);
    expect(expectOk(await office.call('hotspots.due', { withinDays: 0 })).review.map((h) => h.id)).toEqual([spot.id]);
    spot = expectOk(await office.call('hotspots.check', { hotspotId: spot.id, date: '2026-05-01', officers: 'Nguyễn Văn Đức', found: 'Có 3 người tụ tập', status: 'active' }));
    expect(spot.status).toBe('active');
    expect(spot.nextReviewOn).toBe('2026-05-31');
    spot = expectOk(await office.call('hotspots.setStatus', { id: spot.id, baseVersion: spot.version, status: 'cleared', on: '2026-05-10', note: 'Triệt xóa' }));
    expect(spot.clearedOn).toBe('2026-05-10');
    expect(spot.history.map((h) => h.status)).toEqual(['suspected', 'active', 'cleared']);
    clock.set(vn('2026-05-28'));
    const due = expectOk(await office.call('hotspots.due', { withinDays: 7 }));
    expect(due.recheck.map((h) => h.id)).toEqual([spot.id]);
    expect(due.review).toEqual([]);
  });
});

describe('people: links, duplicates, merge, link view', () => {
  it('merges two records of one person keeping every link, audited and traceable', async () => {
    const { office } = await officeAt(vn('2026-06-01'));
    const keep = await person(office, 'Hoàng Văn Em', { birthYear: 1991 });
    const drop = await person(office, 'Hoang Van Em', { birthYear: 1991, citizenId: '038091004567' });
    const friend = await person(office, 'Vũ Thị Gấm', { birthYear: 1993 });
    const report = expectOk(
      await office.call('reports.create', { receivedAt: vn('2026-05-30'), channel: 'phone', kind: 'crime_report', summary: 'Trộm cắp tại chợ', persons: [{ personId: drop, role: 'suspect' }] }),
    );
    expectOk(await office.call('persons.link', { personId: drop, otherId: friend, kind: 'same_ring' }));
    expectOk(await office.call('persons.link', { personId: keep, otherId: drop, kind: 'family' }));
    const program = expectOk(await office.call('programs.create', { personId: drop, kindCode: 'drug_user', startDate: '2026-05-01' }));

    const groups = expectOk(await office.call('persons.duplicates', {}));
    expect(groups.map((g) => g.persons.map((p) => p.id).sort())).toContainEqual([keep, drop].sort());
    expect(expectOk(await office.call('persons.duplicatesOf', { id: keep })).persons.map((p) => p.id)).toEqual([keep, drop]);

    const versions = async (id: string) => expectOk(await office.call('persons.get', { id })).version;
    const merged = expectOk(await office.call('persons.merge', { keepId: keep, keepVersion: await versions(keep), dropId: drop, dropVersion: await versions(drop) }));
    expect(merged.person.citizenId).toBe('038091004567');
    expect(merged.person.otherNames).toContain('Hoang Van Em');
    expect(merged.reports.map((r) => [r.reportId, r.role])).toEqual([[report.id, 'suspect']]);
    expect(merged.links.map((l) => [l.person.id, l.kind])).toEqual([[friend, 'same_ring']]);
    expect(merged.programs.map((p) => p.id)).toEqual([program.id]);
    const gone = expectOk(await office.call('persons.overview', { id: drop }));
    expect(gone.person.voided).toBe(true);
    expect(gone.person.mergedInto).toBe(keep);
    expect(expectOk(await office.call('reports.get', { id: report.id })).persons[0]!.person.id).toBe(keep);
    const { sql } = office.backend.requireStore();
    const audit = sql.prepare("SELECT before, after FROM audit_log WHERE action = 'merge'").all() as { before: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before)).toEqual({ kept: keep, dropped: drop });
    expect(verifyAuditChain(sql).ok).toBe(true);
    // Search still finds the report under the kept person's name.
    expect(expectOk(await office.call('reports.list', { filters: { q: 'hoang van em' } })).rows.map((r) => r.id)).toEqual([report.id]);
  });

  it('draws people, hotspots and reports two steps out', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-06-01')).now });
    const boss = await person(office, 'Đặng Văn Hùng', { birthYear: 1980 });
    const dealer = await person(office, 'Bùi Văn Khánh', { birthYear: 1985 });
    const far = await person(office, 'Ngô Thị Lụa', { birthYear: 1987 });
    expectOk(await office.call('persons.link', { personId: boss, otherId: dealer, kind: 'same_ring' }));
    const spot = expectOk(await office.call('hotspots.create', { name: 'Nhà nghỉ Bình An', type: 'drug_dealing', foundOn: '2026-05-01' }));
    expectOk(await office.call('hotspots.linkPerson', { hotspotId: spot.id, personId: dealer, role: 'dealer' }));
    expectOk(await office.call('hotspots.linkPerson', { hotspotId: spot.id, personId: far, role: 'user' }));
    const one = expectOk(await office.call('graph.around', { kind: 'person', id: boss, depth: 1 }));
    expect(one.nodes.map((n) => n.label).sort()).toEqual(['Bùi Văn Khánh (1985)', 'Đặng Văn Hùng (1980)'].sort());
    const two = expectOk(await office.call('graph.around', { kind: 'person', id: boss, depth: 2 }));
    expect(two.nodes.map((n) => n.kind).sort()).toEqual(['hotspot', 'person', 'person']);
    expect(two.edges.map((e) => e.kind).sort()).toEqual(['dealer', 'same_ring']);
    const fromSpot = expectOk(await office.call('graph.around', { kind: 'hotspot', id: spot.id, depth: 2 }));
    expect(fromSpot.nodes).toHaveLength(4);
  });

  it('marks a person as moved away and keeps the record', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-06-01')).now });
    const id = await person(office, 'Lý Văn Minh', { birthYear: 1999 });
    const version = expectOk(await office.call('persons.get', { id })).version;
    const moved = expectOk(await office.call('persons.moveAway', { id, baseVersion: version, to: 'Xã Quảng Lợi, tỉnh Thanh Hóa', on: '2026-05-30' }));
    expect([moved.person.movedTo, moved.person.movedOn, moved.person.voided]).toEqual(['Xã Quảng Lợi, tỉnh Thanh Hóa', '2026-05-30', false]);
    expect(expectOk(await office.call('persons.list', { q: 'ly van' })).rows.map((p) => p.id)).toEqual([id]);
  });
});
