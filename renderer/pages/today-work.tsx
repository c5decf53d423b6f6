import type { DeadlineBoard, DeadlineItem } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { deadlineColumns } from './register/deadline-columns';

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
    ...deadlineColumns(t, board.now),
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
