import { sql, type RawBuilder } from 'kysely';
import { fillSummary } from '../migrations/0006-reports';
import { allRaw, prepared } from '../query';
import { addDays, endOfDay, startOfDay } from '../rules/calendar';
import { policeMonth, type DateRange } from '../rules/periods';
import type { Sqlite } from '../store';

/** Figures of one date range, by key ("reports.total", "group.drugs", "seized.heroin", ...). */
export type Figures = Record<string, number>;

/** Report kinds that are crime reports in the narrow sense (tin báo, tố giác về tội phạm, kiến nghị khởi tố). */
export const CRIME_KINDS: readonly string[] = ['crime_report', 'denunciation', 'prosecution_request'];
/** Statuses that count a report as solved: decided, or resolved without criminal proceedings. */
export const SOLVED_STATUSES: readonly string[] = ['decided', 'resolved_admin', 'resolved_mediation'];

/**
 * Sums each value over each range in one pass: `sum(CASE WHEN <in range i> THEN value END)` for every
 * range, so the rows of all the ranges a report compares are read once.
 */
function perRange(ranges: readonly DateRange[], inRange: (range: DateRange) => RawBuilder<unknown>, value: RawBuilder<unknown>, prefix: string): RawBuilder<unknown> {
  return sql.join(
    ranges.map((range, i) => sql`coalesce(sum(CASE WHEN ${inRange(range)} THEN ${value} END), 0) AS ${sql.ref(`${prefix}${i}`)}`),
    sql`, `,
  );
}

const span = (ranges: readonly DateRange[]): DateRange => ({
  start: ranges.reduce((min, r) => (r.start < min ? r.start : min), ranges[0]!.start),
  end: ranges.reduce((max, r) => (r.end > max ? r.end : max), ranges[0]!.end),
});

type Row = Record<string, number | string | null>;

function add(figures: Figures, key: string, value: number): void {
  figures[key] = (figures[key] ?? 0) + value;
}

/** The police month a date counts in, as 'YYYY-MM' (the same rule as the report_months triggers). */
export function policeMonthLabel(date: string, cutoff: number): string {
  let [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (cutoff > 1 && Number(date.slice(8, 10)) >= cutoff) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
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

/** Refills the police-month summary after the cut-off day changed. */
export function refillPoliceMonths(db: Sqlite): void {
  db.exec(`DELETE FROM report_months; ${fillSummary('report_months')}`);
}

type SummaryRow = [category: string, kind: string, status: string, n: number, deaths: number, injuries: number, damage: number, fine: number];

/**
 * The register's figures per range, from the summaries kept by triggers: whole police months from
 * report_months, the days at a range's edges (a custom range) from report_days; each query sums a few
 * hundred rows.
 */
export function reportFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], cutoff: number, out: Figures[]): void {
  const groups = new Map((prepared(db, 'SELECT code, group_code FROM categories').all() as { code: string; group_code: string }[]).map((row) => [row.code, row.group_code]));
  const sums = 'category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine)';
  const byMonths = prepared(db, `SELECT ${sums} FROM report_months WHERE office_id = ? AND month BETWEEN ? AND ? GROUP BY category_code, kind, status`).raw();
  const byDays = prepared(db, `SELECT ${sums} FROM report_days WHERE office_id = ? AND day BETWEEN ? AND ? GROUP BY category_code, kind, status`).raw();
  ranges.forEach((range, i) => {
    const parts = splitRange(range, cutoff);
    const rows = [
      ...(parts.months ? (byMonths.all(officeId, parts.months.first, parts.months.last) as SummaryRow[]) : []),
      ...parts.days.flatMap((days) => byDays.all(officeId, days.start, days.end) as SummaryRow[]),
    ];
    for (const row of rows) addReportRow(out[i]!, row, groups.get(row[0]) ?? '');
  });
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

/** Operations with their persons and seizures, by when they started. */
export function operationFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const whole = span(ranges);
  const at = (r: DateRange) => sql`o.started_at >= ${startOfDay(r.start)} AND o.started_at < ${endOfDay(r.end)}`;
  const where = sql`o.office_id = ${officeId} AND o.deleted_at IS NULL AND o.started_at >= ${startOfDay(whole.start)} AND o.started_at < ${endOfDay(whole.end)}`;
  const [ops] = allRaw<Row>(
    db,
    sql`SELECT ${perRange(ranges, at, sql`1`, 'n')}, ${perRange(ranges, at, sql`o.persons_arrested`, 'arrested')}, ${perRange(ranges, at, sql`o.persons_sanctioned`, 'sanctioned')}
      FROM operations o WHERE ${where}`,
  );
  const seized = allRaw<Row>(
    db,
    sql`SELECT s.measure_code, ${perRange(ranges, at, sql`s.quantity`, 'q')}
      FROM operations o JOIN operation_seizures s ON s.operation_id = o.id AND s.deleted_at IS NULL WHERE ${where} GROUP BY s.measure_code`,
  );
  ranges.forEach((_range, i) => {
    const f = out[i]!;
    f['operations.count'] = Number(ops?.[`n${i}`] ?? 0);
    f['persons.arrested'] = Number(ops?.[`arrested${i}`] ?? 0);
    f['persons.sanctioned'] = Number(ops?.[`sanctioned${i}`] ?? 0);
    for (const row of seized) f[`seized.${String(row.measure_code)}`] = Number(row[`q${i}`]);
  });
}

