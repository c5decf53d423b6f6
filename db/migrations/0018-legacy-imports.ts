import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Imports of an office's old registers from Excel or CSV (issue 22; docs/domain.md, "Legacy
 * registers"). Each import is remembered with its file, sheet and who made it, and each record it wrote
 * with the row it came from: the record's history shows its source, and an undo voids exactly these
 * records (with a reason; nothing is deleted). Local bookkeeping, like the bundle log: not records,
 * not exchanged; the records themselves go through the write path and travel as any other.
 */
export const legacyImports: Migration = {
  version: 18,
  name: 'legacy-imports',
  sql: `
CREATE TABLE legacy_imports (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reports')),
  file_name TEXT NOT NULL,
  sheet TEXT NOT NULL,
  header_row INTEGER NOT NULL,
  mapping TEXT NOT NULL,
  at INTEGER NOT NULL,
  by TEXT,
  records INTEGER NOT NULL,
  backup TEXT,
  undone_at INTEGER,
  undone_by TEXT,
  undo_reason TEXT
) STRICT;

CREATE TABLE legacy_import_rows (
  import_id TEXT NOT NULL REFERENCES legacy_imports (id),
  record_table TEXT NOT NULL,
  record_id TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  PRIMARY KEY (import_id, record_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX legacy_import_rows_record ON legacy_import_rows (record_id);
`,
};
