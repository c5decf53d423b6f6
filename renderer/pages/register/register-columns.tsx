import type { SortColumn } from '../../../api/calls/register';
import type { ReportRow } from '../../../api/views';
import type { VirtualColumn } from '../../components/virtual-table';
import { formatDateAndTime, formatDue } from '../../format';
import type { I18n } from '../../i18n';
import { isVnMidnight } from '../../../core/vn-time';
import { codeLabel } from './labels';

/** The register's columns, in the order of the paper book. */
export function registerColumns(t: I18n['t'], now: number): VirtualColumn<ReportRow, SortColumn>[] {
  const none = t('common.none');
  return [
    {
      key: 'number',
      header: t('report.number'),
      sort: 'register',
      width: '5.5rem',
      rowHeader: true,
      // A number in Excel (sorts as one), shown "15/2026" as in the book.
      sheet: { type: 'numbered', value: (row) => (row.voided ? `${row.number} (${t('register.voided')})` : row.number) },
      cell: (row) => (
        <>
          <span className="register-number">{row.number}</span>
          {row.voided ? <span className="tag tag-void">{t('register.voided')}</span> : null}
        </>
      ),
    },
    {
      key: 'receivedAt',
      header: t('report.receivedAt'),
      sort: 'received_at',
      width: '6.5rem',
      sheet: { type: 'datetime', value: (row) => row.receivedAt },
      cell: (row) => formatDateAndTime(row.receivedAt),
    },
    { key: 'kind', header: t('report.kind'), sort: 'kind', width: '7.5rem', cell: (row) => codeLabel(t, 'kind', row.kind) },
    { key: 'category', header: t('report.category'), sort: 'category', width: '7rem', cell: (row) => row.categoryName ?? none },
    { key: 'summary', header: t('report.summary'), sort: 'summary', cell: (row) => row.summary, title: (row) => row.summary },
    { key: 'locality', header: t('report.locality'), sort: 'locality', width: '6.5rem', cell: (row) => row.localityName ?? none },
    { key: 'officer', header: t('report.officer'), sort: 'officer', width: '7rem', cell: (row) => row.officerName ?? none },
    { key: 'status', header: t('report.status'), sort: 'status', width: '7.5rem', cell: (row) => codeLabel(t, 'reportStatus', row.status) },
    {
      key: 'nextDue',
      header: t('report.nextDue'),
      sort: 'next_due_at',
      width: '6.5rem',
      sheet: { type: 'datetime', value: (row) => (row.nextDueAt === null || row.voided ? null : sheetDue(row.nextDueAt)) },
      cell: (row) =>
        row.nextDueAt === null || row.voided ? (
          none
        ) : row.nextDueAt <= now ? (
          <span className="due-overdue">
            {formatDue(row.nextDueAt)} <span className="sr-only">({t('register.overdue')})</span>
          </span>
        ) : (
          formatDue(row.nextDueAt)
        ),
    },
  ];
}

/**
 * A limit in days ends at midnight (exclusive); the screen reads it "24:00 dd/mm/yyyy" of its last
 * day. A spreadsheet cell cannot say 24:00, so it gets the last minute of that day (23:59), which keeps
 * the day the law names (a filter on that date finds it).
 */
function sheetDue(dueAt: number): number {
  return isVnMidnight(dueAt) ? dueAt - 60_000 : dueAt;
}
