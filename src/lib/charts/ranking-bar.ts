/**
 * Ranking bar chart: towns that reported the measure, highest first; towns that did not are
 * named in the subtitle, never drawn as zero.
 */
import type { EChartsOption } from 'echarts';
import { formatCompact, formatWithUnit } from '../format.ts';
import { escapeHtml } from './escape.ts';
import { BASE_OPTION } from './theme.ts';

export interface RankingBarInput {
  rows: readonly { town: string; value: number | null; rank: number | null; town_key: string }[];
  measureLabel: string;
  unit: string;
  year: number;
}

export function rankingBarTitle(input: Pick<RankingBarInput, 'measureLabel' | 'year'>): string {
  return `${input.year} 年各镇街${input.measureLabel}排名`;
}

export function rankingBarOption(input: RankingBarInput): EChartsOption {
  const ranked = input.rows.filter((r) => r.value !== null);
  const unreported = input.rows.filter((r) => r.value === null).map((r) => r.town);
  return {
    ...BASE_OPTION,
    title: {
      text: rankingBarTitle(input),
      subtext: unreported.length > 0 ? `未报告（不参与排名）：${unreported.join('、')}` : '',
      left: 'center',
      textStyle: { fontSize: 16 },
      subtextStyle: { color: '#666', width: 560, overflow: 'break' },
    },
    grid: { left: 8, right: 64, top: unreported.length > 0 ? 72 : 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      // Town names come from data files: escape them, the tooltip is HTML.
      formatter: (p: unknown) => {
        const { name, value, dataIndex } = p as { name: string; value: number; dataIndex: number };
        const rank = ranked[dataIndex]?.rank;
        return `${escapeHtml(name)}<br/>第 ${rank} 名：${escapeHtml(formatWithUnit(value, input.unit))}`;
      },
    },
    xAxis: { type: 'value', name: input.unit, axisLabel: { formatter: (v: number) => formatCompact(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((r) => r.town),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar',
        name: input.measureLabel,
        data: ranked.map((r) => r.value as number),
        label: { show: true, position: 'right', formatter: (p: unknown) => formatCompact((p as { value: number }).value) },
        barMaxWidth: 22,
      },
    ],
  };
}
