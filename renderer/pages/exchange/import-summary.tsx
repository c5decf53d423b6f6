import { importOutcomes, type ImportCounts, type ImportItem, type ImportSummary } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { DetailsList } from '../../components/details-list';
import { Notice } from '../../components/notice';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { missingBundles, outcomeKeys, reasonLabel, roleKeys, tableLabel } from './exchange-labels';

interface TableRow {
  readonly table: string;
  readonly counts: ImportCounts;
}

/** The dry run's (or the import's) account of a bundle: who sent it, warnings, counts, and the records to note. */
export function ImportSummaryView({ summary }: { readonly summary: ImportSummary }) {
  const { t } = useI18n();
  const missing = summary.gap ? missingBundles(summary.gap) : null;

  const countColumns: Column<TableRow>[] = [
    { key: 'table', header: t('xc.table'), rowHeader: true, cell: (row) => (row.table === '' ? t('xc.total') : tableLabel(t, row.table)) },
    ...importOutcomes.map((outcome) => ({ key: outcome, header: t(outcomeKeys[outcome]), className: 'figure-number', cell: (row: TableRow) => formatNumber(row.counts[outcome]) })),
  ];
  const itemColumns: Column<ImportItem>[] = [
    { key: 'table', header: t('xc.table'), cell: (item) => tableLabel(t, item.table) },
    { key: 'outcome', header: t('xc.outcome'), cell: (item) => t(outcomeKeys[item.outcome]) },
    { key: 'reason', header: t('xc.reason'), cell: (item) => reasonLabel(t, item.reason) },
    { key: 'id', header: t('xc.recordId'), cell: (item) => item.id },
  ];
  const byTable = Object.entries(summary.byTable).map(([table, counts]) => ({ table, counts }));

  return (
    <div>
      <DetailsList
        items={[
          { label: t('xc.sender'), value: `${summary.sender.officeName} (${summary.sender.officeCode}) – ${t(roleKeys[summary.sender.role])}` },
          { label: t('xc.seq'), value: summary.seq },
          { label: t('xc.createdAt'), value: formatDateTime(summary.createdAt) },
          { label: t('xc.bundleKind'), value: t(`xc.kind.${summary.kind}`) },
          { label: t('xc.bundleMode'), value: t(`xc.mode.${summary.mode}`) },
          { label: t('xc.recordCount'), value: formatNumber(summary.records) },
          { label: t('xc.appVersion'), value: summary.appVersion ?? t('xc.none') },
        ]}
      />
      {summary.auditRewritten ? (
        <Notice kind="error">
          {t('exchange.audit_rewritten', { office: `${summary.sender.officeName} (${summary.sender.officeCode})`, anchored: summary.auditRewritten.anchoredCount, count: summary.auditRewritten.count })}
        </Notice>
      ) : null}
      {summary.clockAhead.map((ahead) => (
        <Notice key={ahead.officeId} kind="info">
          {t('exchange.clock_ahead', { office: ahead.office, records: formatNumber(ahead.records), date: formatDateTime(ahead.newestAt) })}
        </Notice>
      ))}
      {summary.counts.pending > 0 ? <Notice kind="info">{t('xc.pendingHint', { count: formatNumber(summary.counts.pending) })}</Notice> : null}
      {summary.gap && missing ? <Notice kind="info">{t('xc.gap', { missing })}</Notice> : null}
      {summary.gap && !missing ? <Notice kind="info">{t('xc.chainBroken')}</Notice> : null}
      {summary.duplicate ? <Notice kind="info">{t('exchange.replay')}</Notice> : null}
      <DataTable
        caption={t('xc.counts')}
        columns={countColumns}
        rows={[{ table: '', counts: summary.counts }]}
        rowKey={(row) => row.table || 'total'}
        empty=""
      />
      <DataTable caption={t('xc.byTable')} columns={countColumns} rows={byTable} rowKey={(row) => row.table} empty={t('xc.noItems')} />
      <DataTable caption={t('xc.items')} columns={itemColumns} rows={summary.items} rowKey={(item) => `${item.table}:${item.id}`} empty={t('xc.noItems')} />
      {summary.itemsLeftOut > 0 ? <p className="muted">{t('xc.itemsLeftOut', { count: formatNumber(summary.itemsLeftOut) })}</p> : null}
    </div>
  );
}
