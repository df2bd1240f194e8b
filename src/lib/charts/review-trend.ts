/**
 * 行政复议 and 行政诉讼 per year (county totals): two stacks side by side, each by result.
 * A year without reports, or a result no report stated, is a gap (null), never 0.
 */
import type { BarSeriesOption } from 'echarts';
import type { ReviewTotals } from '../db/queries/views.ts';
import { cell, COLUMN_PLOT_HEIGHT, dataIndexOf, formatFull, formatShort, grid, header, num, RESULTS, titleOption, tooltipHtml, yearAxis, yearRange } from './common.ts';
import { REVIEW_KINDS } from './review-stacked.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

const UNIT = '件';
const KINDS = (['review', 'suit'] as const).map((k) => ({ key: k, label: REVIEW_KINDS[k].label }));

export function reviewTrendChart(input: { totals: readonly ReviewTotals[]; from: number; to: number }): ChartSpec {
  const { from, to } = input;
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const byYear = new Map(input.totals.map((t) => [t.year, t]));
  const parts = KINDS.flatMap((k) =>
    RESULTS.map((c, i) => ({
      kind: k,
      label: `${k.label}·${c.label}`,
      result: c.label,
      color: PALETTE[i % PALETTE.length]!,
      value: (y: number) => num(byYear.get(y)?.values[`${k.key}_${c.id}`]),
    })),
  );
  const title = `${yearRange(from, to)}行政复议与行政诉讼案件结果（合计）`;
  const subtext = '左：行政复议；右：行政诉讼（含未经复议直接起诉与复议后起诉）';
  // Both stacks share the result names: one legend entry (and toggle) per result.
  const series: BarSeriesOption[] = parts.map((p) => ({
    type: 'bar',
    name: p.result,
    stack: p.kind.key,
    data: years.map(p.value),
    barMaxWidth: 28,
    // Same colour per result in both stacks; 行政诉讼 a little lighter.
    itemStyle: { color: p.color, opacity: p.kind.key === 'suit' ? 0.6 : 1 },
  }));
  const values = parts.flatMap((p) => years.map(p.value));
  return {
    title,
    height: COLUMN_PLOT_HEIGHT,
    ...(values.every((v) => v === null)
      ? { emptyText: `${yearRange(from, to)}没有报告填报行政复议、行政诉讼案件` }
      : values.every((v) => v === null || v === 0)
        ? { emptyText: `${yearRange(from, to)}均无行政复议、行政诉讼案件` }
        : {}),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: {},
      grid: grid(),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p: unknown) => {
          const year = years[dataIndexOf(p)];
          if (year === undefined) return '';
          const reports = byYear.get(year)?.reports ?? 0;
          return tooltipHtml(
            `${year} 年（共 ${reports} 份报告）`,
            parts.map((x) => ({ label: x.label, text: formatFull(x.value(year), UNIT), color: x.color })),
          );
        },
      },
      xAxis: yearAxis(years),
      yAxis: { type: 'value', name: UNIT, minInterval: 1, axisLabel: { formatter: (v: number) => formatShort(v) } },
      series,
    },
    table: {
      header: ['年度', ...parts.map((p) => header(p.label, UNIT)), '报告数'],
      rows: years.map((y) => [y, ...parts.map((p) => cell(p.value(y))), byYear.get(y)?.reports ?? 0]),
    },
  };
}
