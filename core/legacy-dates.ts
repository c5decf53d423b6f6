import { isIsoDate, type IsoDate } from './calendar';
import { fold } from './fold';

/**
 * Dates as the offices wrote them in their old registers (issue 22; docs/domain.md, "Legacy registers"):
 * an Excel date (a serial number of days, or the Date a reader made of it), "7/12/2026", "07-12-2026",
 * "7.12.2026", "ngày 7 tháng 12 năm 2026" (with or without diacritics), two-digit years, and an optional
 * time ("7/12/2026 14:30", "14h30 ngày 7/12/2026"). Day first, always (Vietnamese order).
 * Text that is not a date is not guessed at: it comes back as a note, so the row is flagged and the text kept.
 */

export type LegacyDate =
  | { kind: 'date'; date: IsoDate; time: string | null }
  | { kind: 'note'; note: string; reason: 'empty' | 'not-a-date' | 'no-such-day' | 'out-of-range' };

/** Excel's day 0 in the 1900 date system: 1899-12-30 (so serial 1 is 1900-01-01 once the phantom 29 February 1900 is past). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Years a register date may have: nothing before 1945, nothing after next year. */
export interface DateBounds {
  /** The year the import is made in (two-digit years above its last two digits + 1 are read as 19xx). */
  currentYear: number;
  minYear?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(year: number, digits: number, currentYear: number): number {
  if (digits > 2) return year;
  const pivot = (currentYear % 100) + 1;
  return year <= pivot ? 2000 + year : 1900 + year;
}

function checked(y: number, m: number, d: number, time: string | null, bounds: DateBounds, text: string): LegacyDate {
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  if (!isIsoDate(iso)) return { kind: 'note', note: text, reason: 'no-such-day' };
  if (y < (bounds.minYear ?? 1945) || y > bounds.currentYear + 1) return { kind: 'note', note: text, reason: 'out-of-range' };
  return { kind: 'date', date: iso, time };
}

/** An Excel serial (days since 1899-12-30, the fraction the time of day) as a date. */
export function excelSerialDate(serial: number, bounds: DateBounds): LegacyDate {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return { kind: 'note', note: String(serial), reason: 'not-a-date' };
  const at = excelEpochMs + Math.round(serial * DAY / 60_000) * 60_000;
  const d = new Date(at);
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  const time = minutes === 0 ? null : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), time, bounds, String(serial));
}

/** A Date as a spreadsheet reader gives it: the cell's wall-clock date and time in its UTC fields. */
export function excelDate(value: Date, bounds: DateBounds): LegacyDate {
  if (Number.isNaN(value.getTime())) return { kind: 'note', note: '', reason: 'not-a-date' };
  const minutes = value.getUTCHours() * 60 + value.getUTCMinutes();
  const time = minutes === 0 ? null : `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), time, bounds, value.toISOString());
}

/** A time written beside the date: "14:30", "14h30", "14 giờ 30", "14g". */
function timeIn(folded: string): { time: string | null; rest: string } {
  const match = /(?:^|\s|,|lúc|luc)(\d{1,2})\s*(?::|h|g|giờ|gio)\s*(\d{1,2})?\s*(?:phút|phut|p)?(?=\s|,|$)/u.exec(folded);
  if (match === null) return { time: null, rest: folded };
  const h = Number(match[1]);
  const m = match[2] === undefined ? 0 : Number(match[2]);
  if (h > 23 || m > 59) return { time: null, rest: folded };
  return { time: `${pad(h)}:${pad(m)}`, rest: (folded.slice(0, match.index) + ' ' + folded.slice(match.index + match[0].length)).trim() };
}

/** A date written as text (any of the office's ways), or a note. */
export function parseLegacyDateText(text: string, bounds: DateBounds): LegacyDate {
  const original = text.normalize('NFC').trim();
  if (original === '') return { kind: 'note', note: '', reason: 'empty' };
  if (original.length > 80) return { kind: 'note', note: original, reason: 'not-a-date' };
  const folded = fold(original);
  const { time, rest } = timeIn(folded);
  const tidy = rest.replace(/^(?:ngay|ng\.?)\s*/u, '').replace(/[,;]\s*$/u, '').trim();
  // "7 tháng 12 năm 2026" (the "ngày" already taken off).
  const words = /^(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,)\s*(\d{2}|\d{4})$/u.exec(tidy);
  // "7/12/2026", "07-12-2026", "7.12.2026" (and a two-digit year).
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/u.exec(tidy);
  // "2026-12-07": already ISO (a file another program wrote).
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(tidy);
  if (iso !== null) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), time, bounds, original);
  const parts = words ?? numeric;
  if (parts === null) {
    // A bare number in a date column: Excel's serial, written as text by an export.
    if (/^\d{4,5}(?:\.\d+)?$/u.test(tidy) && Number(tidy) > 10_000) return excelSerialDate(Number(tidy), bounds);
    return { kind: 'note', note: original, reason: 'not-a-date' };
  }
  const yearText = parts[3]!;
  const year = fullYear(Number(yearText), yearText.length, bounds.currentYear);
  const result = checked(year, Number(parts[2]), Number(parts[1]), time, bounds, original);
  return result.kind === 'note' ? { ...result, note: original } : result;
}

/** A cell's value in a date column: a Date, a serial number, or text. */
export function parseLegacyDate(value: unknown, bounds: DateBounds): LegacyDate {
  if (value === null || value === undefined) return { kind: 'note', note: '', reason: 'empty' };
  if (value instanceof Date) return excelDate(value, bounds);
  if (typeof value === 'number') return excelSerialDate(value, bounds);
  if (typeof value === 'string') return parseLegacyDateText(value, bounds);
  return { kind: 'note', note: String(value), reason: 'not-a-date' };
}

/** dd/mm/yyyy of an ISO date (what the dry run shows). */
export function shownDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
