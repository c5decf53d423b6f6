import type { z } from 'zod';
import type { reportFields, transitionInput } from '../../api/calls/register';
import type { Settings } from '../../api/views';
import { AppError } from '../app-error';
import { personForInput } from '../persons';
import { all, first, qb } from '../query';
import { localDate, type DaysOff } from '../../core/calendar';
import { computeDeadlines } from '../../core/legal-clock';
import type { RecordColumns, ReportsTable } from '../schema';
import type { Sqlite } from '../store';
import { withChanges, type Patch, type WritePath, type WriteContext } from '../write-path';
import { deadlineColumns, loadHolidays } from './deadline-columns';
import { nextRegisterNumber } from './numbering';

export type ReportFields = z.output<typeof reportFields>;
export type TransitionStep = z.output<typeof transitionInput>;

export const REGISTER_BOOK = 'reports';

type Editable = Omit<ReportsTable, keyof RecordColumns>;

function fieldColumns(fields: ReportFields) {
  return {
    received_at: fields.receivedAt,
    occurred_on: fields.occurredOn,
    occurred_note: fields.occurredNote,
    channel: fields.channel,
    kind: fields.kind,
    category_code: fields.categoryCode,
    locality_id: fields.localityId,
    address: fields.address,
    latitude: fields.latitude,
    longitude: fields.longitude,
    reporter_name: fields.reporterName,
    reporter_contact: fields.reporterContact,
    reporter_address: fields.reporterAddress,
    reporter_anonymous: fields.reporterAnonymous ? 1 : 0,
    summary: fields.summary,
    description: fields.description,
    deaths: fields.deaths,
    injuries: fields.injuries,
    damage: fields.damage,
    sanction_decision: fields.sanctionDecision,
    fine: fields.fine,
    officer_id: fields.officerId,
  } satisfies Partial<Editable>;
}

export interface RegisterDeps {
  readonly db: Sqlite;
  readonly writes: WritePath;
  readonly settings: Settings;
  readonly ctx: WriteContext;
  /** The backend's clock: no event is recorded as happening in the future. */
  readonly now: number;
  /**
   * The user may not see secret reporters (api/roles.ts, seesSecretReporters): their form holds empty
   * values for an anonymous report's reporter, so an edit keeps the stored ones and the secrecy.
   */
  readonly hideReporter?: boolean;
}

/** Clocks of different PCs disagree a little; an instant up to a day ahead is accepted. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

function checkReceivedAt(deps: RegisterDeps, receivedAt: number): void {
  if (receivedAt > deps.now + FUTURE_TOLERANCE_MS) throw new AppError('validation', 'the receipt is in the future', { fields: { receivedAt: 'v.received_future' } });
}

/**
 * Records a report received now or earlier: the next register number of the year of receipt, the legal
 * clock, and the people named, all in one transaction.
 */
export function createReport(deps: RegisterDeps, fields: ReportFields): ReportsTable {
  const { db, writes, ctx } = deps;
  checkReceivedAt(deps, fields.receivedAt);
  return db.transaction(() => {
    checkReferences(db, fields);
    const year = Number(localDate(fields.receivedAt).slice(0, 4));
    const base = {
      ...fieldColumns(fields),
      register_year: year,
      register_no: nextRegisterNumber(db, ctx.officeId, REGISTER_BOOK, year),
      status: 'received' as const,
      complex: 0,
      transferred_at: null,
      transferred_to: '',
      notice_sent_at: null,
      decision: null,
      decision_at: null,
      decision_no: '',
      extension_no: '',
      extended_until: null,
      resolution_note: '',
    };
    const report = writes.insert('reports', { ...base, ...deadlineColumns({ ...base, deleted_at: null }, loadHolidays(db), deps.settings) }, ctx);
    linkPersons(deps, report.id, fields.persons);
    return report;
  })();
}

