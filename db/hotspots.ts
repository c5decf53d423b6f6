import type { HotspotRole, HotspotStatus, HotspotType } from '../api/vocabulary';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { hotspotInput, hotspotListInput } from '../api/calls/hotspots';
import { fold } from '../core/fold';
import type { HotspotDue, HotspotRow, HotspotView, Page } from '../api/views';
import { AppError } from './app-error';
import { findPerson, personView } from './persons';
import { all, first, prepared, qb } from './query';
import { formatRegisterNumber } from './register/numbering';
import { addDays, localDate } from '../core/calendar';
import type { HotspotsTable, PersonsTable } from './schema';
import { importedFrom } from './legacy/provenance';
import type { Sqlite } from './store';
import { withChanges, type WritePath, type WriteContext } from './write-path';

export type HotspotFields = z.output<typeof hotspotInput>;
export type HotspotListInput = z.output<typeof hotspotListInput>;

function columns(fields: HotspotFields) {
  return {
    name: fields.name,
    name_fold: fold(fields.name),
    type: fields.type,
    locality_id: fields.localityId,
    address: fields.address,
    latitude: fields.latitude,
    longitude: fields.longitude,
    description: fields.description,
    risk: fields.risk,
    found_on: fields.foundOn,
    review_days: fields.reviewDays,
  };
}

/** The next review: `reviewDays` after the last check, or after the day it was found. */
function nextReview(row: Pick<HotspotsTable, 'found_on' | 'last_check_on'>, reviewDays: number): string {
  return addDays(row.last_check_on ?? row.found_on, reviewDays);
}

export function createHotspot(db: Sqlite, writes: WritePath, fields: HotspotFields, ctx: WriteContext): HotspotsTable {
  return db.transaction(() => {
    const values = columns(fields);
    const row = writes.insert(
      'hotspots',
      { ...values, status: 'suspected', cleared_on: null, last_check_on: null, next_review_on: nextReview({ found_on: fields.foundOn, last_check_on: null }, fields.reviewDays) },
      ctx,
    );
    writes.insert('hotspot_history', { hotspot_id: row.id, status: 'suspected', on_date: fields.foundOn, note: '' }, ctx);
    return row;
  })();
}

/** A hotspot's fields as the create call takes them. */
function fieldsOf(row: HotspotsTable): HotspotFields {
  return {
    name: row.name,
    type: row.type as HotspotFields['type'],
    localityId: row.locality_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    description: row.description,
    risk: row.risk as HotspotFields['risk'],
    foundOn: row.found_on,
    reviewDays: row.review_days,
  };
}

/** Changes the fields the call sent; a field left out keeps its value. */
export function updateHotspot(db: Sqlite, writes: WritePath, id: string, baseVersion: string, changes: Partial<HotspotFields>, ctx: WriteContext): HotspotsTable {
  const current = existing(db, id);
  const fields = withChanges(fieldsOf(current), changes);
  return writes.update('hotspots', id, baseVersion, { ...columns(fields), next_review_on: nextReview({ ...current, found_on: fields.foundOn }, fields.reviewDays) }, ctx);
}

/** A dated status change, kept in the history; clearing sets the cleared date, a relapse clears it. */
export function setStatus(db: Sqlite, writes: WritePath, id: string, baseVersion: string, status: HotspotStatus, on: string, note: string, ctx: WriteContext): HotspotsTable {
  return db.transaction(() => {
    const current = existing(db, id);
    if (current.status === status) throw new AppError('record.invalid_step', `the hotspot is already ${status}`, { params: { status } });
    writes.insert('hotspot_history', { hotspot_id: id, status, on_date: on, note }, ctx);
    return writes.update('hotspots', id, baseVersion, { status, cleared_on: status === 'cleared' ? on : status === 'relapsed' || status === 'active' ? null : current.cleared_on }, ctx);
  })();
}

