import type { z } from 'zod';
import type { issueInput } from '../../api/calls/periodic';
import { reportTitle } from '../../api/period-title';
import { BREAKDOWN_KEYS } from '../../api/calls/periodic';
import type { ComparedSpans, FigureKey, IssuedReportRow, IssuedReportView, LocalName, OfficeFigures, PeriodicFigures, ReportPeriod } from '../../api/views';
import type { IssuedReportsTable } from '../schema';
import { AppError } from '../app-error';
import { targetResults } from '../campaigns/campaigns';
import { listOffices, officeView } from '../office';
import { all, first, qb } from '../query';
import { nextRegisterNumber } from '../register/numbering';
import { comparedRanges, monthsOf, policeYearOf, rangeOf, type Period } from '../../core/periods';
import { readSettings } from '../settings';
import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import type { StoreReads } from '../stores/store';
import type { Schema } from '../schema';
import { readNow, readOnStore, type Reading } from '../reading';
import { countingByMonth, countingByOffice, countingFigures, monthLabel, type Scope } from './figures';

const RANGES = ['current', 'lastYear', 'previous', 'yearToDate', 'yearToDateLastYear'] as const satisfies readonly (keyof ComparedSpans)[];

function names(db: Sqlite, table: 'category_groups' | 'program_kinds'): LocalName[] {
  return all(db, qb.selectFrom(table).select(['code', 'name_vi', 'name_en']).where('deleted_at', 'is', null).orderBy('sort')).map((row) => ({
    code: row.code,
    vi: row.name_vi,
    en: row.name_en,
  }));
}

/** Campaigns of the scope that overlap the range, each with its targets beside its results (counted live). */
function campaignsIn(db: Sqlite, scope: Scope, start: string, end: string): PeriodicFigures['campaigns'] {
  let query = qb.selectFrom('campaigns').select('id').where('deleted_at', 'is', null).where('start_date', '<=', end).where('end_date', '>=', start);
  if (scope !== null) query = query.where('office_id', '=', scope);
  const rows = all(db, query.orderBy('start_date'));
  return rows.map((row) => {
    const { campaign, results } = targetResults(db, row.id);
    return {
      id: campaign.id,
      name: campaign.name,
      decisionNo: campaign.decision_no,
      startDate: campaign.start_date,
      endDate: campaign.end_date,
      results: results.map((r) => ({ measure: { code: r.measure.code, vi: r.measure.name_vi, en: r.measure.name_en, unit: r.measure.unit }, target: r.target!, result: r.result, percent: r.percent })),
    };
  });
}

/**
 * The scope a periodic report counts when the caller leaves it out: the own office in a commune's
 * store; every office in a higher office's store, which holds the communes' records it imported.
 */
export function defaultScope(db: Sqlite, ownOfficeId: string): Scope {
  return officeView(db, ownOfficeId).level === 'higher' ? null : ownOfficeId;
}

/** The main figures of a range office by office (BREAKDOWN_KEYS and every seized item), for a report of every office. */
function* breakdownOf(db: Sqlite, range: { start: string; end: string }, cutoff: number): Reading<OfficeFigures[]> {
  const counted = yield* countingByOffice(range, cutoff);
  return listOffices(db, '').map((office) => {
    const figures = Object.fromEntries(
      Object.entries(counted.get(office.code) ?? {}).filter(([key]) => (BREAKDOWN_KEYS as readonly string[]).includes(key) || key.startsWith('seized.')),
    );
    for (const key of BREAKDOWN_KEYS) figures[key] ??= 0;
    return { officeId: office.code, name: office.name, figures };
  });
}

/**
 * The periodic report's figures for one office or (scope null) every office in the store: the period beside the same period last year, the
 * previous period and the year so far (this year's and last year's), each counted from the records;
 * the campaigns of the period; and the monthly trend of the police year against the year before.
 */
export function computePeriodic(db: Sqlite, scope: Scope, period: ReportPeriod): PeriodicFigures {
  return readNow(db, periodicFigures(db, scope, period));
}

/**
 * The same figures with the counting (the summaries, the register, every office's breakdown) read on the
 * Store's readers, so the backend's thread answers other calls meanwhile (docs/decisions.md, "The
 * asynchronous Store"); the settings, names and campaigns, small, are read on `db`.
 */
export function computePeriodicOnStore(db: Sqlite, reads: StoreReads<Schema>, scope: Scope, period: ReportPeriod): Promise<PeriodicFigures> {
  return readOnStore(reads, periodicFigures(db, scope, period));
}

