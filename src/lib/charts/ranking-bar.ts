/**
 * Ranking bar chart: towns that reported the measure, highest first; towns that did not are
 * named in the subtitle, never drawn as zero. Percent measures (fractions) show as `12.5%`.
 */
import type { RankingRow } from '../db/queries/ranking.ts';
import type { Measure } from '../model/measures.ts';
import { cell, dataIndexOf, formatFull, formatShort, header, horizontalLayout, num, percentCell, titleOption, tooltipHtml, unreportedSubtitle } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION } from './theme.ts';

export interface RankingBarInput {
  rows: readonly RankingRow[];
  measure: Measure;
  year: number;
  /** what a row is: 镇街 (default), 县区, 地市 or 省 */
  unit?: string;
}

export function rankingBarTitle(input: { measureLabel: string; year: number; unit?: string }): string {
  return `${input.year} 年各${input.unit ?? '镇街'}${input.measureLabel}排名`;
}

export function rankingBarChart(input: RankingBarInput): ChartSpec {
  const { measure: m } = input;
  const ranked = input.rows.filter((r) => num(r.value) !== null);
  const unreported = input.rows.filter((r) => num(r.value) === null).map((r) => r.town);
  const title = rankingBarTitle({ measureLabel: m.label, year: input.year, unit: input.unit });
  const subtext = unreportedSubtitle(unreported, '未报告（不参与排名）');
  const layout = horizontalLayout(ranked.length, subtext, false);
  const percent = m.format === 'percent';
  return {
    title,
    height: layout.height,
    categoryKeys: ranked.map((r) => r.town_key),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      grid: { ...layout.grid, right: 64 },
      tooltip: {
        trigger: 'item',
        // Town names come from data files: escape them, the tooltip is HTML.
        formatter: (p: unknown) => {
          const r = ranked[dataIndexOf(p)];
          return r ? tooltipHtml(r.town, [{ label: `第 ${r.rank ?? '—'} 名`, text: formatFull(r.value, m.unit, m.format) }]) : '';
        },
      },
      xAxis: {
        type: 'value',
        name: percent ? '' : m.unit,
        axisLabel: { formatter: (v: number) => formatShort(v, m.format) },
      },
      yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.town), axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          name: m.label,
          data: ranked.map((r) => num(r.value)),
          label: { show: true, position: 'right', formatter: (p: unknown) => formatShort((p as { value: number }).value, m.format) },
          barMaxWidth: 22,
        },
      ],
    },
    table: {
      header: ['名次', input.unit ?? '镇街', header(m.label, m.unit)],
      rows: ranked.map((r) => [r.rank, r.town, percent ? percentCell(r.value) : cell(r.value)]),
    },
  };
}
