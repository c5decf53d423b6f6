import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Whether the person `person` (an SQL expression for a person id) is one of the Đối tượng: named as a
 * suspect in a live report (a link not removed, its report not voided: a link whose report this store
 * does not hold counts, as in the query it replaces), or under an active program not voided.
 */
const isSubject = (person: string) => `(EXISTS (SELECT 1 FROM report_persons rp WHERE rp.person_id = ${person} AND rp.role = 'suspect' AND rp.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM reports v WHERE v.id = rp.report_id AND +v.deleted_at IS NOT NULL))
  OR EXISTS (SELECT 1 FROM programs g WHERE g.person_id = ${person} AND +g.status = 'active' AND +g.deleted_at IS NULL))`;

// The unary plus keeps the planner, which holds no statistics, on the key it is given (a report's id, a
// person's programs) rather than a partial index whose condition these terms repeat (reports_voided,
// programs_end...): with such a choice the persons.list filter by program kind read for minutes.

/** The statement that sets one person's flag from what the store holds now; it writes only a change. */
const recompute = (person: string) => `UPDATE persons SET subject = ${isSubject('persons.id')} WHERE id = ${person} AND subject IS NOT ${isSubject('persons.id')};`;

/**
 * The Đối tượng among hundreds of thousands of persons (issue #23; docs/decisions.md, "The Đối tượng
 * among hundreds of thousands of persons"): the Đối tượng list read a set of suspects built from every
 * report link for each page (0.65–0.77 s at 300,000 persons). Each person now carries `subject`, kept by
 * triggers on everything its definition reads: report links (added, moved, removed, their role
 * changed), reports voided or brought back, programs (added, ended, voided, moved by a merge), and a
 * person arriving after the links that name them (an exchange import holds links back until their
 * person is there, but the bulk path does not). The flag is this store's own reading: it is never sent
 * in a bundle nor taken from one (db/exchange/tables.ts, localColumns). Partial indexes hold only the
 * live Đối tượng, one per order the list offers and per filter that narrows it by a column; a page and
 * its total read only them. Each ends with the two columns of its condition: SQLite does not take a
 * partial index's condition as columns it holds, and without them a total read every row it counted
 * from the table (a cold count of 74,000 took 30–80 ms instead of a few). The links and programs are read by person through their existing indexes.
 */
export const subjects: Migration = {
  version: 19,
  name: 'subjects',
  sql: `
ALTER TABLE persons ADD COLUMN subject INTEGER NOT NULL DEFAULT 0 CHECK (subject IN (0, 1));

UPDATE persons SET subject = 1 WHERE id IN (
  SELECT rp.person_id FROM report_persons rp
  WHERE rp.role = 'suspect' AND rp.deleted_at IS NULL AND rp.report_id NOT IN (SELECT v.id FROM reports v WHERE v.deleted_at IS NOT NULL)
  UNION SELECT g.person_id FROM programs g WHERE g.status = 'active' AND g.deleted_at IS NULL);

CREATE INDEX persons_subject_name ON persons (name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_birth ON persons (birth_year, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_created ON persons (created_at, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_locality ON persons (locality_id, name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;
CREATE INDEX persons_subject_office ON persons (office_id, name_fold, id, subject, deleted_at) WHERE subject = 1 AND deleted_at IS NULL;

CREATE TRIGGER person_subject_insert AFTER INSERT ON persons
BEGIN
  ${recompute('NEW.id')}
END;

CREATE TRIGGER report_person_subject_insert AFTER INSERT ON report_persons
WHEN NEW.role = 'suspect' AND NEW.deleted_at IS NULL
BEGIN
  UPDATE persons SET subject = 1 WHERE id = NEW.person_id AND subject = 0
    AND NOT EXISTS (SELECT 1 FROM reports v WHERE v.id = NEW.report_id AND +v.deleted_at IS NOT NULL);
END;

CREATE TRIGGER report_person_subject_update AFTER UPDATE OF person_id, report_id, role, deleted_at ON report_persons
WHEN (OLD.role = 'suspect' OR NEW.role = 'suspect')
  AND (OLD.person_id IS NOT NEW.person_id OR OLD.report_id IS NOT NEW.report_id OR OLD.role IS NOT NEW.role OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
  ${recompute('OLD.person_id')}
  ${recompute('NEW.person_id')}
END;

CREATE TRIGGER report_person_subject_delete AFTER DELETE ON report_persons
WHEN OLD.role = 'suspect'
BEGIN
  ${recompute('OLD.person_id')}
END;

CREATE TRIGGER report_subject_insert AFTER INSERT ON reports
WHEN NEW.deleted_at IS NOT NULL
BEGIN
  UPDATE persons SET subject = ${isSubject('persons.id')}
  WHERE id IN (SELECT rp.person_id FROM report_persons rp WHERE rp.report_id = NEW.id AND rp.role = 'suspect') AND subject IS NOT ${isSubject('persons.id')};
END;

CREATE TRIGGER report_subject_update AFTER UPDATE OF id, deleted_at ON reports
WHEN OLD.id IS NOT NEW.id OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  UPDATE persons SET subject = ${isSubject('persons.id')}
  WHERE id IN (SELECT rp.person_id FROM report_persons rp WHERE rp.report_id IN (OLD.id, NEW.id) AND rp.role = 'suspect') AND subject IS NOT ${isSubject('persons.id')};
END;

CREATE TRIGGER report_subject_delete AFTER DELETE ON reports
WHEN OLD.deleted_at IS NOT NULL
BEGIN
  UPDATE persons SET subject = ${isSubject('persons.id')}
  WHERE id IN (SELECT rp.person_id FROM report_persons rp WHERE rp.report_id = OLD.id AND rp.role = 'suspect') AND subject IS NOT ${isSubject('persons.id')};
END;

CREATE TRIGGER program_subject_insert AFTER INSERT ON programs
WHEN NEW.status = 'active' AND NEW.deleted_at IS NULL
BEGIN
  UPDATE persons SET subject = 1 WHERE id = NEW.person_id AND subject = 0;
END;

CREATE TRIGGER program_subject_update AFTER UPDATE OF person_id, status, deleted_at ON programs
WHEN OLD.person_id IS NOT NEW.person_id OR OLD.status IS NOT NEW.status OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
  ${recompute('OLD.person_id')}
  ${recompute('NEW.person_id')}
END;

CREATE TRIGGER program_subject_delete AFTER DELETE ON programs
WHEN OLD.status = 'active' AND OLD.deleted_at IS NULL
BEGIN
  ${recompute('OLD.person_id')}
END;

CREATE TRIGGER person_subject_kept AFTER UPDATE OF subject ON persons
BEGIN
  ${recompute('NEW.id')}
END;
`,
};
