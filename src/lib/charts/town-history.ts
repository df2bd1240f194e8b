/**
 * One town across the years: 主动公开总量 as bars, 培训人次 and 本年新收申请 as lines, each in its
 * own panel (its own unit and scale). Years without a report are gaps and are named in the subtitle.
 */
import type { TownHistoryRow } from '../db/queries/views.ts';
import { cell, dataIndexOf, formatFull, header, num, titleOption, tooltipHtml, unreportedSubtitle, yearRange } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';
import { trendPanels } from './trend-panels.ts';

const SERIES = [
  { key: 'pub_volume', label: '主动公开总量', unit: '条', type: 'bar' },
  { key: 'train_people', label: '培训人次', unit: '人次', type: 'line' },
  { key: 'apps_received', label: '本年新收申请', unit: '件', type: 'line' },
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
  const subtext = unreportedSubtitle(missing, '无年报');
  const panels = trendPanels(
    years,
    SERIES.map((s, i) => ({ label: s.label, unit: s.unit, type: s.type, values: years.map((y) => value(y, s.key)), color: PALETTE[i] })),
  );
  return {
    title,
    height: panels.height,
    ...(years.length === 0 ? { emptyText: '尚无年报' } : {}),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: {},
      grid: panels.grid,
      xAxis: panels.xAxis,
      yAxis: panels.yAxis,
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
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
      series: panels.series,
    },
    table: {
      header: ['年度', ...SERIES.map((s) => header(s.label, s.unit))],
      rows: years.map((y) => [y, ...SERIES.map((s) => cell(value(y, s.key)))]),
    },
  };
}
