/**
 * The part every per-town horizontal bar chart shares: title and subtitle, legend, grid, an axis
 * tooltip with the town's name (escaped) and its lines, a value axis in the chart's unit, and the
 * towns top to bottom in the rows' order.
 */
import type { EChartsOption, SeriesOption } from 'echarts';
import { dataIndexOf, formatShort, horizontalLayout, titleOption, tooltipHtml, type TooltipLine } from './common.ts';
import { BASE_OPTION } from './theme.ts';

export interface TownBarsInput<R extends { town: string }> {
  title: string;
  subtext: string;
  layout: ReturnType<typeof horizontalLayout>;
  /** the towns drawn, top to bottom */
  drawn: readonly R[];
  unit: string;
  series: SeriesOption[];
  /** the tooltip of one town: its lines, and a heading other than the town's name if needed */
  tooltip: (r: R) => { heading?: string; lines: TooltipLine[] };
  /** whole numbers only on the value axis */
  integers?: boolean;
}

/**
 * The message a per-town bar chart shows instead of empty axes: no town drawn, or every drawn
 * value 0 (a county where no town had a 行政诉讼 case), or undefined when there is something to draw.
 */
export function emptyBarsText(series: readonly SeriesOption[], none: string, allZero: string): string | undefined {
  const values = series.flatMap((s) => ((s as { data?: unknown[] }).data ?? []).filter((v): v is number => typeof v === 'number'));
  if (series.every((s) => ((s as { data?: unknown[] }).data ?? []).length === 0)) return none;
  return values.every((v) => v === 0) ? allZero : undefined;
}

export function townBarsOption<R extends { town: string }>(input: TownBarsInput<R>): EChartsOption {
  const { layout, drawn } = input;
  return {
    ...BASE_OPTION,
    title: titleOption(input.title, input.subtext),
    legend: {},
    grid: layout.grid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const r = drawn[dataIndexOf(p)];
        if (!r) return '';
        const t = input.tooltip(r);
        return tooltipHtml(t.heading ?? r.town, t.lines);
      },
    },
    xAxis: {
      type: 'value',
      name: input.unit,
      ...(input.integers ? { minInterval: 1 } : {}),
      axisLabel: { formatter: (v: number) => formatShort(v) },
    },
    yAxis: { type: 'category', inverse: true, data: drawn.map((r) => r.town), axisLabel: { interval: 0 } },
    series: input.series,
  };
}
