import type { ProgramEndReason } from '../api/vocabulary';
import type { z } from 'zod';
import type { programInput, programListInput } from '../api/calls/people';
import { fold } from '../core/fold';
import type { CheckinView, Page, ProgramKindView, ProgramView, ReminderBoard, ReminderItem } from '../api/views';
import { AppError } from './app-error';
import { findPerson } from './persons';
import { sql, type SqlBool } from 'kysely';
import { all, first, prepared, qb } from './query';
import { addDays, localDate } from '../core/calendar';
import { nextDue, programEnd } from '../core/programs';
import type { ProgramKindsTable, ProgramsTable } from './schema';
import type { Sqlite } from './store';
import { withChanges, type WritePath, type WriteContext } from './write-path';

export type ProgramFields = z.output<typeof programInput>;
export type ProgramListInput = z.output<typeof programListInput>;

export function kindView(row: ProgramKindsTable): ProgramKindView {
  return { code: row.code, nameVi: row.name_vi, nameEn: row.name_en, months: row.months, checkinDays: row.checkin_days, drugTestDays: row.drug_test_days, source: row.source };
}

export function listKinds(db: Sqlite): ProgramKindView[] {
  return all(db, qb.selectFrom('program_kinds').selectAll().where('deleted_at', 'is', null).orderBy('sort')).map(kindView);
}

function kindOf(db: Sqlite, code: string): ProgramKindsTable {
  const kind = first(db, qb.selectFrom('program_kinds').selectAll().where('code', '=', code).where('deleted_at', 'is', null));
  if (!kind) throw new AppError('validation', `no program kind ${code}`, { fields: { kindCode: 'v.invalid' } });
  return kind;
}

/**
 * The program's columns from what was typed: the end date computed from the kind's duration unless
 * typed differently, which then needs a reason; kinds without a fixed duration need an end date.
 */
function columns(db: Sqlite, fields: ProgramFields) {
  const kind = kindOf(db, fields.kindCode);
  const person = findPerson(db, fields.personId);
  if (!person || person.deleted_at !== null) throw new AppError('validation', 'no such person', { fields: { personId: 'v.invalid' } });
  const computed = kind.months === null ? null : programEnd(fields.startDate, kind.months);
  const endDate = fields.endDate ?? computed;
  if (endDate === null) throw new AppError('validation', 'this kind of program needs an end date', { fields: { endDate: 'v.required' } });
  if (endDate < fields.startDate) throw new AppError('validation', 'the end is before the start', { fields: { endDate: 'v.invalid' } });
  const overridden = computed !== null && endDate !== computed;
  if (overridden && fields.endOverrideReason.trim() === '') {
    throw new AppError('validation', 'a changed end date needs a reason', { fields: { endOverrideReason: 'v.required' } });
  }
  return {
    kind,
    values: {
      person_id: fields.personId,
      kind_code: fields.kindCode,
      decision_no: fields.decisionNo,
      decision_date: fields.decisionDate,
      start_date: fields.startDate,
      end_date: endDate,
      end_override_reason: overridden ? fields.endOverrideReason : '',
      officer_id: fields.officerId,
    },
  };
}

export function createProgram(db: Sqlite, writes: WritePath, fields: ProgramFields, ctx: WriteContext): ProgramsTable {
  const { kind, values } = columns(db, fields);
  return writes.insert(
    'programs',
    {
      ...values,
      status: 'active',
      ended_on: null,
      end_reason: null,
      end_note: '',
      last_checkin_on: null,
      next_checkin_on: nextDue(fields.startDate, kind.checkin_days),
      next_test_on: nextDue(fields.startDate, kind.drug_test_days),
    },
    ctx,
  );
}

/** A corrected program: its next check-in and test follow the (possibly new) kind and start date. */
/**
 * A program's fields as the create call takes them: an end date that was typed (over the computed one,
 * or for a kind without a fixed duration) is kept; a computed one is computed again from the start.
 */
function fieldsOf(db: Sqlite, row: ProgramsTable): ProgramFields {
  const computed = kindOf(db, row.kind_code).months !== null && row.end_override_reason === '';
  return {
    personId: row.person_id,
    kindCode: row.kind_code,
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    startDate: row.start_date,
    endDate: computed ? null : row.end_date,
    endOverrideReason: row.end_override_reason,
    officerId: row.officer_id,
  };
}

