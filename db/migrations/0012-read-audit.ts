import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Audit you can read, secret reporters (issue #17):
 * - the audit page filters the log by user and by time, newest first (audit.list): an index for each,
 *   ending with the entry's id, the page's order (IF NOT EXISTS: a test migrates a store again from 9);
 * - an anonymous report's reporter (name, address) is no longer in the search index, so a search by
 *   that name does not point an officer at the report (db/register/search-index.ts): the anonymous
 *   reports are indexed again as indexReport now does (live under their rowid, voided under its
 *   negation), folded by the connection's fold().
 */
export const readAudit: Migration = {
  version: 12,
  name: 'read-audit',
  sql: `
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user_id, id);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at, id);

CREATE TEMP TABLE anonymous_text AS
  SELECT r.rowid AS id, r.deleted_at IS NOT NULL AS voided, fold(concat_ws(' \n ', r.register_no || '/' || r.register_year, r.summary, r.description, r.address,
      r.transferred_to, r.decision_no,
      (SELECT group_concat(concat_ws(' \n ', p.full_name, p.other_names, coalesce(p.citizen_id, '')), ' \n ')
       FROM report_persons rp JOIN persons p ON p.id = rp.person_id WHERE rp.report_id = r.id AND rp.deleted_at IS NULL))) AS text
  FROM reports r WHERE r.reporter_anonymous = 1;
DELETE FROM report_search WHERE rowid IN (SELECT id FROM temp.anonymous_text) OR rowid IN (SELECT -id FROM temp.anonymous_text);
INSERT INTO report_search (rowid, text) SELECT CASE WHEN voided THEN -id ELSE id END, text FROM temp.anonymous_text;
DROP TABLE temp.anonymous_text;
`,
};
