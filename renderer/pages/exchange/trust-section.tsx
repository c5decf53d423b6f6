import type { ExchangeAlertRow, ExchangeTrustView } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { Notice } from '../../components/notice';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n, type I18n } from '../../i18n';
import { tableLabel } from './exchange-labels';

/** An alert in words: who did what, with the sender as enrolled here. */
function alertText(t: I18n['t'], alert: ExchangeAlertRow): string {
  const office = `${alert.officeName} (${alert.officeCode})`;
  switch (alert.kind) {
    case 'forged':
      return t('xc.alert.forged', { office, table: tableLabel(t, alert.detail.table), id: alert.detail.id, owner: alert.detail.owner });
    case 'clock_ahead':
      return t('exchange.clock_ahead', { office: alert.detail.office, records: formatNumber(alert.detail.records), date: formatDateTime(alert.detail.newestAt) });
    case 'audit_rewritten':
      return t('exchange.audit_rewritten', { office, anchored: alert.detail.anchoredCount, count: alert.detail.count });
  }
}

/**
 * "Cảnh báo trao đổi": what senders did that this office must see (a forged record refused with its
 * whole bundle, a PC whose date is wrong, an audit log rewritten), the records held back until the
 * record they point at arrives, and this PC's own clock. Hidden while there is nothing to tell.
 */
export function TrustSection({ trust }: { readonly trust: ExchangeTrustView }) {
  const { t } = useI18n();
  if (trust.alerts.length === 0 && trust.pending.length === 0 && trust.clockBehindMs === null) return null;
  const alertColumns: Column<ExchangeAlertRow>[] = [
    { key: 'at', header: t('xc.at'), className: 'nowrap', cell: (row) => formatDateTime(row.at) },
    { key: 'kind', header: t('xc.alertKind'), cell: (row) => t(`xc.alertKind.${row.kind}`) },
    { key: 'text', header: t('xc.alertText'), rowHeader: true, cell: (row) => alertText(t, row) },
  ];
  const pendingColumns: Column<ExchangeTrustView['pending'][number]>[] = [
    { key: 'office', header: t('xc.office'), rowHeader: true, cell: (row) => `${row.officeName} (${row.officeCode})` },
    { key: 'records', header: t('xc.records'), className: 'figure-number', cell: (row) => formatNumber(row.records) },
    { key: 'since', header: t('xc.pendingSince'), className: 'nowrap', cell: (row) => formatDateTime(row.since) },
  ];
  return (
    <section className="card" aria-labelledby="exchange-trust">
      <h2 id="exchange-trust">{t('xc.trust')}</h2>
      {trust.clockBehindMs !== null ? <Notice kind="error">{t('xc.ownClockBehind', { hours: formatNumber(Math.ceil(trust.clockBehindMs / 3_600_000)) })}</Notice> : null}
      {trust.alerts.length > 0 ? <DataTable caption={t('xc.alerts')} columns={alertColumns} rows={trust.alerts} rowKey={(row) => String(row.id)} empty="" /> : null}
      {trust.pending.length > 0 ? (
        <>
          <p className="muted">{t('xc.pendingExplained')}</p>
          <DataTable caption={t('xc.pending')} columns={pendingColumns} rows={trust.pending} rowKey={(row) => row.officeCode} empty="" />
        </>
      ) : null}
    </section>
  );
}