/** Changes the fields the call sent; a field left out keeps its value. */
export function updateProgram(db: Sqlite, writes: WritePath, id: string, baseVersion: string, changes: Partial<ProgramFields>, ctx: WriteContext): ProgramsTable {
  const current = existing(db, id);
  const fields = withChanges(fieldsOf(db, current), changes);
  if (current.status !== 'active') throw new AppError('record.invalid_step', 'the program has ended', { params: { status: current.status } });
  const { kind, values } = columns(db, fields);
  const lastTest = (prepared(db, 'SELECT max(date) AS date FROM program_checkins WHERE program_id = ? AND drug_test = 1 AND deleted_at IS NULL').get(id) as { date: string | null }).date;
  return writes.update(
    'programs',
    id,
    baseVersion,
    {
      ...values,
      next_checkin_on: nextDue(current.last_checkin_on ?? fields.startDate, kind.checkin_days),
      next_test_on: nextDue(lastTest ?? fields.startDate, kind.drug_test_days),
    },
    ctx,
  );
}

/** A check-in moves the next check-in and, with a drug test, the next test. */
export function checkIn(
  db: Sqlite,
  writes: WritePath,
  input: { programId: string; date: string; officerId: string | null; result: string; drugTestResult: 'negative' | 'positive' | 'refused' | null },
  ctx: WriteContext,
): ProgramsTable {
  return db.transaction(() => {
    const program = existing(db, input.programId);
    if (program.status !== 'active') throw new AppError('record.invalid_step', 'the program has ended', { params: { status: program.status } });
    const kind = kindOf(db, program.kind_code);
    writes.insert(
      'program_checkins',
      { program_id: program.id, date: input.date, officer_id: input.officerId, result: input.result, drug_test: input.drugTestResult ? 1 : 0, drug_test_result: input.drugTestResult },
      ctx,
    );
    const latest = program.last_checkin_on !== null && program.last_checkin_on > input.date ? program.last_checkin_on : input.date;
    return writes.update(
      'programs',
      program.id,
      program.version,
      {
        last_checkin_on: latest,
        next_checkin_on: nextDue(latest, kind.checkin_days),
        ...(input.drugTestResult ? { next_test_on: nextDue(input.date, kind.drug_test_days) } : {}),
      },
      ctx,
    );
  })();
}

export function endProgram(db: Sqlite, writes: WritePath, id: string, baseVersion: string, input: { on: string; reason: ProgramEndReason; note: string }, ctx: WriteContext): ProgramsTable {
  const program = existing(db, id);
  if (program.status !== 'active') throw new AppError('record.invalid_step', 'the program has already ended', { params: { status: program.status } });
  if (input.on < program.start_date) throw new AppError('validation', 'the end is before the start', { fields: { on: 'v.invalid' } });
  return writes.update('programs', id, baseVersion, { status: 'ended', ended_on: input.on, end_reason: input.reason, end_note: input.note, next_checkin_on: null, next_test_on: null }, ctx);
}

function existing(db: Sqlite, id: string): ProgramsTable {
  const program = first(db, qb.selectFrom('programs').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!program) throw new AppError('record.not_found', `program ${id} not found`);
  return program;
}

type ProgramRow = ProgramsTable & { person_name: string; officer_name: string | null };

type CheckinRow = { program_id: string; id: string; date: string; result: string; drug_test_result: CheckinView['drugTestResult']; officer_name: string | null };

/**
 * The check-ins of programs, latest first (equal dates: the later written first, as the index read
 * backwards gives them), in one read for a page of programs.
 */
function checkinsOf(db: Sqlite, ids: readonly string[]): Map<string, CheckinRow[]> {
  const rows = prepared(
    db,
    `SELECT c.program_id, c.id, c.date, c.result, c.drug_test_result, u.full_name AS officer_name FROM program_checkins c LEFT JOIN users u ON u.id = c.officer_id
     WHERE c.program_id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL ORDER BY c.program_id, c.date DESC, c.rowid DESC`,
  ).all(JSON.stringify(ids)) as CheckinRow[];
  const byProgram = new Map<string, CheckinRow[]>();
  for (const row of rows) {
    const list = byProgram.get(row.program_id);
    if (list) list.push(row);
    else byProgram.set(row.program_id, [row]);
  }
  return byProgram;
}

function viewOf(db: Sqlite, row: ProgramRow, known?: Map<string, CheckinRow[]>): ProgramView {
  const checkins = known ? (known.get(row.id) ?? []) : (checkinsOf(db, [row.id]).get(row.id) ?? []);
  return {
    id: row.id,
    officeId: row.office_id,
    version: row.version,
    personId: row.person_id,
    personName: row.person_name,
    kindCode: row.kind_code,
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    startDate: row.start_date,
    endDate: row.end_date,
    endOverrideReason: row.end_override_reason,
    officerId: row.officer_id,
    officerName: row.officer_name,
    status: row.status,
    endedOn: row.ended_on,
    endReason: row.end_reason as ProgramEndReason | null,
    endNote: row.end_note,
    nextCheckinOn: row.next_checkin_on,
    nextTestOn: row.next_test_on,
    checkins: checkins.map((c) => ({ id: c.id, date: c.date, officerName: c.officer_name, result: c.result, drugTestResult: c.drug_test_result })),
  };
}

