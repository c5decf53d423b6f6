import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, createOffice, expectError, expectOk, manualClock } from '../support/backend';

/** programs.update as the program page's edit panel sends it: the whole form, with the person left out (issue #18). */
afterEach(cleanup);

const vn = (date: string) => Date.parse(`${date}T09:00:00+07:00`);

describe('editing a management program', () => {
  it('corrects the decision and the start, the computed end following; a typed end needs a reason; a stale or ended program is refused', async () => {
    const office = await createOffice({ now: manualClock(vn('2026-04-01')).now });
    const person = expectOk(await office.call('persons.create', { fullName: 'Lò Văn Sáng', birthYear: 1990, gender: 'male' }));
    const program = expectOk(await office.call('programs.create', { personId: person.id, kindCode: 'drug_user', decisionNo: '12/QĐ-UBND', startDate: '2026-03-02' }));
    expect(program.endDate).toBe('2027-03-02');

    const form = { kindCode: 'drug_user', decisionNo: '15/QĐ-UBND', decisionDate: '2026-03-04', startDate: '2026-03-05', endDate: null, endOverrideReason: '', officerId: null };
    const saved = expectOk(await office.call('programs.update', { id: program.id, baseVersion: program.version, fields: form }));
    expect([saved.decisionNo, saved.decisionDate, saved.startDate, saved.endDate, saved.endOverrideReason]).toEqual(['15/QĐ-UBND', '2026-03-04', '2026-03-05', '2027-03-05', '']);

    // A typed end without a reason is refused and changes nothing; with one it is kept.
    const refused = expectError(await office.call('programs.update', { id: program.id, baseVersion: saved.version, fields: { ...form, endDate: '2027-01-31' } }), 'validation');
    expect(refused.fields).toHaveProperty('endOverrideReason');
    expect(expectOk(await office.call('programs.get', { id: program.id })).version).toBe(saved.version);
    const typed = expectOk(await office.call('programs.update', { id: program.id, baseVersion: saved.version, fields: { ...form, endDate: '2027-01-31', endOverrideReason: 'Quyết định ghi ngày kết thúc khác' } }));
    expect([typed.endDate, typed.endOverrideReason]).toEqual(['2027-01-31', 'Quyết định ghi ngày kết thúc khác']);

    // The version the form was opened with is stale now.
    expectError(await office.call('programs.update', { id: program.id, baseVersion: saved.version, fields: form }), 'record.conflict');
    expectOk(await office.call('programs.end', { id: program.id, baseVersion: typed.version, on: '2026-03-31', reason: 'moved', note: 'Chuyển đi nơi khác' }));
    const ended = expectOk(await office.call('programs.get', { id: program.id }));
    expectError(await office.call('programs.update', { id: program.id, baseVersion: ended.version, fields: form }), 'record.invalid_step');
  });
});
