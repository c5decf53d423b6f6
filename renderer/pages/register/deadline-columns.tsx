import type { DeadlineItem } from '../../../api/views';
import type { Column } from '../../components/data-table';
import { formatDue } from '../../format';
import type { I18n } from '../../i18n';
import { href, paths } from '../../router';
import { deadlineState } from './deadline-text';
import { codeLabel } from './labels';

/** The columns of an open deadline in a table (the deadlines board, "Việc hôm nay"): the report, the step, when, how it stands. */
export function deadlineColumns(t: I18n['t'], now: number): Column<DeadlineItem>[] {
  return [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (item) => <a href={href(paths.report(item.reportId))}>{item.number}</a> },
    { key: 'summary', header: t('report.summary'), cell: (item) => item.summary },
    { key: 'kind', header: t('report.deadline'), cell: (item) => codeLabel(t, 'deadline', item.kind) },
    { key: 'due', header: t('report.due'), className: 'nowrap', cell: (item) => formatDue(item.dueAt) },
    {
      key: 'state',
      header: t('report.deadlineState'),
      className: 'nowrap',
      cell: (item) => {
        const state = deadlineState(t, { dueAt: item.dueAt, done: false }, now);
        return <span className={`due-${state.tone}`}>{state.text}</span>;
      },
    },
  ];
}
