import { afterEach, describe, expect, it } from 'vitest';
import { percentOf } from '../../db/campaigns/results';
import { addUser, cleanup, createOffice, expectError, expectOk, manualClock } from '../support/backend';

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

afterEach(cleanup);

async function setup() {
  const office = await createOffice({ now: manualClock(vn('2026-06-20')).now });
  office.stayLoggedIn();
  const localities = expectOk(await office.call('localities.list', {}));
  const dong = localities.find((l) => l.name === 'Thôn Đông')!.id;
  const tay = localities.find((l) => l.name === 'Thôn Tây')!.id;
  const report = async (date: string, localityId: string, categoryCode: string, summary: string) =>
    expectOk(await office.call('reports.create', { receivedAt: vn(date), channel: 'found_by_officers', kind: 'crime_report', categoryCode, localityId, summary }));
  return { office, dong, tay, report };
}

const campaign = (dong: string) => ({
  name: 'Đợt cao điểm tấn công, trấn áp tội phạm ma túy, số đề tháng 6/2026',
  decisionNo: '15/KH-CAX',
  startDate: '2026-06-01',
  endDate: '2026-06-30',
  localityIds: [dong],
  categoryCodes: ['drug_trafficking', 'illegal_lottery'],
  targets: [
    { measureCode: 'reports_detected', target: 5 },
    { measureCode: 'persons_handled', target: 4 },
    { measureCode: 'heroin', target: 100 },
  ],
});

