/**
 * 培训 per town: two panels side by side sharing the towns (horizontal bars, official order),
 * 培训次数 (次) on the left and 培训人次 (人次) on the right, each on its own scale. Towns that
 * state neither are not drawn and are named in the subtitle.
 */
import type { BarSeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { TrainingRow } from '../db/queries/views.ts';
import { cell, dataIndexOf, formatFull, formatShort, grid, header, horizontalLayout, notDrawn, num, titleOption, tooltipHtml, unreportedSubtitle } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { emptyBarsText } from './town-bars.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

const SERIES = [
  { key: 'sessions', label: '培训次数', unit: '次' },
  { key: 'people', label: '培训人次', unit: '人次' },
] as const;

export function trainingBarsChart(input: { rows: readonly TrainingRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && SERIES.some((s) => num(r[s.key]) !== null));
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}政务公开培训`;
  const subtext = unreportedSubtitle(unreported);
  const layout = horizontalLayout(drawn.length);
  const towns = drawn.map((r) => r.town);
  const series: BarSeriesOption[] = SERIES.map((s, i) => ({
    type: 'bar',
    name: s.label,
    xAxisIndex: i,
    yAxisIndex: i,
    data: drawn.map((r) => num(r[s.key])),
    barMaxWidth: 20,
    itemStyle: { color: PALETTE[i] },
    label: { show: true, position: 'right', formatter: (p: unknown) => formatShort((p as { value: number | null }).value) },
  }));
  const empty = emptyBarsText(series, `${input.year} 年没有${input.unit ?? '镇街'}填报培训情况`, `${input.year} 年各${input.unit ?? '镇街'}均未开展政务公开培训`);
  return {
    title,
    height: layout.height,
    categoryKeys: drawn.map((r) => r.town_key),
    ...(empty ? { emptyText: empty } : {}),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: {},
      grid: [grid({ width: '46%', right: undefined }), grid({ left: '54%', right: 40 })],
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p: unknown) => {
          const r = drawn[dataIndexOf(p)];
          if (!r) return '';
          return tooltipHtml(
            r.town,
            SERIES.map((s, i) => ({ label: s.label, text: formatFull(num(r[s.key]), s.unit), color: PALETTE[i] })),
          );
        },
      },
      xAxis: SERIES.map(
        (s, i): XAXisComponentOption => ({
          type: 'value',
          gridIndex: i,
          name: s.unit,
          minInterval: 1,
          axisLabel: { formatter: (v: number) => formatShort(v) },
        }),
      ),
      yAxis: SERIES.map(
        (_, i): YAXisComponentOption => ({
          type: 'category',
          gridIndex: i,
          inverse: true,
          data: towns,
          // the right panel's rows are the left panel's towns
          axisLabel: { interval: 0, show: i === 0 },
          axisTick: { show: i === 0 },
        }),
      ),
      series,
    },
    table: {
      header: [input.unit ?? '镇街', ...SERIES.map((s) => header(s.label, s.unit))],
      rows: drawn.map((r) => [r.town, ...SERIES.map((s) => cell(num(r[s.key])))]),
    },
  };
}
