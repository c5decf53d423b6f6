import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * The lists' sorts at a province's scale (issue #23, the rows still over budget; docs/decisions.md,
 * "The lists' last sorts and filters at a province"):
 * - reports_category_summary: the register sorted by summary with a category. A report's summary names
 *   its offence, so a category's summaries lie together in the summary's order (thefts, "Trộm…", near its
 *   end): read along reports_summary_register, testing each report, the page came after most of the
 *   register (1.9 s); here it is the category's first entries.
 * - persons_live_name: the persons searched by name, counted and sorted by another column from the index
 *   alone (persons_name holds the voided too, so each match's row was read for its mark).
 * - persons_birth, persons_created: the persons list sorted by birth year or by creation, a page along
 *   the index instead of every person sorted.
 * - programs_list: the programs list in its order (end date, id), voided left out.
 */
export const listIndexes: Migration = {
  version: 22,
  name: 'list-indexes',
  sql: `
CREATE INDEX reports_category_summary ON reports (category_code, summary, register_year, register_no) WHERE deleted_at IS NULL;
CREATE INDEX persons_live_name ON persons (name_fold, birth_year, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX persons_birth ON persons (birth_year, id) WHERE deleted_at IS NULL;
CREATE INDEX persons_created ON persons (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX programs_list ON programs (end_date, id) WHERE deleted_at IS NULL;
`,
};
