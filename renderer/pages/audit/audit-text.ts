import type { AuditRow } from '../../../api/views';
import { formatNumber } from '../../format';
import { isMessageKey, type I18n } from '../../i18n';

/** Actions on one record (or a list of them): their words name the record's kind. */
const RECORD_ACTIONS = new Set(['read', 'insert', 'update', 'void', 'merge']);

/** The kind of record a table holds, in words ("tin báo"); never the table's code name. */
function tableWords(t: I18n['t'], table: string | null): string {
  const key = `auditLog.table.${table ?? 'other'}`;
  return isMessageKey(key) ? t(key) : t('auditLog.table.other');
}

/** What an entry did, in words: "Xem danh sách tin báo", "Sửa người", "Đăng nhập"; never a code name. */
export function actionText(t: I18n['t'], row: AuditRow): string {
  const byCall = `auditLog.call.${row.call}`;
  if (row.action === 'read' && isMessageKey(byCall)) return t(byCall);
  if (RECORD_ACTIONS.has(row.action)) {
    const list = row.action === 'read' && row.recordId === null;
    const key = list ? 'auditLog.do.readList' : `auditLog.do.${row.action}`;
    if (isMessageKey(key)) return t(key, { what: tableWords(t, row.table) });
  }
  const key = `auditLog.action.${row.action}`;
  return isMessageKey(key) ? t(key) : t('auditLog.action.other');
}

/** Which record: its number or name when it has one, how many a list showed, and the words searched. */
export function recordText(t: I18n['t'], row: AuditRow): string {
  const parts: string[] = [];
  if (row.recordLabel) parts.push(row.recordLabel);
  else if (row.recordId === null && row.rows !== null) parts.push(t('auditLog.rows', { count: formatNumber(row.rows) }));
  if (row.search) parts.push(t('auditLog.search', { words: row.search }));
  return parts.join(', ');
}
