import type { PostgresMigration } from './migration';

/**
 * The PostgreSQL form of SQLite's migration 19 (db/migrations/0019-subjects.ts): each person's
 * `subject` flag, filled in from what the store holds, and the partial indexes of the Đối tượng list.
 * The triggers that keep the flag are not here yet: they come with the baseline's other triggers, in
 * PL/pgSQL (issue #21; docs/decisions.md, "PostgreSQL: the foundation"). PostgreSQL keeps statistics,
 * so the indexes need not end with the condition's columns; they are kept equal to SQLite's so that both
 * schemas list the same indexes.
 */
export const subjects: PostgresMigration = {
  version: 19,
  name: 'subjects',
  sql: `
ALTER TABLE persons ADD COLUMN subject bigint NOT NULL DEFAULT 0 CHECK (subject IN (0, 1));

UPDATE persons SET subject = 1 WHERE id IN (
  SELECT rp.person_id FROM report_persons rp
  WHERE rp.role = 'suspect' AND rp.deleted_at IS NULL AND rp.report_id NOT IN (SELECT v.id FROM reports v WHERE v.deleted_at IS NOT NULL)
  UNION SELECT g.person_id FROM programs g WHERE g.status = 'active' AND g.deleted_at IS NULL);

CREATE INDEX persons_subject_name ON persons (name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_birth ON persons (birth_year, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_created ON persons (created_at, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_locality ON persons (locality_id, name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_office ON persons (office_id, name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
`,
};
