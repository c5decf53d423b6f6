import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, createOffice, expectError, expectOk } from '../support/backend';

/**
 * A new management category (program kind) needs neither a code name nor an English name (issue #18):
 * the code is made from the Vietnamese name, and the English name stays empty for the interface to
 * show the Vietnamese one.
 */

afterEach(cleanup);

describe('programs.createKind', () => {
  it('makes the code from the Vietnamese name when none is given, numbered when taken, and keeps an empty English name', async () => {
    const office = await createOffice();
    const first = expectOk(await office.call('programs.createKind', { nameVi: 'Người đi cai nghiện tự nguyện tại gia đình', checkinDays: 30 }));
    expect(first).toMatchObject({ code: 'nguoi_di_cai_nghien_tu_nguyen_ta', nameVi: 'Người đi cai nghiện tự nguyện tại gia đình', nameEn: '' });
    const second = expectOk(await office.call('programs.createKind', { nameVi: 'Người đi cai nghiện tự nguyện tại gia đình (đợt 2)', checkinDays: 15 }));
    expect(second.code).toBe('nguoi_di_cai_nghien_tu_nguyen_ta_2');
    const kinds = expectOk(await office.call('programs.kinds', {}));
    expect(kinds.filter((kind) => kind.code.startsWith('nguoi_di_cai'))).toHaveLength(2);
    // A code given is still checked and kept.
    expect(expectOk(await office.call('programs.createKind', { code: 'pm_watch', nameVi: 'Theo dõi đặc biệt', nameEn: 'Special watch' })).code).toBe('pm_watch');
    expect(expectError(await office.call('programs.createKind', { code: 'pm_watch', nameVi: 'Khác' }), 'validation').fields).toEqual({ code: 'v.invalid' });
    expect(expectError(await office.call('programs.createKind', { code: 'Có dấu', nameVi: 'Khác' }), 'validation').fields).toEqual({ code: 'v.invalid' });
  });
});
