import { DAY_MS, localDate, VIETNAM_OFFSET_MS as OFFSET_MS } from './calendar';

/**
 * Vietnam time (UTC+7, no daylight saving): the office's clock, whatever the machine's time zone.
 * Instants are epoch milliseconds; calendar dates are 'YYYY-MM-DD' (what <input type=date> holds).
 * The offset and the date of an instant are the backend's own (core/calendar.ts), not a copy.
 */

export interface VnParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
}

export function vnParts(at: number): VnParts {
  const shifted = new Date(at + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant in Vietnam. */
export function isoDateOf(at: number): string {
  return localDate(at);
}

/** 'HH:mm' of an instant in Vietnam. */
export function isoTimeOf(at: number): string {
  const p = vnParts(at);
  return `${pad(p.hours)}:${pad(p.minutes)}`;
}

/** The instant of a Vietnam date and time ('YYYY-MM-DD', 'HH:mm'); NaN when either is not valid. */
export function vnInstant(date: string, time = '00:00'): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN;
  return Date.parse(`${date}T${time}:00Z`) - OFFSET_MS;
}

/** Whether an instant is exactly midnight in Vietnam (the exclusive end of a limit counted in days). */
export function isVnMidnight(at: number): boolean {
  return (at + OFFSET_MS) % DAY_MS === 0;
}

/** The first day of the month of `isoDate`. */
export function monthStart(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export { DAY_MS };
