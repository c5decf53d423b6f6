/**
 * The old Vietnamese encodings an office's registers were typed in, converted to Unicode NFC
 * (docs/domain.md, "Legacy registers"; issue 22).
 *
 * Before Unicode, Vietnamese text was typed in 8-bit fonts: the byte is stored, the font draws it as a
 * Vietnamese letter. Excel keeps such text as the Windows code page 1252 reading of the bytes, so a cell
 * typed in `.VnTime` holds "Ng­êi" and one typed in `VNI-Times` holds "Ngöôøi" (both: "Người").
 *
 * - TCVN3 (TCVN 5712:1993, the VN3 set; "ABC", fonts `.VnTime`, `.VnArial`…): one byte per letter, in
 *   0xA1–0xFE. VN3 has no capital letters with tone marks: those are drawn by the capital fonts
 *   (`.VnTimeH`…), which draw every byte as a capital, so the case comes from the font.
 * - VNI (VNI-Windows, fonts `VNI-Times`…): a base letter followed by a mark byte (circumflex, breve, tone,
 *   or circumflex/breve with a tone in one byte); ơ, ư, đ and the toned i are single bytes.
 *
 * Which encoding a text is in is not written anywhere: the font name is evidence when the cell has one,
 * otherwise each decoding is scored by how many of its words are Vietnamese syllables.
 * Pure: imports nothing.
 */

export type LegacyEncoding = 'unicode' | 'tcvn3' | 'vni';

export const legacyEncodings: readonly LegacyEncoding[] = ['unicode', 'tcvn3', 'vni'];

// ---------------------------------------------------------------------------------------------------
// Bytes: Excel stores the legacy bytes as their Windows-1252 characters.

/** Windows-1252's 0x80–0x9F block (the rest of 0x00–0xFF is Latin-1, byte = code point). */
const cp1252High: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** The byte a character stands for in a legacy-font cell; null when no 8-bit font could have produced it. */
export function legacyByte(char: string): number | null {
  const code = char.codePointAt(0) ?? -1;
  if (code >= 0 && code <= 0xff && !(code >= 0x80 && code <= 0x9f)) return code;
  return cp1252High[code] ?? null;
}

/** True when every character of the text could have come from an 8-bit font (so a legacy reading is possible). */
export function fitsLegacyBytes(text: string): boolean {
  for (const char of text) if (legacyByte(char) === null) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993, VN3), written from the standard's table: byte → letter.

const tcvn3Letters: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

/**
 * TCVN3 text (as Excel stores it) to Unicode NFC. `capitals`: the cell's font is a capital font
 * (`.VnTimeH`), which draws every letter as a capital.
 */
export function decodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const char of text) {
    const byte = legacyByte(char);
    out += byte === null ? char : (tcvn3Letters[byte] ?? char);
  }
  out = out.normalize('NFC');
  return capitals ? out.toUpperCase() : out;
}

/** TCVN3 bytes (a .csv saved by an old program) to Unicode: ASCII as is, the rest through the VN3 table, else Latin-1. */
export function decodeTcvn3Bytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += tcvn3Letters[byte] ?? String.fromCharCode(byte);
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------
// VNI, written from VNI's published table. Marks are given as bytes; capital letters take the capital
// marks (the lower-case mark byte − 0x20), though mixed case is met in old files and read too.

type Tone = '' | 'grave' | 'hook' | 'tilde' | 'acute' | 'dot';
const tones: readonly Tone[] = ['', 'grave', 'hook', 'tilde', 'acute', 'dot'];

/** Lower-case VNI mark bytes: the plain tone marks. */
const vniTone: Record<Exclude<Tone, ''>, number> = { grave: 0xf8, hook: 0xfb, tilde: 0xf5, acute: 0xf9, dot: 0xef };
/** Circumflex alone and with each tone (one byte each). */
const vniCircumflex: Record<Tone, number> = { '': 0xe2, grave: 0xe0, hook: 0xe5, tilde: 0xe3, acute: 0xe1, dot: 0xe4 };
/** Breve alone and with each tone. */
const vniBreve: Record<Tone, number> = { '': 0xea, grave: 0xe8, hook: 0xfa, tilde: 0xfc, acute: 0xe9, dot: 0xeb };
/** i with a tone is a single byte. */
const vniI: Record<Exclude<Tone, ''>, number> = { grave: 0xec, hook: 0xe6, tilde: 0xf3, acute: 0xed, dot: 0xf2 };
/** y takes its own dot-below byte. */
const vniYDot = 0xee;
/** Single-byte letters: ơ, ư, đ. */
const vniO7 = 0xf4;
const vniU7 = 0xf6;
const vniD9 = 0xf1;

