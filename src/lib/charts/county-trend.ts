/**
 * County totals per year, as bars or lines. Series in a second unit go on a right-hand axis; the
 * tooltip says how many reports stated each value. A series in unit `%` holds fractions (0–1).
 * Years in the range (from–to, or the years of `totals`) without any report are gaps.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import type { YearTotals } from '../db/queries/totals.ts';
import { cell, COLUMN_CHART_HEIGHT, dataIndexOf, formatFull, formatShort, grid, header, headerLayout, num, percentCell, titleOption, tooltipHtml } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

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
  const units = [...new Set(input.series.map((s) => s.unit))];
  const axisOf = (unit: string) => Math.min(units.indexOf(unit), 1);
  const { legendTop, top } = headerLayout('', true);
  const yAxis = units.slice(0, 2).map((_, i) => {
    const axisUnits = i === 0 ? units.slice(0, 1) : units.slice(1);
    const f = axisUnits.length === 1 && axisUnits[0] === '%' ? 'percent' : 'count';
    return {
      type: 'value' as const,
      name: axisUnits.filter((u) => u !== '%').join(' / '),
      position: i === 0 ? ('left' as const) : ('right' as const),
      splitLine: { show: i === 0 },
      axisLabel: { formatter: (v: number) => formatShort(v, f) },
    };
  });
  const series: (BarSeriesOption | LineSeriesOption)[] = input.series.map((s) => ({
    type: s.type,
    name: s.label,
    yAxisIndex: axisOf(s.unit),
    data: years.map((y) => num(byYear.get(y)?.values[s.key])),
    ...(s.type === 'bar' ? { barMaxWidth: 36 } : { connectNulls: false, symbolSize: 7 }),
  }));
  return {
    title: input.title,
    height: COLUMN_CHART_HEIGHT,
    option: {
      ...BASE_OPTION,
      title: titleOption(input.title),
      legend: { type: 'scroll', top: legendTop },
      grid: grid(top, { bottom: 12, right: units.length > 1 ? 16 : 48 }),
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
      xAxis: { type: 'category', data: years.map((y) => `${y} 年`) },
      yAxis,
      series,
    },
    table: {
      header: ['年度', ...input.series.map((s) => header(s.label, s.unit)), '报告数'],
      rows: years.map((y) => {
        const t = byYear.get(y);
        const values = input.series.map((s) => (s.unit === '%' ? percentCell(num(t?.values[s.key])) : cell(num(t?.values[s.key]))));
        return [y, ...values, t?.reports ?? 0];
      }),
    },
  };
}
