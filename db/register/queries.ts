import type { Channel, PersonRole, ReportKind, ReportStatus } from '../../api/vocabulary';
import { receivedIn } from '../exchange/provenance';
import { importedFrom } from '../legacy/provenance';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { reportListInput, SortColumn } from '../../api/calls/register';
import type { DeadlineBoard, DeadlineItem, HistoryEntry, Page, ReportDetail, ReportRow } from '../../api/views';
import { AppError } from '../app-error';
import { personView } from '../persons';
import { all, first, prepared, qb } from '../query';
import { firstOf, firstOfText, readNow, rowsOf, type Reading } from '../reading';
import { addDays, endOfDay, localDate, startOfDay } from '../../core/calendar';
import { computeDeadlines } from '../../core/legal-clock';
import type { Sqlite } from '../store';
import { OPEN_DEADLINES_DUE_SQL, openDeadlines, reportDeadlines, loadHolidays, type DeadlineState } from './deadline-columns';
import { formatRegisterNumber } from './numbering';
import { LIVE, searchReading } from './search-index';
import { deadlinePage, isKeyed, keyedPage, sortTuning, summaryPage } from './sorted-pages';
import type { Settings } from '../../api/views';

export type ReportListInput = z.output<typeof reportListInput>;
/** Reports with their category, locality and officer (at most one each). */
function joined() {
  return qb
    .selectFrom('reports as r')
    .leftJoin('categories as c', 'c.code', 'r.category_code')
    .leftJoin('localities as l', 'l.id', 'r.locality_id')
    .leftJoin('users as u', 'u.id', 'r.officer_id');
}

/**
 * How the filters are read. 'index': SQLite reads the rows from a filter's index, a search's from the
 * search index. 'scan': it reads them along the sort's index and tests each against every filter, a
 * search by looking that report up in the search index (see registerScan), or, for a prefix search
 * (see probeable), against the set of its matches gathered first. 'set': a search's matches are first
 * gathered as a set each live report is tested against, for counting a search that matches a large
 * share of the register (looking each match up in the reports cost seconds at a province).
 */
type ReadBy = 'index' | 'scan' | 'set';

/** A register number typed as the search ("12/2026"). */
const REGISTER_NUMBER = /^\s*(\d{1,6})\s*\/\s*(\d{4})\s*$/;

/** The search typed, as an FTS5 query; null for none or for a register number. */
function* searchOf(q: string): Reading<string | null> {
  return REGISTER_NUMBER.test(q) ? null : yield* searchReading(q);
}

/**
 * The filters as one condition on `r` alone, shared by the page (with its joins) and by the count
 * (without them, so SQLite counts on a small partial index instead of scanning the table). `match`
 * is the search as searchOf made it.
 */
function condition(filters: ReportListInput['filters'], now: number, match: string | null, by: ReadBy = 'index', indexed?: string): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [];
  // A scan has the filter columns as expressions (+r.kind), which no index serves, so SQLite reads the
  // rows in the order of the sort's index and tests each (see pageIds); but `indexed`, the first column
  // of an index in the sort's order.
  const add = (column: string, op: string, value: unknown) =>
    parts.push(by === 'scan' && column !== indexed ? sql`+${sql.ref(`r.${column}`)} ${sql.raw(op)} ${value}` : sql`${sql.ref(`r.${column}`)} ${sql.raw(op)} ${value}`);
  if (!filters.includeVoided) parts.push(sql`r.deleted_at IS NULL`);
  // The office stays indexable even then: its register key (office_id, register_year, register_no) is
  // the register order of that office, along which the other filters are tested.
  if (filters.officeId) parts.push(sql`r.office_id = ${filters.officeId}`);
  if (filters.from) add('received_at', '>=', startOfDay(filters.from));
  if (filters.to) add('received_at', '<', endOfDay(filters.to));
  if (filters.kind) add('kind', '=', filters.kind);
  if (filters.categoryCode) add('category_code', '=', filters.categoryCode);
  if (filters.status) add('status', '=', filters.status);
  if (filters.localityId) add('locality_id', '=', filters.localityId);
  if (filters.officerId) add('officer_id', '=', filters.officerId);
  if (filters.overdue) add('next_due_at', '<', now);
  const number = REGISTER_NUMBER.exec(filters.q);
  if (number) {
    add('register_no', '=', Number(number[1]));
    add('register_year', '=', Number(number[2]));
  } else if (match !== null) {
    const voided = filters.includeVoided;
    // A voided report is indexed under its rowid negated (search-index.ts).
    const matches = sql`SELECT ${sql.raw(voided ? 'abs(rowid)' : 'rowid')} FROM report_search WHERE report_search MATCH ${match}${sql.raw(voided ? '' : ` AND ${LIVE}`)}`;
    // The key is an integer expression: FTS5 takes `rowid = ?` as a seek only for an integer.
    const key = voided ? 'CASE WHEN r.deleted_at IS NULL THEN r.rowid ELSE -r.rowid END' : 'r.rowid';
    if (by === 'scan' && probeable(match)) parts.push(sql`EXISTS (SELECT 1 FROM report_search WHERE report_search MATCH ${match} AND rowid = ${sql.raw(key)})`);
    else parts.push(sql`${sql.raw(by === 'index' ? 'r.rowid' : '+r.rowid')} IN (${matches})`);
  }
  return parts.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** The reports a search matches, live ones or all, counted up to `upTo` (FTS5 reads whole words lazily). */
