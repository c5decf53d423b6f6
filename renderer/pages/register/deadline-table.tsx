import type { Deadline } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { formatDue } from '../../format';
import { useI18n } from '../../i18n';
import { deadlineState } from './deadline-text';
import { codeLabel } from './labels';

/** A report's legal clock: each deadline, when it ends, and how it stands now. */
export function DeadlineTable({ deadlines, now }: { readonly deadlines: readonly Deadline[]; readonly now: number }) {
  const { t } = useI18n();
  const columns: readonly Column<Deadline>[] = [
    { key: 'kind', header: t('report.deadline'), rowHeader: true, cell: (d) => codeLabel(t, 'deadline', d.kind) },
    { key: 'due', header: t('report.due'), className: 'nowrap', cell: (d) => formatDue(d.dueAt) },
    {
      key: 'state',
      header: t('report.deadlineState'),
      cell: (d) => {
        const state = deadlineState(t, d, now);
        return <span className={`due-${state.tone}`}>{state.text}</span>;
      },
    },
  ];
  return <DataTable caption={t('report.clock')} captionHidden columns={columns} rows={deadlines} rowKey={(d) => d.kind} empty={t('report.noClock')} />;
}
