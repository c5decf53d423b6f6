import type { PostgresMigration } from './migration';

/**
 * The PostgreSQL form of SQLite's migration 21 (db/migrations/0021-program-kind-persons.ts):
 * programs_kind holds the voided mark and the person, for the persons list filtered by a program kind.
 */
export const programKindPersons: PostgresMigration = {
  version: 21,
  name: 'program-kind-persons',
  sql: `
DROP INDEX programs_kind;
CREATE INDEX programs_kind ON programs (kind_code, status, deleted_at, person_id);
`,
};