describe('campaign results are counted from the records', () => {
  it('counts reports in period, scope and focus, links and operations once each; operations add persons and seizures', async () => {
    const { office, dong, tay, report } = await setup();
    const inScope = await report('2026-06-05', dong, 'drug_trafficking', 'Mua bán ma túy tại bãi sông');
    await report('2026-06-06', dong, 'theft', 'Trộm cắp xe đạp'); // not a focus category
    const outside = await report('2026-06-07', tay, 'illegal_lottery', 'Ghi số đề ở Thôn Tây'); // another locality
    await report('2026-05-20', dong, 'drug_trafficking', 'Trước đợt'); // before the period
    let view = expectOk(await office.call('campaigns.create', campaign(dong)));
    const detected = () => view.results.find((r) => r.measure.code === 'reports_detected')!;
    expect(detected().result).toBe(1);
    expect(detected().percent).toBe(20);

    view = expectOk(await office.call('campaigns.linkReport', { campaignId: view.id, reportId: outside.id }));
    expect(detected().result).toBe(2);
    // The same report linked again, and opened by an operation too: still counted once.
    view = expectOk(await office.call('campaigns.linkReport', { campaignId: view.id, reportId: outside.id }));
    expectOk(
      await office.call('operations.create', {
        campaignId: view.id,
        kind: 'raid',
        startedAt: vn('2026-06-10', '22:00'),
        place: 'Bãi sông Thôn Đông',
        localityId: dong,
        leader: 'Nguyễn Văn Đức',
        personsArrested: 2,
        personsSanctioned: 1,
        seizures: [{ measureCode: 'heroin', quantity: 30 }, { measureCode: 'money', quantity: 12_500_000 }],
        reportIds: [outside.id, inScope.id],
      }),
    );
    expectOk(
      await office.call('operations.create', { campaignId: view.id, kind: 'sweep', startedAt: vn('2026-06-15'), personsArrested: 1, seizures: [{ measureCode: 'heroin', quantity: 45.5 }] }),
    );
    const voided = expectOk(await office.call('operations.create', { campaignId: view.id, kind: 'patrol', startedAt: vn('2026-06-16'), personsArrested: 9 }));
    expectOk(await office.call('operations.void', { id: voided.id, reason: 'Nhập nhầm' }));
    view = expectOk(await office.call('campaigns.get', { id: view.id }));
    const by = (code: string) => view.results.find((r) => r.measure.code === code)!;
    expect(by('reports_detected').result).toBe(2);
    expect(by('persons_handled')).toMatchObject({ result: 4, target: 4, percent: 100 });
    expect(by('heroin')).toMatchObject({ result: 75.5, target: 100, percent: 75.5 });
    expect(by('money').result).toBe(12_500_000);
    expect(by('operations').result).toBe(2);
    expect(view.operations.map((o) => o.kind)).toEqual(['raid', 'sweep']);
  });

  it('lists linked reports once, with the direct link to remove and the operations that opened them', async () => {
    const { office, dong, report } = await setup();
    const linked = await report('2026-04-02', dong, 'theft', 'Báo tin trộm cắp trước đợt');
    const opened = await report('2026-04-03', dong, 'theft', 'Tin do trinh sát phát hiện');
    let view = expectOk(await office.call('campaigns.create', campaign(dong)));
    view = expectOk(await office.call('campaigns.linkReport', { campaignId: view.id, reportId: linked.id }));
    const op = expectOk(await office.call('operations.create', { campaignId: view.id, kind: 'raid', startedAt: vn('2026-06-03'), localityId: dong, reportIds: [linked.id, opened.id] }));
    view = expectOk(await office.call('campaigns.get', { id: view.id }));
    expect(view.operations[0]!.localityId).toBe(dong);
    expect(view.linkedReports.map((r) => [r.summary, r.linkId !== null, r.operationIds])).toEqual([
      ['Báo tin trộm cắp trước đợt', true, [op.id]],
      ['Tin do trinh sát phát hiện', false, [op.id]],
    ]);
    expectError(await office.call('campaigns.unlinkReport', { linkId: view.linkedReports[0]!.linkId!, reason: '' }), 'validation');
    view = expectOk(await office.call('campaigns.unlinkReport', { linkId: view.linkedReports[0]!.linkId!, reason: 'Liên kết nhầm' }));
    expect(view.linkedReports[0]).toMatchObject({ linkId: null, operationIds: [op.id] });
    expectOk(await office.call('operations.void', { id: op.id, reason: 'Nhập nhầm' }));
    view = expectOk(await office.call('campaigns.get', { id: view.id }));
    expect(view.linkedReports).toEqual([]);
    expect(view.results.find((r) => r.measure.code === 'reports_detected')!.result).toBe(0);
  });

  it('counts a whole-office campaign from the daily summary, adding linked reports outside it once', async () => {
    const { office, dong, tay, report } = await setup();
    const inside = await report('2026-06-05', dong, 'drug_trafficking', 'Trong đợt');
    await report('2026-06-06', tay, 'illegal_lottery', 'Trong đợt, thôn khác');
    await report('2026-06-07', tay, 'theft', 'Ngoài lĩnh vực trọng tâm');
    const before = await report('2026-05-20', dong, 'theft', 'Trước đợt');
    let view = expectOk(await office.call('campaigns.create', { ...campaign(dong), localityIds: [] }));
    const detected = () => view.results.find((r) => r.measure.code === 'reports_detected')!.result;
    expect(detected()).toBe(2);
    view = expectOk(await office.call('campaigns.linkReport', { campaignId: view.id, reportId: inside.id }));
    expect(detected()).toBe(2);
    view = expectOk(await office.call('campaigns.linkReport', { campaignId: view.id, reportId: before.id }));
    expect(detected()).toBe(3);
    expectOk(await office.call('operations.create', { campaignId: view.id, kind: 'raid', startedAt: vn('2026-06-08'), reportIds: [before.id, inside.id] }));
    view = expectOk(await office.call('campaigns.get', { id: view.id }));
    expect(detected()).toBe(3);
    const checked = expectOk(await office.call('reports.transition', { id: before.id, baseVersion: before.version, step: { action: 'start_check' } }));
    expectOk(await office.call('reports.transition', { id: before.id, baseVersion: checked.version, step: { action: 'resolve', how: 'resolved_mediation', note: 'Hòa giải thành' } }));
    view = expectOk(await office.call('campaigns.get', { id: view.id }));
    expect(view.results.find((r) => r.measure.code === 'cases_solved')!.result).toBe(1);
  });

  it('a manual adjustment needs a reason and shows as such', async () => {
    const { office, dong } = await setup();
    const view = expectOk(await office.call('campaigns.create', campaign(dong)));
    const missing = await office.call('campaigns.adjust', { campaignId: view.id, measureCode: 'persons_handled', delta: 2, reason: '' });
    expect(expectError(missing, 'validation').fields?.reason).toBe('v.required');
    const adjusted = expectOk(await office.call('campaigns.adjust', { campaignId: view.id, measureCode: 'persons_handled', delta: 2, reason: 'Phối hợp Công an tỉnh bắt giữ' }));
    const persons = adjusted.results.find((r) => r.measure.code === 'persons_handled')!;
    expect(persons).toMatchObject({ counted: 0, result: 2, percent: 50, adjustments: [{ delta: 2, reason: 'Phối hợp Công an tỉnh bắt giữ' }] });
  });

  it('refuses a focus category that is not a category of the register, on create and on update (found by the contract fuzz)', async () => {
    const { office, dong } = await setup();
    const before = expectOk(await office.call('campaigns.list', {})).rows.length;
    // A code with a control character, one with half an emoji (it was stored as U+FFFD) and one that names nothing.
    for (const [codes, index] of [[['drug_trafficking', 'theft\u0001'], 1], [['x\ud83d'], 0], [['illegal_lottery', 'drug_trafficking', 'không_có'], 2]] as const) {
      const error = expectError(await office.call('campaigns.create', { ...campaign(dong), categoryCodes: [...codes] }), 'validation');
      expect(error.fields).toEqual({ [`categoryCodes.${index}`]: 'v.invalid' });
    }
    expect(expectOk(await office.call('campaigns.list', {})).rows).toHaveLength(before);
    const view = expectOk(await office.call('campaigns.create', campaign(dong)));
    const error = expectError(await office.call('campaigns.update', { id: view.id, baseVersion: view.version, fields: { ...campaign(dong), categoryCodes: ['theft\u0000'] } }), 'validation');
    expect(error.fields).toEqual({ 'categoryCodes.0': 'v.invalid' });
    expect(expectOk(await office.call('campaigns.get', { id: view.id })).categoryCodes).toEqual(['drug_trafficking', 'illegal_lottery']);
  });

  it('compares with the previous campaign and the same period last year', async () => {
    const { office, dong, report } = await setup();
    await report('2025-06-10', dong, 'illegal_lottery', 'Số đề năm trước');
    await report('2025-06-12', dong, 'drug_trafficking', 'Ma túy năm trước');
    const previous = expectOk(await office.call('campaigns.create', { ...campaign(dong), name: 'Đợt tháng 4/2026', startDate: '2026-04-01', endDate: '2026-04-30' }));
    await report('2026-04-10', dong, 'drug_trafficking', 'Ma túy tháng 4');
    const current = expectOk(await office.call('campaigns.create', campaign(dong)));
    expect(current.previousCampaign).toEqual({ id: previous.id, name: 'Đợt tháng 4/2026' });
    const detected = current.results.find((r) => r.measure.code === 'reports_detected')!;
    expect(detected.previousCampaign).toBe(1);
    expect(detected.sameTimeLastYear).toBe(2);
  });

  it('only a chief or administrator opens a campaign; an officer records its operations', async () => {
    const { office, dong } = await setup();
    await addUser(office, { username: 'canbo2', password: 'Ruộng-bậc-thang-2-Tràm-Chim' });
    const officer = await office.login('canbo2', 'Ruộng-bậc-thang-2-Tràm-Chim');
    expectError(await office.callAs(officer, 'campaigns.create', campaign(dong)), 'auth.forbidden');
    const view = expectOk(await office.call('campaigns.create', campaign(dong)));
    expectOk(await office.callAs(officer, 'operations.create', { campaignId: view.id, kind: 'checkpoint', startedAt: vn('2026-06-11'), personsSanctioned: 3 }));
    const bad = await office.call('operations.create', { campaignId: view.id, kind: 'raid', startedAt: vn('2026-06-11'), seizures: [{ measureCode: 'gold', quantity: 1 }] });
    expect(expectError(bad, 'validation').fields?.['seizures.0.measureCode']).toBe('v.invalid');
  });
});