const combiningTone: Record<Exclude<Tone, ''>, string> = {
  grave: '\u0300', hook: '\u0309', tilde: '\u0303', acute: '\u0301', dot: '\u0323',
};

function withTone(letter: string, tone: Tone): string {
  return (tone === '' ? letter : letter + combiningTone[tone]).normalize('NFC');
}

/** VNI sequence (as Excel stores it, in lower case) → letter; built once from the mark tables. */
function buildVniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const ch = (byte: number) => String.fromCharCode(byte);
  const add = (seq: string, letter: string) => {
    table.set(seq, letter);
    // Capitals: the base letter and the mark both in capitals (mark byte − 0x20), or a capital base with a
    // lower-case mark (met in old files); the letter's case follows the base.
    const upperSeq = [...seq].map((c) => (c.charCodeAt(0) >= 0xe0 ? String.fromCharCode(c.charCodeAt(0) - 0x20) : c.toUpperCase())).join('');
    table.set(upperSeq, letter.toUpperCase());
    if (seq.length === 2) table.set(upperSeq[0]! + seq[1]!, letter.toUpperCase());
  };
  for (const tone of tones) {
    for (const base of ['a', 'e', 'o', 'u', 'y']) {
      if (tone === '') continue;
      const mark = base === 'y' && tone === 'dot' ? vniYDot : vniTone[tone];
      add(base + ch(mark), withTone(base, tone));
    }
    add(ch(vniO7) + (tone === '' ? '' : ch(vniTone[tone])), withTone('ơ', tone));
    add(ch(vniU7) + (tone === '' ? '' : ch(vniTone[tone])), withTone('ư', tone));
    for (const base of ['a', 'e', 'o']) add(base + ch(vniCircumflex[tone]), withTone(({ a: 'â', e: 'ê', o: 'ô' } as const)[base as 'a'], tone));
    add('a' + ch(vniBreve[tone]), withTone('ă', tone));
    if (tone !== '') add(ch(vniI[tone]), withTone('i', tone));
  }
  add(ch(vniD9), 'đ');
  return table;
}

let vniTable: Map<string, string> | null = null;

