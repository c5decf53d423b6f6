import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, createOffice, expectError, expectOk, manualClock } from '../support/backend';

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

afterEach(cleanup);

describe('the movement: teams, models and the yearly safe-unit evaluation', () => {
  it('keeps a team with members and activities', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-06-01')).now });
    const [dong] = expectOk(await office.call('localities.list', {}));
    let team = expectOk(await office.call('teams.create', { name: 'Tổ bảo vệ ANTT Thôn Đông', localityIds: [dong!.id], foundedOn: '2024-07-15' }));
    team = expectOk(await office.call('teams.addMember', { teamId: team.id, fullName: 'Lê Văn Tổ', role: 'leader', joinedOn: '2024-07-15', contact: '0912 000 111' }));
    team = expectOk(await office.call('teams.addActivity', { teamId: team.id, kind: 'patrol', date: '2026-05-30', description: 'Tuần tra đêm', result: 'Phát hiện 1 nhóm tụ tập' }));
    const member = team.members[0]!;
    team = expectOk(await office.call('teams.endMember', { memberId: member.id, leftOn: '2026-05-31' }));
    expect(team.members[0]!.leftOn).toBe('2026-05-31');
    expect(team.activities.map((a) => a.kind)).toEqual(['patrol']);
    expectError(await office.call('teams.endMember', { memberId: member.id, leftOn: '2020-01-01' }), 'validation');
  });

  it('lists villages in the one order of villages: the list’s, numbers by value', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-12-01')).now });
    for (const name of ['Thôn 10', 'Thôn 2', 'Ấp Bắc', 'Thôn 1']) expectOk(await office.call('localities.create', { name }));
    const listed = expectOk(await office.call('localities.list', {})).filter((l) => !l.voided).map((l) => l.name);
    expect(listed.indexOf('Thôn 2')).toBeLessThan(listed.indexOf('Thôn 10'));
    const units = expectOk(await office.call('safety.summary', { year: 2026 })).units.filter((u) => u.unitKind === 'village').map((u) => u.name);
    expect(units).toEqual(listed);
  });

  it('recognises villages on their checklist and applies the commune rule', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-12-01')).now });
    const villages = expectOk(await office.call('localities.list', {}));
    let summary = expectOk(await office.call('safety.summary', { year: 2026 }));
    const villageCriteria = summary.criteria.filter((c) => c.unitKind === 'village').map((c) => c.code);
    expect(villageCriteria.length).toBeGreaterThan(2);
    expect(summary.commune).toMatchObject({ passed: false, villagesTotal: 2, villagesRecognised: 0, shortfalls: ['no_working_model', 'too_few_villages'] });

    for (const village of villages) {
      summary = expectOk(
        await office.call('safety.evaluate', { year: 2026, unitKind: 'village', unitId: village.id, results: villageCriteria.map((code) => ({ criterionCode: code, passed: true })) }),
      );
    }
    const model = expectOk(await office.call('models.create', { name: 'Camera an ninh Thôn Đông', kind: 'self_protection', startedOn: '2025-03-01' }));
    expectOk(await office.call('models.evaluate', { modelId: model.id, year: 2026, rating: 'good' }));
    summary = expectOk(await office.call('safety.summary', { year: 2026 }));
    expect(summary.commune).toMatchObject({ passed: true, workingModels: 1, villagesRecognised: 2, villageShare: 1, shortfalls: [] });

    // A failed criterion on re-evaluation takes a village's recognition away: 1 of 2 is under 70%.
    summary = expectOk(
      await office.call('safety.evaluate', {
        year: 2026,
        unitKind: 'village',
        unitId: villages[0]!.id,
        results: villageCriteria.map((code, i) => ({ criterionCode: code, passed: i !== 0, evidence: i === 0 ? 'Phát sinh tụ điểm số đề' : '' })),
      }),
    );
    expect(summary.commune).toMatchObject({ passed: false, villagesRecognised: 1, shortfalls: ['too_few_villages'] });

    // A serious incident in the year fails the commune too.
    expectOk(await office.call('reports.create', { receivedAt: vn('2026-11-20'), channel: 'phone', kind: 'crime_report', categoryCode: 'murder', summary: 'Án mạng' }));
    expect(expectOk(await office.call('safety.summary', { year: 2026 })).commune.seriousIncidents).toBe(1);
  });

  it('refuses a criterion of another kind of unit', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-12-01')).now });
    const school = expectOk(await office.call('safety.addUnit', { name: 'Trường THCS Quảng Hưng', unitKind: 'school' }));
    const bad = await office.call('safety.evaluate', { year: 2026, unitKind: 'school', unitId: school.id, results: [{ criterionCode: 'village_model', passed: true }] });
    expect(expectError(bad, 'validation').fields?.['results.0.criterionCode']).toBe('v.invalid');
  });

  it('an administrator edits and retires criteria: reference data', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-12-01')).now });
    expectOk(await office.call('safety.addCriterion', { code: 'school_traffic', unitKind: 'school', text: 'Không có học sinh vi phạm giao thông nghiêm trọng' }));
    expectError(await office.call('safety.addCriterion', { code: 'school_traffic', unitKind: 'school', text: 'Trùng mã' }), 'validation');
    expectOk(await office.call('safety.updateCriterion', { code: 'school_traffic', text: 'Không có học sinh vi phạm trật tự, an toàn giao thông' }));
    // Without a code: one is made from the wording, a number added when taken.
    expectOk(await office.call('safety.addCriterion', { unitKind: 'school', text: 'Đảm bảo an ninh trật tự khu vực cổng trường' }));
    expectOk(await office.call('safety.addCriterion', { unitKind: 'agency', text: 'Đảm bảo an ninh trật tự khu vực cổng trường' }));
    const made = expectOk(await office.call('safety.summary', { year: 2026 })).criteria.filter((c) => c.text === 'Đảm bảo an ninh trật tự khu vực cổng trường');
    expect(made.map((c) => c.code).sort()).toEqual(['dam_bao_an_ninh_trat_tu_khu_vuc_cong_truong', 'dam_bao_an_ninh_trat_tu_khu_vuc_cong_truong_2']);
    let criteria = expectOk(await office.call('safety.summary', { year: 2026 })).criteria;
    expect(criteria.find((c) => c.code === 'school_traffic')?.text).toBe('Không có học sinh vi phạm trật tự, an toàn giao thông');
    expectError(await office.call('safety.retireCriterion', { code: 'school_traffic', reason: '' }), 'validation');
    expectOk(await office.call('safety.retireCriterion', { code: 'school_traffic', reason: 'Không còn trong hướng dẫn' }));
    criteria = expectOk(await office.call('safety.summary', { year: 2026 })).criteria;
    expect(criteria.some((c) => c.code === 'school_traffic')).toBe(false);
    expectError(await office.call('safety.updateCriterion', { code: 'school_traffic', text: 'Đã bỏ' }), 'record.not_found');
  });
});
