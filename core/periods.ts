import { addDays, type IsoDate } from './calendar';

/**
 * Reporting periods (docs/domain.md, "Reports and the police month"). Police statistics count in months that
 * run from the cut-off day of the previous month to the day before it (15th to 14th by default), so a police
 * year Y runs from 15/12/Y-1 to 14/12/Y, its first half from 15/12/Y-1 to 14/6/Y, and its first quarter from
 * 15/12/Y-1 to 14/3/Y. With a cut-off of 1 the periods are calendar months. A custom range is any two dates.
 */
export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly index: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly index: number }
  | { readonly kind: 'half'; readonly year: number; readonly index: number }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'custom'; readonly start: IsoDate; readonly end: IsoDate };

export interface DateRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The ranges a report compares: the period, the same period last year, the one before, the year so far. */
export interface ComparedRanges {
  readonly current: DateRange;
  readonly lastYear: DateRange;
  readonly previous: DateRange;
  readonly yearToDate: DateRange;
  readonly yearToDateLastYear: DateRange;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date from a year, a month that may run outside 1..12, and a day. */
function dateOf(year: number, month: number, day: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Police month `month` (1..12) of police year `year`. */
export function policeMonth(year: number, month: number, cutoff: number): DateRange {
  const shift = cutoff === 1 ? 0 : 1;
  return { start: dateOf(year, month - shift, cutoff), end: addDays(dateOf(year, month - shift + 1, cutoff), -1) };
}

function months(year: number, first: number, last: number, cutoff: number): DateRange {
  return { start: policeMonth(year, first, cutoff).start, end: policeMonth(year, last, cutoff).end };
}

/**
 * The police month a date falls in: from the cut-off day on, a date belongs to the next month (15/11 falls
 * in police month 12 with the default cut-off 15; 15/12 in month 1 of the next year). The inverse of
 * `policeMonth`: the returned month's range holds the date.
 */
export function policeMonthOf(date: IsoDate, cutoff: number): { readonly year: number; readonly month: number } {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (cutoff <= 1 || date < dateOf(year, month, cutoff)) return { year, month };
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The dates a period covers. */
export function rangeOf(period: Period, cutoff: number): DateRange {
  switch (period.kind) {
    case 'month':
      return policeMonth(period.year, period.index, cutoff);
    case 'quarter':
      return months(period.year, period.index * 3 - 2, period.index * 3, cutoff);
    case 'half':
      return months(period.year, period.index * 6 - 5, period.index * 6, cutoff);
    case 'year':
      return months(period.year, 1, 12, cutoff);
    case 'custom':
      return { start: period.start, end: period.end };
  }
}

/** The police year a date falls in: from the cut-off day of December on, it is next year's. */
export function policeYearOf(date: IsoDate, cutoff: number): number {
  const year = Number(date.slice(0, 4));
  return cutoff > 1 && date >= dateOf(year, 12, cutoff) ? year + 1 : year;
}

/** The same dates a year earlier; 29 February becomes 28 February. */
export function yearBefore(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4)) - 1;
  const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return month === 2 && day === 29 ? `${year}-02-28` : `${year}${date.slice(4)}`;
}

function daysBetween(range: DateRange): number {
  return Math.round((Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period just before: the previous month, quarter, half or year; for a custom range, as many days before it. */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'month':
      return period.index === 1 ? { kind: 'month', year: period.year - 1, index: 12 } : { ...period, index: period.index - 1 };
    case 'quarter':
      return period.index === 1 ? { kind: 'quarter', year: period.year - 1, index: 4 } : { ...period, index: period.index - 1 };
    case 'half':
      return period.index === 1 ? { kind: 'half', year: period.year - 1, index: 2 } : { ...period, index: period.index - 1 };
    case 'year':
      return { kind: 'year', year: period.year - 1 };
    case 'custom': {
      const length = daysBetween(period);
      return { kind: 'custom', start: addDays(period.start, -length), end: addDays(period.start, -1) };
    }
  }
}

/** The same period a year earlier. */
export function periodLastYear(period: Period): Period {
  return period.kind === 'custom' ? { kind: 'custom', start: yearBefore(period.start), end: yearBefore(period.end) } : { ...period, year: period.year - 1 };
}

export function comparedRanges(period: Period, cutoff: number): ComparedRanges {
  const current = rangeOf(period, cutoff);
  const lastYear = rangeOf(periodLastYear(period), cutoff);
  const policeYear = policeYearOf(current.end, cutoff);
  return {
    current,
    lastYear,
    previous: rangeOf(previousPeriod(period), cutoff),
    yearToDate: { start: rangeOf({ kind: 'year', year: policeYear }, cutoff).start, end: current.end },
    yearToDateLastYear: { start: rangeOf({ kind: 'year', year: policeYear - 1 }, cutoff).start, end: lastYear.end },
  };
}

/** The twelve police months of a police year, for the trend chart. */
export function monthsOf(year: number, cutoff: number): DateRange[] {
  return Array.from({ length: 12 }, (_, i) => policeMonth(year, i + 1, cutoff));
}
