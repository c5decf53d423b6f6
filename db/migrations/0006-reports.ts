import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  office_id TEXT NOT NULL,
  version TEXT NOT NULL,
  base_version TEXT,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  deleted_at INTEGER,
  void_reason TEXT`;

/** The Vietnam calendar day (UTC+7) of an epoch-millisecond column. */
export const day = (column: string) => `date((${column} + 25200000) / 1000, 'unixepoch')`;

/**
 * The police month a Vietnam day counts in, as 'YYYY-MM' (docs/domain.md, "Reports and the police month"):
 * from the cut-off day on (15 by default, a setting), a day belongs to the next month; a cut-off of 1 gives
 * calendar months.
 */
export const policeMonthSql = (dayExpr: string) => `CASE
    WHEN (SELECT cutoff FROM report_cutoff) > 1 AND CAST(strftime('%d', ${dayExpr}) AS INTEGER) >= (SELECT cutoff FROM report_cutoff)
    THEN strftime('%Y-%m', ${dayExpr}, 'start of month', '+1 month')
    ELSE strftime('%Y-%m', ${dayExpr}) END`;

/**
 * Adds (sign 1) or takes away (sign -1) one report row's share of its day's and its police month's
 * totals, when the row is live. (An upsert from a SELECT needs its WHERE clause: SQLite's documented
 * parsing rule.)
 */
const share = (row: 'NEW' | 'OLD', sign: 1 | -1) =>
  reportShare(row, sign, 'report_days', 'day', day(`${row}.received_at`)) + reportShare(row, sign, 'report_months', 'month', policeMonthSql(day(`${row}.received_at`)));

/**
 * One report row's share of one summary table, keyed by office (the office's own summaries) or not
 * (`byOffice` false: every office together, migration 0009).
 */
export const reportShare = (row: 'NEW' | 'OLD', sign: 1 | -1, table: string, bucket: string, value: string, byOffice = true) => {
  const office = byOffice ? 'office_id, ' : '';
  return `
  INSERT INTO ${table} (${office}${bucket}, category_code, kind, status, n, deaths, injuries, damage, fine)
  SELECT ${byOffice ? `${row}.office_id, ` : ''}${value}, coalesce(${row}.category_code, ''), ${row}.kind, ${row}.status,
    ${sign}, ${sign} * coalesce(${row}.deaths, 0), ${sign} * coalesce(${row}.injuries, 0), ${sign} * coalesce(${row}.damage, 0), ${sign} * coalesce(${row}.fine, 0)
  WHERE ${row}.deleted_at IS NULL
  ON CONFLICT (${office}${bucket}, category_code, kind, status) DO UPDATE SET
    n = n + excluded.n, deaths = deaths + excluded.deaths, injuries = injuries + excluded.injuries,
    damage = damage + excluded.damage, fine = fine + excluded.fine;`;
};

const summary = (table: string, bucket: string) => `CREATE TABLE ${table} (
  office_id TEXT NOT NULL,
  ${bucket} TEXT NOT NULL,
  category_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  deaths INTEGER NOT NULL,
  injuries INTEGER NOT NULL,
  damage INTEGER NOT NULL,
  fine INTEGER NOT NULL,
  PRIMARY KEY (office_id, ${bucket}, category_code, kind, status)
) STRICT, WITHOUT ROWID;`;

/** Fills a summary table from the reports (at migration, and for police months again when the cut-off changes). */
export const fillSummary = (table: 'report_days' | 'report_months') => `
INSERT INTO ${table} (office_id, ${table === 'report_days' ? 'day' : 'month'}, category_code, kind, status, n, deaths, injuries, damage, fine)
  SELECT office_id, ${table === 'report_days' ? day('received_at') : policeMonthSql(day('received_at'))}, coalesce(category_code, ''), kind, status, count(*),
    coalesce(sum(deaths), 0), coalesce(sum(injuries), 0), coalesce(sum(damage), 0), coalesce(sum(fine), 0)
  FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;`;

/**
 * Adds or takes away one program's start and end in their police months, when the program is live: by
 * office, or (`byOffice` false, migration 0009) every office together in program_months_all.
 */
export const programShare = (row: 'NEW' | 'OLD', sign: 1 | -1, byOffice = true) =>
  (
    [
      ['started', `${row}.start_date`],
      ['ended', `${row}.ended_on`],
    ] as const
  )
    .map(
      ([what, date]) => `
  INSERT INTO ${byOffice ? 'program_months (office_id, kind_code, month, started, ended)' : 'program_months_all (month, kind_code, started, ended)'}
  SELECT ${byOffice ? `${row}.office_id, ${row}.kind_code, ${policeMonthSql(date)}` : `${policeMonthSql(date)}, ${row}.kind_code`}, ${what === 'started' ? sign : 0}, ${what === 'ended' ? sign : 0}
  WHERE ${row}.deleted_at IS NULL AND ${date} IS NOT NULL
  ON CONFLICT (${byOffice ? 'office_id, month, kind_code' : 'month, kind_code'}) DO UPDATE SET started = started + excluded.started, ended = ended + excluded.ended;`,
    )
    .join('');

/** Fills program_months from the programs. */
export const fillProgramMonths = `
INSERT INTO program_months (office_id, kind_code, month, started, ended)
  SELECT office_id, kind_code, month, sum(started), sum(ended) FROM (
    SELECT office_id, kind_code, ${policeMonthSql('start_date')} AS month, 1 AS started, 0 AS ended FROM programs WHERE deleted_at IS NULL
    UNION ALL
    SELECT office_id, kind_code, ${policeMonthSql('ended_on')}, 0, 1 FROM programs WHERE deleted_at IS NULL AND ended_on IS NOT NULL)
  GROUP BY 1, 2, 3;`;

/** Refills the summaries by police month, after the cut-off day changed (run by the settings call). */
export const refillPoliceMonthsSql = `DELETE FROM report_months; ${fillSummary('report_months')}
DELETE FROM program_months; ${fillProgramMonths}`;

export const reports: Migration = {
  version: 6,
  name: 'reports',
  sql: `
