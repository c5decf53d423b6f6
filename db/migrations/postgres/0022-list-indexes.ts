import type { PostgresMigration } from './migration';

/**
 * The PostgreSQL form of SQLite's migration 22 (db/migrations/0022-list-indexes.ts): the indexes of the
 * lists' sorts at a province (the register by summary with a category, the persons by name, birth year
 * and creation, the programs in their order), kept equal to SQLite's so that both schemas list the same
 * indexes.
 */
export const listIndexes: PostgresMigration = {
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
