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

export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
CREATE TABLE clock_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  node_id TEXT NOT NULL,
  wall INTEGER NOT NULL,
  counter INTEGER NOT NULL,
  seq INTEGER NOT NULL
) STRICT;

CREATE TABLE offices (${record},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('commune', 'higher')),
  parent_code TEXT NOT NULL,
  parent_name TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX offices_seq ON offices (seq);

CREATE TABLE users (${record},
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  rank TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('officer', 'chief', 'admin')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX users_seq ON users (seq);

CREATE TABLE localities (${record},
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'thôn'
) STRICT;
CREATE INDEX localities_office ON localities (office_id, name);
CREATE INDEX localities_seq ON localities (seq);

CREATE TABLE category_groups (${record},
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX category_groups_seq ON category_groups (seq);

CREATE TABLE categories (${record},
  code TEXT NOT NULL UNIQUE,
  group_code TEXT NOT NULL REFERENCES category_groups (code),
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX categories_group ON categories (group_code, sort);
CREATE INDEX categories_seq ON categories (seq);

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id TEXT,
  call TEXT NOT NULL,
  table_name TEXT,
  record_id TEXT,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_record ON audit_log (record_id, id);
`,
};