-- Live reports counted per office, Vietnam day, category, kind and status, with their casualties, damage
-- and fines: what periodic reports add up instead of reading every report. Kept by triggers in the same
-- transaction as every write, import included; never exported.
${summary('report_days', 'day')}
-- The same by police month, so a month, quarter, half or year reads a few hundred rows; rebuilt when the
-- cut-off day changes. The cut-off itself, as the triggers read it:
${summary('report_months', 'month')}
CREATE VIEW report_cutoff AS
  SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'reportCutoffDay'), 15) AS cutoff;
${fillSummary('report_days')}
${fillSummary('report_months')}

CREATE TRIGGER report_summary_insert AFTER INSERT ON reports
BEGIN${share('NEW', 1)}
END;

CREATE TRIGGER report_summary_update
AFTER UPDATE OF office_id, received_at, category_code, kind, status, deaths, injuries, damage, fine, deleted_at ON reports
BEGIN${share('OLD', -1)}${share('NEW', 1)}
END;

-- The register's most common filter, status and kind together, newest first; without it and without
-- statistics SQLite may count a status through the kind index and read a quarter of the register.
CREATE INDEX reports_status_kind ON reports (status, kind, received_at) WHERE deleted_at IS NULL;

-- People under management: programs started and ended per police month, so the number under management at
-- the end of a month is a sum over a few hundred rows; the days at a custom range's edges are counted
-- from the programs through these indexes.
CREATE TABLE program_months (
  office_id TEXT NOT NULL,
  kind_code TEXT NOT NULL,
  month TEXT NOT NULL,
  started INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  PRIMARY KEY (office_id, month, kind_code)
) STRICT, WITHOUT ROWID;
${fillProgramMonths}
CREATE TRIGGER program_months_insert AFTER INSERT ON programs
BEGIN${programShare('NEW', 1)}
END;
CREATE TRIGGER program_months_update AFTER UPDATE OF office_id, kind_code, start_date, ended_on, deleted_at ON programs
BEGIN${programShare('OLD', -1)}${programShare('NEW', 1)}
END;
CREATE INDEX programs_started ON programs (office_id, start_date, kind_code) WHERE deleted_at IS NULL;
CREATE INDEX programs_ended ON programs (office_id, ended_on, kind_code) WHERE deleted_at IS NULL AND ended_on IS NOT NULL;

-- Operations of an office in a period with their persons, read from the index alone.
CREATE INDEX operations_office_period ON operations (office_id, started_at, id, persons_arrested, persons_sanctioned) WHERE deleted_at IS NULL;
CREATE INDEX operation_seizures_live ON operation_seizures (operation_id, measure_code, quantity) WHERE deleted_at IS NULL;

-- Hotspots found, cleared and relapsed in a period, each count one index range.
CREATE INDEX hotspots_found ON hotspots (office_id, found_on) WHERE deleted_at IS NULL;
CREATE INDEX hotspot_history_changes ON hotspot_history (office_id, status, on_date) WHERE deleted_at IS NULL;

-- Periodic reports as issued: number and symbol, period, the chief's text, and the figures frozen.
CREATE TABLE issued_reports (${record},
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  period TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  title TEXT NOT NULL,
  narrative TEXT NOT NULL,
  figures TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  place TEXT NOT NULL,
  signer_title TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  recipients TEXT NOT NULL,
  UNIQUE (office_id, year, number)
) STRICT;
CREATE INDEX issued_reports_seq ON issued_reports (seq);
`,
};
