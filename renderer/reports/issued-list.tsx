import type { IssuedReportRow } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { LoadedView } from '../components/loaded-view';
import { useCall } from '../data/use-call';
import { formatIsoDate } from '../format';
import { useI18n } from '../i18n';
import { href, paths } from '../router';
import { issuedNumber } from './issued-text';

/** The reports issued so far, newest first: number and symbol, title, date of issue. */
export function IssuedList() {
  const { t } = useI18n();
  const [list] = useCall('periodic.list', {});
  const columns: Column<IssuedReportRow>[] = [
    { key: 'number', header: t('periodic.issued.number'), rowHeader: true, className: 'nowrap', cell: (r) => <a href={href(paths.periodicReport(r.id))}>{t('periodic.numberValue', { number: issuedNumber(r) })}</a> },
    { key: 'title', header: t('periodic.issued.title'), cell: (r) => r.title },
    { key: 'issuedOn', header: t('periodic.issued.on'), className: 'nowrap', cell: (r) => formatIsoDate(r.issuedOn) },
  ];
  return (
    <LoadedView loaded={list}>
      {(rows) => <DataTable caption={t('periodic.issued')} captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('periodic.issued.empty')} />}
    </LoadedView>
  );
}