/** Hotspots found, cleared and relapsed in each range, and those still active at its end. */
export function hotspotFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const inRange = (column: string) => (r: DateRange) => sql`${sql.ref(column)} BETWEEN ${r.start} AND ${r.end}`;
  const [found] = allRaw<Row>(db, sql`SELECT ${perRange(ranges, inRange('h.found_on'), sql`1`, 'n')} FROM hotspots h WHERE h.office_id = ${officeId} AND h.deleted_at IS NULL`);
  const changes = allRaw<Row>(
    db,
    sql`SELECT hh.status, ${perRange(ranges, inRange('hh.on_date'), sql`1`, 'n')}
      FROM hotspot_history hh WHERE hh.office_id = ${officeId} AND hh.deleted_at IS NULL AND hh.status IN ('cleared', 'relapsed') GROUP BY hh.status`,
  );
  // Each history entry holds from its date to the next entry's: a hotspot is active at a range's end when
  // the entry holding then is not "cleared".
  const activeAt = (r: DateRange) => sql`s.from_day <= ${r.end} AND (s.to_day IS NULL OR s.to_day > ${r.end}) AND s.status <> 'cleared'`;
  const [active] = allRaw<Row>(
    db,
    sql`WITH s AS (SELECT hh.status, hh.on_date AS from_day, lead(hh.on_date) OVER (PARTITION BY hh.hotspot_id ORDER BY hh.on_date, hh.seq) AS to_day
        FROM hotspot_history hh JOIN hotspots h ON h.id = hh.hotspot_id AND h.deleted_at IS NULL
        WHERE hh.office_id = ${officeId} AND hh.deleted_at IS NULL)
      SELECT ${perRange(ranges, activeAt, sql`1`, 'n')} FROM s`,
  );
  ranges.forEach((_range, i) => {
    const f = out[i]!;
    f['hotspots.found'] = Number(found?.[`n${i}`] ?? 0);
    f['hotspots.cleared'] = Number(changes.find((row) => row.status === 'cleared')?.[`n${i}`] ?? 0);
    f['hotspots.relapsed'] = Number(changes.find((row) => row.status === 'relapsed')?.[`n${i}`] ?? 0);
    f['hotspots.active'] = Number(active?.[`n${i}`] ?? 0);
  });
}

/**
 * People under management by program kind: under management at each range's end, started and ended in
 * it. Under management at a date = every program (by status), less those started after it, less those
 * ended by it (ended ones, less those ended after it); each part is one walk of a small index.
 */
