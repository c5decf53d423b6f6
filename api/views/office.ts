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

export interface CategoryView {
  readonly id: string;
  readonly code: string;
  readonly groupCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly sort: number;
}
