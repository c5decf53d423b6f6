import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * The persons list filtered by a program kind (db/people.ts `listPersons`) reads the persons of the
 * kind's active programs not voided: programs_kind now holds the voided mark and the person, so that
 * read is the index alone, no program row (a few thousand at a province; docs/decisions.md, "The Đối
 * tượng among hundreds of thousands of persons"). Every other use of programs_kind reads its first
 * two columns, which stay.
 */
export const programKindPersons: Migration = {
  version: 21,
  name: 'program-kind-persons',
  sql: `
DROP INDEX programs_kind;
CREATE INDEX programs_kind ON programs (kind_code, status, deleted_at, person_id);
`,
};
