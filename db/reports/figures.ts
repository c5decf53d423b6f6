import { sql, type RawBuilder } from 'kysely';
import { allRaw } from '../query';
import { endOfDay, startOfDay } from '../rules/calendar';
import type { DateRange } from '../rules/periods';
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

/** The register's figures per range, from the daily summary kept by triggers (report_days). */
function reportFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const whole = span(ranges);
  const day = (r: DateRange) => sql`d.day BETWEEN ${r.start} AND ${r.end}`;
  const rows = allRaw<Row>(
    db,
    sql`SELECT d.category_code, coalesce(c.group_code, '') AS group_code, d.kind, d.status,
        ${perRange(ranges, day, sql`d.n`, 'n')}, ${perRange(ranges, day, sql`d.deaths`, 'deaths')}, ${perRange(ranges, day, sql`d.injuries`, 'injuries')},
        ${perRange(ranges, day, sql`d.damage`, 'damage')}, ${perRange(ranges, day, sql`d.fine`, 'fine')}
      FROM report_days d LEFT JOIN categories c ON c.code = d.category_code
      WHERE d.office_id = ${officeId} AND d.day BETWEEN ${whole.start} AND ${whole.end}
      GROUP BY d.category_code, d.kind, d.status`,
  );
  for (const row of rows) {
    const [category, group, kind, status] = [String(row.category_code), String(row.group_code), String(row.kind), String(row.status)];
    ranges.forEach((_range, i) => {
      const f = out[i]!;
      const n = Number(row[`n${i}`]);
      if (n === 0) return;
      const value = (name: string) => Number(row[`${name}${i}`]);
      const [deaths, injuries, damage, fine] = [value('deaths'), value('injuries'), value('damage'), value('fine')];
      add(f, 'reports.total', n);
      add(f, `reports.kind.${kind}`, n);
      add(f, `reports.status.${status}`, n);
      add(f, `group.${group || 'none'}`, n);
      const solved = SOLVED_STATUSES.includes(status);
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
    });
  }
}

/** Operations with their persons and seizures, by when they started. */
function operationFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
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
function hotspotFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
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

/** People under management by program kind: under management at each range's end, started and ended in it. */
function programFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
  const activeAt = (r: DateRange) => sql`p.start_date <= ${r.end} AND (p.ended_on IS NULL OR p.ended_on > ${r.end})`;
  const started = (r: DateRange) => sql`p.start_date BETWEEN ${r.start} AND ${r.end}`;
  const ended = (r: DateRange) => sql`p.ended_on BETWEEN ${r.start} AND ${r.end}`;
  const rows = allRaw<Row>(
    db,
    sql`SELECT p.kind_code, ${perRange(ranges, activeAt, sql`1`, 'active')}, ${perRange(ranges, started, sql`1`, 'started')}, ${perRange(ranges, ended, sql`1`, 'ended')}
      FROM programs p WHERE p.office_id = ${officeId} AND p.deleted_at IS NULL GROUP BY p.kind_code`,
  );
  for (const row of rows) {
    ranges.forEach((_range, i) => {
      const f = out[i]!;
      for (const what of ['active', 'started', 'ended']) {
        f[`programs.${what}.${String(row.kind_code)}`] = Number(row[`${what}${i}`]);
        add(f, `programs.${what}`, Number(row[`${what}${i}`]));
      }
    });
  }
}

/** The movement: teams and members at each range's end, activities in it, models started by its end. */
function movementFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[], out: Figures[]): void {
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
export function countFigures(db: Sqlite, officeId: string, ranges: readonly DateRange[]): Figures[] {
  const out: Figures[] = ranges.map(() => ({}));
  if (ranges.length === 0) return out;
  reportFigures(db, officeId, ranges, out);
  operationFigures(db, officeId, ranges, out);
  hotspotFigures(db, officeId, ranges, out);
  programFigures(db, officeId, ranges, out);
  movementFigures(db, officeId, ranges, out);
  return out;
}

/** Reports received in each range: the trend chart's series. */
export function countReports(db: Sqlite, officeId: string, ranges: readonly DateRange[]): number[] {
  if (ranges.length === 0) return [];
  const whole = span(ranges);
  const [row] = allRaw<Row>(
    db,
    sql`SELECT ${perRange(ranges, (r) => sql`day BETWEEN ${r.start} AND ${r.end}`, sql`n`, 'n')}
      FROM report_days WHERE office_id = ${officeId} AND day BETWEEN ${whole.start} AND ${whole.end}`,
  );
  return ranges.map((_range, i) => Number(row?.[`n${i}`] ?? 0));
}