/** A check: who went, when, what they found; it moves the next review date, and may move the status. */
export function checkHotspot(
  db: Sqlite,
  writes: WritePath,
  input: { hotspotId: string; date: string; officers: string; found: string; status: HotspotStatus | null },
  ctx: WriteContext,
): HotspotsTable {
  return db.transaction(() => {
    let current = existing(db, input.hotspotId);
    writes.insert('hotspot_checks', { hotspot_id: current.id, date: input.date, officers: input.officers, found: input.found }, ctx);
    if (input.status !== null && input.status !== current.status) {
      current = setStatus(db, writes, current.id, current.version, input.status, input.date, input.found, ctx);
    }
    const last = current.last_check_on !== null && current.last_check_on > input.date ? current.last_check_on : input.date;
    return writes.update('hotspots', current.id, current.version, { last_check_on: last, next_review_on: nextReview({ found_on: current.found_on, last_check_on: last }, current.review_days) }, ctx);
  })();
}

export function linkPerson(db: Sqlite, writes: WritePath, input: { hotspotId: string; personId: string; role: HotspotRole }, ctx: WriteContext): void {
  existing(db, input.hotspotId);
  const person = findPerson(db, input.personId);
  if (!person || person.deleted_at !== null) throw new AppError('validation', 'no such person', { fields: { personId: 'v.invalid' } });
  const same = prepared(db, 'SELECT id FROM hotspot_persons WHERE hotspot_id = ? AND person_id = ? AND role = ? AND deleted_at IS NULL').get(input.hotspotId, input.personId, input.role);
  if (!same) writes.insert('hotspot_persons', { hotspot_id: input.hotspotId, person_id: input.personId, role: input.role }, ctx);
}

export function linkReport(db: Sqlite, writes: WritePath, input: { hotspotId: string; reportId: string }, ctx: WriteContext): void {
  existing(db, input.hotspotId);
  if (!first(db, qb.selectFrom('reports').select('id').where('id', '=', input.reportId))) {
    throw new AppError('validation', 'no such report', { fields: { reportId: 'v.invalid' } });
  }
  const same = prepared(db, 'SELECT id FROM hotspot_reports WHERE hotspot_id = ? AND report_id = ? AND deleted_at IS NULL').get(input.hotspotId, input.reportId);
  if (!same) writes.insert('hotspot_reports', { hotspot_id: input.hotspotId, report_id: input.reportId }, ctx);
}

/** Removes a person or report link (voided with a reason); returns the hotspot it belonged to. */
export function unlink(db: Sqlite, writes: WritePath, linkId: string, reason: string, ctx: WriteContext): string {
  const person = first(db, qb.selectFrom('hotspot_persons').select(['id', 'hotspot_id']).where('id', '=', linkId));
  if (person) {
    writes.void('hotspot_persons', linkId, reason, ctx);
    return person.hotspot_id;
  }
  const report = first(db, qb.selectFrom('hotspot_reports').select(['id', 'hotspot_id']).where('id', '=', linkId));
  if (!report) throw new AppError('record.not_found', `link ${linkId} not found`);
  writes.void('hotspot_reports', linkId, reason, ctx);
  return report.hotspot_id;
}

function existing(db: Sqlite, id: string): HotspotsTable {
  const row = first(db, qb.selectFrom('hotspots').selectAll().where('id', '=', id));
  if (!row) throw new AppError('record.not_found', `hotspot ${id} not found`);
  if (row.deleted_at !== null) throw new AppError('record.voided', `hotspot ${id} is voided`);
  return row;
}

