/**
 * Calendar arithmetic for legal limits, on Vietnam's civil calendar. Dates are 'YYYY-MM-DD' strings;
 * instants are epoch milliseconds. Vietnam keeps UTC+7 all year (no daylight saving), so a local day
 * starts at 17:00 UTC of the day before.
 */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The local (Vietnam) date of an instant. */
export function localDate(at: number): IsoDate {
  return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local day begins (00:00 Vietnam time). */
export function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS;
}

/** The instant a local day ends: 24:00, i.e. the start of the next day (exclusive). */
export function endOfDay(date: IsoDate): number {
  return startOfDay(date) + DAY_MS;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The corresponding date `months` later; where that month has no such date (31 → February), the
 * month's last day (Criminal Procedure Code 2015 art. 134; Civil Code 2015 art. 148).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The days that break the week's rule, for the years known: the public holidays, and the weekend days
 * worked instead of a day off when the Government swaps them (Saturday 08/02/2025 was worked for Monday
 * 27/01/2025, Tết). docs/domain.md, "Days off".
 */
export interface DaysOff {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly worked: ReadonlySet<IsoDate>;
}

export function daysOff(holidays: Iterable<IsoDate>, worked: Iterable<IsoDate> = []): DaysOff {
  return { holidays: new Set(holidays), worked: new Set(worked) };
}

/** Days off: Saturdays, Sundays and the public holidays (Labour Code 2019 art. 111, 112), less the weekend days worked. */
export function isDayOff(date: IsoDate, days: DaysOff): boolean {
  if (days.worked.has(date)) return false;
  const day = weekday(date);
  return day === 0 || day === 6 || days.holidays.has(date);
}

/** The date itself when it is a working day, else the first working day after it. */
export function onOrNextWorkingDay(date: IsoDate, days: DaysOff): IsoDate {
  let current = date;
  while (isDayOff(current, days)) current = addDays(current, 1);
  return current;
}

/** The n-th working day after `date` (the date itself not counted). */
export function addWorkingDays(date: IsoDate, n: number, days: DaysOff): IsoDate {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isDayOff(current, days)) left -= 1;
  }
  return current;
}