function* periodicFigures(db: Sqlite, scope: Scope, period: ReportPeriod): Reading<PeriodicFigures> {
  const cutoff = readSettings(db).reportCutoffDay;
  const ranges = comparedRanges(period as Period, cutoff);
  const counted = yield* countingFigures(scope, RANGES.map((name) => ranges[name]), cutoff);
  const policeYear = policeYearOf(ranges.current.end, cutoff);
  const months = monthsOf(policeYear, cutoff);
  const monthsBefore = monthsOf(policeYear - 1, cutoff);
  const reports = yield* countingByMonth(scope, monthLabel(policeYear - 1, 1), monthLabel(policeYear, 12));
  const inMonth = (year: number, month: number) => reports.get(monthLabel(year, month)) ?? 0;
  const breakdown = scope === null ? yield* breakdownOf(db, ranges.current, cutoff) : [];
  return {
    period,
    officeId: scope,
    breakdown,
    cutoffDay: cutoff,
    ranges,
    figures: Object.fromEntries(RANGES.map((name, i) => [name, counted[i]!])) as PeriodicFigures['figures'],
    groups: names(db, 'category_groups'),
    programKinds: names(db, 'program_kinds'),
    measures: all(db, qb.selectFrom('measures').select(['code', 'name_vi', 'name_en', 'unit']).where('deleted_at', 'is', null).orderBy('sort')).map((m) => ({
      code: m.code,
      vi: m.name_vi,
      en: m.name_en,
      unit: m.unit,
    })),
    campaigns: campaignsIn(db, scope, ranges.current.start, ranges.current.end),
    trend: months.map((month, i) => ({
      month: i + 1,
      current: { ...month, reports: inMonth(policeYear, i + 1) },
      lastYear: { ...monthsBefore[i]!, reports: inMonth(policeYear - 1, i + 1) },
    })),
    policeYear,
  };
}

export type IssueFields = z.output<typeof issueInput>;

/**
 * Issues a periodic report: the next number of the office's "BC" book for the year of issue (never
 * reused), the chief's text, and the figures frozen as the records give them now. The scope it counted
 * (an office or every office) is kept in the frozen figures (`officeId`), so the report can be re-run.
 */
export function issuePeriodic(db: Sqlite, writes: WritePath, fields: IssueFields, scope: Scope, ctx: WriteContext): string {
  return db.transaction(() => {
    const report = computePeriodic(db, scope, fields.period);
    const year = Number(fields.issuedOn.slice(0, 4));
    const number = nextRegisterNumber(db, ctx.officeId, 'BC', year);
    const range = rangeOf(fields.period as Period, report.cutoffDay);
    return writes.insert(
      'issued_reports',
      {
        year,
        number,
        symbol: fields.symbol,
        period: JSON.stringify(fields.period),
        start_date: range.start,
        end_date: range.end,
        title: reportTitle(fields.period),
        narrative: fields.narrative,
        figures: JSON.stringify(report),
        issued_on: fields.issuedOn,
        place: fields.place,
        signer_title: fields.signerTitle,
        signer_name: fields.signerName,
        recipients: JSON.stringify(fields.recipients),
      },
      ctx,
    ).id;
  })();
}

function rowOf(row: IssuedReportsTable & { id: string }): IssuedReportRow {
  return { id: row.id, number: row.number, year: row.year, symbol: row.symbol, title: row.title, period: JSON.parse(row.period) as ReportPeriod, issuedOn: row.issued_on };
}

export function listIssued(db: Sqlite): IssuedReportRow[] {
  return all(db, qb.selectFrom('issued_reports').selectAll().where('deleted_at', 'is', null).orderBy('year', 'desc').orderBy('number', 'desc')).map(rowOf);
}

/** Figures that differ between two computations of the same period, range by range. */
export function changesBetween(issued: PeriodicFigures, now: PeriodicFigures): IssuedReportView['changes'] {
  const changes: IssuedReportView['changes'][number][] = [];
  for (const range of RANGES) {
    const before = issued.figures[range];
    const after = now.figures[range];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)] as FigureKey[])) {
      const [was, is] = [before[key] ?? 0, after[key] ?? 0];
      if (was !== is) changes.push({ range, key, issued: was, now: is });
    }
  }
  return changes;
}

/** An issued report as it was issued, and what a re-run of its period would give differently now. */
export function issuedView(db: Sqlite, id: string): IssuedReportView {
  const row = first(db, qb.selectFrom('issued_reports').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row) throw new AppError('record.not_found', `issued report ${id} not found`);
  // Reports issued before scopes were kept counted the issuing office alone.
  const report = { officeId: row.office_id, breakdown: [], ...(JSON.parse(row.figures) as Partial<PeriodicFigures>) } as PeriodicFigures;
  const now = computePeriodic(db, report.officeId, report.period);
  return {
    ...rowOf(row),
    narrative: row.narrative,
    place: row.place,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
    recipients: JSON.parse(row.recipients) as string[],
    report,
    changes: changesBetween(report, now),
    issuedBy: row.created_by,
  };
}
