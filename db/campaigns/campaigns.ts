import type { OperationKind, ReportStatus } from '../../api/vocabulary';
import { sql } from 'kysely';
import type { z } from 'zod';
import { fold } from '../../core/fold';
import type { campaignInput, operationInput } from '../../api/calls/campaigns';
import type { CampaignReportLink, CampaignRow, CampaignView, MeasureView, OperationView, Page } from '../../api/views';
import { codeFromName } from '../code-names';
import { AppError } from '../app-error';
import { all, first, prepared, qb } from '../query';
import { formatRegisterNumber } from '../register/numbering';
import { addMonths } from '../../core/calendar';
import type { CampaignsTable, MeasuresTable, OperationsTable } from '../schema';
import type { Sqlite } from '../store';
import { withChanges, type WritePath, type WriteContext } from '../write-path';
import { countResults, percentOf, resultOf, type CountedResults, type ResultScope } from './results';

export type CampaignFields = z.output<typeof campaignInput>;
export type OperationFields = z.output<typeof operationInput>;

export function measureView(row: MeasuresTable): MeasureView {
  return { code: row.code, nameVi: row.name_vi, nameEn: row.name_en, unit: row.unit, source: row.source };
}

export function listMeasures(db: Sqlite): MeasuresTable[] {
  return all(db, qb.selectFrom('measures').selectAll().where('deleted_at', 'is', null).orderBy('sort'));
}

/** Adds a seized item as a measure; its code is taken for good (records refer to it). */
export function createMeasure(db: Sqlite, writes: WritePath, input: { code: string; nameVi: string; nameEn: string; unit: string }, ctx: WriteContext): MeasuresTable {
  const taken = (code: string) => first(db, qb.selectFrom('measures').select('id').where('code', '=', code)) !== undefined;
  if (input.code !== '' && taken(input.code)) throw new AppError('validation', 'this code is taken', { fields: { code: 'v.code_taken' } });
  const code = input.code !== '' ? input.code : codeFromName(input.nameVi, taken, 'item');
  const sort = (prepared(db, 'SELECT coalesce(max(sort), 0) + 1 AS n FROM measures').get() as { n: number }).n;
  return writes.insert('measures', { code, name_vi: input.nameVi, name_en: input.nameEn || input.nameVi, unit: input.unit, source: 'seizure', sort }, ctx);
}

function live<T extends 'campaign_localities' | 'campaign_categories' | 'campaign_targets'>(db: Sqlite, table: T, campaignId: string) {
  return all(db, qb.selectFrom(table as 'campaign_targets').selectAll().where('campaign_id', '=', campaignId).where('deleted_at', 'is', null));
}

function existing(db: Sqlite, id: string): CampaignsTable {
  const row = first(db, qb.selectFrom('campaigns').selectAll().where('id', '=', id));
  if (!row) throw new AppError('record.not_found', `campaign ${id} not found`);
  if (row.deleted_at !== null) throw new AppError('record.voided', `campaign ${id} is voided`);
  return row;
}

function checkMeasures(db: Sqlite, codes: readonly string[], field: string): void {
  const known = new Set(listMeasures(db).map((m) => m.code));
  const bad = codes.findIndex((code) => !known.has(code));
  if (bad >= 0) throw new AppError('validation', `no measure ${codes[bad]}`, { fields: { [`${field}.${bad}.measureCode`]: 'v.invalid' } });
}

/** A campaign's focus names categories of the register: a code that is none of them is refused, not kept. */
function checkCategories(db: Sqlite, codes: readonly string[]): void {
  const known = new Set(all(db, qb.selectFrom('categories').select('code')).map((c) => c.code));
  const bad = codes.findIndex((code) => !known.has(code));
  if (bad >= 0) throw new AppError('validation', `no category ${JSON.stringify(codes[bad])}`, { fields: { [`categoryCodes.${bad}`]: 'v.invalid' } });
}

/** Makes a campaign's child rows (localities, categories, targets) what the form says. */
function syncChildren(db: Sqlite, writes: WritePath, campaignId: string, fields: CampaignFields, ctx: WriteContext): void {
  const sync = <T extends 'campaign_localities' | 'campaign_categories' | 'campaign_targets'>(
    table: T,
    wanted: readonly Record<string, unknown>[],
    key: (row: Record<string, unknown>) => string,
  ) => {
    const current = live(db, table, campaignId) as unknown as (Record<string, unknown> & { id: string })[];
    const wantedKeys = new Set(wanted.map(key));
    for (const row of current) if (!wantedKeys.has(key(row))) writes.void(table, row.id, 'removed from the campaign', ctx);
    const currentKeys = new Set(current.map(key));
    for (const row of wanted) if (!currentKeys.has(key(row))) writes.insert(table, { campaign_id: campaignId, ...row } as never, ctx);
  };
  sync('campaign_localities', fields.localityIds.map((locality_id) => ({ locality_id })), (row) => String(row.locality_id));
  sync('campaign_categories', fields.categoryCodes.map((category_code) => ({ category_code })), (row) => String(row.category_code));
  sync('campaign_targets', fields.targets.map((t) => ({ measure_code: t.measureCode, target: t.target })), (row) => `${String(row.measure_code)}=${String(row.target)}`);
}

