import { fold } from '../../api/fold';
import { prepared } from '../query';
import type { Sqlite } from '../store';
import { formatRegisterNumber } from './numbering';

/**
 * The register's search index: one FTS5 row per report, keyed by the report's rowid, holding the folded
 * text a user may type: register number, summary, description, address, reporter, and the names,
 * other names and citizen IDs of the people linked to it. Kept by the write path in the same transaction
 * as the change.
 */
export function indexReport(db: Sqlite, reportId: string): void {
  const report = prepared(
    db,
    `SELECT rowid, register_no, register_year, summary, description, address, reporter_name, reporter_address, transferred_to, decision_no
     FROM reports WHERE id = ?`,
  ).get(reportId) as
    | { rowid: number; register_no: number; register_year: number; summary: string; description: string; address: string; reporter_name: string; reporter_address: string; transferred_to: string; decision_no: string }
    | undefined;
  if (!report) return;
  const people = prepared(
    db,
    `SELECT p.full_name, p.other_names, p.citizen_id FROM report_persons rp JOIN persons p ON p.id = rp.person_id
     WHERE rp.report_id = ? AND rp.deleted_at IS NULL`,
  ).all(reportId) as { full_name: string; other_names: string; citizen_id: string | null }[];
  const text = fold(
    [
      formatRegisterNumber(report.register_no, report.register_year),
      report.summary,
      report.description,
      report.address,
      report.reporter_name,
      report.reporter_address,
      report.transferred_to,
      report.decision_no,
      ...people.flatMap((person) => [person.full_name, person.other_names, person.citizen_id ?? '']),
    ].join(' \n '),
  );
  prepared(db, 'DELETE FROM report_search WHERE rowid = ?').run(report.rowid);
  prepared(db, 'INSERT INTO report_search (rowid, text) VALUES (?, ?)').run(report.rowid, text);
}

/** A person's name or ID changed: every report naming them is indexed again. */
export function indexReportsOfPerson(db: Sqlite, personId: string): void {
  const rows = prepared(db, 'SELECT DISTINCT report_id FROM report_persons WHERE person_id = ?').all(personId) as { report_id: string }[];
  for (const row of rows) indexReport(db, row.report_id);
}

/**
 * What the user typed, as an FTS5 query: folded, split into words, each word a quoted prefix term, all
 * required. Quoting keeps FTS syntax ("OR", "*", quotes) typed by a user from meaning anything.
 * Null when there is nothing to search for.
 */
export function searchQuery(text: string): string | null {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' AND ');
}