export function hotspotView(db: Sqlite, id: string): HotspotView {
  const h = existing(db, id);
  const history = prepared(db, 'SELECT status, on_date, note FROM hotspot_history WHERE hotspot_id = ? AND deleted_at IS NULL ORDER BY on_date, seq').all(id) as {
    status: HotspotStatus;
    on_date: string;
    note: string;
  }[];
  const persons = prepared(
    db,
    `SELECT hp.id AS link_id, hp.role, p.* FROM hotspot_persons hp JOIN persons p ON p.id = hp.person_id WHERE hp.hotspot_id = ? AND hp.deleted_at IS NULL ORDER BY hp.seq`,
  ).all(id) as (PersonsTable & { link_id: string; role: HotspotRole })[];
  const reports = prepared(
    db,
    `SELECT hr.id AS link_id, r.id, r.register_no, r.register_year, r.summary FROM hotspot_reports hr JOIN reports r ON r.id = hr.report_id
     WHERE hr.hotspot_id = ? AND hr.deleted_at IS NULL ORDER BY r.received_at DESC`,
  ).all(id) as { link_id: string; id: string; register_no: number; register_year: number; summary: string }[];
  const checks = prepared(db, 'SELECT id, date, officers, found FROM hotspot_checks WHERE hotspot_id = ? AND deleted_at IS NULL ORDER BY date DESC').all(id) as {
    id: string;
    date: string;
    officers: string;
    found: string;
  }[];
  return {
    id: h.id,
    officeId: h.office_id,
    version: h.version,
    name: h.name,
    type: h.type as HotspotType,
    localityId: h.locality_id,
    address: h.address,
    latitude: h.latitude,
    longitude: h.longitude,
    description: h.description,
    risk: h.risk,
    status: h.status as HotspotStatus,
    foundOn: h.found_on,
    clearedOn: h.cleared_on,
    reviewDays: h.review_days,
    lastCheckOn: h.last_check_on,
    nextReviewOn: h.next_review_on,
    history: history.map((row) => ({ status: row.status, on: row.on_date, note: row.note })),
    persons: persons.map((row) => ({ linkId: row.link_id, role: row.role, person: personView(row) })),
    reports: reports.map((row) => ({ linkId: row.link_id, reportId: row.id, number: formatRegisterNumber(row.register_no, row.register_year), summary: row.summary })),
    checks,
    importedFrom: importedFrom(db, id),
  };
}

function rows() {
  return qb
    .selectFrom('hotspots as h')
    .leftJoin('localities as l', 'l.id', 'h.locality_id')
    .select(['h.id', 'h.office_id as officeId', 'h.name', 'h.type', 'h.status', 'h.risk', 'l.name as localityName', 'h.found_on as foundOn', 'h.next_review_on as nextReviewOn'])
    .where('h.deleted_at', 'is', null)
    // The store's CHECK constraints hold these columns to the contract's values (db/migrations/0003-people.ts).
    .$narrowType<{ type: HotspotType; status: HotspotStatus }>();
}

export function listHotspots(db: Sqlite, input: HotspotListInput): Page<HotspotRow> {
  let query = rows();
  const q = fold(input.q);
  if (q) query = query.where(sql<boolean>`instr(h.name_fold, ${q}) > 0`);
  if (input.type) query = query.where('h.type', '=', input.type);
  if (input.status) query = query.where('h.status', '=', input.status);
  if (input.localityId) query = query.where('h.locality_id', '=', input.localityId);
  if (input.officeId) query = query.where('h.office_id', '=', input.officeId);
  const total = first(db, query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const column = { name: 'h.name_fold', next_review_on: 'h.next_review_on', found_on: 'h.found_on', status: 'h.status', risk: 'h.risk' } as const;
  const page = all(db, query.orderBy(column[input.sort], input.direction).orderBy('h.id').limit(input.limit).offset(input.offset));
  return { total, rows: page.map((row): HotspotRow => ({ ...row, localityName: row.localityName })) };
}

/** Hotspots due for review within the window, and cleared ones due to be checked again. */
export function hotspotsDue(db: Sqlite, withinDays: number, now: number): HotspotDue {
  const today = localDate(now);
  const horizon = addDays(today, withinDays);
  const due = all(db, rows().where('h.next_review_on', '<=', horizon).orderBy('h.next_review_on').limit(1000));
  return { today, review: due.filter((row) => row.status !== 'cleared'), recheck: due.filter((row) => row.status === 'cleared') };
}