function columns(fields: CampaignFields) {
  return {
    name: fields.name,
    decision_no: fields.decisionNo,
    decision_date: fields.decisionDate,
    start_date: fields.startDate,
    end_date: fields.endDate,
    scope_all: fields.localityIds.length === 0 ? 1 : 0,
    forces: fields.forces,
    notes: fields.notes,
  };
}

export function createCampaign(db: Sqlite, writes: WritePath, fields: CampaignFields, ctx: WriteContext): string {
  checkMeasures(db, fields.targets.map((t) => t.measureCode), 'targets');
  checkCategories(db, fields.categoryCodes);
  return db.transaction(() => {
    const row = writes.insert('campaigns', columns(fields), ctx);
    syncChildren(db, writes, row.id, fields, ctx);
    return row.id;
  })();
}

/** A campaign's fields as the create call takes them, its scope and targets included. */
function fieldsOf(db: Sqlite, row: CampaignsTable): CampaignFields {
  return {
    name: row.name,
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    startDate: row.start_date,
    endDate: row.end_date,
    localityIds: live(db, 'campaign_localities', row.id).map((r) => (r as unknown as { locality_id: string }).locality_id),
    categoryCodes: live(db, 'campaign_categories', row.id).map((r) => (r as unknown as { category_code: string }).category_code),
    forces: row.forces,
    notes: row.notes,
    targets: live(db, 'campaign_targets', row.id).map((r) => ({ measureCode: r.measure_code, target: r.target })),
  };
}

/**
 * Changes the fields the call sent; a field left out keeps its value (the scope and the targets too: sent,
 * each is the whole list). The merged campaign must still end on or after its start.
 */
export function updateCampaign(db: Sqlite, writes: WritePath, id: string, baseVersion: string, changes: Partial<CampaignFields>, ctx: WriteContext): void {
  db.transaction(() => {
    const fields = withChanges(fieldsOf(db, existing(db, id)), changes);
    if (fields.endDate < fields.startDate) throw new AppError('validation', 'the campaign ends before it starts', { fields: { endDate: 'v.invalid' } });
    checkMeasures(db, fields.targets.map((t) => t.measureCode), 'targets');
    checkCategories(db, fields.categoryCodes);
    writes.update('campaigns', id, baseVersion, columns(fields), ctx);
    syncChildren(db, writes, id, fields, ctx);
  })();
}

export function adjust(db: Sqlite, writes: WritePath, input: { campaignId: string; measureCode: string; delta: number; reason: string }, ctx: WriteContext): void {
  existing(db, input.campaignId);
  checkMeasures(db, [input.measureCode], 'adjustments');
  writes.insert('campaign_adjustments', { campaign_id: input.campaignId, measure_code: input.measureCode, delta: input.delta, reason: input.reason }, ctx);
}

export function linkReport(db: Sqlite, writes: WritePath, campaignId: string, reportId: string, ctx: WriteContext): void {
  existing(db, campaignId);
  if (!first(db, qb.selectFrom('reports').select('id').where('id', '=', reportId))) throw new AppError('validation', 'no such report', { fields: { reportId: 'v.invalid' } });
  const same = prepared(db, 'SELECT 1 FROM campaign_reports WHERE campaign_id = ? AND report_id = ? AND deleted_at IS NULL').get(campaignId, reportId);
  if (!same) writes.insert('campaign_reports', { campaign_id: campaignId, report_id: reportId }, ctx);
}

/** Removes a direct link between a campaign and a report; returns the campaign's id. */
export function unlinkReport(db: Sqlite, writes: WritePath, linkId: string, reason: string, ctx: WriteContext): string {
  const link = first(db, qb.selectFrom('campaign_reports').select(['campaign_id']).where('id', '=', linkId).where('deleted_at', 'is', null));
  if (!link) throw new AppError('record.not_found', `campaign link ${linkId} not found`);
  writes.void('campaign_reports', linkId, reason, ctx);
  return link.campaign_id;
}

