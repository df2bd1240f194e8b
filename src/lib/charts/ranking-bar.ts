/**
 * Ranking bar chart: towns that reported the measure, highest first; towns whose ratio has no
 * base (无办理的申请: "—") and towns that did not report are named in the subtitle, never drawn as
 * zero. Percent measures (fractions) show as `12.5%`.
 */
import type { RankingRow } from '../db/queries/ranking.ts';
import { isRankable, type Measure } from '../model/measures.ts';
import { cell, dataIndexOf, formatFull, formatShort, header, horizontalLayout, num, percentCell, titleOption, tooltipHtml, unreportedSubtitle } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION } from './theme.ts';

export interface RankingBarInput {
  rows: readonly RankingRow[];
  measure: Measure;
  year: number;
  /** what a row is: 镇街 (default), 县区, 地市 or 省 */
  unit?: string;
  /** unit keys whose value is stated approximately in the report: labelled 约 */
  approximate?: ReadonlySet<string>;
}

export function rankingBarTitle(input: { measureLabel: string; year: number; unit?: string }): string {
  return `${input.year} 年各${input.unit ?? '镇街'}${input.measureLabel}排名`;
}

export function rankingBarChart(input: RankingBarInput): ChartSpec {
  const { measure: m } = input;
  const ranked = input.rows.filter((r) => isRankable(r.value));
  // NaN (a ratio over 0), or anything else not finite, is reported but has no value to rank
  const noBase = input.rows.filter((r) => r.value !== null && !isRankable(r.value)).map((r) => r.town);
  const unreported = input.rows.filter((r) => r.value === null).map((r) => r.town);
  const title = rankingBarTitle({ measureLabel: m.label, year: input.year, unit: input.unit });
  const approx = ranked.filter((r) => input.approximate?.has(r.town_key)).length;
  const subtext = [
    unreportedSubtitle(noBase, `${m.noBase ?? '无法计算'}（“—”，不参与排名）`),
    unreportedSubtitle(unreported, '未报告（不参与排名）'),
    approx > 0 ? `标“约”的 ${approx} 个数值在报告中为约数（如“一百余条”），按所写的数排名` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const layout = horizontalLayout(ranked.length);
  const percent = m.format === 'percent';
  return {
    title,
    height: layout.height,
    categoryKeys: ranked.map((r) => r.town_key),
    ...(ranked.length === 0 ? { emptyText: '没有可排名的数值' } : {}),
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
          label: {
            show: true,
            position: 'right',
            formatter: (p: unknown) => {
              const { value, dataIndex } = p as { value: number; dataIndex: number };
              return `${input.approximate?.has(ranked[dataIndex]?.town_key ?? '') ? '约' : ''}${formatShort(value, m.format)}`;
            },
          },
          barMaxWidth: 22,
        },
      ],
    },
    table: {
      header: [input.unit ?? '镇街', '名次', header(m.label, m.unit)],
      rows: ranked.map((r) => [r.town, r.rank, percent ? percentCell(r.value) : cell(r.value)]),
    },
  };
}
