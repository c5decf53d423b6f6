import { describe, expect, it } from 'vitest';
import { weekday } from '../../core/calendar';
import { statutoryHolidays, yearToConfirm } from '../../core/holidays';
import { fromLunar, lunarCalendar, lunarNewYear, monthsAround, newMoonJde, toLunar } from '../../core/lunar';

/**
 * The Vietnamese lunar calendar (core/lunar.ts) against published dates: docs/domain.md ("The lunar
 * calendar") lists the Tết and Hùng Kings' days of 2025–2031 and the years where the Chinese calendar
 * (UTC+8) gives another day.
 */
describe('the Vietnamese lunar calendar', () => {
  it('places a new moon as Meeus does (example 49.a: 18 February 1977, JDE 2443192.65118)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it('gives the Tết dates of the domain notes, 2030 included', () => {
    const tet: Record<number, string> = {
      2000: '2000-02-05', 2001: '2001-01-24', 2004: '2004-01-22', 2008: '2008-02-07', 2012: '2012-01-23', 2017: '2017-01-28',
      2020: '2020-01-25', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
      2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-02', 2031: '2031-01-23',
    };
    for (const [year, date] of Object.entries(tet)) expect(lunarNewYear(Number(year)), year).toBe(date);
    expect(weekday('2030-02-02')).toBe(6); // a Saturday
  });

  it("gives Hùng Kings' day (10th day of the 3rd month) of the domain notes", () => {
    const hung: Record<number, string> = { 2025: '2025-04-07', 2026: '2026-04-26', 2027: '2027-04-16', 2028: '2028-04-04', 2029: '2029-04-23', 2030: '2030-04-12' };
    for (const [year, date] of Object.entries(hung)) expect(fromLunar(Number(year), 3, 10), year).toBe(date);
  });

  it('differs from the Chinese calendar (UTC+8) exactly in the known years, 2000–2050', () => {
    const chinese = lunarCalendar(8);
    const differences: string[] = [];
    for (let year = 2000; year <= 2050; year++) {
      const vn = [lunarNewYear(year), fromLunar(year, 3, 10)];
      const cn = [chinese.lunarNewYear(year), chinese.fromLunar(year, 3, 10)];
      if (vn[0] !== cn[0]) differences.push(`Tết ${vn[0]} / ${cn[0]}`);
      if (vn[1] !== cn[1]) differences.push(`Hùng ${vn[1]} / ${cn[1]}`);
    }
    expect(differences).toEqual([
      'Tết 2007-02-17 / 2007-02-18',
      'Hùng 2009-04-04 / 2009-04-05',
      'Tết 2030-02-02 / 2030-02-03',
      'Hùng 2037-04-24 / 2037-04-25',
      'Hùng 2038-04-13 / 2038-04-14',
    ]);
  });

  it('puts the leap months where the Vietnamese calendar has them', () => {
    const leap = (year: number) => monthsAround(year).filter((m) => m.leap).map((m) => m.month);
    expect(leap(2020)).toEqual([4]);
    expect(leap(2023)).toEqual([2]);
    expect(leap(2025)).toEqual([6]);
    expect(leap(2028)).toEqual([5]);
    expect(leap(2026)).toEqual([]);
  });

  it('reads a Gregorian date back as a lunar date', () => {
    expect(toLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(toLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(toLunar('2025-08-01')).toEqual({ year: 2025, month: 6, day: 8, leap: true });
    expect(toLunar('2030-04-12')).toEqual({ year: 2030, month: 3, day: 10, leap: false });
  });
});

describe('the statutory holidays of any year', () => {
  /** The list the program shipped for 2025–2027 (the Government's schedules), which the rules must give again. */
  const shipped = [
    '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    '2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', '2027-09-03',
  ];

  it('gives the shipped 2025–2027 list day for day', () => {
    expect([2025, 2026, 2027].flatMap((year) => statutoryHolidays(year).map((day) => day.date))).toEqual(shipped);
    expect(statutoryHolidays(2026).find((day) => day.date === '2026-04-27')?.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('takes Tết off in 2028 and later: 2030 from Friday 01/02 with two compensatory days for the weekend', () => {
    const days2030 = statutoryHolidays(2030).map((day) => `${day.date} ${day.name}`);
    expect(days2030).toContain('2030-02-01 Tết Nguyên đán');
    expect(days2030).toContain('2030-02-04 Tết Nguyên đán');
    expect(days2030).toContain('2030-02-06 Nghỉ bù Tết Nguyên đán');
    expect(days2030).toContain('2030-02-07 Nghỉ bù Tết Nguyên đán');
    expect(days2030).toContain('2030-04-12 Giỗ Tổ Hùng Vương');
    const days2028 = statutoryHolidays(2028).map((day) => day.date);
    expect(days2028).toEqual(expect.arrayContaining(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31', '2028-04-04']));
  });

  it('never lists a weekend day and has 11 working days off in a year', () => {
    for (let year = 2000; year <= 2100; year++) {
      const days = statutoryHolidays(year);
      for (const day of days) expect([0, 6], day.date).not.toContain(weekday(day.date));
      expect(new Set(days.map((d) => d.date)).size, String(year)).toBe(days.length);
      // 11 statutory days (1 + 5 + 1 + 2 + 2): each either a weekday or made up on one.
      expect(days.length, String(year)).toBe(11);
    }
  });

  it('asks for next year’s list from 1 October until it is confirmed', () => {
    expect(yearToConfirm('2026-09-30', () => false)).toBeNull();
    expect(yearToConfirm('2026-10-01', () => false)).toBe(2027);
    expect(yearToConfirm('2026-12-31', (year) => year === 2027)).toBeNull();
  });
});
