import type { AuditAction } from '../api/vocabulary';
import type { z } from 'zod';
import type { auditListInput } from '../api/calls/audit';
import type { AuditPage, AuditRow } from '../api/views';
import { AppError } from './app-error';
import type { ReadDetail } from './read-audit';
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
  const rows = db.prepare('SELECT id FROM reports WHERE register_no = ? AND register_year = ?').all(Number(number[1]), Number(number[2])) as { id: string }[];
  return rows.map((row) => row.id);
}

/**
 * The audit log, newest first, page by page. A record filter finds the entries written about the record
 * (record_id, indexed) and the reads of lists that showed it (their ids are in the entry's detail, read
 * along the log: a scan, which the other filters narrow; a text test first, the ids' JSON only then).
 */
export function listAudit(db: Sqlite, input: AuditListInput, scope: AuditScope): AuditPage {
  if (input.from && input.to && input.from > input.to) throw new AppError('validation', 'the range ends before it starts', { fields: { to: 'v.date_order' } });
  const newest = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number | null }).n;
  const head = newest === null ? null : Math.min(newest, input.upTo ?? newest);
  const where: string[] = ['a.id <= @head'];
  const params: Record<string, unknown> = { head: head ?? 0 };
  if (scope.office !== null) {
    where.push('a.user_id IN (SELECT id FROM users WHERE office_id = @office)');
    params.office = scope.office;
  }
  if (input.userId) {
    where.push('a.user_id = @user');
    params.user = input.userId;
  }
  if (input.action) {
    where.push('a.action = @action');
    params.action = input.action;
  }
  if (input.from) {
    where.push('a.at >= @from');
    params.from = startOfDay(input.from);
  }
  if (input.to) {
    where.push('a.at < @to');
    params.to = endOfDay(input.to);
  }
  if (input.record !== '') {
    const ids = recordIds(db, input.record);
    if (ids.length === 0) return { total: input.count ? 0 : null, rows: [], head, users: usersOf(db, scope) };
    params.records = JSON.stringify(ids);
    where.push(`(a.record_id IN (SELECT value FROM json_each(@records))
      OR (a.record_id IS NULL AND a.action IN ('read', 'reveal') AND EXISTS (SELECT 1 FROM json_each(@records) r
        WHERE instr(a.after, '"' || r.value || '"') > 0 AND r.value IN (SELECT value FROM json_each(a.after, '$.ids')))))`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const total = input.count ? (db.prepare(`SELECT count(*) AS n FROM audit_log a ${filter}`).get(params) as { n: number }).n : null;
  const found = db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.full_name, a.call, a.action, a.table_name, a.record_id,
         CASE WHEN a.action IN ('read', 'reveal') THEN a.after END AS detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${filter}
       ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as {
    id: number;
    at: number;
    user_id: string | null;
    full_name: string | null;
    call: string;
    action: AuditAction;
    table_name: string | null;
    record_id: string | null;
    detail: string | null;
  }[];
  const labels = recordLabels(db, found);
  const rows: AuditRow[] = found.map((row) => {
    const detail = row.detail ? (JSON.parse(row.detail) as Partial<ReadDetail>) : null;
    return {
      id: String(row.id),
      at: row.at,
      userId: row.user_id,
      userName: row.full_name,
      call: row.call,
      action: row.action,
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
  const rows = (
    scope.office === null
      ? db.prepare('SELECT id, full_name FROM users ORDER BY full_name').all()
      : db.prepare('SELECT id, full_name FROM users WHERE office_id = ? ORDER BY full_name').all(scope.office)
  ) as { id: string; full_name: string }[];
  return rows.map((row) => ({ id: row.id, fullName: row.full_name }));
}