function* searchMatches(match: string, includeVoided: boolean, upTo = -1): Reading<number> {
  const statement = `SELECT count(*) AS n FROM (SELECT 1 FROM report_search WHERE report_search MATCH ?${includeVoided ? '' : ` AND ${LIVE}`} LIMIT ?)`;
  return (yield* firstOfText<{ n: number }>(statement, match, upTo))!.n;
}

/**
 * Whether a search can be tested against one report at a time: whole words only. A prefix ("ng"*,
 * a word that begins very many words) is merged in full by FTS5 at each test.
 */
const probeable = (match: string) => !match.includes('*');

const sortExpressions: Record<SortColumn, readonly string[]> = {
  register: ['r.register_year', 'r.register_no'],
  received_at: ['r.received_at'],
  kind: ['r.kind'],
  category: ['c.name_vi'],
  status: ['r.status'],
  locality: ['l.name'],
  officer: ['u.full_name'],
  next_due_at: ['r.next_due_at'],
  summary: ['r.summary'],
};

/** The whole live register, in any order. */
function isUnfiltered(filters: ReportListInput['filters']): boolean {
  return (
    !filters.includeVoided && !filters.from && !filters.to && !filters.kind && !filters.categoryCode && !filters.status &&
    !filters.localityId && !filters.officerId && !filters.overdue && !filters.officeId && filters.q.trim() === ''
  );
}

/**
 * Whether the summary table can count these filters: only the columns it is kept by (office, kind,
 * category, status) and live reports only.
 */
function summaryCountable(filters: ReportListInput['filters']): boolean {
  return !filters.includeVoided && !filters.from && !filters.to && !filters.localityId && !filters.officerId && !filters.overdue && filters.q.trim() === '';
}

/**
 * The number of reports matching the filters. Filters on the summary's own columns are summed from
 * report_counts (the write path keeps it equal to a recount, see tests/support/summaries.ts): a
 * province's million live reports are a few thousand rows there, where a count would walk a million
 * index entries. Other filters count on their index.
 */
