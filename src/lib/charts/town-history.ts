/**
 * One town across the years: 主动公开总量 as bars (left axis, 条), 培训人次 and 本年新收申请 as
 * lines (right axis). Years without a report are gaps and are named in the subtitle.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import type { TownHistoryRow } from '../db/queries/views.ts';
import { cell, COLUMN_CHART_HEIGHT, dataIndexOf, formatFull, formatShort, grid, header, headerLayout, num, titleOption, tooltipHtml, unreportedSubtitle, yearRange } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

const SERIES = [
  { key: 'pub_volume', label: '主动公开总量', unit: '条', type: 'bar', axis: 0 },
  { key: 'train_people', label: '培训人次', unit: '人次', type: 'line', axis: 1 },
  { key: 'apps_received', label: '本年新收申请', unit: '件', type: 'line', axis: 1 },
] as const;

export function townHistoryChart(input: { town: string; history: readonly TownHistoryRow[] }): ChartSpec {
  const byYear = new Map(input.history.map((h) => [h.year, h]));
  const known = [...byYear.keys()];
  const first = known.length > 0 ? Math.min(...known) : 0;
  const last = known.length > 0 ? Math.max(...known) : -1;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const missing = years.filter((y) => !byYear.has(y)).map((y) => `${y} 年`);
  const value = (y: number, key: (typeof SERIES)[number]['key']) => num(byYear.get(y)?.values[key]);
  const title = years.length > 0 ? `${yearRange(first, last)}${input.town}主要指标` : `${input.town}主要指标`;
  const subtext = years.length > 0 ? unreportedSubtitle(missing, '无年报') : '尚无年报';
  const { legendTop, top } = headerLayout(subtext, true);
  const series: (BarSeriesOption | LineSeriesOption)[] = SERIES.map((s) => ({
    type: s.type,
    name: s.label,
    yAxisIndex: s.axis,
    data: years.map((y) => value(y, s.key)),
    ...(s.type === 'bar' ? { barMaxWidth: 36 } : { connectNulls: false, symbolSize: 7 }),
  }));
  return {
    title,
    height: COLUMN_CHART_HEIGHT,
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: { top: legendTop },
      grid: grid(top, { bottom: 12, right: 16 }),
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const year = years[dataIndexOf(p)];
          if (year === undefined) return '';
          const reported = byYear.has(year);
          const lines = SERIES.map((s, i) => ({ label: s.label, text: formatFull(value(year, s.key), s.unit), color: PALETTE[i] }));
          return tooltipHtml(`${input.town} · ${year} 年${reported ? '' : '（无年报）'}`, lines);
        },
      },
      xAxis: { type: 'category', data: years.map((y) => `${y} 年`) },
      yAxis: [
        { type: 'value', name: '条', position: 'left', axisLabel: { formatter: (v: number) => formatShort(v) } },
        { type: 'value', name: '人次 / 件', position: 'right', splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatShort(v) } },
      ],
      series,
    },
    table: {
      header: ['年度', ...SERIES.map((s) => header(s.label, s.unit))],
      rows: years.map((y) => [y, ...SERIES.map((s) => cell(value(y, s.key)))]),
    },
  };
}
