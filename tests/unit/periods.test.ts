import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar';
import { comparedRanges, monthsOf, policeMonth, policeMonthOf, policeYearOf, previousPeriod, rangeOf, yearBefore } from '../../core/periods';

describe('reporting periods', () => {
  it('a police month runs from the 15th of the previous month to the 14th, across the new year', () => {
    expect(policeMonth(2026, 1, 15)).toEqual({ start: '2025-12-15', end: '2026-01-14' });
    expect(policeMonth(2026, 3, 15)).toEqual({ start: '2026-02-15', end: '2026-03-14' });
    expect(policeMonth(2026, 12, 15)).toEqual({ start: '2026-11-15', end: '2026-12-14' });
  });

  it('follows the cut-off setting; a cut-off of 1 gives calendar months', () => {
    expect(policeMonth(2026, 1, 20)).toEqual({ start: '2025-12-20', end: '2026-01-19' });
    expect(policeMonth(2024, 2, 1)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(rangeOf({ kind: 'year', year: 2026 }, 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('quarters, halves and years are made of police months', () => {
    expect(rangeOf({ kind: 'quarter', year: 2026, index: 1 }, 15)).toEqual({ start: '2025-12-15', end: '2026-03-14' });
    expect(rangeOf({ kind: 'quarter', year: 2026, index: 4 }, 15)).toEqual({ start: '2026-09-15', end: '2026-12-14' });
    expect(rangeOf({ kind: 'half', year: 2026, index: 1 }, 15)).toEqual({ start: '2025-12-15', end: '2026-06-14' });
    expect(rangeOf({ kind: 'half', year: 2026, index: 2 }, 15)).toEqual({ start: '2026-06-15', end: '2026-12-14' });
    expect(rangeOf({ kind: 'year', year: 2026 }, 15)).toEqual({ start: '2025-12-15', end: '2026-12-14' });
  });

  it('a date from the cut-off day of December belongs to the next police year', () => {
    expect(policeYearOf('2025-12-14', 15)).toBe(2025);
    expect(policeYearOf('2025-12-15', 15)).toBe(2026);
    expect(policeYearOf('2025-12-31', 1)).toBe(2025);
  });

  it('the police month a date falls in: the next one from the cut-off day on (what the period chooser opens on)', () => {
    expect(policeMonthOf('2026-11-25', 15)).toEqual({ year: 2026, month: 12 });
    expect(policeMonthOf('2026-11-14', 15)).toEqual({ year: 2026, month: 11 });
    expect(policeMonthOf('2026-12-15', 15)).toEqual({ year: 2027, month: 1 });
    expect(policeMonthOf('2026-12-31', 1)).toEqual({ year: 2026, month: 12 });
  });

  it('every day of two years lies in the range of the police month it is said to fall in', () => {
    for (const cutoff of [1, 15, 28]) {
      for (let date = '2027-12-01'; date <= '2029-01-31'; date = addDays(date, 1)) {
        const { year, month } = policeMonthOf(date, cutoff);
        const range = policeMonth(year, month, cutoff);
        expect(range.start <= date && date <= range.end, `${date} cut-off ${cutoff}`).toBe(true);
        if (month === 12 || month === 1) expect(policeYearOf(date, cutoff)).toBe(year);
      }
    }
  });

  it('the previous period wraps to the year before', () => {
    expect(previousPeriod({ kind: 'month', year: 2026, index: 1 })).toEqual({ kind: 'month', year: 2025, index: 12 });
    expect(previousPeriod({ kind: 'half', year: 2026, index: 1 })).toEqual({ kind: 'half', year: 2025, index: 2 });
    expect(previousPeriod({ kind: 'quarter', year: 2026, index: 3 })).toEqual({ kind: 'quarter', year: 2026, index: 2 });
    expect(previousPeriod({ kind: 'custom', start: '2026-03-01', end: '2026-03-10' })).toEqual({ kind: 'custom', start: '2026-02-19', end: '2026-02-28' });
  });

  it('compares the first half of 2026 with 2025, the previous half and the year so far', () => {
    expect(comparedRanges({ kind: 'half', year: 2026, index: 1 }, 15)).toEqual({
      current: { start: '2025-12-15', end: '2026-06-14' },
      lastYear: { start: '2024-12-15', end: '2025-06-14' },
      previous: { start: '2025-06-15', end: '2025-12-14' },
      yearToDate: { start: '2025-12-15', end: '2026-06-14' },
      yearToDateLastYear: { start: '2024-12-15', end: '2025-06-14' },
    });
    expect(comparedRanges({ kind: 'month', year: 2026, index: 5 }, 15).yearToDate).toEqual({ start: '2025-12-15', end: '2026-05-14' });
  });

  it('a custom range a year back keeps its days; 29 February becomes the 28th', () => {
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(comparedRanges({ kind: 'custom', start: '2024-02-01', end: '2024-02-29' }, 15).lastYear).toEqual({ start: '2023-02-01', end: '2023-02-28' });
  });

  it('lists the twelve months of a police year', () => {
    const list = monthsOf(2026, 15);
    expect(list).toHaveLength(12);
    expect(list[0]!.start).toBe('2025-12-15');
    expect(list[11]!.end).toBe('2026-12-14');
    for (let i = 1; i < 12; i += 1) expect(list[i]!.start > list[i - 1]!.end).toBe(true);
  });
});

describe('ranges as police months and edge days', () => {
  it('splits a range into whole months and the days around them', async () => {
    const { splitRange, policeMonthLabel } = await import('../../db/reports/figures');
    expect(policeMonthLabel('2025-12-15', 15)).toBe('2026-01');
    expect(policeMonthLabel('2025-12-14', 15)).toBe('2025-12');
    expect(policeMonthLabel('2025-12-31', 1)).toBe('2025-12');
    expect(splitRange({ start: '2025-12-15', end: '2026-06-14' }, 15)).toEqual({ months: { first: '2026-01', last: '2026-06' }, days: [] });
    expect(splitRange({ start: '2026-01-01', end: '2026-03-31' }, 15)).toEqual({
      months: { first: '2026-02', last: '2026-03' },
      days: [
        { start: '2026-01-01', end: '2026-01-14' },
        { start: '2026-03-15', end: '2026-03-31' },
      ],
    });
    expect(splitRange({ start: '2026-01-02', end: '2026-01-20' }, 15)).toEqual({ months: null, days: [{ start: '2026-01-02', end: '2026-01-20' }] });
    expect(splitRange({ start: '2026-01-01', end: '2026-12-31' }, 1)).toEqual({ months: { first: '2026-01', last: '2026-12' }, days: [] });
  });
});
