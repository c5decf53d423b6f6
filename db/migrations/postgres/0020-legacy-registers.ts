import type { PostgresMigration } from './migration';

/**
 * The PostgreSQL form of SQLite's migration 20 (db/migrations/0020-legacy-registers.ts): which register
 * an import of old registers read, and the mappings an office saved under a name.
 */
export const legacyRegisters: PostgresMigration = {
  version: 20,
  name: 'legacy-registers',
  sql: `
ALTER TABLE legacy_imports ADD COLUMN register text NOT NULL DEFAULT 'reports' CHECK (register IN ('reports', 'persons', 'hotspots'));

CREATE TABLE legacy_mappings (
  id text PRIMARY KEY,
  office_id text NOT NULL,
  register text NOT NULL CHECK (register IN ('reports', 'persons', 'hotspots')),
  name text NOT NULL,
  headers text NOT NULL,
  mapping text NOT NULL,
  value_words text NOT NULL,
  at bigint NOT NULL,
  by text,
  UNIQUE (office_id, register, name)
);

CREATE INDEX legacy_mappings_headers ON legacy_mappings (office_id, register, headers);
`,
};
