import { day, policeMonthSql } from '../migrations/0006-reports';
import { prepared } from '../query';
import type { Sqlite } from '../store';

/** A report's columns as written (its summary share depends on office, receipt, category, kind, status, figures, void). */
export type ReportState = Readonly<Record<string, unknown>>;

/** The triggers that keep the report summaries, row by row. */
export const SUMMARY_TRIGGERS = [
  'report_summary_insert', 'report_summary_update', 'report_counts_insert', 'report_counts_update', 'report_months_all_insert', 'report_months_all_update',
] as const;
const TRIGGERS = `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${SUMMARY_TRIGGERS.map((name) => `'${name}'`).join(', ')}) ORDER BY name`;
const DROP_TRIGGERS = SUMMARY_TRIGGERS.map((name) => `DROP TRIGGER ${name};`).join(' ');
const DELTAS = `CREATE TEMP TABLE report_deltas (office_id ANY, received_at ANY, category_code ANY, kind ANY, status ANY,
  sign INTEGER, deaths ANY, injuries ANY, damage ANY, fine ANY)`;
const ADD_DELTA = 'INSERT INTO temp.report_deltas VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** The deltas added to a summary table, summed by its key first: one upsert per key, not per report. */
const applyDeltas = (table: 'report_days' | 'report_months' | 'report_months_all') => {
  const bucket = table === 'report_days' ? 'day' : 'month';
  const value = table === 'report_days' ? day('received_at') : policeMonthSql(day('received_at'));
  // Every office together has no office in its key.
  const office = table === 'report_months_all' ? '' : 'office_id, ';
  const key = `${office}${bucket}, category_code, kind, status`;
  const positions = table === 'report_months_all' ? '1, 2, 3, 4' : '1, 2, 3, 4, 5';
  return `INSERT INTO ${table} (${key}, n, deaths, injuries, damage, fine)
  SELECT ${office}${value}, coalesce(category_code, ''), kind, status, sum(sign), sum(sign * coalesce(deaths, 0)),
    sum(sign * coalesce(injuries, 0)), sum(sign * coalesce(damage, 0)), sum(sign * coalesce(fine, 0))
  FROM temp.report_deltas WHERE true GROUP BY ${positions}
  ON CONFLICT (${key}) DO UPDATE SET
    n = n + excluded.n, deaths = deaths + excluded.deaths, injuries = injuries + excluded.injuries,
    damage = damage + excluded.damage, fine = fine + excluded.fine`;
};
const APPLY = (['report_days', 'report_months', 'report_months_all'] as const).map(applyDeltas);
const APPLY_COUNTS = `INSERT INTO report_counts (office_id, category_code, kind, status, n)
  SELECT office_id, coalesce(category_code, ''), kind, status, sum(sign) FROM temp.report_deltas WHERE true GROUP BY 1, 2, 3, 4
  ON CONFLICT (office_id, category_code, kind, status) DO UPDATE SET n = n + excluded.n`;

/**
 * The report summaries (report_days, report_months, report_months_all, report_counts) kept per batch instead of per row, for the bulk
 * path (imports, generated data): inside the caller's transaction the summary triggers are set aside,
 * each report written notes the share it takes away (its state before) and adds (its state after), and
 * `finish` adds the notes up by summary key and puts the triggers back. Per row, the triggers cost two
 * upserts with their subqueries, about as much as the row's ten indexes (docs/decisions.md, "Province
 * scale"); per batch, the notes are summed first and the upserts are one per key.
 *
 * Everything happens in the caller's transaction: a rollback (a dry run, an error, a power cut) brings
 * the triggers back with the rest, so no other write ever runs without them. Writes to reports made
 * while they are set aside must all be noted here; only summary columns matter (a renumbering does not).
 */
export class DeferredSummaries {
  private readonly triggers: string[];
  private finished = false;

  constructor(private readonly db: Sqlite) {
    if (!db.inTransaction) throw new Error('summaries are deferred inside a transaction only');
    this.triggers = (prepared(db, TRIGGERS).all() as { sql: string }[]).map((row) => row.sql);
    db.exec(DROP_TRIGGERS);
    db.exec('DROP TABLE IF EXISTS temp.report_deltas');
    db.exec(DELTAS);
  }

  /** A report's state before (sign -1) or after (sign 1) a write; only a live state counts. */
  note(row: ReportState | null, sign: 1 | -1): void {
    if (!row || (row.deleted_at ?? null) !== null) return;
    prepared(this.db, ADD_DELTA).run(
      row.office_id, row.received_at, row.category_code ?? null, row.kind, row.status, sign,
      row.deaths ?? null, row.injuries ?? null, row.damage ?? null, row.fine ?? null,
    );
  }

  /** Adds the notes to the summaries and puts the triggers back. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const apply of APPLY) prepared(this.db, apply).run();
    prepared(this.db, APPLY_COUNTS).run();
    this.db.exec('DROP TABLE temp.report_deltas');
    for (const sql of this.triggers) this.db.exec(sql);
  }
}
