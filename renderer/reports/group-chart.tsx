import { Bar, BarChart, CartesianGrid, LabelList, Legend, Text, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import type { PeriodicFigures } from '../../api/views';
import { translate, type Lang } from '../i18n';
import { CHART_COLORS, CHART_FONT_SIZE, ChartFigure, type ChartSize } from './chart-figure';
import { groupSeries } from './report-layout';

export interface GroupChartProps extends ChartSize {
  readonly report: PeriodicFigures;
  readonly lang: Lang;
  readonly caption?: string;
}

const ROW_HEIGHT = 38;

/** Cases by group in the period against the same period last year; groups with nothing in either are left out. */
export function GroupChart({ report, lang, width, caption }: GroupChartProps) {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const rows = groupSeries(report, lang).filter((g) => g.current !== 0 || g.lastYear !== 0);
  const labelWidth = Math.round(width * 0.32);
  const tick = { fontSize: CHART_FONT_SIZE, fill: CHART_COLORS.text };
  // Long group names wrap inside the axis instead of running into the bars.
  const groupTick = (props: YAxisTickContentProps) => (
    <Text x={props.x} y={props.y} width={labelWidth - 10} textAnchor="end" verticalAnchor="middle" fontSize={CHART_FONT_SIZE} fill={CHART_COLORS.text}>
      {String(props.payload.value)}
    </Text>
  );
  return (
    <ChartFigure caption={caption ?? t('periodic.chart.groups')} empty={rows.length === 0 ? t('periodic.chart.noGroups') : undefined}>
      <BarChart layout="vertical" width={width} height={rows.length * ROW_HEIGHT + 70} data={rows} barGap={2} margin={{ top: 8, right: 36, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={tick} />
        <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={groupTick} />
        <Legend itemSorter="dataKey" wrapperStyle={{ fontSize: CHART_FONT_SIZE }} />
        <Bar dataKey="current" name={t('periodic.chart.current')} fill={CHART_COLORS.current} isAnimationActive={false}>
          <LabelList dataKey="current" position="right" fontSize={CHART_FONT_SIZE} fill={CHART_COLORS.text} />
        </Bar>
        <Bar dataKey="lastYear" name={t('periodic.chart.lastYear')} fill={CHART_COLORS.lastYear} isAnimationActive={false}>
          <LabelList dataKey="lastYear" position="right" fontSize={CHART_FONT_SIZE} fill={CHART_COLORS.text} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
