/**
 * Dates and numbers as Vietnamese offices write them: dd/mm/yyyy, HH:mm dd/mm/yyyy, and dots between
 * thousands (1.234.567) with a comma before decimals. Local time; no dependence on the browser's locale.
 */

type DateInput = Date | number;

const pad = (value: number) => String(value).padStart(2, '0');

export function formatDate(value: DateInput): string {
  const date = new Date(value);
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function formatTime(value: DateInput): string {
  const date = new Date(value);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "HH:mm dd/mm/yyyy", as in "Tạm khóa đến 14:05 03/02/2026". */
export function formatDateTime(value: DateInput): string {
  return `${formatTime(value)} ${formatDate(value)}`;
}

export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(decimals);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}