/** VNI text (as Excel stores it) to Unicode NFC: longest sequence first (a base letter and its mark). */
export function decodeVni(text: string): string {
  vniTable ??= buildVniTable();
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const pair = (chars[i] ?? '') + (chars[i + 1] ?? '');
    const two = i + 1 < chars.length ? vniTable.get(pair) : undefined;
    if (two !== undefined) {
      out += two;
      i += 2;
      continue;
    }
    out += vniTable.get(chars[i]!) ?? chars[i]!;
    i += 1;
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------
// Fonts as evidence.

export interface FontEvidence {
  encoding: Exclude<LegacyEncoding, 'unicode'>;
  /** A TCVN3 capital font (`.VnTimeH`): every letter drawn as a capital. */
  capitals: boolean;
}

/**
 * What a cell's font name says: `.VnTime`, `.VnArial`, `.VnTimeH` (capitals) → TCVN3; `VNI-Times`,
 * `VNI-Helve`… → VNI; a Unicode font (Times New Roman, Arial…) or none → no evidence.
 */
export function fontEvidence(fontName: string | null | undefined): FontEvidence | null {
  const name = (fontName ?? '').trim();
  if (/^\.?vn[a-z]/i.test(name) && !/^vni[-_ ]/i.test(name)) return { encoding: 'tcvn3', capitals: /H$/.test(name) };
  if (/^vni[-_ ]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Vietnamese syllables: the score of a decoding.

const onsets = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const nuclei = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uyê', 'uya', 'uyu', 'uôu',
].sort((a, b) => b.length - a.length);
const codas = '(?:ch|ng|nh|c|m|n|p|t)?';
const syllablePattern = new RegExp(`^${onsets}(?:${nuclei.join('|')})${codas}$`, 'u');
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** True when a word (letters only) is a Vietnamese syllable: onset, vowel, coda, at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const marks = decomposed.match(toneMarks)?.length ?? 0;
  if (marks > 1) return false;
  const bare = decomposed.replace(toneMarks, '').normalize('NFC');
  return syllablePattern.test(bare);
}

export interface SyllableScore {
  /** Words (that held a non-ASCII character before decoding) read as Vietnamese syllables. */
  valid: number;
  /** Such words that are not syllables (mojibake, a foreign word). */
  invalid: number;
}

/** A raw text's words: split on spaces and ASCII punctuation only (legacy letters hide in Latin-1 symbols). */
function rawWords(text: string): string[] {
  return text.split(/[\s!-/:-@[-`{-~]+/u).filter((w) => w !== '');
}

/** How well a decoding reads: each word of the raw text with a non-ASCII character, decoded, checked as a syllable. */
export function syllableScore(text: string, decode: (word: string) => string): SyllableScore {
  let valid = 0;
  let invalid = 0;
  for (const raw of rawWords(text)) {
    if ([...raw].every((c) => c.charCodeAt(0) < 0x80)) continue;
    const word = decode(raw);
    if (/^\p{L}+$/u.test(word.normalize('NFC')) && isVietnameseSyllable(word)) valid += 1;
    else invalid += 1;
  }
  return { valid, invalid };
}

// ---------------------------------------------------------------------------------------------------
// Detection and conversion.

export interface Detection {
  encoding: LegacyEncoding;
  /** TCVN3 read in a capital font. */
  capitals: boolean;
  /** Why: 'font' (the cell's font said so), 'unicode-only' (a character no 8-bit font makes), 'score', 'none' (nothing to tell). */
  reason: 'font' | 'unicode-only' | 'score' | 'none';
  scores: Record<LegacyEncoding, SyllableScore>;
}

/** Decode with a chosen encoding (the user's override, or what detection found). */
export function decodeAs(text: string, encoding: LegacyEncoding, capitals = false): string {
  if (encoding === 'tcvn3') return decodeTcvn3(text, capitals);
  if (encoding === 'vni') return decodeVni(text);
  return text.normalize('NFC');
}

/**
 * Which encoding a text is in. A character outside what an 8-bit font produces means Unicode. Otherwise
 * the font decides when it is a legacy font, unless its decoding reads clearly worse than another (a
 * cell whose font was changed after typing); with no font the best-scoring decoding wins, Unicode on a tie.
 */
export function detectEncoding(text: string, fontName?: string | null): Detection {
  const font = fontEvidence(fontName);
  const score = (encoding: LegacyEncoding) => syllableScore(text, (w) => decodeAs(w, encoding));
  const scores = { unicode: score('unicode'), tcvn3: score('tcvn3'), vni: score('vni') };
  if (!fitsLegacyBytes(text)) return { encoding: 'unicode', capitals: false, reason: 'unicode-only', scores };
  const net = (e: LegacyEncoding) => scores[e].valid - scores[e].invalid;
  if (font !== null) {
    const others = legacyEncodings.filter((e) => e !== font.encoding);
    const clearlyWorse = others.some((e) => net(e) > net(font.encoding) && scores[font.encoding].invalid > 0);
    if (!clearlyWorse) return { encoding: font.encoding, capitals: font.capitals, reason: 'font', scores };
  }
  const words = scores.unicode.valid + scores.unicode.invalid;
  if (words === 0) return { encoding: 'unicode', capitals: false, reason: 'none', scores };
  let best: LegacyEncoding = 'unicode';
  for (const e of legacyEncodings) if (net(e) > net(best)) best = e;
  return { encoding: best, capitals: false, reason: 'score', scores };
}

/** Detection over many texts (a column): the scores summed, so a column reads in one encoding. */
export function detectColumnEncoding(texts: readonly string[], fontNames: readonly (string | null | undefined)[] = []): Detection {
  const fonts = new Map<string, number>();
  for (const f of fontNames) {
    const evidence = fontEvidence(f);
    if (evidence !== null) fonts.set(`${evidence.encoding}:${evidence.capitals}`, (fonts.get(`${evidence.encoding}:${evidence.capitals}`) ?? 0) + 1);
  }
  const joined = texts.join('\n');
  let font: string | null = null;
  let most = 0;
  for (const [key, count] of fonts) if (count > most) [font, most] = [key, count];
  const fontName = font === null ? null : font.startsWith('tcvn3') ? (font.endsWith('true') ? '.VnTimeH' : '.VnTime') : 'VNI-Times';
  return detectEncoding(joined, fontName);
}

/** A text to Unicode NFC, detected per text with the font as evidence: the converted text and how it was read. */
export function toUnicode(text: string, fontName?: string | null): { text: string; detection: Detection } {
  const detection = detectEncoding(text, fontName);
  return { text: decodeAs(text, detection.encoding, detection.capitals), detection };
}
