/**
 * A donut of parts of a county total (outcome groups, applicant types). The legend lists every
 * stated part with its value and share (a part of 0 too, without a slice); a part not stated by
 * any report is left out of the donut (the table lists it as 未报告). When nothing is above 0 the
 * donut is replaced by a grey ring with a centred message, never an empty or all-zero pie.
 * layout.ts sizes the donut to leave its labels room, or drops the labels for the legend.
 */
import type { PieSeriesOption } from 'echarts';
import { formatWithUnit } from '../format.ts';
import { cell, formatPercent, header, num, titleOption, tooltipHtml } from './common.ts';
import type { ChartSpec, TableCell } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

export interface PiePart {
  label: string;
  value: number | null | undefined;
}

export interface MixPieInput {
  title: string;
  subtext: string;
  parts: readonly PiePart[];
  unit: string;
  /** header of the first table column, e.g. 办理结果 */
  partHeader: string;
  /** shown in the middle when no part is above 0 */
  emptyText: string;
}

export const PIE_HEIGHT = 300;

/** Sum of the stated parts; null when none is stated. */
export function sumStated(values: readonly (number | null | undefined)[]): number | null {
  const stated = values.map(num).filter((v): v is number => v !== null);
  return stated.length === 0 ? null : stated.reduce((a, b) => a + b, 0);
}

export function mixPieChart(input: MixPieInput): ChartSpec {
  const parts = input.parts.map((p, i) => ({ label: p.label, value: num(p.value), color: PALETTE[i % PALETTE.length]! }));
  const total = sumStated(parts.map((p) => p.value));
  const empty = total === null || total <= 0;
  const share = (v: number | null) => (empty || v === null ? null : v / (total as number));
  const stated = parts.flatMap((p) => (p.value !== null ? [{ ...p, value: p.value }] : []));
  const byName = new Map(stated.map((p) => [p.label, p]));
  const ring = { radius: ['40%', '65%'] };
  const series: PieSeriesOption = empty
    ? {
        ...ring,
        type: 'pie',
        name: input.emptyText,
        silent: true,
        data: [{ name: input.emptyText, value: 0, itemStyle: { color: '#e6e6e6' } }],
        label: { show: true, position: 'center', formatter: input.emptyText, fontSize: 16, color: '#666' },
        labelLine: { show: false },
        emphasis: { disabled: true },
        tooltip: { show: false },
      }
    : {
        ...ring,
        type: 'pie',
        name: input.title,
        // a part of 0 has no slice and no label, but keeps its legend entry
        data: stated.map((p) => ({
          name: p.label,
          value: p.value,
          itemStyle: { color: p.color },
          ...(p.value > 0 ? {} : { label: { show: false }, labelLine: { show: false } }),
        })),
        label: { lineHeight: 18, formatter: (p: unknown) => `${(p as { name: string }).name}\n${formatPercent(share((p as { value: number }).value))}` },
      };
  const shareCell = (v: number | null): TableCell => {
    const s = share(v);
    return s === null ? null : Math.round(s * 10000) / 100;
  };
  return {
    title: input.title,
    height: PIE_HEIGHT,
    option: {
      ...BASE_OPTION,
      title: titleOption(input.title, input.subtext),
      legend: {
        show: !empty,
        formatter: (name: string) => {
          const p = byName.get(name);
          return p ? `${name} ${formatWithUnit(p.value, input.unit)}（${formatPercent(share(p.value))}）` : name;
        },
      },
      tooltip: {
        show: !empty,
        trigger: 'item',
        formatter: (p: unknown) => {
          const { name, value } = p as { name: string; value: number };
          return tooltipHtml(name, [{ label: '数量', text: `${formatWithUnit(value, input.unit)}（${formatPercent(share(value))}）` }]);
        },
      },
      series: [series],
    },
    table: {
      header: [input.partHeader, header('数量', input.unit), '占比（%）'],
      rows: parts.map((p) => [p.label, cell(p.value), shareCell(p.value)]),
    },
  };
}