function joined() {
  return qb
    .selectFrom('programs as g')
    .innerJoin('persons as p', 'p.id', 'g.person_id')
    .leftJoin('users as u', 'u.id', 'g.officer_id')
    .selectAll('g')
    .select(['p.full_name as person_name', 'u.full_name as officer_name'])
    .where('g.deleted_at', 'is', null);
}

export function programView(db: Sqlite, id: string): ProgramView {
  const row = first(db, joined().where('g.id', '=', id));
  if (!row) throw new AppError('record.not_found', `program ${id} not found`);
  return viewOf(db, row);
}

export function programsOfPerson(db: Sqlite, personId: string): ProgramView[] {
  return all(db, joined().where('g.person_id', '=', personId).orderBy('g.start_date', 'desc')).map((row) => viewOf(db, row));
}

export function listPrograms(db: Sqlite, input: ProgramListInput): Page<ProgramView> {
  let query = joined();
  const q = fold(input.q);
  // The person's name tested on each program (`+p.name_fold`, which no index serves): SQLite otherwise
  // read every person of that name (a third of a province's for "nguyen") and sorted their programs,
  // where the programs, a few thousand, are read along programs_list (migration 22) to the page.
  const named = sql<SqlBool>`+p.name_fold >= ${q} AND +p.name_fold < ${`${q}\u{10FFFF}`}`;
  if (q) query = query.where(named);
  if (input.kindCode) query = query.where('g.kind_code', '=', input.kindCode);
  if (input.status) query = query.where('g.status', '=', input.status);
  if (input.officerId) query = query.where('g.officer_id', '=', input.officerId);
  if (input.officeId) query = query.where('g.office_id', '=', input.officeId);
  // Counted without the officer's name (a left join on users' key: one row each either way), and
  // without the person unless searched: every program has its person (a foreign key, always enforced:
  // db/store.ts), so the join counts each program once.
  let counted = qb.selectFrom('programs as g').where('g.deleted_at', 'is', null);
  if (q) counted = counted.where((eb) => eb.exists(eb.selectFrom('persons as p').select(sql`1`.as('one')).whereRef('p.id', '=', 'g.person_id').where(named)));
  if (input.kindCode) counted = counted.where('g.kind_code', '=', input.kindCode);
  if (input.status) counted = counted.where('g.status', '=', input.status);
  if (input.officerId) counted = counted.where('g.officer_id', '=', input.officerId);
  if (input.officeId) counted = counted.where('g.office_id', '=', input.officeId);
  const total = first(db, counted.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  // The page along programs_list (migration 22).
  const rows = all(db, query.orderBy('g.end_date').orderBy('g.id').limit(input.limit).offset(input.offset));
  // The page's check-ins in one read (a read per program cost more than the page).
  const checkins = checkinsOf(db, rows.map((row) => row.id));
  return { total, rows: rows.map((row) => viewOf(db, row, checkins)) };
}

/**
 * What is due in active programs: ends, check-ins and drug tests on or before today + N days, each an
 * indexed range scan; those already past are overdue.
 */
export function reminders(db: Sqlite, withinDays: number, now: number): ReminderBoard {
  const today = localDate(now);
  const horizon = addDays(today, withinDays);
  const items: ReminderItem[] = [];
  const scan = (column: 'end_date' | 'next_checkin_on' | 'next_test_on', what: ReminderItem['what']) => {
    const rows = all(
      db,
      qb
        .selectFrom('programs as g')
        .innerJoin('persons as p', 'p.id', 'g.person_id')
        .leftJoin('users as u', 'u.id', 'g.officer_id')
        .select(['g.id', 'g.person_id', 'g.kind_code', `g.${column} as on`, 'p.full_name', 'u.full_name as officer_name'])
        .where('g.status', '=', 'active')
        .where('g.deleted_at', 'is', null)
        .where(`g.${column}`, 'is not', null)
        .where(`g.${column}`, '<=', horizon)
        .orderBy(`g.${column}`)
        .limit(1000),
    );
    for (const row of rows) {
      items.push({ programId: row.id, personId: row.person_id, personName: row.full_name, kindCode: row.kind_code, what, on: row.on!, officerName: row.officer_name });
    }
  };
  scan('end_date', 'ending');
  scan('next_checkin_on', 'checkin');
  scan('next_test_on', 'drug_test');
  items.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { today, overdue: items.filter((item) => item.on < today), upcoming: items.filter((item) => item.on >= today) };
}
