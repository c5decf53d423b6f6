import { indexReport, optimizeSearchIndex } from '../register/search-index';
import type { Sqlite } from '../store';
import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Province scale (issue #8), the register's search:
 * - search_terms, the words of the search index, so a word typed is looked up as the few whole words
 *   it begins ("van" → van, vang, vanh) and not as an FTS5 prefix query, which reads and merges every
 *   matching word's full list before the first row (a common name, a third of a province's million
 *   reports, took 130 ms that way) and cannot be tested against one report. Kept by the write path
 *   beside the index; words are never taken away (a word no report holds any more matches nothing).
 *   Filled from the index itself.
 * - Voided reports are indexed under their rowid negated (the data step), so the live reports'
 *   matches are a rowid range FTS5 counts by itself: a search's total no longer looks up every match
 *   in the reports to leave out the voided ones (seconds for a common name at a province). Then the
 *   index is merged into one segment (8 s at a province of a million reports, once).
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
  data: (db: Sqlite) => {
    const voided = db.prepare('SELECT id FROM reports WHERE deleted_at IS NOT NULL').pluck().all() as string[];
    for (const id of voided) indexReport(db, id);
    // One segment, as a search tested along the register reads best (search-index.ts).
    optimizeSearchIndex(db);
  },
};
