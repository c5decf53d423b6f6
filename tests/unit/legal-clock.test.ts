import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, daysOff, endOfDay, isIsoDate, localDate, onOrNextWorkingDay, startOfDay } from '../../core/calendar';
import { computeDeadlines, defaultLegalClockRules, lateBy, lateSpan } from '../../core/legal-clock';
import { statutoryDaysOff, statutoryHolidays } from '../../core/holidays';

const holidays = statutoryDaysOff(2025, 2027);
/** An instant given as Vietnam local time. */
const vn = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+07:00`);
/** The last day a limit allows (its exclusive end minus a moment), as a local date. */
const lastDay = (dueAt: number) => localDate(dueAt - 1);

describe('calendar', () => {
  it('reads instants in Vietnam time (UTC+7)', () => {
    expect(localDate(vn('2026-03-01', '23:30'))).toBe('2026-03-01');
    expect(localDate(vn('2026-03-02', '00:30'))).toBe('2026-03-02');
    expect(startOfDay('2026-03-02')).toBe(Date.parse('2026-03-01T17:00:00Z'));
    expect(endOfDay('2026-03-02')).toBe(Date.parse('2026-03-02T17:00:00Z'));
  });

  it('adds months to the corresponding date, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 2)).toBe('2026-03-15');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
  });

  it('skips weekends and holidays', () => {
    expect(onOrNextWorkingDay('2026-03-22', holidays)).toBe('2026-03-23');
    expect(onOrNextWorkingDay('2026-02-16', holidays)).toBe('2026-02-23');
    expect(onOrNextWorkingDay('2026-03-24', holidays)).toBe('2026-03-24');
    expect(addWorkingDays('2026-03-02', 3, holidays)).toBe('2026-03-05');
    expect(addWorkingDays('2026-03-06', 1, holidays)).toBe('2026-03-09');
  });
  it('counts a Saturday worked in a swap as a working day', () => {
    // Thursday 06/02/2025: Friday 07, Monday 10, Tuesday 11; with Saturday 08/02 worked (Tết 2025), 07, 08, 10.
    expect(addWorkingDays('2025-02-06', 3, holidays)).toBe('2025-02-11');
    const swapped = daysOff(holidays.holidays, ['2025-02-08']);
    expect(addWorkingDays('2025-02-06', 3, swapped)).toBe('2025-02-10');
    expect(onOrNextWorkingDay('2025-02-08', swapped)).toBe('2025-02-08');
    expect(onOrNextWorkingDay('2025-02-09', swapped)).toBe('2025-02-10');
  });


  it('validates calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('01/03/2026')).toBe(false);
  });
});

describe('legal clock of a crime report', () => {
  const plain = { remoteCommune: false, complex: false, extendedUntil: null };

  it('an ordinary week: transfer in 24 h, notice in 3 working days, decision in 20 days moved off a Sunday', () => {
    const receivedAt = vn('2026-03-02', '10:00'); // Monday
    const due = computeDeadlines({ ...plain, receivedAt }, holidays);
    expect(due.transferDueAt).toBe(vn('2026-03-03', '10:00'));
    expect(lastDay(due.noticeDueAt)).toBe('2026-03-05');
    expect(due.noticeDueAt).toBe(vn('2026-03-06', '00:00'));
    // 02/03 + 20 days = Sunday 22/03 → Monday 23/03, until 24:00.
    expect(lastDay(due.decisionDueAt)).toBe('2026-03-23');
  });

  it('remote communes and islands have 48 hours to transfer', () => {
    const receivedAt = vn('2026-03-06', '16:45');
    expect(computeDeadlines({ ...plain, remoteCommune: true, receivedAt }, holidays).transferDueAt).toBe(vn('2026-03-08', '16:45'));
  });

  it('Tết 2026 holds the working-day notice', () => {
    const due = computeDeadlines({ ...plain, receivedAt: vn('2026-02-13') }, holidays); // Friday before Tết
    expect(lastDay(due.noticeDueAt)).toBe('2026-02-25');
    expect(lastDay(due.decisionDueAt)).toBe('2026-03-05');
  });

  it("Hùng Kings' day on a Sunday gives Monday off (2026), and 30/4–1/5 follow", () => {
    const due = computeDeadlines({ ...plain, receivedAt: vn('2026-04-24') }, holidays);
    expect(lastDay(due.noticeDueAt)).toBe('2026-05-04');
  });

  it('a decision limit that ends in Tết moves to the first working day after it', () => {
    // 27/01/2026 + 20 days = 16/02/2026, a Tết holiday → Monday 23/02/2026.
    const due = computeDeadlines({ ...plain, receivedAt: vn('2026-01-27') }, holidays);
    expect(lastDay(due.decisionDueAt)).toBe('2026-02-23');
  });

  it('complex cases: 2 months to the corresponding date, the last day of February, then off a weekend', () => {
    expect(lastDay(computeDeadlines({ ...plain, complex: true, receivedAt: vn('2025-12-31') }, holidays).decisionDueAt)).toBe('2026-03-02');
    expect(lastDay(computeDeadlines({ ...plain, complex: true, receivedAt: vn('2027-12-31') }, holidays).decisionDueAt)).toBe('2028-02-29');
    expect(lastDay(computeDeadlines({ ...plain, complex: true, receivedAt: vn('2026-05-20') }, holidays).decisionDueAt)).toBe('2026-07-20');
  });

  it('one extension of up to 2 months after the limit', () => {
    const receivedAt = vn('2026-01-15');
    const base = computeDeadlines({ ...plain, complex: true, receivedAt }, holidays);
    expect(lastDay(base.decisionDueAt)).toBe('2026-03-16'); // 15/03 is a Sunday
    expect(base.extensionLimit).toBe('2026-05-16');
    const extended = computeDeadlines({ ...plain, complex: true, receivedAt, extendedUntil: '2026-04-30' }, holidays);
    // 30/04 is a holiday, 01/05 too, then a weekend: Monday 04/05.
    expect(lastDay(extended.decisionDueAt)).toBe('2026-05-04');
  });

  it('counting the day of receipt itself is a rule setting', () => {
    const receivedAt = vn('2026-03-04'); // Wednesday
    expect(lastDay(computeDeadlines({ ...plain, receivedAt }, holidays).decisionDueAt)).toBe('2026-03-24');
    const inclusive = { ...defaultLegalClockRules, countFromNextDay: false };
    expect(lastDay(computeDeadlines({ ...plain, receivedAt }, holidays, inclusive).decisionDueAt)).toBe('2026-03-23');
  });

  it('a report received late in the evening counts from its local day', () => {
    const due = computeDeadlines({ ...plain, receivedAt: vn('2026-03-02', '23:50') }, holidays);
    expect(lastDay(due.noticeDueAt)).toBe('2026-03-05');
    expect(due.transferDueAt).toBe(vn('2026-03-03', '23:50'));
  });
});

describe('computed holidays', () => {
  it('lists only real working-day dates, once each, for 2025–2027', () => {
    const dates = [2025, 2026, 2027].flatMap((year) => statutoryHolidays(year).map((day) => day.date));
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) {
      expect(isIsoDate(date), date).toBe(true);
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(day === 0 || day === 6, `${date} is a weekend day`).toBe(false);
    }
    expect(dates).toContain('2026-02-17'); // Tết 2026
    expect(dates).toContain('2026-04-27'); // compensatory day for Hùng Kings' day
  });
});

describe('lateness of an action', () => {
  const due = vn('2026-03-03', '10:00');
  it('is none when in time or when the time is not known, and counts from the exclusive end', () => {
    expect(lateBy(due, vn('2026-03-03', '09:59'))).toBe(0);
    expect(lateBy(due, null)).toBe(0);
    expect(lateBy(due, due)).toBe(0);
    expect(lateBy(due, vn('2026-03-04', '09:00'))).toBe(23 * 3_600_000);
  });
  it('shows hours up to two days, then whole days; a minute late is an hour', () => {
    expect(lateSpan(23 * 3_600_000)).toEqual({ unit: 'hours', n: 23 });
    expect(lateSpan(60_000)).toEqual({ unit: 'hours', n: 1 });
    expect(lateSpan(47 * 3_600_000 + 1)).toEqual({ unit: 'days', n: 2 });
    expect(lateSpan(49 * 3_600_000)).toEqual({ unit: 'days', n: 2 });
    expect(lateSpan(5 * 24 * 3_600_000)).toEqual({ unit: 'days', n: 5 });
  });
});
