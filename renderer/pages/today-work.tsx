import type { DeadlineBoard, DeadlineItem } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { formatDue, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { href, paths } from '../router';
import { deadlineState } from './register/deadline-text';
import { codeLabel } from './register/labels';

/**
 * Việc hôm nay: the deadlines overdue and due today, the user's own first (most urgent first within
 * each), then the rest of the office's. Deadlines due later are the board's "sắp đến hạn".
 */
export function todayWork(board: Pick<DeadlineBoard, 'overdue' | 'today'>, userId: string): { readonly mine: DeadlineItem[]; readonly others: DeadlineItem[] } {
  const all = [...board.overdue, ...board.today].sort((a, b) => a.dueAt - b.dueAt);
  return { mine: all.filter((item) => item.officerId === userId), others: all.filter((item) => item.officerId !== userId) };
}

export function TodayWork({ board, userId }: { readonly board: DeadlineBoard; readonly userId: string }) {
  const { t } = useI18n();
  const { mine, others } = todayWork(board, userId);
  const columns: readonly Column<DeadlineItem>[] = [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (item) => <a href={href(paths.report(item.reportId))}>{item.number}</a> },
    { key: 'summary', header: t('report.summary'), cell: (item) => item.summary },
    { key: 'kind', header: t('report.deadline'), cell: (item) => codeLabel(t, 'deadline', item.kind) },
    { key: 'due', header: t('report.due'), className: 'nowrap', cell: (item) => formatDue(item.dueAt) },
    {
      key: 'state',
      header: t('report.deadlineState'),
      className: 'nowrap',
      cell: (item) => {
        const state = deadlineState(t, { dueAt: item.dueAt, done: false }, board.now);
        return <span className={`due-${state.tone}`}>{state.text}</span>;
      },
    },
    { key: 'officer', header: t('report.officer'), cell: (item) => item.officerName ?? t('deadlines.unassigned') },
  ];
  const capped = board.overdue.length < board.counts.overdue || board.today.length < board.counts.today;
  return (
    <section className="card today-work" aria-labelledby="today-work">
      <h2 id="today-work">{t('today.title')}</h2>
      {mine.length + others.length === 0 ? <p className="muted">{t('today.nothing')}</p> : null}
      {mine.length > 0 ? <DataTable caption={t('today.mine', { n: formatNumber(mine.length) })} columns={columns} rows={mine} rowKey={(item) => `${item.reportId}-${item.kind}`} empty={t('deadlines.none')} /> : null}
      {others.length > 0 ? <DataTable caption={t('today.others', { n: formatNumber(others.length) })} columns={columns} rows={others} rowKey={(item) => `${item.reportId}-${item.kind}`} empty={t('deadlines.none')} /> : null}
      {capped ? <p className="muted">{t('today.capped')}</p> : null}
    </section>
  );
}
