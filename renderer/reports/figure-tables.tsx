import type { PeriodicFigures } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { useI18n } from '../i18n';
import { changeText, formatFigure } from './figure-format';
import { reportSections, type FigureRow, type RangeName } from './report-layout';

/**
 * The report's figures on screen, one table a section: each figure for this period, the same period
 * last year and the change against it, the previous period, the year so far and last year's.
 */
export function FigureTables({ report }: { readonly report: PeriodicFigures }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const value = (range: RangeName) => (row: FigureRow) => formatFigure(row.values[range], row.format, none);
  const number = (key: RangeName): Column<FigureRow> => ({ key, header: t(`periodic.range.${key}`), className: 'figure-number', cell: value(key) });
  const columns: Column<FigureRow>[] = [
    { key: 'label', header: t('periodic.col.label'), rowHeader: true, cell: (row) => <span className={row.detail ? 'figure-detail' : undefined}>{row.label}</span> },
    { key: 'unit', header: t('periodic.col.unit'), className: 'nowrap', cell: (row) => row.unit },
    number('current'),
    number('lastYear'),
    { key: 'change', header: t('periodic.col.change'), className: 'nowrap', cell: (row) => changeText(t, row.values.current, row.values.lastYear, row.format, none) },
    number('previous'),
    number('yearToDate'),
    number('yearToDateLastYear'),
  ];
  return (
    <div className="figure-tables">
      {reportSections(report, lang).map((section) => (
        <DataTable key={section.code} caption={section.title} columns={columns} rows={section.rows} rowKey={(row) => row.key} empty={none} />
      ))}
    </div>
  );
}
