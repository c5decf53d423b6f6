import type { Migration } from './migration';

/** Adds (sign 1) or takes away (sign -1) a live report row's count by office, category, kind and status. */
const countShare = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO report_counts (office_id, category_code, kind, status, n)
  SELECT ${row}.office_id, coalesce(${row}.category_code, ''), ${row}.kind, ${row}.status, ${sign}
  WHERE ${row}.deleted_at IS NULL
  ON CONFLICT (office_id, category_code, kind, status) DO UPDATE SET n = n + excluded.n;`;

/**
 * Province scale (issue #8): live reports counted by office, category, kind and status
 * (report_counts, a few thousand rows where report_months holds half a million at a province), so a
 * list's total is a sum over them; kept by triggers like the other summaries, and per batch in the
 * bulk path. Covering indexes for the questions asked of every office at once (the summaries by month,
 * programs started and ended, hotspots found, each hotspot's clearings and relapses), read without a lookup
 * per row (deleted_at is in each: a column the query names must be in the index for it to cover). And: the deadlines index covers what tells which deadlines of a report are open,
 * so the deadlines view of a hundred offices classifies thousands of overdue reports from the index
 * alone, and filters by office on it. The office's register index goes: the register's unique key
 * (office_id, register_year, register_no) already orders one office's register, its live total comes
 * from the summaries, and every report written paid for both.
 */
export const province: Migration = {
  version: 8,
  name: 'province',
  sql: `
DROP INDEX reports_due;
CREATE INDEX reports_due ON reports (next_due_at, office_id, status, notice_sent_at, transfer_due_at, notice_due_at, decision_due_at, deleted_at)
  WHERE next_due_at IS NOT NULL AND deleted_at IS NULL;
DROP INDEX reports_office_register;

CREATE TABLE report_counts (
  office_id TEXT NOT NULL,
  category_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (office_id, category_code, kind, status)
) STRICT, WITHOUT ROWID;
INSERT INTO report_counts (office_id, category_code, kind, status, n)
  SELECT office_id, coalesce(category_code, ''), kind, status, count(*) FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
CREATE TRIGGER report_counts_insert AFTER INSERT ON reports
BEGIN${countShare('NEW', 1)}
END;
CREATE TRIGGER report_counts_update AFTER UPDATE OF office_id, category_code, kind, status, deleted_at ON reports
BEGIN${countShare('OLD', -1)}${countShare('NEW', 1)}
END;

DROP INDEX report_months_month;
CREATE INDEX report_months_month ON report_months (month, category_code, kind, status, n, deaths, injuries, damage, fine);
DROP INDEX program_months_month;
CREATE INDEX program_months_month ON program_months (month, kind_code, started, ended);
CREATE INDEX programs_started_all ON programs (start_date, kind_code, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX programs_ended_all ON programs (ended_on, kind_code, deleted_at) WHERE deleted_at IS NULL AND ended_on IS NOT NULL;
CREATE INDEX hotspots_found_all ON hotspots (found_on, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX hotspot_history_turns ON hotspot_history (hotspot_id, on_date, status, deleted_at) WHERE deleted_at IS NULL AND status IN ('cleared', 'relapsed');
`,
};
