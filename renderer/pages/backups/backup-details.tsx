import type { BackupView } from '../../../api/views';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
import { LoadedView } from '../../components/loaded-view';
import { Panel } from '../../components/panel';
import { useCall } from '../../data/use-call';
import { formatDateAndTime, formatFileSize, formatNumber } from '../../format';
import { useI18n } from '../../i18n';

export interface BackupDetailsProps {
  readonly backup: BackupView;
  readonly onRestore: () => void;
  readonly onClose: () => void;
}

/** One backup, opened by the backend read-only: what it holds, before anyone restores it. */
export function BackupDetails({ backup, onRestore, onClose }: BackupDetailsProps) {
  const { t } = useI18n();
  const [detail] = useCall('backups.inspect', { name: backup.name });
  const count = (value: number | null) => (value === null ? t('bk.noTable') : formatNumber(value));
  return (
    <Panel id="backup-details-title" title={t('bk.details', { at: formatDateAndTime(backup.at) })}>
      <LoadedView loaded={detail}>
        {(value) => (
          <DetailsList
            items={[
              { label: t('bk.kind'), value: t(`bk.kind.${value.kind}`) },
              { label: t('bk.size'), value: formatFileSize(value.size) },
              { label: t('bk.reports'), value: count(value.counts.reports) },
              { label: t('bk.persons'), value: count(value.counts.persons) },
              { label: t('bk.hotspots'), value: count(value.counts.hotspots) },
              { label: t('bk.campaigns'), value: count(value.counts.campaigns) },
            ]}
          />
        )}
      </LoadedView>
      <div className="form-actions">
        <Button variant="danger" disabled={detail.status !== 'ready'} onClick={onRestore}>
          {t('bk.restore')}
        </Button>
        <Button onClick={onClose}>{t('bk.close')}</Button>
      </div>
    </Panel>
  );
}
