import { isVnMidnight, vnParts } from '../core/vn-time';

/**
 * Dates and numbers as Vietnamese offices write them: dd/mm/yyyy, HH:mm dd/mm/yyyy, and dots between
 * thousands (1.234.567) with a comma before decimals. Instants are shown in Vietnam time (UTC+7,
 * docs/decisions.md), whatever the machine's time zone; no dependence on the browser's locale.
 */

type DateInput = Date | number;

const pad = (value: number) => String(value).padStart(2, '0');
const instant = (value: DateInput) => (typeof value === 'number' ? value : value.getTime());

export function formatDate(value: DateInput): string {
  const p = vnParts(instant(value));
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

export function formatTime(value: DateInput): string {
  const p = vnParts(instant(value));
  return `${pad(p.hours)}:${pad(p.minutes)}`;
}

/** "HH:mm dd/mm/yyyy", as in "Tạm khóa đến 14:05 03/02/2026". */
export function formatDateTime(value: DateInput): string {
  return `${formatTime(value)} ${formatDate(value)}`;
}

/** "dd/mm/yyyy HH:mm", the register's column order (date first, so a column sorts by eye). */
export function formatDateAndTime(value: DateInput): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** A calendar date 'YYYY-MM-DD' as dd/mm/yyyy; anything else is shown as it is. */
export function formatIsoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/**
 * The end of a legal limit. Limits in days are kept as exclusive ends (the start of the next day), so
 * one that ends at midnight reads as "24:00 dd/mm/yyyy" of its last day, as the law words it.
 */
export function formatDue(dueAt: number): string {
  return isVnMidnight(dueAt) ? `24:00 ${formatDate(dueAt - 1)}` : formatDateTime(dueAt);
}

export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(decimals);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** A file size as people read it: "850 KB", "12,4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.ceil(bytes / 1024))} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * The units of the shipped measures (db/seed/measures.ts) in English; a unit an office typed itself is
 * shown as typed. Vietnamese documents keep the Vietnamese unit.
 */
const ENGLISH_UNITS: Readonly<Record<string, string>> = {
  vụ: 'cases',
  người: 'persons',
  'tụ điểm': 'hotspots',
  đợt: 'operations',
  gam: 'g',
  đồng: 'VND',
  chiếc: 'items',
};

export function unitName(lang: 'vi' | 'en', unit: string): string {
  return lang === 'en' ? (ENGLISH_UNITS[unit.normalize('NFC').trim()] ?? unit) : unit;
}
