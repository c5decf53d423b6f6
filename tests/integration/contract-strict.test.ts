import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../api/contract';
import { addUser, cleanup, createOffice, expectError, expectOk, manualClock, type TestOffice } from '../support/backend';
import { buildFixture, sampleOf, SAMPLE_NOW, storeFingerprint, vn, type Fixture } from '../support/call-samples';

/**
 * The contract is strict: a key a call does not take is refused with `validation` and the key named
 * (`fields: { <key>: 'v.unknown_field' }`), never dropped in silence; and updates change what they are
 * sent, never what they are not.
 */

const callNames = Object.keys(contract) as CallName[];
let office: TestOffice;
let fixture: Fixture;

beforeAll(async () => {
  const clock = manualClock(SAMPLE_NOW);
  office = await createOffice({ now: clock.now });
  const password = 'Quản-trị-viên-giữ-khóa-Bến-Nghé';
  const id = await addUser(office, { username: 'strict.admin', password, fullName: 'Phạm Văn Minh', role: 'admin' });
  fixture = await buildFixture(office, { id, username: 'strict.admin', password });
}, 60_000);

afterAll(() => cleanup());

describe('an unknown key in any call', () => {
  it('is refused with its name, and the store is unchanged, for every call of the registry', async () => {
    const failures: string[] = [];
    for (const name of callNames) {
      const sample = sampleOf(name, fixture) as Record<string, unknown>;
      // The sample alone passes its schema: what is refused below is the key, nothing else.
      if (!contract[name].input.safeParse(sample).success) {
        failures.push(`${name}: the sample fails its schema`);
        continue;
      }
      const before = storeFingerprint(office.backend);
      const result = await office.call(name, { ...sample, complex: true } as never);
      if (result.ok) failures.push(`${name}: answered ok with an unknown key`);
      else if (result.error.code !== 'validation' || result.error.fields?.complex !== 'v.unknown_field') {
        failures.push(`${name}: ${result.error.code} ${JSON.stringify(result.error.fields)}`);
      }
      if (JSON.stringify(storeFingerprint(office.backend)) !== JSON.stringify(before)) failures.push(`${name}: the store changed`);
    }
    expect(failures).toEqual([]);
  });

  it('is named by its path inside a nested object', async () => {
    const error = expectError(await office.call('reports.list', { sort: { column: 'register', direction: 'asc', nulls: 'last' } } as never), 'validation');
    expect(error.fields).toEqual({ 'sort.nulls': 'v.unknown_field' });
  });

  it('reports.create with `complex: true` (the case that was once silently ignored) creates nothing', async () => {
    const before = expectOk(await office.call('reports.list', {})).total;
    const error = expectError(
      await office.call('reports.create', { receivedAt: vn('2026-03-12'), channel: 'phone', kind: 'crime_report', summary: 'Phức tạp', complex: true } as never),
      'validation',
    );
    expect(error.fields).toEqual({ complex: 'v.unknown_field' });
    expect(error.message).toContain('complex');
    expect(expectOk(await office.call('reports.list', {})).total).toBe(before);
  });
});

