import type { BundleLogRow, OfficeExchangeRow, OfficesOverview } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { Notice } from '../../components/notice';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';

/** "Các đơn vị": the offices below, their last bundle and records, who is late and whose reference data is behind. */
export function OfficesSection({ overview }: { readonly overview: OfficesOverview }) {
  const { t } = useI18n();
  const { publishedReference } = overview;
  const columns: Column<OfficeExchangeRow>[] = [
    { key: 'code', header: t('xc.officeCode'), className: 'nowrap', cell: (row) => row.code },
    { key: 'name', header: t('xc.office'), rowHeader: true, cell: (row) => row.name },
    {
      key: 'last',
      header: t('xc.lastBundle'),
      cell: (row) => (row.lastReceivedAt === null ? t('xc.never') : t('xc.receivedValue', { seq: row.lastSeq, date: formatDate(row.lastReceivedAt) })),
    },
    { key: 'reports', header: t('xc.reports'), className: 'figure-number', cell: (row) => formatNumber(row.reports) },
    { key: 'persons', header: t('xc.persons'), className: 'figure-number', cell: (row) => formatNumber(row.persons) },
    { key: 'hotspots', header: t('xc.hotspots'), className: 'figure-number', cell: (row) => formatNumber(row.hotspots) },
    { key: 'status', header: t('xc.status'), cell: (row) => (row.late ? <strong className="badge">{t('xc.late')}</strong> : t('xc.onTime')) },
    {
      key: 'version',
      header: t('xc.appVersion'),
      cell: (row) =>
        row.olderApp ? (
          <>
            {row.appVersion} – <strong>{t('xc.olderApp')}</strong>
          </>
        ) : (
          (row.appVersion ?? t('xc.none'))
        ),
    },
    {
      key: 'reference',
      header: t('xc.reference'),
      cell: (row) =>
        publishedReference > 0 && row.referenceVersion < publishedReference ? (
          <>
            {t('xc.referenceValue', { held: row.referenceVersion, published: publishedReference })} – <strong>{t('xc.referenceBehind')}</strong>
          </>
        ) : (
          t('xc.referenceValue', { held: row.referenceVersion, published: publishedReference })
        ),
    },
  ];
  return (
    <section className="card" aria-labelledby="exchange-offices">
      <h2 id="exchange-offices">{t('xc.offices')}</h2>
      <p className="muted">{t('xc.lateHint', { days: overview.lateDays })}</p>
      {overview.offices.some((row) => row.olderApp) ? <Notice kind="info">{t('xc.olderAppHint')}</Notice> : null}
      <DataTable caption={t('xc.offices')} captionHidden columns={columns} rows={overview.offices} rowKey={(row) => row.officeId} empty="" />
    </section>
  );
}

/** "Lịch sử gói dữ liệu": every bundle sent and received, newest first as the backend lists them. */
export function HistorySection({ rows }: { readonly rows: readonly BundleLogRow[] }) {
  const { t } = useI18n();
  const columns: Column<BundleLogRow>[] = [
    { key: 'at', header: t('xc.at'), className: 'nowrap', cell: (row) => formatDateTime(row.at) },
    { key: 'direction', header: t('xc.direction'), cell: (row) => t(`xc.direction.${row.direction}`) },
    { key: 'office', header: t('xc.office'), rowHeader: true, cell: (row) => `${row.officeName} (${row.officeCode})` },
    { key: 'kind', header: t('xc.bundleKind'), cell: (row) => t(`xc.kind.${row.kind}`) },
    { key: 'mode', header: t('xc.mode'), cell: (row) => t(`xc.mode.${row.mode}`) },
    { key: 'seq', header: t('xc.seq'), className: 'figure-number', cell: (row) => row.seq },
    { key: 'records', header: t('xc.records'), className: 'figure-number', cell: (row) => formatNumber(row.records) },
    { key: 'gap', header: t('xc.gapFlag'), cell: (row) => (row.gap ? t('common.yes') : '') },
  ];
  return (
    <section className="card" aria-labelledby="exchange-history">
      <h2 id="exchange-history">{t('xc.history')}</h2>
      <DataTable caption={t('xc.history')} captionHidden columns={columns} rows={rows} rowKey={(row) => `${row.bundleId}:${row.direction}:${row.officeCode}`} empty={t('xc.noHistory')} />
    </section>
  );
}
