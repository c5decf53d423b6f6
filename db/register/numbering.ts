import { prepared } from '../query';
import type { Sqlite } from '../store';

/**
 * The next number of an office's book for a year ("15/2026"): assigned once, inside the transaction
 * that creates the entry, never reused: a voided entry keeps its number, and the counter never goes
 * back even if the newest entry is voided.
 */
export function nextRegisterNumber(db: Sqlite, officeId: string, book: string, year: number): number {
  const row = prepared(
    db,
    `INSERT INTO register_counters (office_id, book, year, last_no) VALUES (?, ?, ?, 1)
     ON CONFLICT (office_id, book, year) DO UPDATE SET last_no = last_no + 1
     RETURNING last_no`,
  ).get(officeId, book, year) as { last_no: number };
  return row.last_no;
}

export function formatRegisterNumber(no: number, year: number): string {
  return `${no}/${year}`;
}
