import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { PeriodicFigures } from '../../api/views';
import { translate, type Lang } from '../i18n';
import { CHART_COLORS, CHART_FONT_SIZE, ChartFigure, type ChartSize } from './chart-figure';

export interface TrendChartProps extends ChartSize {
  readonly report: PeriodicFigures;
  readonly lang: Lang;
  /** Months of this year that start after this date ('YYYY-MM-DD') have not happened yet: no point. */
  readonly until: string;
  readonly caption?: string;
}

/** Reports received in each police month (T1…T12) of the report's police year, against the year before. */
export function TrendChart({ report, lang, until, width, caption }: TrendChartProps) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const year = report.policeYear;
  const data = report.trend.map((m) => ({
    label: t('periodic.chart.month', { n: m.month }),
    current: m.current.start > until ? null : m.current.reports,
    lastYear: m.lastYear.reports,
  }));
  const tick = { fontSize: CHART_FONT_SIZE, fill: CHART_COLORS.text };
  return (
    <ChartFigure caption={caption ?? t('periodic.chart.trend', { year, before: year - 1 })}>
      <LineChart width={width} height={Math.round(width * 0.45)} data={data} margin={{ top: 12, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} tick={tick} />
        <YAxis allowDecimals={false} width={36} tick={tick} />
        <Legend itemSorter="dataKey" wrapperStyle={{ fontSize: CHART_FONT_SIZE }} />
        <Line
          dataKey="lastYear"
          name={t('periodic.chart.yearSeries', { year: year - 1 })}
          stroke={CHART_COLORS.lastYear}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: CHART_COLORS.lastYear }}
          isAnimationActive={false}
        />
        <Line
          dataKey="current"
          name={t('periodic.chart.yearSeries', { year })}
          stroke={CHART_COLORS.current}
          strokeWidth={2.5}
          dot={{ r: 3.5, fill: CHART_COLORS.current }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
