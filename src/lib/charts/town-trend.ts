/**
 * One line per town over the years for a measure. A year a town did not report is a gap (null),
 * never 0; towns with no value in the whole range are not drawn and are named in the subtitle.
 */
import type { LineSeriesOption } from 'echarts';
import type { TrendSeries } from '../db/queries/views.ts';
import type { Measure } from '../model/measures.ts';
import {
  cell,
  COLUMN_CHART_HEIGHT,
  dataIndexOf,
  formatFull,
  formatShort,
  grid,
  headerLayout,
  notDrawn,
  num,
  percentCell,
  titleOption,
  tooltipHtml,
  unreportedSubtitle,
  yearRange,
} from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

export interface TownTrendInput {
  series: readonly TrendSeries[];
  measure: Measure;
  from: number;
  to: number;
  /** what a series is: 镇街 (default), 县区, 地市 or 省 */
  unit?: string;
}

export function townTrendChart(input: TownTrendInput): ChartSpec {
  const { measure: m, from, to } = input;
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const valuesOf = (s: TrendSeries) => years.map((y) => num(s.points.find((p) => p.year === y)?.value));
  const drawn = input.series.map((s) => ({ s, values: valuesOf(s) })).filter((d) => d.values.some((v) => v !== null));
  const unreported = notDrawn(input.series, drawn.map((d) => d.s)).map((s) => s.town);
  const title = `${yearRange(from, to)}各${input.unit ?? '镇街'}${m.label}变化`;
  const subtext = unreportedSubtitle(unreported, '各年均未报告');
  const { legendTop, top } = headerLayout(subtext, true);
  const percent = m.format === 'percent';
  const series: LineSeriesOption[] = drawn.map((d) => ({
    type: 'line',
    name: d.s.town,
    data: d.values,
    connectNulls: false,
    symbolSize: 6,
    emphasis: { focus: 'series' },
  }));
  return {
    title,
    height: COLUMN_CHART_HEIGHT,
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: { type: 'scroll', top: legendTop, left: 16, right: 16 },
      grid: grid(top, { bottom: 12 }),
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const i = dataIndexOf(p);
          const year = years[i];
          if (year === undefined) return '';
          return tooltipHtml(
            `${year} 年`,
            drawn.map((d, k) => ({ label: d.s.town, text: formatFull(d.values[i], m.unit, m.format), color: PALETTE[k % PALETTE.length] })),
          );
        },
      },
      xAxis: { type: 'category', data: years.map((y) => `${y} 年`), boundaryGap: false },
      yAxis: { type: 'value', name: percent ? '' : m.unit, axisLabel: { formatter: (v: number) => formatShort(v, m.format) } },
      series,
    },
    table: {
      header: [input.unit ?? '镇街', ...years.map((y) => `${y} 年（${m.unit}）`)],
      rows: drawn.map((d) => [d.s.town, ...d.values.map((v) => (percent ? percentCell(v) : cell(v)))]),
    },
  };
}
