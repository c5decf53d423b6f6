import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * The import of old registers beyond the crime reports (issue 22; docs/domain.md, "Legacy registers"):
 * persons under management and hotspots. 0018's `kind` could only say 'reports', and SQLite cannot widen
 * a CHECK in place: `register` says which register an import read (its `kind` keeps the only value it
 * may hold). `legacy_mappings` keeps the mappings an office saved under a name (columns → fields, its
 * own words → the app's values), offered again for the next file with the same headers. Local
 * bookkeeping like `legacy_imports`: not records, not exchanged.
 */
export const legacyRegisters: Migration = {
  version: 20,
  name: 'legacy-registers',
  sql: `
ALTER TABLE legacy_imports ADD COLUMN register TEXT NOT NULL DEFAULT 'reports' CHECK (register IN ('reports', 'persons', 'hotspots'));

CREATE TABLE legacy_mappings (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  register TEXT NOT NULL CHECK (register IN ('reports', 'persons', 'hotspots')),
  name TEXT NOT NULL,
  headers TEXT NOT NULL,
  mapping TEXT NOT NULL,
  value_words TEXT NOT NULL,
  at INTEGER NOT NULL,
  by TEXT,
  UNIQUE (office_id, register, name)
) STRICT;

CREATE INDEX legacy_mappings_headers ON legacy_mappings (office_id, register, headers);
`,
};
