import type { OfficeLevel } from '../../api/views';
import { vnParts } from '../../core/vn-time';

/**
 * How Decree 30/2020/NĐ-CP (Appendix I) writes numbers, dates and places on a document. Pure
 * functions of their input, so they are tested without a browser; instants are written in Vietnam
 * time (UTC+7), the office's clock, whatever the machine's time zone (as renderer/format.ts does).
 */

type DateInput = Date | number;

const partsOf = (value: DateInput) => vnParts(typeof value === 'number' ? value : value.getTime());

const pad2 = (value: number) => String(value).padStart(2, '0');

/** Kinds of commune-level and higher units, as the office's name starts ("Công an xã Quảng Hưng"). */
const unitKinds = [
  { kind: 'thị trấn', symbol: 'CATT' },
  { kind: 'đặc khu', symbol: 'CAĐK' },
  { kind: 'phường', symbol: 'CAP' },
  { kind: 'xã', symbol: 'CAX' },
  { kind: 'thành phố', symbol: 'CATP' },
  { kind: 'tỉnh', symbol: 'CAT' },
  { kind: 'thị xã', symbol: 'CATX' },
  { kind: 'huyện', symbol: 'CAH' },
  { kind: 'quận', symbol: 'CAQ' },
] as const;

function unitOf(officeName: string): (typeof unitKinds)[number] | null {
  const name = officeName.trim().normalize('NFC');
  for (const unit of unitKinds) {
    const prefix = new RegExp(`^công an\\s+${unit.kind}\\s+\\S`, 'iu');
    if (prefix.test(name)) return unit;
  }
  return null;
}

/**
 * The place in the date line: the office's name without "Công an xã / phường / thị trấn / đặc khu"
 * ("Công an xã Quảng Hưng" → "Quảng Hưng"). A name in another form is printed as it is.
 */
export function placeName(officeName: string): string {
  const name = officeName.trim().normalize('NFC');
  const unit = unitOf(name);
  if (!unit) return name;
  return name.replace(new RegExp(`^công an\\s+${unit.kind}\\s+`, 'iu'), '');
}

/** The office's abbreviation in a document's symbol: "CAX" for a commune (xã), "CAP" for a ward… */
export function officeSymbol(officeName: string): string {
  return unitOf(officeName)?.symbol ?? 'CA';
}

/** The signer's capacity: "TRƯỞNG CÔNG AN XÃ" (or PHƯỜNG, THỊ TRẤN, ĐẶC KHU) for a commune-level office. */
export function chiefCapacity(officeName: string, level: OfficeLevel): string {
  if (level === 'higher') return 'THỦ TRƯỞNG ĐƠN VỊ';
  const unit = unitOf(officeName);
  const kind = unit && ['xã', 'phường', 'thị trấn', 'đặc khu'].includes(unit.kind) ? unit.kind : 'xã';
  return `TRƯỞNG CÔNG AN ${upper(kind)}`;
}

/** Capitals as Vietnamese writes them (the national title, office names in the header). */
export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/**
 * "Số: 05/BB-CAX": the number (below 10 with a leading 0, as Decree 30 writes it), the kind of
 * document and the office's abbreviation. A missing number leaves room to write it by hand.
 */
export function documentNumber(no: number | null, kindSymbol: string, officeName: string): string {
  const number = no === null ? '\u00a0'.repeat(8) : pad2(no);
  return `Số: ${number}/${kindSymbol}-${officeSymbol(officeName)}`;
}

/** "ngày 05 tháng 01 năm 2026": day and month padded to two digits. */
export function dateWords(value: DateInput): string {
  const p = partsOf(value);
  return `ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}

/** "Quảng Hưng, ngày 05 tháng 01 năm 2026". */
export function placeDateLine(officeName: string, value: DateInput): string {
  return `${placeName(officeName)}, ${dateWords(value)}`;
}

/** "09 giờ 30 phút". */
export function timeWords(value: DateInput): string {
  const p = partsOf(value);
  return `${pad2(p.hours)} giờ ${pad2(p.minutes)} phút`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-02" → "02/03/2026" (the date as written, no time zone involved). */
export function isoToDisplay(value: string): string {
  const match = ISO_DATE.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Who signs a document of the office: the chief, or a deputy signing in the chief's place. */
export interface SignerChoice {
  /** The chief's name from the office's settings ('' leaves the space to write it by hand). */
  readonly chiefName: string;
  /** The deputy who signs "KT." for the chief, or null when the chief signs. */
  readonly deputy: string | null;
}

/**
 * The signature's capacity and name (Decree 30/2020, Appendix I): "TRƯỞNG CÔNG AN XÃ" and the chief's
 * name, or, when a deputy signs for the chief, "KT. TRƯỞNG CÔNG AN XÃ" over "PHÓ TRƯỞNG CÔNG AN XÃ"
 * and the deputy's name.
 */
export function chiefSigner(officeName: string, level: OfficeLevel, choice: SignerChoice): { readonly capacity: string; readonly name: string } {
  const chief = chiefCapacity(officeName, level);
  if (choice.deputy !== null && choice.deputy.trim() !== '') return { capacity: `KT. ${chief}\nPHÓ ${chief}`, name: choice.deputy.trim() };
  return { capacity: chief, name: choice.chiefName.trim() };
}

/** A sentence ended with one full stop: "Lực lượng: 20 người." stays as it is, never "..". */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…:;]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
