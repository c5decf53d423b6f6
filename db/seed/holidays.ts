import type { IsoDate } from '../../core/calendar';

/**
 * Public holidays that fall on working days, 2025–2027, for the working-day count of legal limits.
 * Statutory days: Labour Code 2019 art. 112 (1 January; Tết, 5 days; Hùng Kings' day, 10/3 lunar;
 * 30 April; 1 May; 2 September and one adjacent day); a holiday on a weekend gives a compensatory day
 * after it. Lunar dates per docs/domain.md ("Crime reports and their legal clock"): Tết 29/01/2025,
 * 17/02/2026, 06/02/2027; Hùng Kings 07/04/2025, 26/04/2026 (a Sunday: Monday 27/04 off), 16/04/2027. The Government announces each year's exact
 * schedule (bridge days, swapped Saturdays): this list is editable reference data, and the higher office
 * can send its own down. Tết ranges below are the 5 statutory days around the lunar new year.
 */
export const holidaySeed: readonly (readonly [IsoDate, string])[] = [
  ['2025-01-01', 'Tết Dương lịch'],
  ['2025-01-27', 'Tết Nguyên đán'],
  ['2025-01-28', 'Tết Nguyên đán'],
  ['2025-01-29', 'Tết Nguyên đán'],
  ['2025-01-30', 'Tết Nguyên đán'],
  ['2025-01-31', 'Tết Nguyên đán'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
  ['2025-04-30', 'Ngày Giải phóng miền Nam'],
  ['2025-05-01', 'Ngày Quốc tế Lao động'],
  ['2025-09-01', 'Quốc khánh'],
  ['2025-09-02', 'Quốc khánh'],
  ['2026-01-01', 'Tết Dương lịch'],
  ['2026-02-16', 'Tết Nguyên đán'],
  ['2026-02-17', 'Tết Nguyên đán'],
  ['2026-02-18', 'Tết Nguyên đán'],
  ['2026-02-19', 'Tết Nguyên đán'],
  ['2026-02-20', 'Tết Nguyên đán'],
  ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
  ['2026-04-30', 'Ngày Giải phóng miền Nam'],
  ['2026-05-01', 'Ngày Quốc tế Lao động'],
  ['2026-09-01', 'Quốc khánh'],
  ['2026-09-02', 'Quốc khánh'],
  ['2027-01-01', 'Tết Dương lịch'],
  ['2027-02-05', 'Tết Nguyên đán'],
  ['2027-02-08', 'Tết Nguyên đán'],
  ['2027-02-09', 'Tết Nguyên đán'],
  ['2027-02-10', 'Nghỉ bù Tết Nguyên đán'],
  ['2027-02-11', 'Nghỉ bù Tết Nguyên đán'],
  ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
  ['2027-04-30', 'Ngày Giải phóng miền Nam'],
  ['2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động'],
  ['2027-09-02', 'Quốc khánh'],
  ['2027-09-03', 'Quốc khánh'],
];
