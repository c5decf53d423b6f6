import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Province scale (issue #8), the register's search:
 * - Voided reports are indexed under their rowid negated, so the live reports' matches are a rowid
 *   range FTS5 counts by itself: a search's total no longer looks up every match in the reports to
 *   leave out the voided ones (seconds for a common name at a province). Their text is made here as
 *   the index held it at this version (register/search-index.ts, indexReport), folded by the
 *   connection's fold(). Then the index is merged into one segment (8 s at a million reports, once).
 * - search_terms, the words of the search index, so a word typed is looked up as the few whole words
 *   it begins ("van" → van, vang, vanh) and not as an FTS5 prefix query, which reads and merges every
 *   matching word's full list before the first row (a common name, a third of a province's million
 *   reports, took 130 ms that way) and cannot be tested against one report. Kept by the write path
 *   beside the index; words are never taken away (a word no report holds any more matches nothing).
 *   Filled from the index itself.
 */
export const searchTerms: Migration = {
  version: 10,
  name: 'search-terms',
  sql: `
CREATE TEMP TABLE voided_text AS
  SELECT r.rowid AS id, fold(concat_ws(' \n ', r.register_no || '/' || r.register_year, r.summary, r.description, r.address, r.reporter_name,
      r.reporter_address, r.transferred_to, r.decision_no,
      (SELECT group_concat(concat_ws(' \n ', p.full_name, p.other_names, coalesce(p.citizen_id, '')), ' \n ')
       FROM report_persons rp JOIN persons p ON p.id = rp.person_id WHERE rp.report_id = r.id AND rp.deleted_at IS NULL))) AS text
  FROM reports r WHERE r.deleted_at IS NOT NULL;
DELETE FROM report_search WHERE rowid IN (SELECT id FROM temp.voided_text);
INSERT INTO report_search (rowid, text) SELECT -id, text FROM temp.voided_text;
DROP TABLE temp.voided_text;
INSERT INTO report_search (report_search) VALUES ('optimize');

CREATE TABLE search_terms (term TEXT PRIMARY KEY NOT NULL) STRICT, WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.report_search_words USING fts5vocab(main, report_search, row);
INSERT INTO search_terms (term) SELECT term FROM temp.report_search_words;
DROP TABLE temp.report_search_words;
`,
};
