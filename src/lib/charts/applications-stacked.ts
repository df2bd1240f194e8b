/**
 * 依申请公开 per town: the six outcome groups stacked (horizontal bars, official order) and
 * 本年新收 as a diamond marker on the same axis. Towns that state none of these are not drawn and
 * are named in the subtitle; an unstated group is a gap, never 0.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import type { ApplicationsRow } from '../db/queries/views.ts';
import { cell, formatFull, header, horizontalLayout, num, OUTCOMES, unreportedSubtitle, notDrawn } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { emptyBarsText, townBarsOption } from './town-bars.ts';
import { PALETTE } from './theme.ts';

const UNIT = '件';
const RECEIVED = '本年新收';
const RECEIVED_COLOR = '#222';
/** Figures stated beside the chart (tooltip and table) but not drawn. */
const EXTRA = [
  { key: 'handled', label: '办理总计' },
  { key: 'carried_in', label: '上年结转' },
  { key: 'carried_out', label: '结转下年度' },
] as const;

export function applicationsStackedChart(input: { rows: readonly ApplicationsRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && (num(r.received) !== null || OUTCOMES.some((g) => num(r[g.key]) !== null)));
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}政府信息公开申请办理结果`;
  const subtext = unreportedSubtitle(unreported);
  const layout = horizontalLayout(drawn.length);
  const outcomes: BarSeriesOption[] = OUTCOMES.map((g, i) => ({
    type: 'bar',
    name: g.label,
    stack: 'outcomes',
    data: drawn.map((r) => num(r[g.key])),
    barMaxWidth: 22,
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    emphasis: { focus: 'series' },
  }));
  const received: LineSeriesOption = {
    type: 'line',
    name: RECEIVED,
    data: drawn.map((r) => num(r.received)),
    symbol: 'diamond',
    symbolSize: 11,
    lineStyle: { opacity: 0 },
    itemStyle: { color: RECEIVED_COLOR },
    z: 5,
  };
  return {
    title,
    height: layout.height,
    categoryKeys: drawn.map((r) => r.town_key),
    emptyText: emptyBarsText([...outcomes, received], `${input.year} 年没有${input.unit ?? '镇街'}填报申请办理情况`, `${input.year} 年各${input.unit ?? '镇街'}均未收到、未办理政府信息公开申请`),
    option: townBarsOption({
      title,
      subtext,
      layout,
      drawn,
      unit: UNIT,
      series: [...outcomes, received],
      tooltip: (r) => ({
        lines: [
          { label: RECEIVED, text: formatFull(num(r.received), UNIT), color: RECEIVED_COLOR },
          ...OUTCOMES.map((g, i) => ({ label: g.label, text: formatFull(num(r[g.key]), UNIT), color: PALETTE[i % PALETTE.length] })),
          ...EXTRA.map((e) => ({ label: e.label, text: formatFull(num(r[e.key]), UNIT) })),
        ],
      }),
    }),
    table: {
      header: [input.unit ?? '镇街', header(RECEIVED, UNIT), ...EXTRA.map((e) => header(e.label, UNIT)), ...OUTCOMES.map((g) => header(g.label, UNIT))],
      rows: drawn.map((r) => [r.town, cell(num(r.received)), ...EXTRA.map((e) => cell(num(r[e.key]))), ...OUTCOMES.map((g) => cell(num(r[g.key])))]),
    },
  };
}
