import { sql } from 'kysely';
import type { AuditAction } from '../api/vocabulary';
import type { z } from 'zod';
import type { auditListInput } from '../api/calls/audit';
import type { AuditPage, AuditRow } from '../api/views';
import { AppError } from './app-error';
import type { ReadDetail } from './read-audit';
import { all, first, qb } from './query';
import { formatRegisterNumber } from './register/numbering';
import { endOfDay, startOfDay } from '../core/calendar';
import type { Sqlite } from './store';

export type AuditListInput = z.output<typeof auditListInput>;

/** Whose entries the caller sees: every one (an administrator), or those of one office's users (a chief). */
export type AuditScope = { readonly office: string | null };

const REGISTER_NUMBER = /^(\d{1,7})\/(\d{4})$/;

/** The ids a record filter names: a report's register number ("15/2026", in every office held), or an id as typed. */
function recordIds(db: Sqlite, record: string): string[] {
  const number = REGISTER_NUMBER.exec(record);
  if (!number) return [record];
  const reports = qb.selectFrom('reports').select('id').where('register_no', '=', Number(number[1])).where('register_year', '=', Number(number[2]));
  return all(db, reports).map((row) => row.id);
}

/**
 * The audit log, newest first, page by page. A record filter finds the entries written about the record
 * (record_id, indexed) and the reads of lists that showed it (their ids are in the entry's detail, read
 * along the log: a scan, which the other filters narrow; a text test first, the ids' JSON only then).
 */
export function listAudit(db: Sqlite, input: AuditListInput, scope: AuditScope): AuditPage {
  if (input.from && input.to && input.from > input.to) throw new AppError('validation', 'the range ends before it starts', { fields: { to: 'v.date_order' } });
  const newest = first(db, qb.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('n')))?.n ?? null;
  const head = newest === null ? null : Math.min(newest, input.upTo ?? newest);
  let entries = qb.selectFrom('audit_log as a').where('a.id', '<=', head ?? 0);
  if (scope.office !== null) entries = entries.where('a.user_id', 'in', qb.selectFrom('users').select('id').where('office_id', '=', scope.office));
  if (input.userId) entries = entries.where('a.user_id', '=', input.userId);
  if (input.action) entries = entries.where('a.action', '=', input.action);
  if (input.from) entries = entries.where('a.at', '>=', startOfDay(input.from));
  if (input.to) entries = entries.where('a.at', '<', endOfDay(input.to));
  if (input.record !== '') {
    const ids = recordIds(db, input.record);
    if (ids.length === 0) return { total: input.count ? 0 : null, rows: [], head, users: usersOf(db, scope) };
    const records = JSON.stringify(ids);
    entries = entries.where(
      sql<boolean>`(a.record_id IN (SELECT value FROM json_each(${records}))
        OR (a.record_id IS NULL AND a.action IN ('read', 'reveal') AND EXISTS (SELECT 1 FROM json_each(${records}) r
          WHERE instr(a.after, '"' || r.value || '"') > 0 AND r.value IN (SELECT value FROM json_each(a.after, '$.ids')))))`,
    );
  }
  const total = input.count ? (first(db, entries.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0) : null;
  const found = all(
    db,
    entries
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.at', 'a.user_id', 'u.full_name', 'a.call', 'a.action', 'a.table_name', 'a.record_id'])
      .select(sql<string | null>`CASE WHEN a.action IN ('read', 'reveal') THEN a.after END`.as('detail'))
      .orderBy('a.id', 'desc')
      .limit(input.limit)
      .offset(input.offset),
  );
  const labels = recordLabels(db, found);
  const rows: AuditRow[] = found.map((row) => {
    const detail = row.detail ? (JSON.parse(row.detail) as Partial<ReadDetail>) : null;
    return {
      id: String(row.id),
      at: row.at,
      userId: row.user_id,
      userName: row.full_name,
      call: row.call,
      // The store's CHECK holds the column to the audit's actions.
      action: row.action as AuditAction,
      table: row.table_name,
      recordId: row.record_id,
      recordLabel: row.record_id ? (labels.get(row.record_id) ?? null) : null,
      rows: typeof detail?.rows === 'number' ? detail.rows : null,
      search: searchOf(detail?.query),
    };
  });
  return { total, rows, head, users: usersOf(db, scope) };
}

/** The words a list or a search read was asked for (`q`, or the register's `filters.q`). */
function searchOf(query: unknown): string | null {
  if (typeof query !== 'object' || query === null) return null;
  const { q, filters } = query as { q?: unknown; filters?: { q?: unknown } };
  const words = typeof q === 'string' ? q : typeof filters?.q === 'string' ? filters.q : '';
  return words.trim() === '' ? null : words.trim();
}

/** Labels of the page's records, one query per table named. */
function recordLabels(db: Sqlite, rows: readonly { table_name: string | null; record_id: string | null }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const byTable = new Map<string, string[]>();
  for (const row of rows) if (row.table_name && row.record_id) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.record_id]);
  const read = (sql: string, ids: string[], label: (row: Record<string, unknown>) => string) => {
    for (const row of db.prepare(sql).all(JSON.stringify(ids)) as Record<string, unknown>[]) labels.set(String(row.id), label(row));
  };
  const ids = (table: string) => byTable.get(table) ?? [];
  const inIds = 'IN (SELECT value FROM json_each(?))';
  if (ids('reports').length) read(`SELECT id, register_no, register_year FROM reports WHERE id ${inIds}`, ids('reports'), (r) => formatRegisterNumber(Number(r.register_no), Number(r.register_year)));
  if (ids('persons').length) read(`SELECT id, full_name FROM persons WHERE id ${inIds}`, ids('persons'), (r) => String(r.full_name));
  if (ids('users').length) read(`SELECT id, full_name FROM users WHERE id ${inIds}`, ids('users'), (r) => String(r.full_name));
  if (ids('hotspots').length) read(`SELECT id, name FROM hotspots WHERE id ${inIds}`, ids('hotspots'), (r) => String(r.name));
  if (ids('campaigns').length) read(`SELECT id, name FROM campaigns WHERE id ${inIds}`, ids('campaigns'), (r) => String(r.name));
  if (ids('programs').length) read(`SELECT g.id, p.full_name FROM programs g JOIN persons p ON p.id = g.person_id WHERE g.id ${inIds}`, ids('programs'), (r) => String(r.full_name));
  if (ids('attachments').length) read(`SELECT id, file_name FROM attachments WHERE id ${inIds}`, ids('attachments'), (r) => String(r.file_name));
  return labels;
}

function usersOf(db: Sqlite, scope: AuditScope): AuditPage['users'] {
  let users = qb.selectFrom('users').select(['id', 'full_name']).orderBy('full_name');
  if (scope.office !== null) users = users.where('office_id', '=', scope.office);
  return all(db, users).map((row) => ({ id: row.id, fullName: row.full_name }));
}
