import { sql, type RawBuilder } from 'kysely';
import { refillPoliceMonthsSql } from '../migrations/0006-reports';
import { fillEveryOfficeSql } from '../migrations/0009-every-office';
import { qb, sqlList } from '../query';
import { arraysOf, readNow, type Reading } from '../reading';
import { addDays, endOfDay, startOfDay } from '../../core/calendar';
import { policeMonth, type DateRange } from '../../core/periods';
import type { Sqlite } from '../store';
import type { FigureKey } from '../../api/views';
import type { ReportKind, ReportStatus } from '../../api/vocabulary';

/** Figures of one date range, by key ("reports.total", "group.drugs", "seized.heroin", ...), as they are counted. */
export type Figures = Partial<Record<FigureKey, number>>;

/** Report kinds that are crime reports in the narrow sense (tin báo, tố giác về tội phạm, kiến nghị khởi tố). */
export const CRIME_KINDS: readonly ReportKind[] = ['crime_report', 'denunciation', 'prosecution_request'];
/** Statuses that count a report as solved: decided, or resolved without criminal proceedings. */
export const SOLVED_STATUSES: readonly ReportStatus[] = ['decided', 'resolved_admin', 'resolved_mediation'];

/**
 * The counting below is written once as readings (db/reading.ts) and run two ways: synchronously on a
 * connection (a report issued inside its transaction, the benches) and on the asynchronous Store
 * (periodic.compute, read on the Store's readers while the backend's thread goes on). Its statements'
 * rows are arrays of the columns' values, in order.
 */
type Counting<T> = Reading<T>;
const ask = arraysOf;

function add(figures: Figures, key: FigureKey, value: number): void {
  figures[key] = (figures[key] ?? 0) + value;
}

