import { fold } from '../../core/fold';
import { prepared } from '../query';
import { columnOf, readNow, type Reading } from '../reading';
import type { Sqlite } from '../store';
import { formatRegisterNumber } from './numbering';

/**
 * The register's search index: one FTS5 row per report holding the folded text a user may type:
 * register number, summary, description, address, reporter (unless the reporter asked for secrecy:
 * a search by their name must not point an officer at their report, db/secrets.ts), and the names, other
 * names and citizen IDs of the people linked to it. A live report is keyed by its rowid, a voided one by its rowid
 * negated, so the live reports' matches are a rowid range FTS5 reads and counts by itself (see LIVE).
 * Kept by the write path in the same transaction as the change, with its words in search_terms: at
 * once, or, given `terms`, gathered there for the caller to add with addTerms once for a batch (the
 * bulk path).
 */
export function indexReport(db: Sqlite, reportId: string, terms?: Set<string>): void {
  const found = reportSearchText(db, reportId);
  if (found) indexText(db, found.rowid, found.voided, found.text, terms);
}

/** A report's text for the search index (not folded yet), its rowid and whether it is voided; undefined for no such report. */
export function reportSearchText(db: Sqlite, reportId: string): { rowid: number; voided: boolean; text: string } | undefined {
  const found = reportSearchParts(db, reportId);
  if (!found) return undefined;
  const people = found.personIds.flatMap((id) => personSearchText(db, id) ?? []);
  return { rowid: found.rowid, voided: found.voided, text: [found.own, ...people].join(PART) };
}

/** Between the parts of a report's text: folding the whole is folding each part and joining the non-empty ones with a space. */
const PART = ' \n ';

/** A report's columns its search text is made of, as the store reads them. */
export interface ReportSearchRow {
  readonly register_no: number;
  readonly register_year: number;
  readonly summary: string;
  readonly description: string;
  readonly address: string;
  readonly reporter_name: string;
  readonly reporter_address: string;
  readonly reporter_anonymous: number;
  readonly transferred_to: string;
  readonly decision_no: string;
  readonly deleted_at: number | null;
}

/**
 * A report's text in parts: its own fields (not folded), and the persons its live links name, in the
 * links' order (a person named twice, twice), each to be read with personSearchText.
 */
export interface ReportSearchParts {
  readonly rowid: number;
  readonly voided: boolean;
  readonly own: string;
  readonly personIds: readonly string[];
}

function reportSearchParts(db: Sqlite, reportId: string): ReportSearchParts | undefined {
  const report = prepared(
    db,
    `SELECT rowid, register_no, register_year, summary, description, address, reporter_name, reporter_address, reporter_anonymous, transferred_to, decision_no, deleted_at
     FROM reports WHERE id = ?`,
  ).get(reportId) as (ReportSearchRow & { rowid: number }) | undefined;
  if (!report) return undefined;
  const personIds = prepared(db, 'SELECT person_id FROM report_persons WHERE report_id = ? AND deleted_at IS NULL ORDER BY rowid').pluck().all(reportId) as string[];
  return reportParts(report.rowid, report, personIds);
}

/** The parts of a report's text from its row (as the store reads it) and the persons its live links name, in their order. */
export function reportParts(rowid: number, report: ReportSearchRow, personIds: readonly string[]): ReportSearchParts {
  const own = [
    formatRegisterNumber(report.register_no, report.register_year),
    report.summary,
    report.description,
    report.address,
    ...(report.reporter_anonymous === 1 ? [] : [report.reporter_name, report.reporter_address]),
    report.transferred_to,
    report.decision_no,
  ].join(PART);
  return { rowid, voided: report.deleted_at !== null, own, personIds };
}

/** A person's part of the text of the reports naming them: names, other names, citizen ID (not folded); undefined for a person not here. */
function personSearchText(db: Sqlite, personId: string): string | undefined {
  const person = prepared(db, 'SELECT full_name, other_names, citizen_id FROM persons WHERE id = ?').get(personId) as
    | { full_name: string; other_names: string; citizen_id: string | null }
    | undefined;
  return person && [person.full_name, person.other_names, person.citizen_id ?? ''].join(PART);
}

/**
 * Indexes many reports at once (an import), their words gathered into `terms` for one addTerms: as
 * indexReport each, but each person is read, folded and split into words once for all the reports
 * naming them (an imported person is named by several reports; the persons do not change meanwhile).
 * `known` gives the parts of the reports the caller knows as the store holds them now (an import's
 * reports from the rows it wrote); the others are read.
 */
export function indexReports(db: Sqlite, reportIds: Iterable<string>, terms: Set<string>, known?: (reportId: string) => ReportSearchParts | undefined): void {
  const people = new Map<string, string | null>();
  for (const reportId of reportIds) {
    const found = known?.(reportId) ?? reportSearchParts(db, reportId);
    if (!found) continue;
    const own = fold(found.own);
    for (const word of wordsOf(own)) terms.add(word);
    const parts = own === '' ? [] : [own];
    for (const id of found.personIds) {
      let folded = people.get(id);
      if (folded === undefined) {
        const text = personSearchText(db, id);
        folded = text === undefined ? null : fold(text);
        people.set(id, folded);
        for (const word of wordsOf(folded ?? '')) terms.add(word);
      }
      if (folded) parts.push(folded);
    }
    putFolded(db, found.rowid, found.voided, parts.join(' '));
  }
}

