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

export const register: Migration = {
  version: 2,
  name: 'register',
  sql: `
CREATE TABLE holidays (${record},
  date TEXT NOT NULL,
  name TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX holidays_date ON holidays (date) WHERE deleted_at IS NULL;
CREATE INDEX holidays_seq ON holidays (seq);

-- Register numbers per office, book and year: assigned once, never reused.
CREATE TABLE register_counters (
  office_id TEXT NOT NULL,
  book TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_no INTEGER NOT NULL,
  PRIMARY KEY (office_id, book, year)
) STRICT;

CREATE TABLE persons (${record},
  full_name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  other_names TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  birth_date TEXT,
  birth_year INTEGER,
  citizen_id TEXT,
  permanent_address TEXT NOT NULL DEFAULT '',
  temporary_address TEXT NOT NULL DEFAULT '',
  locality_id TEXT,
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX persons_citizen_id ON persons (citizen_id) WHERE citizen_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX persons_name ON persons (name_fold, birth_year);
CREATE INDEX persons_seq ON persons (seq);

CREATE TABLE reports (${record},
  register_year INTEGER NOT NULL,
  register_no INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  occurred_on TEXT,
  occurred_note TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  category_code TEXT,
  locality_id TEXT,
  address TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  reporter_name TEXT NOT NULL DEFAULT '',
  reporter_contact TEXT NOT NULL DEFAULT '',
  reporter_address TEXT NOT NULL DEFAULT '',
  reporter_anonymous INTEGER NOT NULL DEFAULT 0 CHECK (reporter_anonymous IN (0, 1)),
  summary TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  deaths INTEGER,
  injuries INTEGER,
  damage INTEGER,
  sanction_decision TEXT NOT NULL DEFAULT '',
  fine INTEGER,
  officer_id TEXT,
  status TEXT NOT NULL,
  complex INTEGER NOT NULL DEFAULT 0 CHECK (complex IN (0, 1)),
  transferred_at INTEGER,
  transferred_to TEXT NOT NULL DEFAULT '',
  notice_sent_at INTEGER,
  decision TEXT CHECK (decision IN ('prosecute', 'not_prosecute', 'suspend')),
  decision_at INTEGER,
  decision_no TEXT NOT NULL DEFAULT '',
  extension_no TEXT NOT NULL DEFAULT '',
  extended_until TEXT,
  resolution_note TEXT NOT NULL DEFAULT '',
  transfer_due_at INTEGER,
  notice_due_at INTEGER,
  decision_due_at INTEGER,
  -- The earliest deadline still open; NULL when none is (kept by the register's write path).
  next_due_at INTEGER,
  UNIQUE (office_id, register_year, register_no)
) STRICT;
-- The list shows live entries: its indexes are partial, small, and serve both the page and its count.
CREATE INDEX reports_register ON reports (register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_received ON reports (received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_due ON reports (next_due_at) WHERE next_due_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX reports_status ON reports (status, received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_kind ON reports (kind, received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_category ON reports (category_code, received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_locality ON reports (locality_id, received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_officer ON reports (officer_id, received_at) WHERE deleted_at IS NULL;
CREATE INDEX reports_seq ON reports (seq);

CREATE TABLE report_persons (${record},
  report_id TEXT NOT NULL REFERENCES reports (id),
  person_id TEXT NOT NULL REFERENCES persons (id),
  role TEXT NOT NULL CHECK (role IN ('suspect', 'victim', 'witness', 'reporter', 'involved'))
) STRICT;
CREATE INDEX report_persons_report ON report_persons (report_id);
CREATE INDEX report_persons_person ON report_persons (person_id);
CREATE INDEX report_persons_seq ON report_persons (seq);

CREATE TABLE attachments (${record},
  owner_table TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_owner ON attachments (owner_table, owner_id);
CREATE INDEX attachments_seq ON attachments (seq);

-- Folded text of each report (register number, summary, description, address, reporter and people),
-- keyed by the report's rowid; kept by the register's write path in the same transaction.
CREATE VIRTUAL TABLE report_search USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61');
`,
};
