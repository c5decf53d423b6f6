/** What the calls of api/calls/office.ts return (docs/architecture.md, "The contract"). */

export type OfficeLevel = 'commune' | 'higher';

export interface OfficeView {
  readonly code: string;
  readonly name: string;
  readonly level: OfficeLevel;
  readonly parentCode: string;
  readonly parentName: string;
  readonly demo: boolean;
}

/** An office whose records the store holds. */
export interface OfficeListItem {
  readonly code: string;
  readonly name: string;
  readonly level: OfficeLevel;
  readonly parentCode: string;
  /** The office this store belongs to (the only one whose records it may change). */
  readonly own: boolean;
}

export interface Settings {
  /** Minutes without input before the session locks: 1 to 60, never off (docs/security.md). */
  readonly idleLockMinutes: number;
  /** Hours after login at which a session ends whatever the activity (default 12). */
  readonly sessionHours: number;
  /** Remote commune or island: 48 hours instead of 24 to transfer a report (CPC 2015 art. 146). */
  readonly remoteCommune: boolean;
  /** Police months run from this day of the previous month to the day before it (default 15). */
  readonly reportCutoffDay: number;
  /** A higher office shows an office as late after this many days without a bundle (default 35). */
  readonly exchangeLateDays: number;
  /**
   * No import moves this PC's clock past its wall time plus this many hours (default 24): a version
   * beyond it (the writing PC's date is wrong) is taken but flagged, and the clock stays in bounds.
   */
  readonly exchangeClockBoundHours: number;
  /** Automatic backups kept: the newest of each of the last N days, weeks and months (7, 4, 12). */
  readonly backupKeepDaily: number;
  readonly backupKeepWeekly: number;
  readonly backupKeepMonthly: number;
  /** A second folder each backup is copied to (a USB drive), or null. */
  readonly backupExternalDir: string | null;
  /** The chief who signs the office's documents ('' until set). */
  readonly chiefName: string;
  /** Deputies who may sign in the chief's place ("KT. TRƯỞNG CÔNG AN XÃ / PHÓ TRƯỞNG CÔNG AN XÃ"). */
  readonly deputyNames: readonly string[];
}

export interface LocalityView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly voided: boolean;
}

export interface HolidayView {
  readonly id: string;
  readonly date: string;
  readonly name: string;
}

/** Where a day of a year's holiday list comes from (docs/domain.md, "Days off"). */
export type HolidaySource = 'law' | 'higher' | 'office';

/** One day of a year's holiday list: computed by law, or a row of the higher office or of the office. */
export interface HolidayDayView {
  readonly date: string;
  /** The day's name, or for a day that stays a working day, the reason. */
  readonly name: string;
  /** The name the law gives it, when the rules compute this day. */
  readonly lawName: string | null;
  /** false: a computed day that stays a working day this year (recorded with its reason). */
  readonly off: boolean;
  readonly source: HolidaySource;
  /** The row behind the day (an added day or a removal); null for a computed day left as it is. */
  readonly id: string | null;
}

export interface HolidayYearView {
  readonly year: number;
  readonly days: readonly HolidayDayView[];
  /** When and by whom the year's list was confirmed against the Government's schedule; null: not yet. */
  readonly confirmedAt: number | null;
  readonly confirmedBy: string | null;
}

export interface CategoryView {
  readonly id: string;
  readonly code: string;
  readonly groupCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly sort: number;
}
