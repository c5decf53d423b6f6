import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * The register sorted by any column header at a province's scale (issue #23): each column the list
 * sorts by a small set of values (kind, status, category, locality, officer) is read one value at a
 * time, in the order of its label, along an index of that value in the register's order (register
 * year and number), so a first page reads about a page of index entries instead of sorting every
 * report (db/register/sorted-pages.ts). The summary is read along its own index; ties (the same
 * summary) fall back on the register's order, sorted within the tie only. The deadline column reads
 * reports_due (0008). Live reports only, as the register shows them by default: voided reports are
 * few, found by reports_voided and sorted apart (db/register/queries.ts pageIds).
 */
export const sortIndexes: Migration = {
  version: 17,
  name: 'sort-indexes',
  sql: `
CREATE INDEX reports_kind_register ON reports (kind, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_status_register ON reports (status, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_category_register ON reports (category_code, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_locality_register ON reports (locality_id, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_officer_register ON reports (officer_id, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_summary_register ON reports (summary, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX reports_voided ON reports (deleted_at) WHERE deleted_at IS NOT NULL;
`,
};
