import { describe, expect, it } from 'vitest';
import { fold } from '../../core/fold';

describe('fold', () => {
  it.each([
    ['Nguyễn Văn A', 'nguyen van a'],
    ['đường dây', 'duong day'],
    ['ĐỖ', 'do'],
    ['Đặng Thị Ngọc Hân', 'dang thi ngoc han'],
    ['Trần Quốc Tuấn', 'tran quoc tuan'],
    ['Lê Thị Hồng Nhung', 'le thi hong nhung'],
    ['Phường Điện Biên', 'phuong dien bien'],
    ['Thôn Đông', 'thon dong'],
    ['Công an xã Quảng Hưng', 'cong an xa quang hung'],
    ['ỨNG DỤNG MA TÚY ĐÁ', 'ung dung ma tuy da'],
    ['tàng trữ, vận chuyển', 'tang tru, van chuyen'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('folds composed (NFC) and decomposed (NFD) input the same', () => {
    for (const text of ['Nguyễn Văn Đức', 'đường dây', 'ĐỖ', 'Quảng Hưng', 'Thanh Hóa', 'Hoà']) {
      const nfc = text.normalize('NFC');
      const nfd = text.normalize('NFD');
      expect(nfc).not.toBe(nfd);
      expect(fold(nfd)).toBe(fold(nfc));
    }
  });

  it('folds both spellings of the tone on "oa" to the same text', () => {
    // Old (hòa) and new (hoà) tone placement are both in use.
    expect(fold('Thanh Hòa')).toBe(fold('Thanh Hoà'));
    expect(fold('Thanh Hóa')).toBe('thanh hoa');
  });

  it('squeezes and trims spaces, including tabs and new lines', () => {
    expect(fold('  Nguyễn \t Văn\n\nA  ')).toBe('nguyen van a');
  });

  it('leaves what is already folded, digits and punctuation unchanged', () => {
    expect(fold('nguyen van a')).toBe('nguyen van a');
    expect(fold('15/2026-BB')).toBe('15/2026-bb');
    expect(fold('')).toBe('');
  });

  it('is idempotent', () => {
    for (const text of ['Nguyễn Văn Đức', 'ĐƯỜNG DÂY', 'Ỷ Lan']) expect(fold(fold(text))).toBe(fold(text));
  });

  it('a folded query is found in folded text', () => {
    const haystack = fold('Đối tượng Nguyễn Văn A tham gia đường dây mua bán ma túy');
    expect(haystack.includes(fold('nguyen van a'))).toBe(true);
    expect(haystack.includes(fold('duong day'))).toBe(true);
    expect(haystack.includes(fold('ĐƯỜNG DÂY'))).toBe(true);
    expect(haystack.includes(fold('đường dây buôn'))).toBe(false);
  });
});