/** Reports linked to a campaign directly or through its live operations, each once. */
function linkedReports(db: Sqlite, campaignId: string): CampaignReportLink[] {
  const rows = prepared(
    db,
    `SELECT r.id, r.register_no, r.register_year, r.summary, r.received_at, r.status,
        (SELECT cr.id FROM campaign_reports cr WHERE cr.campaign_id = l.campaign_id AND cr.report_id = r.id AND cr.deleted_at IS NULL) AS link_id,
        (SELECT json_group_array(o.id) FROM operation_reports orr JOIN operations o ON o.id = orr.operation_id
          WHERE o.campaign_id = l.campaign_id AND orr.report_id = r.id AND o.deleted_at IS NULL AND orr.deleted_at IS NULL) AS operation_ids
      FROM (SELECT ? AS campaign_id) l
      JOIN reports r ON r.deleted_at IS NULL AND r.id IN (
        SELECT report_id FROM campaign_reports WHERE campaign_id = l.campaign_id AND deleted_at IS NULL
        UNION SELECT orr.report_id FROM operation_reports orr JOIN operations o ON o.id = orr.operation_id
          WHERE o.campaign_id = l.campaign_id AND o.deleted_at IS NULL AND orr.deleted_at IS NULL)
      ORDER BY r.received_at`,
  ).all(campaignId) as { id: string; register_no: number; register_year: number; summary: string; received_at: number; status: ReportStatus; link_id: string | null; operation_ids: string }[];
  return rows.map((row) => ({
    reportId: row.id,
    number: formatRegisterNumber(row.register_no, row.register_year),
    summary: row.summary,
    receivedAt: row.received_at,
    status: row.status,
    linkId: row.link_id,
    operationIds: JSON.parse(row.operation_ids) as string[],
  }));
}

export function createOperation(db: Sqlite, writes: WritePath, fields: OperationFields, ctx: WriteContext): string {
  existing(db, fields.campaignId);
  checkMeasures(db, fields.seizures.map((s) => s.measureCode), 'seizures');
  return db.transaction(() => {
    const op = writes.insert(
      'operations',
      {
        campaign_id: fields.campaignId,
        kind: fields.kind,
        started_at: fields.startedAt,
        place: fields.place,
        locality_id: fields.localityId,
        forces: fields.forces,
        leader: fields.leader,
        persons_arrested: fields.personsArrested,
        persons_sanctioned: fields.personsSanctioned,
        notes: fields.notes,
      },
      ctx,
    );
    for (const seizure of fields.seizures) writes.insert('operation_seizures', { operation_id: op.id, measure_code: seizure.measureCode, quantity: seizure.quantity }, ctx);
    fields.hotspotIds.forEach((hotspotId, index) => {
      if (!first(db, qb.selectFrom('hotspots').select('id').where('id', '=', hotspotId))) {
        throw new AppError('validation', 'no such hotspot', { fields: { [`hotspotIds.${index}`]: 'v.invalid' } });
      }
      writes.insert('operation_hotspots', { operation_id: op.id, hotspot_id: hotspotId }, ctx);
    });
    fields.reportIds.forEach((reportId, index) => {
      if (!first(db, qb.selectFrom('reports').select('id').where('id', '=', reportId))) {
        throw new AppError('validation', 'no such report', { fields: { [`reportIds.${index}`]: 'v.invalid' } });
      }
      writes.insert('operation_reports', { operation_id: op.id, report_id: reportId }, ctx);
    });
    return op.id;
  })();
}

function operationView(db: Sqlite, op: OperationsTable): OperationView {
  const ids = (sql: string) => (prepared(db, sql).all(op.id) as { id: string }[]).map((row) => row.id);
  return {
    id: op.id,
    kind: op.kind as OperationKind,
    startedAt: op.started_at,
    place: op.place,
    localityId: op.locality_id,
    leader: op.leader,
    forces: op.forces,
    personsArrested: op.persons_arrested,
    personsSanctioned: op.persons_sanctioned,
    seizures: (prepared(db, 'SELECT measure_code, quantity FROM operation_seizures WHERE operation_id = ? AND deleted_at IS NULL').all(op.id) as { measure_code: string; quantity: number }[]).map(
      (row) => ({ measureCode: row.measure_code, quantity: row.quantity }),
    ),
    hotspotIds: ids('SELECT hotspot_id AS id FROM operation_hotspots WHERE operation_id = ? AND deleted_at IS NULL'),
    reportIds: ids('SELECT report_id AS id FROM operation_reports WHERE operation_id = ? AND deleted_at IS NULL'),
  };
}

export function operationById(db: Sqlite, id: string): OperationView {
  const op = first(db, qb.selectFrom('operations').selectAll().where('id', '=', id));
  if (!op) throw new AppError('record.not_found', `operation ${id} not found`);
  return operationView(db, op);
}

/** The campaign that ended last before this one started: what this one is compared with. */
function previousCampaign(db: Sqlite, campaign: CampaignsTable): CampaignsTable | undefined {
  return first(
    db,
    qb.selectFrom('campaigns').selectAll().where('deleted_at', 'is', null).where('id', '<>', campaign.id).where('end_date', '<', campaign.start_date).orderBy('end_date', 'desc').limit(1),
  );
}

