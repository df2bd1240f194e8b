/**
 * 行政复议 or 行政诉讼 per town: the four results stacked (horizontal bars, official order).
 * 行政诉讼 is both kinds together (未经复议直接起诉 and 复议后起诉). Towns that state no result
 * are not drawn and are named in the subtitle.
 */
import type { BarSeriesOption } from 'echarts';
import type { ReviewRow } from '../db/queries/views.ts';
import { cell, formatFull, header, horizontalLayout, num, RESULTS, unreportedSubtitle, notDrawn } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { emptyBarsText, townBarsOption } from './town-bars.ts';
import { PALETTE } from './theme.ts';

const UNIT = '件';
export const REVIEW_KINDS = {
  review: { label: '行政复议', note: '' },
  suit: { label: '行政诉讼', note: '含未经复议直接起诉与复议后起诉' },
} as const;

export function reviewStackedChart(input: { rows: readonly ReviewRow[]; year: number; kind: 'review' | 'suit'; unit?: string }): ChartSpec {
  const { kind } = input;
  const kindInfo = REVIEW_KINDS[kind];
  const results = RESULTS.map((c) => ({ label: c.label, value: (r: ReviewRow) => num(r[`${kind}_${c.id}`]) }));
  const total = (r: ReviewRow) => num(r[`${kind}_total`]);
  const drawn = input.rows.filter((r) => r.reported && results.some((c) => c.value(r) !== null));
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}${kindInfo.label}案件结果`;
  const subtext = [kindInfo.note, unreportedSubtitle(unreported)].filter(Boolean).join('；');
  const layout = horizontalLayout(drawn.length);
  const series: BarSeriesOption[] = results.map((c, i) => ({
    type: 'bar',
    name: c.label,
    stack: kind,
    data: drawn.map(c.value),
    barMaxWidth: 22,
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    emphasis: { focus: 'series' },
  }));
  return {
    title,
    height: layout.height,
    categoryKeys: drawn.map((r) => r.town_key),
    emptyText: emptyBarsText(series, `${input.year} 年没有${input.unit ?? '镇街'}填报${kindInfo.label}案件`, `本年度无${kindInfo.label}案件`),
    option: townBarsOption({
      title,
      subtext,
      layout,
      drawn,
      unit: UNIT,
      series,
      integers: true,
      tooltip: (r) => ({
        heading: `${r.town} · ${kindInfo.label}`,
        lines: [
          ...results.map((c, i) => ({ label: c.label, text: formatFull(c.value(r), UNIT), color: PALETTE[i % PALETTE.length] })),
          { label: '总计', text: formatFull(total(r), UNIT) },
        ],
      }),
    }),
    table: {
      header: [input.unit ?? '镇街', ...results.map((c) => header(c.label, UNIT)), header('总计', UNIT)],
      rows: drawn.map((r) => [r.town, ...results.map((c) => cell(c.value(r))), cell(total(r))]),
    },
  };
}
