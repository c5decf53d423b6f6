import type { HolidayDayView, HolidayYearView } from '../api/views';
import { AppError } from './app-error';
import { appendAudit } from './audit';
import { all, first, prepared, qb } from './query';
import { daysOff, weekday, type DaysOff, type IsoDate } from '../core/calendar';
import { holidayYears, statutoryHolidays } from '../core/holidays';
import type { HolidaysTable, RecordColumns } from './schema';
import type { Sqlite } from './store';
import type { WriteContext, WritePath } from './write-path';

/**
 * A year's days off (docs/domain.md, "Days off"; docs/decisions.md, "Holidays computed for any year"):
 * the statutory days computed by core/holidays.ts, then the rows of `holidays` on top: a day off
 * added (off 1) or a computed day that stays a working day (off 0), from the higher office or the
 * office itself. One live row per date.
 */
type HolidayRow = HolidaysTable & RecordColumns;

/**
 * Every day off of the years the program knows, computed and changed, and the weekend days worked
 * instead (a row with off 0 on a Saturday or a Sunday): what the deadline rules read.
 */
export function effectiveHolidays(db: Sqlite): DaysOff {
  const days = new Set<IsoDate>();
  const worked = new Set<IsoDate>();
  for (let year = holidayYears.first; year <= holidayYears.last; year++) {
    for (const day of statutoryHolidays(year)) days.add(day.date);
  }
  const rows = prepared(db, 'SELECT date, off FROM holidays WHERE deleted_at IS NULL').all() as { date: string; off: number }[];
  for (const row of rows) {
    if (row.off === 1) days.add(row.date);
    else if (isWeekend(row.date)) worked.add(row.date);
    else days.delete(row.date);
  }
  return daysOff(days, worked);
}

const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

function liveRow(db: Sqlite, date: IsoDate): HolidayRow | undefined {
  return first(db, qb.selectFrom('holidays').selectAll().where('date', '=', date).where('deleted_at', 'is', null)) as HolidayRow | undefined;
}

function lawDay(date: IsoDate) {
  return statutoryHolidays(Number(date.slice(0, 4))).find((day) => day.date === date);
}

export function holidayYearView(db: Sqlite, year: number): HolidayYearView {
  const rows = all(
    db,
    qb.selectFrom('holidays').selectAll().where('deleted_at', 'is', null).where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`),
  ) as HolidayRow[];
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const days: HolidayDayView[] = [];
  for (const law of statutoryHolidays(year)) {
    const row = byDate.get(law.date);
    byDate.delete(law.date);
    days.push(
      row
        ? { date: law.date, name: row.name, lawName: law.name, off: row.off === 1, source: row.origin ?? 'office', id: row.id }
        : { date: law.date, name: law.name, lawName: law.name, off: true, source: 'law', id: null },
    );
  }
  for (const row of byDate.values()) {
    days.push({ date: row.date, name: row.name, lawName: null, off: row.off === 1, source: row.origin ?? 'office', id: row.id });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  const confirmed = first(
    db,
    qb
      .selectFrom('holiday_years')
      .leftJoin('users', 'users.id', 'holiday_years.confirmed_by')
      .select(['holiday_years.confirmed_at', 'users.full_name'])
      .where('holiday_years.year', '=', year),
  );
  return { year, days, confirmedAt: confirmed?.confirmed_at ?? null, confirmedBy: confirmed ? (confirmed.full_name ?? '') : null };
}

/**
 * A day off added by the office (a working weekday that is not off yet), or, `worked`, a Saturday or a
 * Sunday worked instead of a day off when the Government swaps them (recorded as a row with off 0).
 */
export function addHoliday(db: Sqlite, writes: WritePath, date: IsoDate, name: string, worked: boolean, ctx: WriteContext): HolidayRow {
  if (worked) {
    if (!isWeekend(date)) throw new AppError('validation', 'only a Saturday or a Sunday is worked in a swap', { fields: { date: 'v.worked_weekday' } });
    if (liveRow(db, date) || lawDay(date)) throw new AppError('validation', 'this day is already listed', { fields: { date: 'v.holiday_exists' } });
    return writes.insert('holidays', { date, name, off: 0, origin: 'office', upstream_version: null }, ctx) as HolidayRow;
  }
  if (isWeekend(date)) throw new AppError('validation', 'a weekend is off already', { fields: { date: 'v.holiday_weekend' } });
  const row = liveRow(db, date);
  if (row && row.off === 0) throw new AppError('validation', 'this computed day was removed: restore it instead', { fields: { date: 'v.holiday_removed' } });
  if (row || lawDay(date)) throw new AppError('validation', 'this day is already a holiday', { fields: { date: 'v.holiday_exists' } });
  return writes.insert('holidays', { date, name, off: 1, origin: 'office', upstream_version: null }, ctx) as HolidayRow;
}

/**
 * A day off taken out with a reason. A row that adds the day is voided; a computed day gets a row
 * that keeps it a working day (recorded, never silently dropped).
 */
export function removeHoliday(db: Sqlite, writes: WritePath, date: IsoDate, reason: string, ctx: WriteContext): void {
  const row = liveRow(db, date);
  const law = lawDay(date);
  if (row && row.off === 0) throw new AppError('validation', 'this day is a working day already', { fields: { date: 'v.not_holiday' } });
  if (row && !law) {
    writes.void('holidays', row.id, reason, ctx);
    return;
  }
  if (row) {
    writes.update('holidays', row.id, row.version, { off: 0, name: reason, origin: 'office' }, ctx);
    return;
  }
  if (!law) throw new AppError('validation', 'this day is not a holiday', { fields: { date: 'v.not_holiday' } });
  writes.insert('holidays', { date, name: reason, off: 0, origin: 'office', upstream_version: null }, ctx);
}

export function isYearConfirmed(db: Sqlite, year: number): boolean {
  return first(db, qb.selectFrom('holiday_years').select('year').where('year', '=', year)) !== undefined;
}

/** The chief checked the year's list against the Government's schedule: recorded and audited. */
export function confirmYear(db: Sqlite, year: number, ctx: WriteContext, at: number): void {
  db.transaction(() => {
    prepared(db, 'INSERT INTO holiday_years (year, confirmed_at, confirmed_by) VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by').run(
      year,
      at,
      ctx.userId,
    );
    appendAudit(db, { at, userId: ctx.userId, call: ctx.call, action: 'confirm', table: 'holidays', after: { year } });
  })();
}
