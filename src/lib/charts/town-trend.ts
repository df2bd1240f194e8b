/**
 * One line per town over the years for a measure. A year a town did not report is a gap (null),
 * never 0; towns with no value in the whole range are not drawn and are named in the subtitle.
 */
import type { LineSeriesOption } from 'echarts';
import type { TrendSeries } from '../db/queries/views.ts';
import { isRankable, type Measure } from '../model/measures.ts';
import {
  cell,
  COLUMN_PLOT_HEIGHT,
  dataIndexOf,
  formatFull,
  formatShort,
  grid,
  notDrawn,
  percentCell,
  titleOption,
  tooltipHtml,
  unreportedSubtitle,
  yearAxis,
  yearRange,
} from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, lineLook } from './theme.ts';

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
  // the values as reported: null 未报告, NaN a ratio without a base ("—")
  const valuesOf = (s: TrendSeries) => years.map((y) => s.points.find((p) => p.year === y)?.value ?? null);
  const all = input.series.map((s) => ({ s, values: valuesOf(s) }));
  const drawn = all.filter((d) => d.values.some(isRankable));
  const left = notDrawn(all, drawn);
  const unreported = left.filter((d) => d.values.every((v) => v === null)).map((d) => d.s.town);
  const noBase = left.filter((d) => d.values.some((v) => v !== null)).map((d) => d.s.town);
  const title = `${yearRange(from, to)}各${input.unit ?? '镇街'}${m.label}变化`;
  const subtext = [unreportedSubtitle(noBase, `各年均${m.noBase ?? '无法计算'}（“—”）`), unreportedSubtitle(unreported, '各年均未报告')].filter(Boolean).join('\n');
  const percent = m.format === 'percent';
  const looks = drawn.map((_, i) => lineLook(i));
  const series: LineSeriesOption[] = drawn.map((d, i) => ({
    type: 'line',
    name: d.s.town,
    data: d.values.map((v) => (isRankable(v) ? v : null)),
    connectNulls: false,
    symbol: looks[i]!.symbol,
    symbolSize: 7,
    itemStyle: { color: looks[i]!.color },
    lineStyle: { color: looks[i]!.color, type: looks[i]!.dashed ? 'dashed' : 'solid' },
    emphasis: { focus: 'series' },
  }));
  return {
    title,
    height: COLUMN_PLOT_HEIGHT,
    ...(drawn.length === 0 ? { emptyText: `${yearRange(from, to)}没有可画出的数值` } : {}),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: {},
      grid: grid(),
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const i = dataIndexOf(p);
          const year = years[i];
          if (year === undefined) return '';
          return tooltipHtml(
            `${year} 年`,
            drawn.map((d, k) => ({ label: d.s.town, text: formatFull(d.values[i], m.unit, m.format), color: looks[k]!.color })),
          );
        },
      },
      xAxis: yearAxis(years),
      yAxis: { type: 'value', name: percent ? '' : m.unit, axisLabel: { formatter: (v: number) => formatShort(v, m.format) } },
      series,
    },
    table: {
      header: [input.unit ?? '镇街', ...years.map((y) => `${y} 年（${m.unit}）`)],
      rows: drawn.map((d) => [d.s.town, ...d.values.map((v) => (percent ? percentCell(v) : cell(v)))]),
    },
  };
}
