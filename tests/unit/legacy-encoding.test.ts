import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeTcvn3Bytes,
  decodeVni,
  detectColumnEncoding,
  detectEncoding,
  fontEvidence,
  isVietnameseSyllable,
  toUnicode,
} from '../../core/legacy-encoding';
import { encodeTcvn3, encodeVni, everyLowerLetter, tcvn3Bytes } from '../support/legacy-encode';

const lower = everyLowerLetter();
const upper = lower.map((c) => c.toUpperCase());

describe('the Vietnamese letters', () => {
  it('are 12 vowels × 6 tones and đ, in each case', () => {
    expect(lower).toHaveLength(73);
    expect(new Set(upper).size).toBe(73);
    for (const c of [...lower, ...upper]) expect(c.normalize('NFC')).toHaveLength(1);
  });
});

describe('TCVN3 (TCVN 5712:1993, VN3)', () => {
  it('decodes what Excel stores for the standard\'s own samples', () => {
    expect(decodeTcvn3('Ng\u00adêi')).toBe('Người');
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3('tµng tr÷ tr¸i phÐp chÊt ma tuý')).toBe('tàng trữ trái phép chất ma tuý');
  });

  it('round-trips every lower-case letter with every tone (.VnTime)', () => {
    for (const letter of lower) {
      const legacy = encodeTcvn3(letter);
      expect(legacy, letter).toHaveLength(1);
      expect(decodeTcvn3(legacy), letter).toBe(letter);
    }
  });

  it('round-trips every capital letter with every tone through a capital font (.VnTimeH): the case comes from the font', () => {
    for (const letter of upper) {
      const legacy = encodeTcvn3(letter, true);
      expect(decodeTcvn3(legacy, fontEvidence('.VnTimeH')!.capitals), letter).toBe(letter);
      expect(decodeTcvn3(legacy, false), letter).toBe(letter.toLowerCase());
    }
    expect(toUnicode(encodeTcvn3('CÔNG AN XÃ QUẢNG HƯNG', true), '.VnTimeH').text).toBe('CÔNG AN XÃ QUẢNG HƯNG');
  });

  it('writes the untoned capitals (Ă Â Ê Ô Ơ Ư Đ) in the normal font and has no code for a toned capital', () => {
    for (const letter of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeTcvn3(encodeTcvn3(letter))).toBe(letter);
    expect(() => encodeTcvn3('Ấ')).toThrow(/no code/);
  });

  it('reads raw TCVN3 bytes (a .csv)', () => {
    const text = 'Nguyễn Văn Đức, thôn Đông, ngày 7 tháng 12';
    expect(decodeTcvn3Bytes(tcvn3Bytes(text))).toBe(text);
  });
});

describe('VNI (VNI-Times)', () => {
  it('decodes the published samples', () => {
    expect(decodeVni('Ngöôøi')).toBe('Người');
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('round-trips every letter with every tone, lower and upper case', () => {
    for (const letter of [...lower, ...upper]) {
      const legacy = encodeVni(letter);
      expect(decodeVni(legacy), letter).toBe(letter);
    }
  });

  it('reads a capital base with a lower-case mark (as old files have it)', () => {
    expect(decodeVni('Aù')).toBe('Á');
    expect(decodeVni('Oâ')).toBe('Ô');
    expect(decodeVni('COÄNG')).toBe('CỘNG');
  });

  it('round-trips whole sentences in both encodings', () => {
    const sentences = [
      'Nguyễn Thị Hồng Nhung, sinh năm 1987, trú tại thôn Đông, xã Quảng Hưng',
      'Trộm cắp tài sản: mất xe máy Honda Wave biển số 36B1-234.56 lúc 22 giờ',
      'Gây rối trật tự công cộng tại quán karaoke; đã lập biên bản, chuyển Công an huyện',
      'ỨNG DỤNG, THUYỀN, KHUYỂN, NGOẶT, QUẢY, GIƯỜNG, NGHIÊNG, ĐƯỢC, YÊU, KHOẺ, HOÀ',
    ];
    for (const s of sentences) {
      expect(decodeVni(encodeVni(s))).toBe(s);
      expect(decodeTcvn3(encodeTcvn3(s.toLowerCase()))).toBe(s.toLowerCase());
    }
  });
});

describe('syllables', () => {
  it.each(['người', 'nghiêng', 'khuyển', 'gì', 'quốc', 'giường', 'thuở', 'oanh', 'huỳnh', 'xoong', 'ươm', 'yêu'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['ng­êi', 'ngöôøi', 'xyz', 'ápá', 'aàa', 'hôè'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('detection', () => {
  const text = 'Nguyễn Văn Tuấn trộm cắp xe máy của chị Lê Thị Hoa ở thôn Đông';
  const tcvn3 = encodeTcvn3(text.toLowerCase());
  const vni = encodeVni(text);

  it('finds each encoding from the text alone', () => {
    expect(detectEncoding(tcvn3).encoding).toBe('tcvn3');
    expect(detectEncoding(vni).encoding).toBe('vni');
    expect(detectEncoding(text)).toMatchObject({ encoding: 'unicode', reason: 'unicode-only' });
    expect(toUnicode(tcvn3).text).toBe(text.toLowerCase());
    expect(toUnicode(vni).text).toBe(text);
  });

  it('takes the font as evidence, case included', () => {
    expect(fontEvidence('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(fontEvidence('.VnArialH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(fontEvidence('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(fontEvidence('Times New Roman')).toBeNull();
    expect(fontEvidence(undefined)).toBeNull();
    // "Bµ" alone is one word: the font settles it.
    expect(detectEncoding('Bµ', '.VnTime')).toMatchObject({ encoding: 'tcvn3', reason: 'font' });
    expect(toUnicode('b¶o vÖ', '.VnTimeH').text).toBe('BẢO VỆ');
  });

  it('keeps plain ASCII and plain Unicode as they are, whatever the font', () => {
    expect(toUnicode('Honda Wave 36B1', '.VnTime').text).toBe('Honda Wave 36B1');
    expect(toUnicode('Người', '.VnTime').text).toBe('Người');
    expect(toUnicode('Café Paris').detection.encoding).toBe('unicode');
  });

  it('overrules a font the text clearly does not fit (a VNI cell whose font was changed)', () => {
    expect(detectEncoding(vni, '.VnTime').encoding).toBe('vni');
  });

  it('reads a column as one encoding', () => {
    const column = ['Nguyễn Văn A', 'Lê Thị Bình', 'Trần Hùng'].map((s) => encodeVni(s));
    expect(detectColumnEncoding(column).encoding).toBe('vni');
    expect(detectColumnEncoding(['Bµ', 'H¹'], ['.VnTime', '.VnTime']).encoding).toBe('tcvn3');
  });
});