export function programFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const byKind = (statement: string, ...params: string[]) => new Map(prepared(db, statement).raw().all(officeId, ...params) as [string, number][]);
  const totals = prepared(db, 'SELECT kind_code, status, count(*) FROM programs WHERE office_id = ? AND deleted_at IS NULL GROUP BY kind_code, status')
    .raw()
    .all(officeId) as [string, string, number][];
  const all = new Map<string, number>();
  const ended = new Map<string, number>();
  for (const [kind, status, n] of totals) {
    all.set(kind, (all.get(kind) ?? 0) + n);
    if (status === 'ended') ended.set(kind, (ended.get(kind) ?? 0) + n);
  }
  // Without the indexes named, the planner prefers the kind index for its order and reads every program.
  const startedAfter = 'SELECT kind_code, count(*) FROM programs INDEXED BY programs_started WHERE office_id = ? AND deleted_at IS NULL AND start_date > ? GROUP BY kind_code';
  const endedAfter = 'SELECT kind_code, count(*) FROM programs INDEXED BY programs_ended WHERE office_id = ? AND deleted_at IS NULL AND ended_on IS NOT NULL AND ended_on > ? GROUP BY kind_code';
  const startedIn = 'SELECT kind_code, count(*) FROM programs INDEXED BY programs_started WHERE office_id = ? AND deleted_at IS NULL AND start_date BETWEEN ? AND ? GROUP BY kind_code';
  const endedIn = 'SELECT kind_code, count(*) FROM programs INDEXED BY programs_ended WHERE office_id = ? AND deleted_at IS NULL AND ended_on IS NOT NULL AND ended_on BETWEEN ? AND ? GROUP BY kind_code';
  ranges.forEach((range, i) => {
    const f = out[i]!;
    const lateStarts = byKind(startedAfter, range.end);
    const lateEnds = byKind(endedAfter, range.end);
    const started = byKind(startedIn, range.start, range.end);
    const stopped = byKind(endedIn, range.start, range.end);
    for (const kind of all.keys()) {
      const endedBy = (ended.get(kind) ?? 0) - (lateEnds.get(kind) ?? 0);
      const figures = { active: all.get(kind)! - (lateStarts.get(kind) ?? 0) - endedBy, started: started.get(kind) ?? 0, ended: stopped.get(kind) ?? 0 };
      for (const [what, n] of Object.entries(figures)) {
        f[`programs.${what}.${kind}`] = n;
        add(f, `programs.${what}`, n);
      }
    }
  });
}

/** The movement: teams and members at each range's end, activities in it, models started by its end. */
export function movementFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const counts: Record<string, (r: DateRange) => RawBuilder<unknown>> = {
    'teams.count': (r) => sql`SELECT count(*) FROM teams t WHERE t.office_id = ${officeId} AND t.deleted_at IS NULL AND coalesce(t.founded_on, '') <= ${r.end}`,
    'teams.members': (r) =>
      sql`SELECT count(*) FROM team_members m WHERE m.office_id = ${officeId} AND m.deleted_at IS NULL AND m.joined_on <= ${r.end} AND (m.left_on IS NULL OR m.left_on > ${r.end})`,
    'teams.activities': (r) => sql`SELECT count(*) FROM team_activities a WHERE a.office_id = ${officeId} AND a.deleted_at IS NULL AND a.date BETWEEN ${r.start} AND ${r.end}`,
    'models.count': (r) => sql`SELECT count(*) FROM models m WHERE m.office_id = ${officeId} AND m.deleted_at IS NULL AND m.started_on <= ${r.end}`,
  };
  const keys = Object.keys(counts);
  const columns = keys.flatMap((key, k) => ranges.map((range, i) => sql`(${counts[key]!(range)}) AS ${sql.ref(`m${k}_${i}`)}`));
  const [row] = allRaw<Row>(db, sql`SELECT ${sql.join(columns, sql`, `)}`);
  ranges.forEach((_range, i) => {
    keys.forEach((key, k) => (out[i]![key] = Number(row?.[`m${k}_${i}`] ?? 0)));
  });
}

/**
 * Every figure of the periodic report for each range, for one office: counted from the records (the
 * register through its daily summary), each source read once for all ranges.
 */
export function countFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], cutoff: number): Figures[] {
  // Ranges often repeat (a half-year's year to date is the half itself): count each once.
  const keys = ranges.map((r) => `${r.start}/${r.end}`);
  const unique = ranges.filter((_r, i) => keys.indexOf(keys[i]!) === i);
  const out: Figures[] = unique.map(() => ({}));
  if (unique.length > 0) {
    reportFigures(db, officeId, unique, cutoff, out);
    operationFigures(db, officeId, unique, out);
    hotspotFigures(db, officeId, unique, out);
    programFigures(db, officeId, unique, out);
    movementFigures(db, officeId, unique, out);
  }
  return keys.map((key) => ({ ...out[unique.findIndex((r) => `${r.start}/${r.end}` === key)]! }));
}

/** Reports received in each police month from `first` to `last` ('YYYY-MM'): the trend chart's series. */
export function reportsByMonth(db: Sqlite, officeId: string, first: string, last: string): Map<string, number> {
  const rows = prepared(db, 'SELECT month, sum(n) FROM report_months WHERE office_id = ? AND month BETWEEN ? AND ? GROUP BY month').raw().all(officeId, first, last) as [string, number][];
  return new Map(rows);
}