/** The police month a date counts in, as 'YYYY-MM' (the same rule as the report_months triggers). */
export function policeMonthLabel(date: string, cutoff: number): string {
  let [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (cutoff > 1 && Number(date.slice(8, 10)) >= cutoff) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return monthLabel(year, month);
}

/** A police month's label, 'YYYY-MM', as the summaries key it. */
export function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A range as whole police months (first and last label) and the days left over at its edges. */
export function splitRange(range: DateRange, cutoff: number): { months: { first: string; last: string } | null; days: DateRange[] } {
  const monthOf = (date: string) => {
    const label = policeMonthLabel(date, cutoff);
    return { label, ...policeMonth(Number(label.slice(0, 4)), Number(label.slice(5, 7)), cutoff) };
  };
  const first = monthOf(range.start);
  const last = monthOf(range.end);
  const firstFull = first.start === range.start ? first : monthOf(addDays(first.end, 1));
  const lastFull = last.end === range.end ? last : monthOf(addDays(last.start, -1));
  if (firstFull.label > lastFull.label) return { months: null, days: [range] };
  const days: DateRange[] = [];
  if (firstFull.start > range.start) days.push({ start: range.start, end: addDays(firstFull.start, -1) });
  if (lastFull.end < range.end) days.push({ start: addDays(lastFull.end, 1), end: range.end });
  return { months: { first: firstFull.label, last: lastFull.label }, days };
}

/** Refills the police-month summaries (by office, then every office together) after the cut-off day changed. */
export function refillPoliceMonths(db: Sqlite): void {
  db.exec(refillPoliceMonthsSql);
  db.exec(fillEveryOfficeSql);
}

type SummaryRow = [category: string, kind: ReportKind, status: ReportStatus, n: number, deaths: number, injuries: number, damage: number, fine: number];

/**
 * Whose figures: one office's code, or null for every office in the store. Each figure has two
 * constant statements, one with the office condition (the summaries and indexes are keyed by office
 * first) and one without it; never one statement with "(? IS NULL OR office_id = ?)", which would keep
 * SQLite from using the office in the index.
 */
export type Scope = string | null;

/** The statement of a scope, and its parameters: the office's code first when there is one. */
function scoped(scope: Scope, statements: { readonly office: string; readonly all: string }) {
  const text = scope === null ? statements.all : statements.office;
  const args = (params: unknown[]) => (scope === null ? params : [scope, ...params]);
  return {
    all: (...params: unknown[]): Counting<unknown[][]> => ask(text, ...args(params)),
    get: function* (...params: unknown[]): Counting<unknown[]> {
      return (yield* ask(text, ...args(params)))[0] ?? [];
    },
  };
}

const SQL = {
  reportMonths: {
    office: `SELECT category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM report_months
      WHERE office_id = ? AND month BETWEEN ? AND ? GROUP BY category_code, kind, status`,
    // Added up here, not row by row by the caller: a year's range is a dozen months of rows, each sent
    // from the reader's thread (docs/decisions.md, "The periodic report at a province").
    all: `SELECT category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM report_months_all
      WHERE month BETWEEN ? AND ? GROUP BY category_code, kind, status`,
  },
  reportDays: {
    office: `SELECT category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM report_days
      WHERE office_id = ? AND day BETWEEN ? AND ? GROUP BY category_code, kind, status`,
    all: `SELECT category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine) FROM report_days
      WHERE day BETWEEN ? AND ? GROUP BY category_code, kind, status`,
  },
  operations: {
    office: `SELECT count(*), coalesce(sum(persons_arrested), 0), coalesce(sum(persons_sanctioned), 0) FROM operations INDEXED BY operations_office_period
      WHERE office_id = ? AND deleted_at IS NULL AND started_at >= ? AND started_at < ?`,
    all: `SELECT count(*), coalesce(sum(persons_arrested), 0), coalesce(sum(persons_sanctioned), 0) FROM operations INDEXED BY operations_started
      WHERE deleted_at IS NULL AND started_at >= ? AND started_at < ?`,
  },
  seized: {
    office: `SELECT s.measure_code, sum(s.quantity) FROM operations o INDEXED BY operations_office_period CROSS JOIN operation_seizures s INDEXED BY operation_seizures_live ON s.operation_id = o.id AND s.deleted_at IS NULL
      WHERE o.office_id = ? AND o.deleted_at IS NULL AND o.started_at >= ? AND o.started_at < ? GROUP BY s.measure_code`,
    all: `SELECT s.measure_code, sum(s.quantity) FROM operations o INDEXED BY operations_started CROSS JOIN operation_seizures s INDEXED BY operation_seizures_live ON s.operation_id = o.id AND s.deleted_at IS NULL
      WHERE o.deleted_at IS NULL AND o.started_at >= ? AND o.started_at < ? GROUP BY s.measure_code`,
  },
  hotspotsLive: {
    office: 'SELECT count(*) FROM hotspots INDEXED BY hotspots_found WHERE office_id = ? AND deleted_at IS NULL',
    all: 'SELECT count(*) FROM hotspots WHERE deleted_at IS NULL',
  },
  hotspotsFoundAfter: {
    office: 'SELECT count(*) FROM hotspots INDEXED BY hotspots_found WHERE office_id = ? AND deleted_at IS NULL AND found_on > ?',
    all: 'SELECT count(*) FROM hotspots WHERE deleted_at IS NULL AND found_on > ?',
  },
  hotspotsFound: {
    office: 'SELECT count(*) FROM hotspots INDEXED BY hotspots_found WHERE office_id = ? AND deleted_at IS NULL AND found_on BETWEEN ? AND ?',
    all: 'SELECT count(*) FROM hotspots WHERE deleted_at IS NULL AND found_on BETWEEN ? AND ?',
  },
  hotspotChanges: {
    office: `SELECT status, count(DISTINCT hotspot_id) FROM hotspot_history INDEXED BY hotspot_history_changes
      WHERE office_id = ? AND deleted_at IS NULL AND status IN ('cleared', 'relapsed') AND on_date BETWEEN ? AND ? GROUP BY status`,
    all: `SELECT status, count(DISTINCT hotspot_id) FROM hotspot_history
      WHERE deleted_at IS NULL AND status IN ('cleared', 'relapsed') AND on_date BETWEEN ? AND ? GROUP BY status`,
  },
  // Of those cleared or reopened by then, the ones whose last such change was a clearing (SQLite gives
  // the other columns of the row that holds the max()).
  hotspotsClearedBy: {
    office: `SELECT count(*) FROM (SELECT hh.status, max(hh.on_date) FROM hotspot_history hh INDEXED BY hotspot_history_changes JOIN hotspots h ON h.id = hh.hotspot_id AND h.deleted_at IS NULL
      WHERE hh.office_id = ? AND hh.deleted_at IS NULL AND hh.status IN ('cleared', 'relapsed') AND hh.on_date <= ? GROUP BY hh.hotspot_id) WHERE status = 'cleared'`,
    all: `SELECT count(*) FROM (SELECT hh.status, max(hh.on_date) FROM hotspot_history hh INDEXED BY hotspot_history_turns JOIN hotspots h ON h.id = hh.hotspot_id AND h.deleted_at IS NULL
      WHERE hh.deleted_at IS NULL AND hh.status IN ('cleared', 'relapsed') AND hh.on_date <= ? GROUP BY hh.hotspot_id) WHERE status = 'cleared'`,
  },
  programMonths: {
    office: 'SELECT kind_code, sum(started), sum(ended) FROM program_months WHERE office_id = ? AND month BETWEEN ? AND ? GROUP BY kind_code',
    all: 'SELECT kind_code, sum(started), sum(ended) FROM program_months_all WHERE month BETWEEN ? AND ? GROUP BY kind_code',
  },
  programsStarted: {
    office: 'SELECT kind_code, count(*), 0 AS ended FROM programs INDEXED BY programs_started WHERE office_id = ? AND deleted_at IS NULL AND start_date BETWEEN ? AND ? GROUP BY kind_code',
    all: 'SELECT kind_code, count(*), 0 AS ended FROM programs WHERE deleted_at IS NULL AND start_date BETWEEN ? AND ? GROUP BY kind_code',
  },
  programsEnded: {
    office:
      'SELECT kind_code, 0 AS started, count(*) FROM programs INDEXED BY programs_ended WHERE office_id = ? AND deleted_at IS NULL AND ended_on IS NOT NULL AND ended_on BETWEEN ? AND ? GROUP BY kind_code',
    all: 'SELECT kind_code, 0 AS started, count(*) FROM programs WHERE deleted_at IS NULL AND ended_on IS NOT NULL AND ended_on BETWEEN ? AND ? GROUP BY kind_code',
  },
  reportsByMonth: {
    office: 'SELECT month, sum(n) FROM report_months WHERE office_id = ? AND month BETWEEN ? AND ? GROUP BY month',
    all: 'SELECT month, sum(n) FROM report_months_all WHERE month BETWEEN ? AND ? GROUP BY month',
  },
} as const;

/**
 * The register's figures per range, from the summaries kept by triggers: whole police months from
 * report_months, the days at a range's edges (a custom range) from report_days; each query sums a few
 * hundred rows.
 */
function* reportFigures(scope: Scope, ranges: readonly DateRange[], cutoff: number, out: Figures[]): Counting<void> {
  const groups = new Map((yield* ask('SELECT code, group_code FROM categories')) as [string, string][]);
  const byMonths = scoped(scope, SQL.reportMonths);
  const byDays = scoped(scope, SQL.reportDays);
  for (const [i, range] of ranges.entries()) {
    const parts = splitRange(range, cutoff);
    const rows = parts.months ? ((yield* byMonths.all(parts.months.first, parts.months.last)) as SummaryRow[]) : [];
    for (const days of parts.days) rows.push(...((yield* byDays.all(days.start, days.end)) as SummaryRow[]));
    for (const row of rows) addReportRow(out[i]!, row, groups.get(row[0]) ?? '');
  }
}

function addReportRow(f: Figures, [category, kind, status, n, deaths, injuries, damage, fine]: SummaryRow, group: string): void {
  if (n === 0) return;
  const solved = SOLVED_STATUSES.includes(status);
  add(f, 'reports.total', n);
  add(f, `reports.kind.${kind}`, n);
  add(f, `reports.status.${status}`, n);
  add(f, `group.${group || 'none'}`, n);
  if (solved) add(f, 'reports.solved', n);
  if (CRIME_KINDS.includes(kind)) {
    add(f, 'crime.received', n);
    if (solved) add(f, 'crime.solved', n);
  }
  if (kind === 'traffic_accident' || category === 'traffic_accident') {
    add(f, 'traffic.accidents', n);
    add(f, 'traffic.deaths', deaths);
    add(f, 'traffic.injuries', injuries);
  }
  if (kind === 'fire_explosion' || group === 'fire') {
    add(f, 'fire.count', n);
    add(f, 'fire.deaths', deaths);
    add(f, 'fire.injuries', injuries);
    add(f, 'fire.damage', damage);
  }
  if (kind === 'administrative_violation' || group === 'administrative') add(f, 'administrative.count', n);
  add(f, 'administrative.fines', fine);
}

/**
 * Operations with their persons and seizures, by when they started: one index range per range. The
 * CROSS JOIN keeps the operations of the period as the outer loop (SQLite's documented way to fix the
 * join order); otherwise it may read every seizure.
 */
function* operationFigures(scope: Scope, ranges: readonly DateRange[], out: Figures[]): Counting<void> {
  const operations = scoped(scope, SQL.operations);
  const seized = scoped(scope, SQL.seized);
  for (const [i, range] of ranges.entries()) {
    const f = out[i]!;
    const params = [startOfDay(range.start), endOfDay(range.end)];
    const [count, arrested, sanctioned] = (yield* operations.get(...params)) as [number, number, number];
    f['operations.count'] = count;
    f['persons.arrested'] = arrested;
    f['persons.sanctioned'] = sanctioned;
    for (const [measure, quantity] of (yield* seized.all(...params)) as [string, number][]) f[`seized.${measure}`] = quantity;
  }
}

/**
 * Hotspots found, cleared and relapsed in each range, and those still watched at its end: every live
 * hotspot, less those found after the end, less those whose last clearing or reopening by then was a
 * clearing.
 */
function* hotspotFigures(scope: Scope, ranges: readonly DateRange[], out: Figures[]): Counting<void> {
  const count = function* (statements: { readonly office: string; readonly all: string }, ...params: string[]): Counting<number> {
    return (yield* scoped(scope, statements).get(...params))[0] as number;
  };
  const total = yield* count(SQL.hotspotsLive);
  const changes = scoped(scope, SQL.hotspotChanges);
  for (const [i, range] of ranges.entries()) {
    const f = out[i]!;
    const changed = new Map((yield* changes.all(range.start, range.end)) as [string, number][]);
    const foundAfter = yield* count(SQL.hotspotsFoundAfter, range.end);
    const clearedBy = yield* count(SQL.hotspotsClearedBy, range.end);
    f['hotspots.found'] = yield* count(SQL.hotspotsFound, range.start, range.end);
    f['hotspots.cleared'] = changed.get('cleared') ?? 0;
    f['hotspots.relapsed'] = changed.get('relapsed') ?? 0;
    f['hotspots.active'] = total - foundAfter - clearedBy;
  }
}

/** The earliest date anything is recorded on (api/fields.ts accepts dates from 1900). */
const EARLIEST = '1900-01-01';

/**
 * People under management by program kind: under management at each range's end (every program
 * started by then less those ended by then), started and ended in it. Whole police months come from
 * program_months (kept by triggers); the days at a range's edges from the programs, through an index.
 */
function* programFigures(scope: Scope, ranges: readonly DateRange[], cutoff: number, out: Figures[]): Counting<void> {
  const months = scoped(scope, SQL.programMonths);
  const startedOn = scoped(scope, SQL.programsStarted);
  const endedOn = scoped(scope, SQL.programsEnded);
  /** Programs started and ended in a range, by kind. */
  const within = function* (range: DateRange): Counting<Map<string, { started: number; ended: number }>> {
    const parts = splitRange(range, cutoff);
    const rows = parts.months ? ((yield* months.all(parts.months.first, parts.months.last)) as [string, number, number][]) : [];
    for (const days of parts.days) {
      rows.push(...((yield* startedOn.all(days.start, days.end)) as [string, number, number][]), ...((yield* endedOn.all(days.start, days.end)) as [string, number, number][]));
    }
    const byKind = new Map<string, { started: number; ended: number }>();
    for (const [kind, started, ended] of rows) {
      const sum = byKind.get(kind) ?? { started: 0, ended: 0 };
      byKind.set(kind, { started: sum.started + started, ended: sum.ended + ended });
    }
    return byKind;
  };
  for (const [i, range] of ranges.entries()) {
    const f = out[i]!;
    const toEnd = yield* within({ start: EARLIEST, end: range.end });
    const inRange = yield* within(range);
    for (const kind of new Set([...toEnd.keys(), ...inRange.keys()])) {
      const upTo = toEnd.get(kind) ?? { started: 0, ended: 0 };
      const figures = { active: upTo.started - upTo.ended, started: inRange.get(kind)?.started ?? 0, ended: inRange.get(kind)?.ended ?? 0 };
      for (const what of ['active', 'started', 'ended'] as const) {
        f[`programs.${what}.${kind}`] = figures[what];
        add(f, `programs.${what}`, figures[what]);
      }
    }
  }
}

/** The movement: teams and members at each range's end, activities in it, models started by its end. */
function* movementFigures(scope: Scope, ranges: readonly DateRange[], out: Figures[]): Counting<void> {
  // The office condition on a table's alias; none for every office.
  const of = (alias: string) => (scope === null ? sql`1` : sql`${sql.ref(`${alias}.office_id`)} = ${scope}`);
  const counts = {
    'teams.count': (r) => sql`SELECT count(*) FROM teams t WHERE ${of('t')} AND t.deleted_at IS NULL AND coalesce(t.founded_on, '') <= ${r.end}`,
    'teams.members': (r) =>
      sql`SELECT count(*) FROM team_members m WHERE ${of('m')} AND m.deleted_at IS NULL AND m.joined_on <= ${r.end} AND (m.left_on IS NULL OR m.left_on > ${r.end})`,
    'teams.activities': (r) => sql`SELECT count(*) FROM team_activities a WHERE ${of('a')} AND a.deleted_at IS NULL AND a.date BETWEEN ${r.start} AND ${r.end}`,
    'models.count': (r) => sql`SELECT count(*) FROM models m WHERE ${of('m')} AND m.deleted_at IS NULL AND m.started_on <= ${r.end}`,
    // The yearly "safe on security and order" evaluation of the year the range ends in.
    'safety.villages': () => sql`SELECT count(*) FROM localities l WHERE ${of('l')} AND l.deleted_at IS NULL`,
    'safety.villagesRecognised': (r) =>
      sql`SELECT count(*) FROM safety_evaluations e WHERE ${of('e')} AND e.deleted_at IS NULL AND e.year = ${Number(r.end.slice(0, 4))} AND e.unit_kind = 'village' AND e.recognised = 1`,
    'safety.unitsRecognised': (r) =>
      sql`SELECT count(*) FROM safety_evaluations e WHERE ${of('e')} AND e.deleted_at IS NULL AND e.year = ${Number(r.end.slice(0, 4))} AND e.unit_kind <> 'village' AND e.recognised = 1`,
  } satisfies Partial<Record<FigureKey, (r: DateRange) => RawBuilder<unknown>>>;
  const keys = Object.keys(counts) as (keyof typeof counts)[];
  const columns = keys.flatMap((key, k) => ranges.map((range, i) => sql`(${counts[key]!(range)}) AS ${sql.ref(`m${k}_${i}`)}`));
  const statement = sql`SELECT ${sql.join(columns, sql`, `)}`.compile(qb);
  // The columns come in the order they were listed: key by key, range by range.
  const [row] = yield* ask(statement.sql, ...statement.parameters);
  ranges.forEach((_range, i) => {
    keys.forEach((key, k) => (out[i]![key] = Number(row?.[k * ranges.length + i] ?? 0)));
  });
}

/**
 * Every figure of the periodic report for each range, for one office or every office: counted from the records (the
 * register through its daily summary), each source read once for all ranges.
 */
export function countFigures(db: Sqlite, scope: Scope, ranges: readonly DateRange[], cutoff: number): Figures[] {
  return readNow(db, countingFigures(scope, ranges, cutoff));
}

export function* countingFigures(scope: Scope, ranges: readonly DateRange[], cutoff: number): Counting<Figures[]> {
  // Ranges often repeat (a half-year's year to date is the half itself): count each once.
  const keys = ranges.map((r) => `${r.start}/${r.end}`);
  const unique = ranges.filter((_r, i) => keys.indexOf(keys[i]!) === i);
  const out: Figures[] = unique.map(() => ({}));
  if (unique.length > 0) {
    yield* reportFigures(scope, unique, cutoff, out);
    yield* operationFigures(scope, unique, out);
    yield* hotspotFigures(scope, unique, out);
    yield* programFigures(scope, unique, cutoff, out);
    yield* movementFigures(scope, unique, out);
  }
  return keys.map((key) => ({ ...out[unique.findIndex((r) => `${r.start}/${r.end}` === key)]! }));
}

const CRIME = `kind IN (${sqlList(CRIME_KINDS)})`;
const SOLVED = `status IN (${sqlList(SOLVED_STATUSES)})`;
/** The register's figures of the breakdown, from a summary table (its rows m) of one office. */
const REGISTER_BY_OFFICE = `sum(m.n), coalesce(sum(m.n) FILTER (WHERE m.${CRIME}), 0), coalesce(sum(m.n) FILTER (WHERE m.${CRIME} AND m.${SOLVED}), 0)`;

/**
 * The breakdown of a report of every office: statements by office, its code the first column. The
 * summaries are read office by office along their keys (office first), which the CROSS JOIN fixes as
 * the join order: a few thousand rows in key order, where one pass over a month range of every office
 * then sorted by office took seven times as long at a province.
 */
const BY_OFFICE = {
  reportMonths: `SELECT o.id, ${REGISTER_BY_OFFICE} FROM offices o CROSS JOIN report_months m ON m.office_id = o.id AND m.month BETWEEN ? AND ? GROUP BY o.id`,
  reportDays: `SELECT o.id, ${REGISTER_BY_OFFICE} FROM offices o CROSS JOIN report_days m ON m.office_id = o.id AND m.day BETWEEN ? AND ? GROUP BY o.id`,
  operations: `SELECT office_id, count(*), coalesce(sum(persons_arrested), 0), coalesce(sum(persons_sanctioned), 0) FROM operations INDEXED BY operations_started
    WHERE deleted_at IS NULL AND started_at >= ? AND started_at < ? GROUP BY office_id`,
  seized: `SELECT o.office_id, s.measure_code, sum(s.quantity) FROM operations o INDEXED BY operations_started CROSS JOIN operation_seizures s INDEXED BY operation_seizures_live ON s.operation_id = o.id AND s.deleted_at IS NULL
    WHERE o.deleted_at IS NULL AND o.started_at >= ? AND o.started_at < ? GROUP BY o.office_id, s.measure_code`,
  hotspotsCleared: `SELECT office_id, count(DISTINCT hotspot_id) FROM hotspot_history INDEXED BY hotspot_history_changes
    WHERE deleted_at IS NULL AND status = 'cleared' AND on_date BETWEEN ? AND ? GROUP BY office_id`,
  programMonths: 'SELECT o.id, sum(m.started) - sum(m.ended) FROM offices o CROSS JOIN program_months m ON m.office_id = o.id AND m.month BETWEEN ? AND ? GROUP BY o.id',
  programsStarted: 'SELECT office_id, count(*) FROM programs WHERE deleted_at IS NULL AND start_date BETWEEN ? AND ? GROUP BY office_id',
  programsEnded: 'SELECT office_id, -count(*) FROM programs WHERE deleted_at IS NULL AND ended_on IS NOT NULL AND ended_on BETWEEN ? AND ? GROUP BY office_id',
} as const;

/**
 * The main figures of one range office by office, for the breakdown of a report of every office: the
 * register's total, crime reports received and solved, operations with persons arrested and seizures,
 * hotspots cleared, and people under management at the range's end; each equal to countFigures for
 * that office alone (tests/integration/every-office.test.ts). Offices with nothing counted are absent.
 */
export function figuresByOffice(db: Sqlite, range: DateRange, cutoff: number): Map<string, Figures> {
  return readNow(db, countingByOffice(range, cutoff));
}

export function* countingByOffice(range: DateRange, cutoff: number): Counting<Map<string, Figures>> {
  const byOffice = new Map<string, Figures>();
  const of = (office: string) => byOffice.get(office) ?? byOffice.set(office, {}).get(office)!;
  const rows = function* <Row extends unknown[] = [string, ...number[]]>(statement: keyof typeof BY_OFFICE, ...params: unknown[]): Counting<Row[]> {
    return (yield* ask(BY_OFFICE[statement], ...params)) as Row[];
  };
  const parts = splitRange(range, cutoff);
  const register = parts.months ? yield* rows('reportMonths', parts.months.first, parts.months.last) : [];
  for (const days of parts.days) register.push(...(yield* rows('reportDays', days.start, days.end)));
  for (const [office, total, received, solved] of register) {
    add(of(office), 'reports.total', total!);
    add(of(office), 'crime.received', received!);
    add(of(office), 'crime.solved', solved!);
  }
  const instants = [startOfDay(range.start), endOfDay(range.end)];
  for (const [office, count, arrested, sanctioned] of yield* rows('operations', ...instants)) {
    Object.assign(of(office), { 'operations.count': count, 'persons.arrested': arrested, 'persons.sanctioned': sanctioned });
  }
  for (const [office, measure, quantity] of yield* rows<[string, string, number]>('seized', ...instants)) of(office)[`seized.${measure}`] = quantity;
  for (const [office, cleared] of yield* rows('hotspotsCleared', range.start, range.end)) of(office)['hotspots.cleared'] = cleared!;
  // Under management at the end: started less ended up to it, by whole months and the days after them.
  const upToEnd = splitRange({ start: EARLIEST, end: range.end }, cutoff);
  const managed = upToEnd.months ? yield* rows('programMonths', upToEnd.months.first, upToEnd.months.last) : [];
  for (const days of upToEnd.days) managed.push(...(yield* rows('programsStarted', days.start, days.end)), ...(yield* rows('programsEnded', days.start, days.end)));
  for (const [office, n] of managed) {
    add(of(office), 'programs.active', n!);
  }
  return byOffice;
}

/** Reports received in each police month from `first` to `last` ('YYYY-MM'): the trend chart's series. */
export function reportsByMonth(db: Sqlite, scope: Scope, first: string, last: string): Map<string, number> {
  return readNow(db, countingByMonth(scope, first, last));
}

export function* countingByMonth(scope: Scope, first: string, last: string): Counting<Map<string, number>> {
  return new Map((yield* scoped(scope, SQL.reportsByMonth).all(first, last)) as [string, number][]);
}
