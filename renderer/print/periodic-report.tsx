import { changeText, formatFigure } from '../reports/figure-format';
import { GroupChart } from '../reports/group-chart';
import { issuedNumber, narrativeParagraphs } from '../reports/issued-text';
import { breakdownTable, reportSections, type BreakdownTable, type FigureRow } from '../reports/report-layout';
import { TrendChart } from '../reports/trend-chart';
import { translate } from '../i18n';
import { vnInstant } from '../../core/vn-time';
import { Body } from './body';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import { ListTable, type ListColumn } from './list-table';
import type { PeriodicData } from './periodic-data';
import { periodicText as text } from './periodic-text';
import { dateWords, isoToDisplay } from './print-format';
import { tVi } from './print-text';
import { Recipients } from './recipients';
import { DocumentEnd, SignatureBlock, Signatures } from './signature-block';

/** The print area is 16.5 cm wide (A4 less the margins of Decree 30); the charts take 16 cm (96 px an inch). */
const CHART_WIDTH = 605;

const columns: readonly ListColumn<FigureRow>[] = [
  { key: 'label', header: text.columns.label, width: '33%', cell: (row) => (row.detail ? `- ${row.label}` : row.label) },
  { key: 'unit', header: text.columns.unit, width: '10%', center: true, cell: (row) => row.unit },
  { key: 'current', header: text.columns.current, width: '10%', center: true, cell: (row) => formatFigure(row.values.current, row.format) },
  { key: 'lastYear', header: text.columns.lastYear, width: '11%', center: true, cell: (row) => formatFigure(row.values.lastYear, row.format) },
  { key: 'change', header: text.columns.change, width: '19%', center: true, cell: (row) => changeText(tVi, row.values.current, row.values.lastYear, row.format) },
  { key: 'yearToDate', header: text.columns.yearToDate, width: '12%', center: true, cell: (row) => formatFigure(row.values.yearToDate, row.format) },
];

type OfficeRow = BreakdownTable['rows'][number];

/** "Chia theo đơn vị" on paper: a report of every office, its main figures office by office, and their total. */
function BreakdownAppendix({ table }: { readonly table: BreakdownTable }) {
  const share = `${Math.floor(62 / table.columns.length)}%`;
  const columns: ListColumn<OfficeRow>[] = [
    { key: 'office', header: text.breakdownOffice, width: '30%', cell: (row) => row.name },
    ...table.columns.map((column): ListColumn<OfficeRow> => ({ key: column.key, header: `${column.label} (${column.unit})`, width: share, center: true, cell: (row) => formatFigure(row.values[column.key] ?? 0, column.format) })),
  ];
  const rows: OfficeRow[] = [...table.rows, { officeId: '', name: text.breakdownTotal, values: table.total }];
  return (
    <section aria-label={text.breakdown}>
      <h2 className="doc-appendix-title">{text.breakdown.toLocaleUpperCase('vi')}</h2>
      <p className="doc-appendix-note">{text.breakdownNote(table.rows.length)}</p>
      <ListTable caption={text.breakdown} columns={columns} groups={[{ key: 'offices', rows }]} rowKey={(row) => row.officeId || 'total'} empty="" />
    </section>
  );
}

/**
 * An issued periodic report (Decree 30/2020 layout): header with its number and the place and date of
 * issue, "BÁO CÁO" with the period as its summary, the chief's text, the recipients and the signature
 * (kept with the last paragraph), then, from a new page, the appendix attached to the report ("Kèm
 * theo Báo cáo số …"): its figures (this period, the same period last year, the change and the year
 * so far) and the two charts. Everything is as issued: the figures frozen then, not counted again.
 */
export function PeriodicReport({ data }: { readonly data: PeriodicData }) {
  const { office, report } = data;
  const figures = report.report;
  const { start, end } = figures.ranges.current;
  const year = figures.policeYear;
  const breakdown = breakdownTable(figures, 'vi');
  const number = issuedNumber(report);
  const paragraphs = narrativeParagraphs(report.narrative);
  return (
    <article className="doc" aria-label={`${text.title} ${report.title}`}>
      <DocumentHeader
        parentName={office.parentName}
        officeName={office.name}
        number={`Số: ${number}`}
        placeDate={`${report.place}, ${dateWords(vnInstant(report.issuedOn))}`}
      />
      <DocumentTitle title={text.title} summary={report.title} />
      <Body>
        {paragraphs.slice(0, -1).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </Body>
      <DocumentEnd signatures={<Signatures left={<Recipients items={report.recipients} />} right={<SignatureBlock capacity={report.signerTitle} name={report.signerName} />} />}>
        {paragraphs.length > 0 ? (
          <Body>
            <p>{paragraphs[paragraphs.length - 1]}</p>
          </Body>
        ) : null}
      </DocumentEnd>
      <section className="doc-appendix" aria-label={`${text.appendix} ${text.appendixSubject}`}>
        <h2 className="doc-appendix-title">
          {text.appendix}
          <span className="doc-appendix-subject">{text.appendixSubject}</span>
        </h2>
        <p className="doc-appendix-of">{text.appendixOf(number, isoToDisplay(report.issuedOn), office.name)}</p>
        <p className="doc-appendix-note">{text.appendixNote(isoToDisplay(start), isoToDisplay(end))}</p>
        <ListTable
          caption={text.caption}
          columns={columns}
          groups={reportSections(figures, 'vi').map((section) => ({ key: section.code, title: section.title, rows: section.rows }))}
          rowKey={(row) => row.key}
          empty=""
        />
        {breakdown ? <BreakdownAppendix table={breakdown} /> : null}
        <TrendChart
          report={figures}
          lang="vi"
          until={report.issuedOn}
          width={CHART_WIDTH}
          caption={text.chart(1, translate('vi', 'periodic.chart.trend', { year, before: year - 1 }))}
        />
        <GroupChart report={figures} lang="vi" width={CHART_WIDTH} caption={text.chart(2, translate('vi', 'periodic.chart.groups'))} />
      </section>
    </article>
  );
}