describe('target percentages', () => {
  it('is the share of the target reached, to one decimal, and none without a target', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 4)).toBe(125);
    expect(percentOf(2, 0)).toBeNull();
    expect(percentOf(2, null)).toBeNull();
  });
});

describe('measures', () => {
  it('an administrator adds a seized item with its unit; it can be a target and a seizure', async () => {
    const { office, dong } = await setup();
    const bad = expectError(await office.call('measures.create', { code: 'Pháo nổ', nameVi: 'Pháo nổ thu giữ', unit: 'kg' }), 'validation');
    expect(bad.fields?.code).toBe('v.invalid');
    const added = expectOk(await office.call('measures.create', { code: 'firecrackers', nameVi: 'Pháo nổ thu giữ', unit: 'kg' }));
    expect(added).toMatchObject({ code: 'firecrackers', nameEn: 'Pháo nổ thu giữ', source: 'seizure' });
    expect(expectError(await office.call('measures.create', { code: 'firecrackers', nameVi: 'Trùng', unit: 'kg' }), 'validation').fields?.code).toBe('v.code_taken');
    // Added without a code (the form asks for none): made from the Vietnamese name, a number when taken.
    expect(expectOk(await office.call('measures.create', { nameVi: 'Pháo nổ thu giữ', unit: 'kg' })).code).toBe('phao_no_thu_giu');
    expect(expectOk(await office.call('measures.create', { code: '', nameVi: 'Pháo nổ thu giữ', unit: 'hộp' })).code).toBe('phao_no_thu_giu_2');
    const view = expectOk(await office.call('campaigns.create', { ...campaign(dong), targets: [{ measureCode: 'firecrackers', target: 20 }] }));
    expectOk(await office.call('operations.create', { campaignId: view.id, kind: 'checkpoint', startedAt: vn('2026-06-12'), seizures: [{ measureCode: 'firecrackers', quantity: 5.5 }] }));
    const after = expectOk(await office.call('campaigns.get', { id: view.id }));
    expect(after.results.find((r) => r.measure.code === 'firecrackers')).toMatchObject({ target: 20, result: 5.5, percent: 27.5 });
  });
});