/** The condition on report_search that keeps live reports only. */
export const LIVE = 'rowid > 0';

/**
 * Indexes a report's text (folded here) under its key, live or voided, in place of what it had; its
 * words go to search_terms, or into `terms` for the caller's addTerms.
 */
export function indexText(db: Sqlite, rowid: number, voided: boolean, text: string, terms?: Set<string>): void {
  const folded = fold(text);
  putFolded(db, rowid, voided, folded);
  const words = wordsOf(folded);
  if (terms) for (const word of words) terms.add(word);
  else addTerms(db, words);
}

/** Folded text under a report's key, live or voided, in place of what it had. */
function putFolded(db: Sqlite, rowid: number, voided: boolean, folded: string): void {
  prepared(db, 'DELETE FROM report_search WHERE rowid = ?').run(rowid);
  prepared(db, 'DELETE FROM report_search WHERE rowid = ?').run(-rowid);
  prepared(db, 'INSERT INTO report_search (rowid, text) VALUES (?, ?)').run(voided ? -rowid : rowid, folded);
}

/**
 * Merges the search index's segments, about `pages` pages of work (FTS5's 'merge' with a negative
 * count takes every segment as one level, so calls made one after another end in a single segment).
 * Each write transaction leaves a segment; FTS5 merges them four by four, so a store filled by many
 * imports keeps a dozen or more, and a search tested along the register reads each one for each
 * report: measured at 200,000 reports in 100 segments, 83 µs a test, 25 µs in one segment. The bulk
 * path merges after each batch a quarter page for each report it indexed, several times what the
 * batch added to the index (about 150 bytes a report), so a store fed by imports stays near one
 * segment; a tenth of a millisecond a page.
 */
export function mergeSearchIndex(db: Sqlite, pages: number): void {
  prepared(db, "INSERT INTO report_search (report_search, rank) VALUES ('merge', ?)").run(-Math.max(1, Math.ceil(pages)));
}

/** Merges the whole search index into one segment: after generating a store, seconds at a province. */
export function optimizeSearchIndex(db: Sqlite): void {
  db.exec("INSERT INTO report_search (report_search) VALUES ('optimize')");
}

/** Adds words to search_terms (those it holds already are skipped). */
export function addTerms(db: Sqlite, words: Iterable<string>): void {
  const list = [...new Set(words)];
  if (list.length > 0) prepared(db, 'INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)').run(JSON.stringify(list));
}

const ASCII = /^[\0-\x7f]*$/;

/**
 * The words of folded text as the index's tokenizer (unicode61) cuts it: runs of letters, digits and
 * private-use characters. tests/integration/search-terms.test.ts checks search_terms against the
 * index's own list of words.
 */
export function wordsOf(folded: string): string[] {
  // Most folded text is ASCII (Vietnamese letters lose their marks), where the letters and digits
  // are A–Z, a–z, 0–9: the same cut by a plain pattern, several times faster than the Unicode one.
  const words = ASCII.test(folded) ? folded.split(/[^A-Za-z0-9]+/) : folded.split(/[^\p{L}\p{N}\p{Co}]+/u);
  return words.filter((word) => word.length > 0);
}

/** A person's name or ID changed: every report naming them is indexed again. */
export function indexReportsOfPerson(db: Sqlite, personId: string): void {
  for (const reportId of reportsOfPerson(db, personId)) indexReport(db, reportId);
}

/** The reports naming a person (their index holds the person's names and ID). */
export function reportsOfPerson(db: Sqlite, personId: string): string[] {
  return prepared(db, 'SELECT DISTINCT report_id FROM report_persons WHERE person_id = ?').pluck().all(personId) as string[];
}

/** A typed word that begins more words than this is searched as an FTS5 prefix (one or two letters). */
const MOST_WORDS = 64;
const WORDS_BEGUN = `SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ${MOST_WORDS + 1}`;

/**
 * What the user typed, as an FTS5 query: folded, split into words, all required, each word any of
 * the indexed words it begins ("nguyen van" → "nguyen" AND ("van" OR "vang" OR "vanh")). Whole words
 * are read lazily by FTS5, in rowid order, and one report can be tested against them at the cost of a
 * few page reads; a prefix query ("van"*) merges the full lists of its words first. A word that begins
 * none of the indexed words, or very many, stays a prefix (it matches the same reports). Quoting keeps
 * FTS syntax ("OR", "*", quotes) typed by a user from meaning anything. Null when there is nothing to
 * search for.
 */
export function searchQuery(db: Sqlite, text: string): string | null {
  return readNow(db, searchReading(text));
}

/** searchQuery as a reading (db/reading.ts): on a connection or on the Store's readers. */
export function* searchReading(text: string): Reading<string | null> {
  const words = wordsOf(fold(text)).slice(0, 12);
  if (words.length === 0) return null;
  const parts: string[] = [];
  for (const word of words) {
    const terms = (yield* columnOf(WORDS_BEGUN, word, `${word}\u{10FFFF}`)) as string[];
    if (terms.length === 0 || terms.length > MOST_WORDS) parts.push(`"${word}"*`);
    else parts.push(terms.length === 1 ? `"${terms[0]}"` : `(${terms.map((term) => `"${term}"`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}
