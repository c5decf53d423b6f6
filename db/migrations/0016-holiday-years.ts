import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Holidays computed for any year (issue #18; docs/decisions.md, "Holidays computed for any year"):
 *
 * - The statutory days are computed (core/holidays.ts); `holidays` now holds what the office or the
 *   higher office changes on top of them: a day off added (`off` 1: a bridge day, an extra day) or a
 *   computed day that stays a working day (`off` 0), with its name or reason.
 * - `origin` tells the higher office's rows ('higher', from reference bundles) from the office's own
 *   ('office'); `upstream_version` is the version of the higher office's row last applied, so a bundle
 *   that sends the same row again neither overwrites a local change nor brings back a removed row
 *   (db/exchange/import.ts). Safety criteria get the same two columns.
 * - The rows the program shipped for 2025–2027 stood for the Government's schedule: they are marked as
 *   the higher office's (they equal the computed days; the page shows them as such).
 * - `holiday_years`: a year whose list the chief has checked against the Government's schedule.
 *   Local to this PC's store, not exchanged; each confirmation is audited.
 */
export const holidayYears: Migration = {
  version: 16,
  name: 'holiday-years',
  sql: `
ALTER TABLE holidays ADD COLUMN off INTEGER NOT NULL DEFAULT 1 CHECK (off IN (0, 1));
ALTER TABLE holidays ADD COLUMN origin TEXT NOT NULL DEFAULT 'office' CHECK (origin IN ('office', 'higher'));
ALTER TABLE holidays ADD COLUMN upstream_version TEXT;
ALTER TABLE safety_criteria ADD COLUMN origin TEXT NOT NULL DEFAULT 'office' CHECK (origin IN ('office', 'higher'));
ALTER TABLE safety_criteria ADD COLUMN upstream_version TEXT;
UPDATE holidays SET origin = 'higher' WHERE date || ' ' || name IN (
  '2025-01-01 Tết Dương lịch', '2025-01-27 Tết Nguyên đán', '2025-01-28 Tết Nguyên đán', '2025-01-29 Tết Nguyên đán',
  '2025-01-30 Tết Nguyên đán', '2025-01-31 Tết Nguyên đán', '2025-04-07 Giỗ Tổ Hùng Vương', '2025-04-30 Ngày Giải phóng miền Nam',
  '2025-05-01 Ngày Quốc tế Lao động', '2025-09-01 Quốc khánh', '2025-09-02 Quốc khánh',
  '2026-01-01 Tết Dương lịch', '2026-02-16 Tết Nguyên đán', '2026-02-17 Tết Nguyên đán', '2026-02-18 Tết Nguyên đán',
  '2026-02-19 Tết Nguyên đán', '2026-02-20 Tết Nguyên đán', '2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương', '2026-04-30 Ngày Giải phóng miền Nam',
  '2026-05-01 Ngày Quốc tế Lao động', '2026-09-01 Quốc khánh', '2026-09-02 Quốc khánh',
  '2027-01-01 Tết Dương lịch', '2027-02-05 Tết Nguyên đán', '2027-02-08 Tết Nguyên đán', '2027-02-09 Tết Nguyên đán',
  '2027-02-10 Nghỉ bù Tết Nguyên đán', '2027-02-11 Nghỉ bù Tết Nguyên đán', '2027-04-16 Giỗ Tổ Hùng Vương', '2027-04-30 Ngày Giải phóng miền Nam',
  '2027-05-03 Nghỉ bù Ngày Quốc tế Lao động', '2027-09-02 Quốc khánh', '2027-09-03 Quốc khánh'
);
CREATE TABLE holiday_years (
  year INTEGER PRIMARY KEY NOT NULL,
  confirmed_at INTEGER NOT NULL,
  confirmed_by TEXT NOT NULL
) STRICT;
`,
};
