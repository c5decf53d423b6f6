import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Province scale (issue #8): the words of the register's search index (report_search), so a word
 * typed is looked up as the few whole words it begins ("van" → van, vang, vanh) and not as an FTS5
 * prefix query, which reads and merges every matching word's full list before the first row (a
 * common name, a third of a province's million reports, took 130 ms that way) and cannot be tested
 * against one report. Kept by the write path beside the index; words are never taken away (a word
 * no report holds any more matches nothing). Filled from the index itself.
 */
export const searchTerms: Migration = {
  version: 10,
  name: 'search-terms',
  sql: `
CREATE TABLE search_terms (term TEXT PRIMARY KEY NOT NULL) STRICT, WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.report_search_words USING fts5vocab(main, report_search, row);
INSERT INTO search_terms (term) SELECT term FROM temp.report_search_words;
DROP TABLE temp.report_search_words;
`,
};
