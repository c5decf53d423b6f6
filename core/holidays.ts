import { addDays, daysOff, weekday, type DaysOff, type IsoDate } from './calendar';
import { fromLunar, lunarNewYear } from './lunar';

/**
 * The statutory public holidays of any year (Labour Code 2019, art. 112) and the working days they take
 * off, for the working-day count of legal limits (docs/domain.md, "Days off"; docs/decisions.md,
 * "Holidays computed for any year"):
 *
 * - 1 January; Tết, 5 days: the last day of the old lunar year and the first four of the new; Hùng Kings'
 *   day, 10th day of the 3rd lunar month; 30 April; 1 May; 2 September and one adjacent day: 3 September
 *   when the 2nd is a Monday or a Thursday (joining a weekend), else 1 September.
 * - A holiday on a Saturday or Sunday gives a compensatory day off on the next working day after it
 *   (art. 111(3)).
 * - Known Government schedules that differ from these rules (shipped below; the office adds each
 *   year's bridge days itself, docs/domain.md).
 *
 * The result lists working days only (weekdays that are off), each with its name: weekends are off anyway.
 */
export interface StatutoryDay {
  readonly date: IsoDate;
  readonly name: string;
}

const names = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hung: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Giải phóng miền Nam',
  labour: 'Ngày Quốc tế Lao động',
  national: 'Quốc khánh',
} as const;

/**
 * The Government's schedules that moved a statutory day, by year: the days added and the days that
 * stayed working. 2025 (Tết from Saturday 25/01 to Sunday 02/02, back at work Monday 03/02): Monday
 * 27/01 off in place of the compensatory Monday 03/02.
 */
const shippedSchedules: Readonly<Record<number, { readonly off: readonly StatutoryDay[]; readonly working: readonly IsoDate[] }>> = {
  2025: { off: [{ date: '2025-01-27', name: names.tet }], working: ['2025-02-03'] },
};

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

const cache = new Map<number, readonly StatutoryDay[]>();

/** The working days off of a Gregorian year by the statutory rules, in date order. */
export function statutoryHolidays(year: number): readonly StatutoryDay[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const tet = lunarNewYear(year);
  const nationalSecond = `${year}-09-02`;
  const nationalDay = weekday(nationalSecond);
  const groups: readonly (readonly IsoDate[])[] = [
    [`${year}-01-01`],
    [addDays(tet, -1), tet, addDays(tet, 1), addDays(tet, 2), addDays(tet, 3)],
    [fromLunar(year, 3, 10)],
    [`${year}-04-30`, `${year}-05-01`],
    nationalDay === 1 || nationalDay === 4 ? [nationalSecond, `${year}-09-03`] : [`${year}-09-01`, nationalSecond],
  ];
  const groupNames = [names.newYear, names.tet, names.hung, null, names.national];
  const off = new Map<IsoDate, string>();
  const all = new Set(groups.flat());
  groups.forEach((group, index) => {
    let owed = 0;
    for (const date of group) {
      const name = groupNames[index] ?? (date.endsWith('04-30') ? names.reunification : names.labour);
      if (isWeekend(date)) owed += 1;
      else off.set(date, name);
    }
    // Compensatory days after the group: the next working days not already holidays.
    let next = group[group.length - 1]!;
    const compensated = groupNames[index] ?? (group.some((d) => isWeekend(d) && d.endsWith('05-01')) ? names.labour : names.reunification);
    while (owed > 0) {
      next = addDays(next, 1);
      if (isWeekend(next) || all.has(next) || off.has(next)) continue;
      off.set(next, `Nghỉ bù ${compensated}`);
      owed -= 1;
    }
  });
  const schedule = shippedSchedules[year];
  if (schedule) {
    for (const date of schedule.working) off.delete(date);
    for (const day of schedule.off) off.set(day.date, day.name);
  }
  const days = [...off].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, days);
  return days;
}

/** The years the program computes holidays for (the contract's range of years). */
export const holidayYears = { first: 2000, last: 2100 } as const;

/** From this day of the year (month-day) the dashboard asks for next year's list to be confirmed. */
export const CONFIRM_NEXT_YEAR_FROM = '10-01';

/** The year whose list should be confirmed on `today`: next year's, from 1 October, while unconfirmed. */
export function yearToConfirm(today: IsoDate, isConfirmed: (year: number) => boolean): number | null {
  const next = Number(today.slice(0, 4)) + 1;
  return today.slice(5) >= CONFIRM_NEXT_YEAR_FROM && !isConfirmed(next) ? next : null;
}

/** The computed days off of a range of years (no swapped day), as the deadline rules read them. */
export function statutoryDaysOff(from: number, to: number): DaysOff {
  const days = new Set<IsoDate>();
  for (let year = from; year <= to; year++) for (const day of statutoryHolidays(year)) days.add(day.date);
  return daysOff(days);
}