/** The report's fields as the create call takes them, its people apart (they are links of their own). */
function fieldsOf(row: ReportsTable): Omit<ReportFields, 'persons'> {
  return {
    receivedAt: row.received_at,
    occurredOn: row.occurred_on,
    occurredNote: row.occurred_note,
    channel: row.channel as ReportFields['channel'],
    kind: row.kind as ReportFields['kind'],
    categoryCode: row.category_code,
    localityId: row.locality_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    reporterName: row.reporter_name,
    reporterContact: row.reporter_contact,
    reporterAddress: row.reporter_address,
    reporterAnonymous: row.reporter_anonymous === 1,
    summary: row.summary,
    description: row.description,
    deaths: row.deaths,
    injuries: row.injuries,
    damage: row.damage,
    sanctionDecision: row.sanction_decision,
    fine: row.fine,
    officerId: row.officer_id,
  };
}

/**
 * Changes what the call sent and nothing else: a field left out keeps its value, and `persons` left out
 * keeps the report's people (sent, it is the whole list: links not named are voided).
 */
export function updateReport(deps: RegisterDeps, id: string, baseVersion: string, changes: Partial<ReportFields>): ReportsTable {
  const { db, writes, ctx } = deps;
  return db.transaction(() => {
    const current = existing(db, id);
    const { persons, ...sent } = changes;
    const fields: ReportFields = { ...withChanges(fieldsOf(current), sent), persons: persons ?? [] };
    if (sent.receivedAt !== undefined) checkReceivedAt(deps, fields.receivedAt);
    checkReferences(db, fields);
    // The number's year is the year of receipt and is never renumbered: a correction across a year is refused.
    if (Number(localDate(fields.receivedAt).slice(0, 4)) !== current.register_year) {
      throw new AppError('validation', `entry ${current.register_no}/${current.register_year} must stay in its year`, { fields: { receivedAt: 'v.register_year' } });
    }
    const patch = fieldColumns(fields);
    if (deps.hideReporter && current.reporter_anonymous === 1) {
      Object.assign(patch, { reporter_name: current.reporter_name, reporter_contact: current.reporter_contact, reporter_address: current.reporter_address, reporter_anonymous: 1 });
    }
    const next = { ...current, ...patch };
    const report = writes.update('reports', id, baseVersion, { ...patch, ...deadlineColumns(next, loadHolidays(db), deps.settings) }, ctx);
    if (persons !== undefined) linkPersons(deps, id, persons, true);
    return report;
  })();
}

/**
 * One step along the status path. Steps that the current status does not allow are refused with
 * `record.invalid_step`; the record is unchanged.
 */
export function transitionReport(deps: RegisterDeps, id: string, baseVersion: string, step: TransitionStep): ReportsTable {
  const { db, writes, ctx } = deps;
  return db.transaction(() => {
    const current = existing(db, id);
    const patch = stepPatch(current, step, loadHolidays(db), deps.settings, deps.now);
    const next = { ...current, ...patch };
    return writes.update('reports', id, baseVersion, { ...patch, ...deadlineColumns(next, loadHolidays(db), deps.settings) }, ctx);
  })();
}

export function voidReport(deps: RegisterDeps, id: string, baseVersion: string, reason: string): ReportsTable {
  return deps.writes.void('reports', id, reason, deps.ctx, { baseVersion, also: { next_due_at: null } });
}

const OPEN: ReadonlySet<string> = new Set(['received', 'checking', 'commune_handling']);

