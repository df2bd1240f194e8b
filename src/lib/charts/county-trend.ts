/**
 * County totals per year, as bars or lines, one panel per unit (trend-panels.ts); the tooltip says
 * how many reports stated each value. A series in unit `%` holds fractions (0–1). Years in the
 * range (from–to, or the years of `totals`) without any report are gaps.
 */
import type { YearTotals } from '../db/queries/totals.ts';
import { cell, dataIndexOf, formatFull, header, num, percentCell, titleOption, tooltipHtml } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';
import { trendPanels } from './trend-panels.ts';

export interface CountyTrendSeries<K extends string> {
  key: K;
  label: string;
  unit: string;
  type: 'bar' | 'line';
}

export interface CountyTrendInput<K extends string> {
  /** states the year range and what is shown */
  title: string;
  totals: readonly YearTotals<K>[];
  series: readonly CountyTrendSeries<K>[];
  /** the years to show; by default from the first to the last year of `totals` */
  from?: number;
  to?: number;
}

const fmt = (unit: string) => (unit === '%' ? 'percent' : 'count');

export function countyTrendChart<K extends string>(input: CountyTrendInput<K>): ChartSpec {
  const byYear = new Map(input.totals.map((t) => [t.year, t]));
  const known = [...byYear.keys()];
  const first = input.from ?? (known.length > 0 ? Math.min(...known) : 0);
  const last = input.to ?? (known.length > 0 ? Math.max(...known) : -1);
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const panels = trendPanels(
    years,
    input.series.map((s) => ({ label: s.label, unit: s.unit, type: s.type, values: years.map((y) => num(byYear.get(y)?.values[s.key])) })),
  );
  return {
    title: input.title,
    height: panels.height,
    option: {
      ...BASE_OPTION,
      title: titleOption(input.title),
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
          const t = byYear.get(year);
          const lines = input.series.map((s, i) => {
            const v = t?.values[s.key];
            const stated = t?.stated[s.key] ?? 0;
            const text = formatFull(num(v), s.unit, fmt(s.unit));
            return { label: s.label, text: t && num(v) !== null ? `${text}（${stated} 份报告填报）` : text, color: PALETTE[i % PALETTE.length] };
          });
          return tooltipHtml(`${year} 年（共 ${t?.reports ?? 0} 份报告）`, lines);
        },
      },
      series: panels.series,
    },
    table: {
      header: ['年度', ...input.series.map((s) => header(s.label, s.unit)), '报告数'],
      rows: years.map((y) => {
        const t = byYear.get(y);
        const values = input.series.map((s) => (s.unit === '%' ? percentCell(t?.values[s.key]) : cell(num(t?.values[s.key]))));
        return [y, ...values, t?.reports ?? 0];
      }),
    },
  };
}
