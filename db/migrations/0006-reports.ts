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
const day = (column: string) => `date((${column} + 25200000) / 1000, 'unixepoch')`;

/**
 * Adds (sign 1) or takes away (sign -1) one report row's share of its day's totals, when the row is
 * live. (An upsert from a SELECT needs its WHERE clause: SQLite's documented parsing rule.)
 */
const share = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO report_days (office_id, day, category_code, kind, status, n, deaths, injuries, damage, fine)
  SELECT ${row}.office_id, ${day(`${row}.received_at`)}, coalesce(${row}.category_code, ''), ${row}.kind, ${row}.status,
    ${sign}, ${sign} * coalesce(${row}.deaths, 0), ${sign} * coalesce(${row}.injuries, 0), ${sign} * coalesce(${row}.damage, 0), ${sign} * coalesce(${row}.fine, 0)
  WHERE ${row}.deleted_at IS NULL
  ON CONFLICT (office_id, day, category_code, kind, status) DO UPDATE SET
    n = n + excluded.n, deaths = deaths + excluded.deaths, injuries = injuries + excluded.injuries,
    damage = damage + excluded.damage, fine = fine + excluded.fine;`;

export const reports: Migration = {
  version: 6,
  name: 'reports',
  sql: `
-- Live reports counted per office, Vietnam day, category, kind and status, with their casualties, damage
-- and fines: what periodic reports add up, so a six-month report reads a few thousand rows instead of
-- every report. Kept by triggers in the same transaction as every write, import included; never exported.
CREATE TABLE report_days (
  office_id TEXT NOT NULL,
  day TEXT NOT NULL,
  category_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  deaths INTEGER NOT NULL,
  injuries INTEGER NOT NULL,
  damage INTEGER NOT NULL,
  fine INTEGER NOT NULL,
  PRIMARY KEY (office_id, day, category_code, kind, status)
) STRICT, WITHOUT ROWID;

INSERT INTO report_days (office_id, day, category_code, kind, status, n, deaths, injuries, damage, fine)
  SELECT office_id, ${day('received_at')}, coalesce(category_code, ''), kind, status, count(*),
    coalesce(sum(deaths), 0), coalesce(sum(injuries), 0), coalesce(sum(damage), 0), coalesce(sum(fine), 0)
  FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER report_days_insert AFTER INSERT ON reports
BEGIN${share('NEW', 1)}
END;

CREATE TRIGGER report_days_update
AFTER UPDATE OF office_id, received_at, category_code, kind, status, deaths, injuries, damage, fine, deleted_at ON reports
BEGIN${share('OLD', -1)}${share('NEW', 1)}
END;

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
