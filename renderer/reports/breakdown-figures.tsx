import type { PeriodicFigures } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { useI18n } from '../i18n';
import { formatFigure } from './figure-format';
import { breakdownTable, type BreakdownTable } from './report-layout';

type Row = BreakdownTable['rows'][number];

/** "Chia theo đơn vị": a report of every office, its main figures of the period office by office, and their total. */
export function BreakdownFigures({ report }: { readonly report: PeriodicFigures }) {
  const { t, lang } = useI18n();
  const table = breakdownTable(report, lang);
  if (!table) return null;
  const columns: Column<Row>[] = [
    { key: 'office', header: t('periodic.breakdownOffice'), rowHeader: true, cell: (row) => row.name },
    ...table.columns.map(
      (column): Column<Row> => ({
        key: column.key,
        header: `${column.label} (${column.unit})`,
        className: 'figure-number',
        cell: (row) => formatFigure(row.values[column.key] ?? 0, column.format),
      }),
    ),
  ];
  const rows: Row[] = [...table.rows, { officeId: '', name: t('periodic.breakdownTotal'), values: table.total }];
  return (
    <section className="card" aria-labelledby="periodic-breakdown">
      <h2 id="periodic-breakdown">{t('periodic.breakdown')}</h2>
      <p className="muted">{t('periodic.scopeAll', { count: table.rows.length })}</p>
      <DataTable caption={t('periodic.breakdown')} captionHidden columns={columns} rows={rows} rowKey={(row) => row.officeId || 'total'} empty={t('common.none')} />
    </section>
  );
}
