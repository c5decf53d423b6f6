import type { BackupView } from '../../../api/views';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateAndTime, formatFileSize } from '../../format';
import { useI18n } from '../../i18n';

export interface BackupsTableProps {
  readonly backups: readonly BackupView[];
  readonly onView: (backup: BackupView) => void;
}

/** The backups, newest first: when, why, how large; "Xem" opens one. */
export function BackupsTable({ backups, onView }: BackupsTableProps) {
  const { t } = useI18n();
  const columns: readonly Column<BackupView>[] = [
    { key: 'at', header: t('bk.at'), rowHeader: true, className: 'nowrap', cell: (backup) => formatDateAndTime(backup.at) },
    { key: 'kind', header: t('bk.kind'), cell: (backup) => t(`bk.kind.${backup.kind}`) },
    { key: 'size', header: t('bk.size'), className: 'nowrap', cell: (backup) => formatFileSize(backup.size) },
    {
      key: 'actions',
      header: t('bk.actions'),
      className: 'table-actions',
      cell: (backup) => (
        <Button small onClick={() => onView(backup)}>
          {t('bk.view')}
          <span className="sr-only"> – {formatDateAndTime(backup.at)}</span>
        </Button>
      ),
    },
  ];
  return <DataTable caption={t('bk.list')} captionHidden columns={columns} rows={backups} rowKey={(backup) => backup.name} empty={t('bk.empty')} />;
}
