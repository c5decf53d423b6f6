import { reportTitle } from '../../api/period-title';
import type { PeriodicFigures } from '../../api/views';
import { DetailsList } from '../components/details-list';
import { formatIsoDate } from '../format';
import { useI18n } from '../i18n';
import { BreakdownFigures } from './breakdown-figures';
import { CampaignFigures } from './campaign-figures';
import { FigureTables } from './figure-tables';
import { GroupChart } from './group-chart';
import { ReportExportButton } from './report-export';
import { RANGE_NAMES } from './report-layout';
import { TrendChart } from './trend-chart';

/** On screen the charts are drawn at a fixed size, as on paper, so they look the same in both. */
const SCREEN_CHART_WIDTH = 720;

/**
 * A periodic report's figures on screen, live or as issued: the period and the ranges it is compared
 * with, the tables, the campaigns of the period and the two charts.
 */
export function ReportFigures({ report, until }: { readonly report: PeriodicFigures; readonly until: string }) {
  const { t, lang } = useI18n();
  return (
    <>
      <section className="card" aria-labelledby="periodic-ranges">
        <h2 id="periodic-ranges">{reportTitle(report.period)}</h2>
        <DetailsList
          items={RANGE_NAMES.map((range) => ({
            label: t(`periodic.range.${range}`),
            value: t('periodic.span', { from: formatIsoDate(report.ranges[range].start), to: formatIsoDate(report.ranges[range].end) }),
          }))}
        />
      </section>
      <section className="card" aria-labelledby="periodic-figures">
        <h2 id="periodic-figures">{t('periodic.figures')}</h2>
        <ReportExportButton report={report} />
        <FigureTables report={report} />
      </section>
      <BreakdownFigures report={report} />
      <section className="card" aria-labelledby="periodic-campaigns">
        <h2 id="periodic-campaigns">{t('periodic.campaigns')}</h2>
        <CampaignFigures campaigns={report.campaigns} />
      </section>
      <section className="card" aria-labelledby="periodic-charts">
        <h2 id="periodic-charts">{t('periodic.charts')}</h2>
        <TrendChart report={report} lang={lang} until={until} width={SCREEN_CHART_WIDTH} />
        <GroupChart report={report} lang={lang} width={SCREEN_CHART_WIDTH} />
      </section>
    </>
  );
}