function stepPatch(report: ReportsTable, step: TransitionStep, holidays: DaysOff, settings: Settings, now: number): Patch<'reports'> {
  const refuse = (): never => {
    throw new AppError('record.invalid_step', `cannot ${step.action} a report in status ${report.status}`, { params: { status: report.status } });
  };
  if (report.deleted_at !== null) throw new AppError('record.voided', `report ${report.id} is voided`);
  // A transfer, a notice or a decision happens after the receipt and not in the future.
  if ('at' in step && (step.at < report.received_at || step.at > now + FUTURE_TOLERANCE_MS)) {
    throw new AppError('validation', 'the step cannot have happened then', { fields: { 'step.at': 'v.date' } });
  }
  switch (step.action) {
    case 'start_check':
      return report.status === 'received' ? { status: 'checking' } : refuse();
    case 'transfer':
      return report.status === 'received' || report.status === 'checking'
        ? { status: 'transferred', transferred_at: step.at, transferred_to: step.to }
        : refuse();
    case 'handle_in_commune':
      return report.status === 'received' || report.status === 'checking' ? { status: 'commune_handling' } : refuse();
    case 'notice_sent':
      return report.notice_sent_at === null ? { notice_sent_at: step.at } : refuse();
    case 'mark_complex':
      // An extension rests on the complex limit: it cannot be unmarked once extended.
      return OPEN.has(report.status) && (step.complex || report.extension_no === '') ? { complex: step.complex ? 1 : 0 } : refuse();
    case 'extend': {
      // Only the 2-month limit of a complex case is extended, once (CPC 2015 art. 147(2)).
      if (!OPEN.has(report.status) || report.complex !== 1 || report.extension_no !== '') return refuse();
      const due = computeDeadlines(
        { receivedAt: report.received_at, remoteCommune: settings.remoteCommune, complex: report.complex === 1, extendedUntil: null },
        holidays,
      );
      const baseEnd = localDate(due.decisionDueAt - 1);
      if (step.until <= baseEnd || step.until > due.extensionLimit) {
        throw new AppError('validation', 'the extension must end after the current limit and within the maximum', {
          fields: { until: 'v.extension_range' },
          params: { after: baseEnd, limit: due.extensionLimit },
        });
      }
      return { extended_until: step.until, extension_no: step.decisionNo };
    }
    case 'decide':
      return OPEN.has(report.status) || report.status === 'transferred'
        ? { status: 'decided', decision: step.decision, decision_at: step.at, decision_no: step.decisionNo }
        : refuse();
    case 'resolve':
      return OPEN.has(report.status) ? { status: step.how, resolution_note: step.note } : refuse();
  }
}

function existing(db: Sqlite, id: string): ReportsTable {
  const row = first(db, qb.selectFrom('reports').selectAll().where('id', '=', id));
  if (!row) throw new AppError('record.not_found', `report ${id} not found`);
  return row;
}

/** References typed in a form must exist: a clear field error instead of a dangling id. */
function checkReferences(db: Sqlite, fields: ReportFields): void {
  const missing: Record<string, string> = {};
  if (fields.categoryCode !== null && !first(db, qb.selectFrom('categories').select('id').where('code', '=', fields.categoryCode))) missing.categoryCode = 'v.invalid';
  if (fields.localityId !== null && !first(db, qb.selectFrom('localities').select('id').where('id', '=', fields.localityId))) missing.localityId = 'v.invalid';
  if (fields.officerId !== null && !first(db, qb.selectFrom('users').select('id').where('id', '=', fields.officerId))) missing.officerId = 'v.invalid';
  fields.persons.forEach((link, index) => {
    // A record merged into another is voided: link the live one.
    if ('personId' in link && !first(db, qb.selectFrom('persons').select('id').where('id', '=', link.personId).where('deleted_at', 'is', null))) {
      missing[`persons.${index}.personId`] = 'v.invalid';
    }
  });
  if (Object.keys(missing).length > 0) throw new AppError('validation', 'a referenced record does not exist', { fields: missing });
}

/**
 * Makes the report's people what the form says: new links inserted, links no longer named voided with
 * a reason, unchanged links left alone. A person typed with a known citizen ID links the existing one.
 */
function linkPersons(deps: RegisterDeps, reportId: string, wanted: ReportFields['persons'], replacing = false): void {
  const { db, writes, ctx } = deps;
  const current = replacing
    ? all(db, qb.selectFrom('report_persons').selectAll().where('report_id', '=', reportId).where('deleted_at', 'is', null))
    : [];
  const keep = new Set<string>();
  for (const link of wanted) {
    const personId = 'personId' in link ? link.personId : personForInput(db, writes, link.person, ctx).id;
    const key = `${personId}|${link.role}`;
    if (keep.has(key)) continue;
    keep.add(key);
    if (!current.some((row) => row.person_id === personId && row.role === link.role)) {
      writes.insert('report_persons', { report_id: reportId, person_id: personId, role: link.role }, ctx);
    }
  }
  for (const row of current) {
    if (!keep.has(`${row.person_id}|${row.role}`)) writes.void('report_persons', row.id, 'removed from the report', ctx);
  }
}
