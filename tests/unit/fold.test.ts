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

describe('fold of parts', () => {
  // The search index folds a report's parts apart (each person's names once for all their reports,
  // db/register/search-index.ts indexReports): the same text as folding the parts joined by " \n ".
  it('folding parts joined by a space, a line break and a space is joining their non-empty folds with a space', () => {
    const pieces = ['Nguyễn', 'ĐỖ', 'đường', 'Σ', 'ΑΣ', 'aΣ', 'İ', '\u0301', 'a\u0301', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', 'x', '1', '.', "'", ':', 'ǅ', 'ﬁ', 'Hoà', '\u0323b'];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const part = () => Array.from({ length: Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
    for (let i = 0; i < 5000; i += 1) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, part);
      const apart = parts.map(fold).filter((folded) => folded !== '').join(' ');
      expect(apart, JSON.stringify(parts)).toBe(fold(parts.join(' \n ')));
    }
  });
});

describe('fold, as it was written first', () => {
  const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  it('gives the same text as the step-by-step definition on random mixes of letters, marks and spaces', () => {
    const pieces = ['Nguyễn', 'Ỷ', 'đ', 'Đ', 'ΑΣ', '\u0301\u0323', 'a\u0306\u0301', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', 'x', '9', '-', 'ǅ', '\u0370', '\u036f'];
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i += 1) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      expect(fold(text), JSON.stringify(text)).toBe(plain(text));
    }
  });
});
