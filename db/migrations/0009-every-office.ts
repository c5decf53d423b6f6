import { day, policeMonthSql, programShare, reportShare } from './0006-reports';
import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/** A live report row's share of its police month, every office together (added with 1, taken away with -1). */
const monthShare = (row: 'NEW' | 'OLD', sign: 1 | -1) => reportShare(row, sign, 'report_months_all', 'month', policeMonthSql(day(`${row}.received_at`)), false);

/**
 * Fills the every-office summaries from the office ones (at migration, and again when the cut-off day
 * changed and the office summaries were refilled: figures.ts, refillPoliceMonths).
 */
export const fillEveryOfficeSql = `
DELETE FROM report_months_all;
INSERT INTO report_months_all (month, category_code, kind, status, n, deaths, injuries, damage, fine)
  SELECT month, category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine)
  FROM report_months GROUP BY 1, 2, 3, 4;
DELETE FROM program_months_all;
INSERT INTO program_months_all (month, kind_code, started, ended)
  SELECT month, kind_code, sum(started), sum(ended) FROM program_months GROUP BY 1, 2;`;

/**
 * Province scale (issue #8): the police-month summaries of reports and programs once more without
 * the office, kept by their own triggers (and per batch in the bulk path), so a report of every office
 * reads a few hundred rows a month where report_months holds one set per office (24,000 rows for half
 * a year of a hundred communes) and a count of people under management reads one row per month and
 * program kind since the first program.
 */
export const everyOffice: Migration = {
  version: 9,
  name: 'every-office',
  sql: `
CREATE TABLE report_months_all (
  month TEXT NOT NULL,
  category_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  deaths INTEGER NOT NULL,
  injuries INTEGER NOT NULL,
  damage INTEGER NOT NULL,
  fine INTEGER NOT NULL,
  PRIMARY KEY (month, category_code, kind, status)
) STRICT, WITHOUT ROWID;
CREATE TABLE program_months_all (
  month TEXT NOT NULL,
  kind_code TEXT NOT NULL,
  started INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  PRIMARY KEY (month, kind_code)
) STRICT, WITHOUT ROWID;
${fillEveryOfficeSql}
CREATE TRIGGER report_months_all_insert AFTER INSERT ON reports
BEGIN${monthShare('NEW', 1)}
END;
CREATE TRIGGER report_months_all_update
AFTER UPDATE OF received_at, category_code, kind, status, deaths, injuries, damage, fine, deleted_at ON reports
BEGIN${monthShare('OLD', -1)}${monthShare('NEW', 1)}
END;
CREATE TRIGGER program_months_all_insert AFTER INSERT ON programs
BEGIN${programShare('NEW', 1, false)}
END;
CREATE TRIGGER program_months_all_update AFTER UPDATE OF kind_code, start_date, ended_on, deleted_at ON programs
BEGIN${programShare('OLD', -1, false)}${programShare('NEW', 1, false)}
END;
`,
};