describe('an update changes what it is sent and nothing else', () => {
  const newReport = async () => {
    const { dong, tay } = fixture.localities;
    return expectOk(
      await office.call('reports.create', {
        receivedAt: vn('2026-03-11'),
        channel: 'phone',
        kind: 'crime_report',
        categoryCode: 'theft',
        localityId: dong,
        address: 'Chợ Đông',
        reporterName: 'Nguyễn Thị Hoa',
        summary: 'Mất xe đạp',
        description: 'Mất trước cổng chợ',
        persons: [
          { personId: fixture.persons.main, role: 'suspect' },
          { person: { fullName: 'Đinh Văn Khoa', birthYear: 1970, localityId: tay }, role: 'victim' },
        ],
      }),
    );
  };

  it('reports.update without persons keeps the report’s people and every other field', async () => {
    const report = await newReport();
    const updated = expectOk(await office.call('reports.update', { id: report.id, baseVersion: report.version, fields: { summary: 'Mất xe đạp Thống Nhất' } }));
    expect(updated.summary).toBe('Mất xe đạp Thống Nhất');
    expect(updated.persons.map((p) => [p.person.id, p.role]).sort()).toEqual(report.persons.map((p) => [p.person.id, p.role]).sort());
    expect(updated.persons).toHaveLength(2);
    const { summary: _before, version: _v, updatedAt: _u, ...rest } = report;
    const { summary: _after, version: _v2, updatedAt: _u2, ...restAfter } = updated;
    expect(restAfter).toEqual(rest);
  });

  it('reports.update with persons sent replaces the list: an empty list unlinks them all', async () => {
    const report = await newReport();
    const kept = expectOk(
      await office.call('reports.update', { id: report.id, baseVersion: report.version, fields: { persons: [{ personId: fixture.persons.main, role: 'suspect' }] } }),
    );
    expect(kept.persons.map((p) => p.person.id)).toEqual([fixture.persons.main]);
    const none = expectOk(await office.call('reports.update', { id: report.id, baseVersion: kept.version, fields: { persons: [] } }));
    expect(none.persons).toEqual([]);
    expect(none.summary).toBe('Mất xe đạp');
  });

  it('persons, hotspots, programs, campaigns and users keep the fields left out', async () => {
    const { id: personId } = expectOk(await office.call('persons.create', { fullName: 'Lò Văn Sáng', birthYear: 1991, notes: 'Hay đi đêm', permanentAddress: 'Thôn Đông' }));
    const person = expectOk(await office.call('persons.get', { id: personId }));
    const renamed = expectOk(await office.call('persons.update', { id: person.id, baseVersion: person.version, fields: { fullName: 'Lò Văn Sáng (Sang)' } }));
    expect({ ...renamed, fullName: person.fullName, version: person.version }).toEqual(person);

    const hotspot = expectOk(await office.call('hotspots.create', { name: 'Sòng bạc bến đò', type: 'gambling', foundOn: '2026-03-01', risk: 'high', description: 'Tụ tập tối thứ bảy', reviewDays: 14 }));
    const riskier = expectOk(await office.call('hotspots.update', { id: hotspot.id, baseVersion: hotspot.version, fields: { address: 'Bến đò Thôn Tây' } }));
    expect([riskier.address, riskier.risk, riskier.description, riskier.reviewDays, riskier.nextReviewOn]).toEqual(['Bến đò Thôn Tây', 'high', 'Tụ tập tối thứ bảy', 14, hotspot.nextReviewOn]);

    const program = expectOk(await office.call('programs.create', { personId: person.id, kindCode: 'drug_user', decisionNo: '12/QĐ-UBND', startDate: '2026-03-02' }));
    const moved = expectOk(await office.call('programs.update', { id: program.id, baseVersion: program.version, fields: { startDate: '2026-03-05' } }));
    // The end was computed from the start, so it moves with it; the decision stays.
    expect([moved.decisionNo, moved.startDate, moved.endDate]).toEqual(['12/QĐ-UBND', '2026-03-05', '2027-03-05']);

    const campaign = expectOk(
      await office.call('campaigns.create', {
        name: 'Đợt cao điểm tháng 4',
        startDate: '2026-04-01',
        endDate: '2026-04-30',
        localityIds: [fixture.localities.dong],
        notes: 'Tập trung ma túy',
        targets: [{ measureCode: 'heroin', target: 5 }],
      }),
    );
    const renamedCampaign = expectOk(await office.call('campaigns.update', { id: campaign.id, baseVersion: campaign.version, fields: { name: 'Đợt cao điểm tháng 4/2026' } }));
    expect([renamedCampaign.name, renamedCampaign.localityIds, renamedCampaign.notes, renamedCampaign.results.filter((r) => r.target !== null).length]).toEqual([
      'Đợt cao điểm tháng 4/2026',
      [fixture.localities.dong],
      'Tập trung ma túy',
      1,
    ]);
    // The merged campaign is checked as a whole: an end before the kept start is refused.
    const error = expectError(await office.call('campaigns.update', { id: campaign.id, baseVersion: renamedCampaign.version, fields: { endDate: '2026-03-01' } }), 'validation');
    expect(error.fields).toEqual({ endDate: 'v.invalid' });

    const user = expectOk(await office.call('users.list', {})).find((u) => u.id === fixture.users.target)!;
    const promoted = expectOk(await office.call('users.update', { userId: user.id, position: 'Phó Trưởng Công an xã' }));
    expect([promoted.fullName, promoted.rank, promoted.role, promoted.position]).toEqual([user.fullName, user.rank, user.role, 'Phó Trưởng Công an xã']);
  });
});