function scopeOf(db: Sqlite, campaign: CampaignsTable): ResultScope {
  const localities = live(db, 'campaign_localities', campaign.id) as unknown as { locality_id: string }[];
  const categories = live(db, 'campaign_categories', campaign.id) as unknown as { category_code: string }[];
  return {
    start: campaign.start_date,
    end: campaign.end_date,
    localities: campaign.scope_all === 1 ? null : localities.map((row) => row.locality_id),
    categories: categories.length === 0 ? null : categories.map((row) => row.category_code),
    campaignId: campaign.id,
    officeId: campaign.office_id,
  };
}

/** Each measure's result in a campaign: counted from the records, plus its manual adjustments. */
function measuredResults(db: Sqlite, campaign: CampaignsTable, counted: CountedResults) {
  const targets = new Map((live(db, 'campaign_targets', campaign.id) as unknown as { measure_code: string; target: number }[]).map((row) => [row.measure_code, row.target]));
  const adjustments = all(db, qb.selectFrom('campaign_adjustments').select(['measure_code', 'delta', 'reason']).where('campaign_id', '=', campaign.id).where('deleted_at', 'is', null));
  return listMeasures(db).map((measure) => {
    const mine = adjustments.filter((a) => a.measure_code === measure.code);
    const countedValue = resultOf(counted, measure);
    const result = countedValue + mine.reduce((sum, a) => sum + a.delta, 0);
    const target = targets.get(measure.code) ?? null;
    return { measure, target, result, counted: countedValue, adjustments: mine, percent: percentOf(result, target) };
  });
}

/** A campaign's targets beside its results, without the comparisons of its page: what a periodic report lists. */
export function targetResults(db: Sqlite, id: string) {
  const campaign = existing(db, id);
  return {
    campaign,
    results: measuredResults(db, campaign, countResults(db, scopeOf(db, campaign))).filter((row) => row.target !== null),
  };
}

/**
 * The campaign page, counted live: every measure with a target or a result, beside its target and
 * percentage, the previous campaign's result, and the same period last year in the same scope.
 */
export function campaignView(db: Sqlite, id: string): CampaignView {
  const campaign = existing(db, id);
  const scope = scopeOf(db, campaign);
  const lastYear = countResults(db, { ...scope, start: addMonths(scope.start, -12), end: addMonths(scope.end, -12), campaignId: null });
  const previous = previousCampaign(db, campaign);
  const before = previous ? countResults(db, scopeOf(db, previous)) : null;
  const results = measuredResults(db, campaign, countResults(db, scope))
    .map((row) => ({
      measure: measureView(row.measure),
      target: row.target,
      result: row.result,
      counted: row.counted,
      adjustments: row.adjustments.map((a) => ({ delta: a.delta, reason: a.reason })),
      percent: row.percent,
      previousCampaign: before ? resultOf(before, row.measure) : null,
      sameTimeLastYear: resultOf(lastYear, row.measure),
    }))
    .filter((row) => row.target !== null || row.result !== 0 || row.measure.source !== 'seizure');
  const operations = all(db, qb.selectFrom('operations').selectAll().where('campaign_id', '=', id).where('deleted_at', 'is', null).orderBy('started_at'));
  return {
    id: campaign.id,
    officeId: campaign.office_id,
    version: campaign.version,
    name: campaign.name,
    decisionNo: campaign.decision_no,
    decisionDate: campaign.decision_date,
    startDate: campaign.start_date,
    endDate: campaign.end_date,
    localityIds: scope.localities ?? [],
    categoryCodes: scope.categories ?? [],
    forces: campaign.forces,
    notes: campaign.notes,
    previousCampaign: previous ? { id: previous.id, name: previous.name } : null,
    results,
    operations: operations.map((op) => operationView(db, op)),
    linkedReports: linkedReports(db, id),
  };
}

export function listCampaigns(db: Sqlite, input: { q: string; officeId: string | null; offset: number; limit: number }): Page<CampaignRow> {
  let query = qb.selectFrom('campaigns').where('deleted_at', 'is', null);
  if (input.officeId) query = query.where('office_id', '=', input.officeId);
  const q = fold(input.q);
  if (q) query = query.where(sql<boolean>`instr(fold(name), ${q}) > 0`);
  const total = first(db, query.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = all(db, query.select(['id', 'office_id', 'name', 'start_date', 'end_date', 'decision_no']).orderBy('start_date', 'desc').limit(input.limit).offset(input.offset));
  return { total, rows: rows.map((r) => ({ id: r.id, officeId: r.office_id, name: r.name, startDate: r.start_date, endDate: r.end_date, decisionNo: r.decision_no })) };
}