function* countReports(filters: ReportListInput['filters'], now: number, match: string | null): Reading<Total> {
  if (filters.includeVoided && summaryCountable({ ...filters, includeVoided: false })) {
    // The live ones summed as below, the voided (few, in reports_voided) counted.
    const live = yield* countReports({ ...filters, includeVoided: false }, now, match);
    const voided = qb.selectFrom('reports as r').where(sql<SqlBool>`${condition(filters, now, match)} AND r.deleted_at IS NOT NULL`).select((eb) => eb.fn.countAll<number>().as('n'));
    return exact(live.n + ((yield* firstOf(voided))?.n ?? 0));
  }
  if (summaryCountable(filters)) {
    let summed = qb.selectFrom('report_counts').select(sql<number>`coalesce(sum(n), 0)`.as('n'));
    if (filters.officeId) summed = summed.where('office_id', '=', filters.officeId);
    if (filters.kind) summed = summed.where('kind', '=', filters.kind);
    if (filters.categoryCode) summed = summed.where('category_code', '=', filters.categoryCode);
    if (filters.status) summed = summed.where('status', '=', filters.status);
    return exact((yield* firstOf(summed))?.n ?? 0);
  }
  // A search's matches are counted up to TOTAL_CAP and one more: beyond, "more than 10,000".
  const upTo = match === null ? -1 : TOTAL_CAP + 1;
  // A search alone is counted in the search index, where live and voided reports lie apart.
  if (match !== null && onlySearch(filters)) return capped(yield* searchMatches(match, filters.includeVoided, upTo));
  // With other filters, a search matching more than a sixteenth of the register: its matches as a set,
  // tested along an index of the live reports, cost less than looking up each match in the reports.
  const rows = (yield* firstOfText<{ n: number }>(ROWS_ABOUT))!.n;
  const by = match !== null && (yield* searchMatches(match, filters.includeVoided, Math.ceil(rows / 16))) >= rows / 16 ? 'set' : 'index';
  const matching = qb.selectFrom('reports as r').where(condition(filters, now, match, by)).select(sql<number>`1`.as('one')).limit(upTo);
  return capped((yield* firstOf(qb.selectFrom(matching.as('m')).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0);
}

/**
 * The most matches of a search counted: past it the list says "more than 10,000" (hơn 10.000 kết quả)
 * and shows the first 10,000. Counting a search that matches a third of a province's register cost
 * more than the page; nobody reads 10,000 reports down a list, they narrow the search.
 */
export const TOTAL_CAP = 10_000;

interface Total {
  readonly n: number;
  /** Whether there are more than TOTAL_CAP (n is then TOTAL_CAP). */
  readonly capped: boolean;
}

const exact = (n: number): Total => ({ n, capped: false });
const capped = (n: number): Total => (n > TOTAL_CAP ? { n: TOTAL_CAP, capped: true } : exact(n));

/** About how many reports the store holds (rowids are never reused here: voided reports stay). */
const ROWS_ABOUT = 'SELECT coalesce(max(rowid), 0) AS n FROM reports';

/** A search's test of one report (a lookup in the search index) against reading one row from it. */
const PROBE_COST = 16;

/**
 * Whether the register order with these filters is best read along the register's index, testing
 * each row, rather than from the filter's index and then sorted. In register order a filter that
 * keeps m of n reports finds the page after about (offset + limit) × n / m rows; from its index it
 * reads and sorts all m. So the scan wins when m² > (offset + limit) × n, weighted by what testing one
 * row costs against reading one match. m is counted up to that point only (a few thousand index
 * entries), unless the total is known already; a search's matches are counted in the search index. A
 * search is such a filter: "nguyen van" matches a third of a province's register, whose first page
 * is a few hundred reports tested (each a lookup in the search index), where gathering and sorting
 * its matches took hundreds of milliseconds; a citizen ID matches a few reports, read at once. Dates
 * keep the planner's choice: their matches lie together, not spread along the register. With an
 * office the scan runs along that office's register key, which holds at most one commune's reports.
 */
function* registerScan(input: ReportListInput, match: string | null, total: number | null, now: number): Reading<boolean> {
  const { filters, sort, offset, limit } = input;
  if (sort.column !== 'register' || isUnfiltered(filters) || filters.from || filters.to) return false;
  const rows = (yield* firstOfText<{ n: number }>(ROWS_ABOUT))!.n;
  const enough = Math.ceil(Math.sqrt((offset + limit) * rows * (match !== null && probeable(match) ? PROBE_COST : 1)));
  // One office's register (of a higher office's many) is read along that office's register key. With
  // a search, as for the whole register: taking the office's share of the matches as its share of the
  // reports, the scan tests (offset + limit) × n / m of its reports and the index reads all m matches
  // anywhere, so the rule is the same; a citizen ID is read from the index, not looked for in each of
  // the office's reports.
  if (filters.officeId) return match === null || !probeable(match) || (yield* searchMatches(match, filters.includeVoided, enough)) >= enough;
  const counted = function* (): Reading<number> {
    if (match !== null && onlySearch(filters)) return yield* searchMatches(match, filters.includeVoided, enough);
    return (
      (yield* firstOf(
        qb
          .selectFrom(qb.selectFrom('reports as r').where(condition(filters, now, match)).select(sql<number>`1`.as('one')).limit(enough).as('m'))
          .select((eb) => eb.fn.countAll<number>().as('n')),
      ))?.n ?? 0
    );
  };
  return (total ?? (yield* counted())) >= enough;
}

/** The register searched with no other filter (voided reports or not). */
function onlySearch(filters: ReportListInput['filters']): boolean {
  return isUnfiltered({ ...filters, q: '', includeVoided: false }) && filters.q.trim() !== '';
}

/**
 * Whether the filters keep few enough reports to read and sort them all: fewer than sortTuning.fewMatches,
 * or than √((offset + limit) × n), where reading along the sort's index and testing each report finds the
 * page after about (offset + limit) × n / m reports (the rule of registerScan). From the total when it is
 * known, else counted up to that bound.
 */
function* fewMatches(input: ReportListInput, now: number, match: string | null, total: number | null): Reading<boolean> {
  const { filters } = input;
  if (isUnfiltered(filters)) return false;
  const rows = (yield* firstOfText<{ n: number }>(ROWS_ABOUT))!.n;
  const few = sortTuning.fewMatches === 0 ? 0 : Math.max(sortTuning.fewMatches, Math.ceil(Math.sqrt((input.offset + input.limit) * rows)));
  if (total !== null) return total <= few;
  const counted = (
    yield* firstOf(
      qb
        .selectFrom(qb.selectFrom('reports as r').where(condition(filters, now, match)).select(sql<number>`1`.as('one')).limit(few + 1).as('m'))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    )
  )?.n;
  return (counted ?? 0) <= few;
}

/**
 * The rowids of one page, in order. Only what the order and the filters need is read: for the
 * register's own order, the receipt time, and a filter with its index, the index alone (the rowid is
 * the last key of every index), so a page deep in a million reports costs an index walk, not a
 * million joined rows.
 */
function* pageIds(input: ReportListInput, match: string | null, scan: boolean, now: number, total: number | null): Reading<number[]> {
  const { column, direction } = input.sort;
  const { offset, limit } = input;
  const grouped = isKeyed(column) || column === 'next_due_at' || column === 'summary';
  // The register's and the receipt's orders have live indexes only too: with the voided shown, SQLite
  // sorted every report (1.3 s at a province).
  const merged = input.filters.includeVoided && (column === 'register' || column === 'received_at');
  if ((grouped || merged) && !(yield* fewMatches(input, now, match, total))) {
    if (input.filters.includeVoided) {
      // Voided reports are few and in none of the sort's (live) indexes: the live reports' first
      // offset + limit along them, the voided ones' sorted whole, and the page taken from both together.
      const reach = { offset: 0, limit: offset + limit };
      const liveInput = { ...input, ...reach, filters: { ...input.filters, includeVoided: false } };
      const live = yield* pageIds(liveInput, match, column === 'register' && (yield* registerScan(liveInput, match, null, now)), now, null);
      const voided = yield* sortedWhole({ ...input, ...reach }, sql<SqlBool>`${condition(input.filters, now, match)} AND r.deleted_at IS NOT NULL`);
      return yield* sortedWhole(input, sql<SqlBool>`r.rowid IN (SELECT value FROM json_each(${JSON.stringify([...live, ...voided])}))`);
    }
    // Along the sort's index, each report tested against the filters (as expressions, which no index
    // serves, so SQLite cannot prefer a filter's index and sort its matches); a search is looked up per report.
    // By summary, a category's reports are read from reports_category_summary (migration 22): its
    // summaries lie together, far down the summary's order for some (thefts).
    const where = condition(input.filters, now, match, 'scan', column === 'summary' ? 'category_code' : undefined);
    if (isKeyed(column)) return yield* keyedPage(column, direction, where, offset, limit, yield* countsByValue(column, input.filters));
    if (column === 'next_due_at') return yield* deadlinePage(direction, where, offset, limit);
    return yield* summaryPage(direction, where, offset, limit, Boolean(input.filters.categoryCode));
  }
  return yield* sortedWhole(input, condition(input.filters, now, match, scan ? 'scan' : 'index'));
}

/**
 * How many live reports match the filters for each value of a column report_counts is kept by (kind,
 * category, status; the reports without a category under ''), when the filters are its columns only
 * (summaryCountable): a few hundred summary rows summed, for keyedPage to pass over the groups with no
 * match. Undefined otherwise.
 */
function* countsByValue(column: SortColumn, filters: ReportListInput['filters']): Reading<Map<string, number> | undefined> {
  const key = column === 'kind' ? 'kind' : column === 'category' ? 'category_code' : column === 'status' ? 'status' : null;
  if (key === null || !summaryCountable(filters) || isUnfiltered(filters)) return undefined;
  let summed = qb.selectFrom('report_counts').select([sql<string>`${sql.ref(key)}`.as('value'), sql<number>`sum(n)`.as('n')]).groupBy(key);
  if (filters.officeId) summed = summed.where('office_id', '=', filters.officeId);
  if (filters.kind) summed = summed.where('kind', '=', filters.kind);
  if (filters.categoryCode) summed = summed.where('category_code', '=', filters.categoryCode);
  if (filters.status) summed = summed.where('status', '=', filters.status);
  return new Map((yield* rowsOf(summed)).map((row) => [row.value, row.n]));
}

/** The page of the reports matching `where`, sorted by SQL in the order asked for (with the joins the order needs). */
function* sortedWhole(input: ReportListInput, where: RawBuilder<SqlBool>): Reading<number[]> {
  const joins = input.sort.column === 'category' || input.sort.column === 'locality' || input.sort.column === 'officer';
  let ids = (joins ? joined() : qb.selectFrom('reports as r')).where(where).select(sql<number>`r.rowid`.as('rowid'));
  const direction = input.sort.direction;
  for (const column of sortExpressions[input.sort.column]) {
    // Undated deadlines sort last whichever the direction.
    if (column === 'r.next_due_at') ids = ids.orderBy(sql`r.next_due_at IS NULL`);
    ids = ids.orderBy(sql.ref(column), direction);
  }
  // Equal times keep the order they were written in (the register's order in an office), which the
  // receipt indexes hold as their last key; the other columns fall back on the register's order.
  if (input.sort.column === 'received_at') ids = ids.orderBy(sql`r.rowid`, direction);
  else if (input.sort.column !== 'register') ids = ids.orderBy('r.register_year', 'desc').orderBy('r.register_no', 'desc');
  return (yield* rowsOf(ids.limit(input.limit).offset(input.offset))).map((row) => row.rowid);
}

/**
 * One page of the register, filtered and sorted, with the total for the virtualized list (unless
 * `count` is false). The page's rowids first (pageIds), then those rows with their joins.
 */
export function listReports(db: Sqlite, input: ReportListInput, now: number): Page<ReportRow, number | null> {
  return readNow(db, reportsPage(input, now));
}

function* reportsPage(input: ReportListInput, now: number): Reading<Page<ReportRow, number | null>> {
  const match = yield* searchOf(input.filters.q);
  const counted = input.count ? yield* countReports(input.filters, now, match) : null;
  // A capped total is no count of the matches: the page is read as if none were known.
  const total = counted === null || counted.capped ? null : counted.n;
  const ids = yield* pageIds(input, match, yield* registerScan(input, match, total, now), now, total);
  const known = counted === null ? {} : { total: counted.n, ...(counted.capped ? { totalCapped: true as const } : {}) };
  if (ids.length === 0) return { total: null, ...known, rows: [] };
  const page = joined()
    .where(sql<SqlBool>`r.rowid IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .select([
      sql<number>`r.rowid`.as('rowid'),
      'r.id as id',
      'r.office_id as officeId',
      'r.register_no as registerNo',
      'r.register_year as registerYear',
      'r.received_at as receivedAt',
      'r.kind as kind',
      'r.category_code as categoryCode',
      'c.name_vi as categoryName',
      'r.status as status',
      'r.summary as summary',
      'l.name as localityName',
      'u.full_name as officerName',
      'r.next_due_at as nextDueAt',
      'r.deleted_at as deletedAt',
      'r.void_reason as voidReason',
      'r.channel as channel',
      'r.reporter_name as reporterName',
      'r.reporter_anonymous as reporterAnonymous',
      'r.transferred_at as transferredAt',
      'r.transferred_to as transferredTo',
      'r.decision as decision',
      'r.decision_at as decisionAt',
      'r.decision_no as decisionNo',
      'r.resolution_note as resolutionNote',
    ]);
  const position = new Map(ids.map((id, i) => [id, i]));
  const found = (yield* rowsOf(page)).sort((a, b) => position.get(a.rowid)! - position.get(b.rowid)!);
  const rows = found.map((row) => ({
    id: row.id,
    officeId: row.officeId,
    number: formatRegisterNumber(row.registerNo, row.registerYear),
    receivedAt: row.receivedAt,
    kind: row.kind as ReportKind,
    categoryCode: row.categoryCode,
    categoryName: row.categoryName,
    status: row.status as ReportStatus,
    summary: row.summary,
    localityName: row.localityName,
    officerName: row.officerName,
    nextDueAt: row.nextDueAt,
    voided: row.deletedAt !== null,
    voidReason: row.voidReason,
    channel: row.channel as Channel,
    // The list never names a secret reporter, to anyone: their name is on the report itself, for those who may see it.
    reporterName: row.reporterAnonymous === 1 ? '' : row.reporterName,
    reporterAnonymous: row.reporterAnonymous === 1,
    transferredAt: row.transferredAt,
    transferredTo: row.transferredTo,
    decision: row.decision,
    decisionAt: row.decisionAt,
    decisionNo: row.decisionNo,
    resolutionNote: row.resolutionNote,
  }));
  return { total: null, ...known, rows };
}

export function reportDetail(db: Sqlite, id: string, settings: Settings): ReportDetail {
  const r = first(db, qb.selectFrom('reports').selectAll().where('id', '=', id));
  if (!r) throw new AppError('record.not_found', `report ${id} not found`);
  const persons = all(
    db,
    qb
      .selectFrom('report_persons as rp')
      .innerJoin('persons as p', 'p.id', 'rp.person_id')
      .selectAll('p')
      .select(['rp.id as link_id', 'rp.role as link_role'])
      .where('rp.report_id', '=', id)
      .where('rp.deleted_at', 'is', null)
      .orderBy('rp.created_at'),
  );
  const attachments = all(
    db,
    qb
      .selectFrom('attachments')
      .select(['id', 'file_name', 'mime', 'size', 'sha256', 'created_at'])
      .where('owner_table', '=', 'reports')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at'),
  );
  const extensionLimit = computeDeadlines(
    { receivedAt: r.received_at, remoteCommune: settings.remoteCommune, complex: r.complex === 1, extendedUntil: null },
    loadHolidays(db),
  ).extensionLimit;
  return {
    id: r.id,
    officeId: r.office_id,
    version: r.version,
    number: formatRegisterNumber(r.register_no, r.register_year),
    registerYear: r.register_year,
    registerNo: r.register_no,
    receivedAt: r.received_at,
    occurredOn: r.occurred_on,
    occurredNote: r.occurred_note,
    channel: r.channel as Channel,
    kind: r.kind as ReportKind,
    categoryCode: r.category_code,
    localityId: r.locality_id,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    reporterName: r.reporter_name,
    reporterContact: r.reporter_contact,
    reporterAddress: r.reporter_address,
    reporterAnonymous: r.reporter_anonymous === 1,
    summary: r.summary,
    description: r.description,
    deaths: r.deaths,
    injuries: r.injuries,
    damage: r.damage,
    sanctionDecision: r.sanction_decision,
    fine: r.fine,
    officerId: r.officer_id,
    status: r.status as ReportStatus,
    complex: r.complex === 1,
    transferredAt: r.transferred_at,
    transferredTo: r.transferred_to,
    noticeSentAt: r.notice_sent_at,
    decision: r.decision,
    decisionAt: r.decision_at,
    decisionNo: r.decision_no,
    extensionNo: r.extension_no,
    extendedUntil: r.extended_until,
    extensionLimit,
    resolutionNote: r.resolution_note,
    deadlines: reportDeadlines(r),
    persons: persons.map((row) => ({ linkId: row.link_id, role: row.link_role as PersonRole, person: personView(row) })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.created_at })),
    voided: r.deleted_at !== null,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Bookkeeping columns left out of a change list: they change with every write. */
const HIDDEN = new Set(['version', 'base_version', 'seq', 'updated_at', 'updated_by', 'transfer_due_at', 'notice_due_at', 'decision_due_at', 'next_due_at']);

/** Who changed what and when, from the audit log: the report and its links to people. */
/**
 * The writes to a report and to its people, oldest first (reads are in the audit page, not here). Each
 * entry says whether the reporter's values it holds are secret (the report is anonymous now, or was
 * before or after that write): db/secrets.ts hides them from those who may not see them.
 */
export function reportHistory(db: Sqlite, id: string): HistoryEntry[] {
  const report = first(db, qb.selectFrom('reports').select(['id', 'seq', 'reporter_anonymous']).where('id', '=', id));
  if (!report) throw new AppError('record.not_found', `report ${id} not found`);
  const rows = prepared(
    db,
    `SELECT a.at, a.action, a.table_name, a.before, a.after, u.full_name AS user_name
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE (a.record_id = ? OR a.record_id IN (SELECT id FROM report_persons WHERE report_id = ?)) AND a.action NOT IN ('read', 'reveal')
     ORDER BY a.id`,
  ).all(id, id) as { at: number; action: string; table_name: string; before: string | null; after: string | null; user_name: string | null }[];
  const entries = rows.map((row): HistoryEntry => {
    const before = (row.before ? JSON.parse(row.before) : {}) as Record<string, unknown>;
    const after = (row.after ? JSON.parse(row.after) : {}) as Record<string, unknown>;
    const fields = row.table_name === 'report_persons' ? ['person_id', 'role', 'void_reason'] : Object.keys(after).filter((key) => !HIDDEN.has(key));
    const changes = fields
      .filter((field) => row.action === 'insert' || JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .filter((field) => row.action !== 'insert' || (after[field] !== null && after[field] !== ''))
      .map((field) => ({ field: row.table_name === 'report_persons' ? `persons.${field}` : field, before: before[field] ?? null, after: after[field] ?? null }));
    const reporterAnonymous = report.reporter_anonymous === 1 || before.reporter_anonymous === 1 || after.reporter_anonymous === 1;
    return { at: row.at, userName: row.user_name, action: row.table_name === 'report_persons' ? `link_${row.action}` : row.action, reporterAnonymous, changes };
  });
  // Its provenance: the bundle that last wrote it, in its place in time.
  const received = receivedIn(db, report.seq);
  if (received) entries.splice(entries.filter((entry) => entry.at <= received.at).length, 0, received);
  // Imported from an old register: the file and row, first (the record's insert follows it).
  const imported = importedFrom(db, id);
  if (imported) {
    const { at, userName, ...source } = imported;
    entries.unshift({ at, userName, action: 'imported', reporterAnonymous: false, changes: importedState(db, id, rows), imported: source });
  }
  return entries;
}

/**
 * What an imported report held when it came in, as the changes of its "imported" entry: an import writes
 * through the bulk path (db/legacy/register-import.ts), audited once for the whole file, so the report
 * has no insert entry of its own. Its state then is the state its first later write started from (that
 * entry's before), or the report as it is when nothing changed it since.
 */
function importedState(db: Sqlite, id: string, rows: readonly { action: string; table_name: string; before: string | null }[]): HistoryEntry['changes'] {
  if (rows.some((row) => row.table_name === 'reports' && row.action === 'insert')) return [];
  const later = rows.find((row) => row.table_name === 'reports' && row.before !== null);
  const state = (later ? JSON.parse(later.before!) : prepared(db, 'SELECT * FROM reports WHERE id = ?').get(id)) as Record<string, unknown>;
  return Object.keys(state)
    .filter((field) => !HIDDEN.has(field) && state[field] !== null && state[field] !== '')
    .map((field) => ({ field, before: null, after: state[field] }));
}

/** The live reports with an open deadline, from the deadlines index (`+office_id`: the office is tested on it, not looked up by it). */
const DUE_FROM = `FROM reports INDEXED BY reports_due
  WHERE next_due_at IS NOT NULL AND deleted_at IS NULL AND next_due_at < @horizon AND (@office IS NULL OR +office_id = @office)`;
const DUE_COLUMNS = 'rowid, status, notice_sent_at, transfer_due_at, notice_due_at, decision_due_at, NULL AS deleted_at';
const due = (after: string, until: string) => OPEN_DEADLINES_DUE_SQL.replaceAll('@after', after).replaceAll('@until', until);
/** Each section's open deadlines, counted from the index alone (reports_due covers every column they need). */
const DUE_COUNTS = `SELECT coalesce(sum(${due('-1', '@now')}), 0) AS overdue, coalesce(sum(${due('@now', '@todayEnd')}), 0) AS today,
  coalesce(sum(${due('@todayEnd', '@horizon - 1')}), 0) AS soon ${DUE_FROM}`;
/** The reports whose deadlines are the most overdue: the first `limit` by their earliest open deadline hold them all. */
const DUE_OVERDUE = `SELECT ${DUE_COLUMNS} ${DUE_FROM} AND next_due_at <= @now ORDER BY next_due_at LIMIT @limit`;
/** The reports with a deadline open today or in the days ahead (few). */
const DUE_AHEAD = `SELECT ${DUE_COLUMNS} ${DUE_FROM} AND ${due('@now', '@horizon - 1')} > 0`;
/** The rows of the deadlines shown, by rowid. */
const DUE_ROWS = `SELECT r.rowid, r.id, r.office_id, r.register_no, r.register_year, r.summary, r.officer_id, u.full_name AS officer_name
  FROM reports r LEFT JOIN users u ON u.id = r.officer_id
  WHERE r.rowid IN (SELECT value FROM json_each(?))`;

/**
 * Open deadlines up to `withinDays` days ahead, of one office or (officeId null) of every office, in
 * three sections (overdue, today, soon), each counted whole and listed up to `limit`, most urgent
 * first. The counts come from the deadlines index in SQL (a province may have tens of thousands of
 * overdue reports: turning each into a JavaScript row cost more than everything else); only the
 * reports that can be listed are read, then the rows of those listed.
 */
export function deadlineBoard(db: Sqlite, withinDays: number, now: number, officeId: string | null = null, limit = 300): DeadlineBoard {
  const today = localDate(now);
  const todayEnd = endOfDay(today);
  const horizon = endOfDay(addDays(today, withinDays));
  const params = { now, todayEnd, horizon, office: officeId, limit };
  type Due = { rowid: number; kind: DeadlineItem['kind']; dueAt: number };
  const sections: { overdue: Due[]; today: Due[]; soon: Due[] } = { overdue: [], today: [], soon: [] };
  const states = [...prepared(db, DUE_OVERDUE).all(params), ...prepared(db, DUE_AHEAD).all(params)] as (DeadlineState & { rowid: number })[];
  const seen = new Set<string>();
  for (const state of states) {
    for (const deadline of openDeadlines(state)) {
      const key = `${state.rowid} ${deadline.kind}`;
      if (deadline.dueAt >= horizon || seen.has(key)) continue;
      seen.add(key);
      const item = { rowid: state.rowid, kind: deadline.kind, dueAt: deadline.dueAt };
      (deadline.dueAt <= now ? sections.overdue : deadline.dueAt <= todayEnd ? sections.today : sections.soon).push(item);
    }
  }
  const counts = prepared(db, DUE_COUNTS).get(params) as DeadlineBoard['counts'];
  const urgentFirst = (list: Due[]) => list.sort((a, b) => a.dueAt - b.dueAt || a.rowid - b.rowid).slice(0, limit);
  const shown = { overdue: urgentFirst(sections.overdue), today: urgentFirst(sections.today), soon: urgentFirst(sections.soon) };
  const rowids = [...new Set([...shown.overdue, ...shown.today, ...shown.soon].map((due) => due.rowid))];
  type Row = { rowid: number; id: string; office_id: string; register_no: number; register_year: number; summary: string; officer_id: string | null; officer_name: string | null };
  const rows = new Map((prepared(db, DUE_ROWS).all(JSON.stringify(rowids)) as Row[]).map((row) => [row.rowid, row]));
  const items = (list: Due[]): DeadlineItem[] =>
    list.map((due) => {
      const row = rows.get(due.rowid)!;
      return {
        reportId: row.id,
        officeId: row.office_id,
        number: formatRegisterNumber(row.register_no, row.register_year),
        summary: row.summary,
        kind: due.kind,
        dueAt: due.dueAt,
        officerId: row.officer_id,
        officerName: row.officer_name,
      };
    });
  return { now, counts, overdue: items(shown.overdue), today: items(shown.today), soon: items(shown.soon) };
}
