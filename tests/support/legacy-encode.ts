/**
 * Encoders for the old Vietnamese encodings, for tests only: Unicode → the text Excel stores for a cell
 * typed in a TCVN3 (`.VnTime`) or VNI (`VNI-Times`) font. Built differently from the decoders of
 * core/legacy-encoding.ts on purpose (TCVN3 from the standard's ordering of the VN3 block, VNI from the
 * letter's decomposition), so a round trip checks one construction against the other.
 */

/** The twelve vowels in the order of the VN3 block, and the tones in its order. */
export const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export const toneOrder = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // grave, hook, tilde, acute, dot

/** Every Vietnamese letter with every tone (and none), lower case, plus đ. */
export function everyLowerLetter(): string[] {
  const letters: string[] = ['đ'];
  for (const v of vowels) {
    letters.push(v);
    for (const t of toneOrder) letters.push((v + t).normalize('NFC'));
  }
  return letters;
}

/** VN3: toned lower-case letters fill 0xB5–0xFE in vowel order, five tones each, around these unused bytes. */
const vn3Gaps = new Set([0xba, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xcd, 0xd9, 0xda, 0xdb, 0xe0, 0xf0]);

function vn3Table(): Map<string, number> {
  const table = new Map<string, number>();
  let byte = 0xb5;
  for (const v of vowels) {
    for (const t of toneOrder) {
      while (vn3Gaps.has(byte)) byte += 1;
      table.set((v + t).normalize('NFC'), byte);
      byte += 1;
    }
  }
  if (byte !== 0xff) throw new Error('VN3 block miscounted');
  // The untoned letters: capitals at 0xA1, lower case at 0xA8, in this order.
  ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].forEach((c, i) => table.set(c, 0xa1 + i));
  ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'].forEach((c, i) => table.set(c, 0xa8 + i));
  return table;
}

const vn3 = vn3Table();

/** Windows-1252's characters for 0x80–0x9F (what Excel stores for those bytes). */
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
export function byteChar(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? cp1252[byte - 0x80]! : String.fromCharCode(byte);
}

/**
 * Unicode → TCVN3 as Excel stores it. `capitals`: the text is to be shown in a capital font (`.VnTimeH`),
 * so it is written in lower-case bytes; without it a capital letter with a tone cannot be written.
 */
export function encodeTcvn3(text: string, capitals = false): string {
  const source = capitals ? text.normalize('NFC').toLowerCase() : text.normalize('NFC');
  let out = '';
  for (const char of source) {
    if (char.charCodeAt(0) < 0x80) out += char;
    else {
      const byte = vn3.get(char);
      if (byte === undefined) throw new Error(`TCVN3 has no code for ${char}`);
      out += byteChar(byte);
    }
  }
  return out;
}

/** Unicode → raw TCVN3 bytes (a .csv saved by an old program). */
export function tcvn3Bytes(text: string): Buffer {
  return Buffer.from([...encodeTcvn3(text)].map((c) => c.charCodeAt(0)));
}

// VNI: a letter is its base, a modifier (circumflex, breve, horn) and a tone; bytes given in lower case.
const vniToneByte: Record<string, number> = { '\u0300': 0xf8, '\u0309': 0xfb, '\u0303': 0xf5, '\u0301': 0xf9, '\u0323': 0xef };
const vniCircumflexByte: Record<string, number> = { '': 0xe2, '\u0300': 0xe0, '\u0309': 0xe5, '\u0303': 0xe3, '\u0301': 0xe1, '\u0323': 0xe4 };
const vniBreveByte: Record<string, number> = { '': 0xea, '\u0300': 0xe8, '\u0309': 0xfa, '\u0303': 0xfc, '\u0301': 0xe9, '\u0323': 0xeb };
const vniIByte: Record<string, number> = { '\u0300': 0xec, '\u0309': 0xe6, '\u0303': 0xf3, '\u0301': 0xed, '\u0323': 0xf2 };

function vniLetter(char: string): string {
  if (char === 'đ') return byteChar(0xf1);
  if (char === 'Đ') return byteChar(0xd1);
  const parts = [...char.normalize('NFD')];
  const base = parts[0]!;
  const upper = base !== base.toLowerCase();
  const lowerBase = base.toLowerCase();
  const modifier = parts.find((p) => p === '\u0302' || p === '\u0306' || p === '\u031b') ?? '';
  const tone = parts.find((p) => p in vniToneByte) ?? '';
  if (!/^[aeiouy]$/.test(lowerBase)) return char;
  const mark = (byte: number) => byteChar(upper ? byte - 0x20 : byte);
  if (lowerBase === 'i') return tone === '' ? base : mark(vniIByte[tone]!);
  if (modifier === '\u031b') {
    const letter = mark(lowerBase === 'o' ? 0xf4 : 0xf6);
    return tone === '' ? letter : letter + mark(vniToneByte[tone]!);
  }
  if (modifier === '\u0302') return base + mark(vniCircumflexByte[tone]!);
  if (modifier === '\u0306') return base + mark(vniBreveByte[tone]!);
  if (tone === '') return base;
  if (lowerBase === 'y' && tone === '\u0323') return base + mark(0xee);
  return base + mark(vniToneByte[tone]!);
}

/** Unicode → VNI as Excel stores it (capital letters take the capital marks). */
export function encodeVni(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += char.charCodeAt(0) < 0x80 ? char : vniLetter(char);
  return out;
}
