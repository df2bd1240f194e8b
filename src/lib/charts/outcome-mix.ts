/**
 * County mix of the six outcome groups of 依申请公开 for a year, as a donut; a centred
 * 本年度无办理结果 when every group is 0 or empty.
 */
import type { ApplicationTotals } from '../db/queries/views.ts';
import { formatWithUnit } from '../format.ts';
import { OUTCOMES, unreportedSubtitle } from './common.ts';
import { mixPieChart, sumStated } from './pie.ts';
import type { ChartSpec } from './spec.ts';

export const NO_OUTCOMES = '本年度无办理结果';

export function outcomeMixChart(input: { totals: ApplicationTotals | null; year: number }): ChartSpec {
  const values = input.totals?.values;
  const parts = OUTCOMES.map((g) => ({ label: g.label, value: values?.[g.key] }));
  const total = sumStated(parts.map((p) => p.value));
  const unstated = parts.filter((p) => p.value === null || p.value === undefined).map((p) => p.label);
  const subtext = [
    `办理结果合计 ${formatWithUnit(total, '件')}（${input.totals?.reports ?? 0} 份报告）`,
    unreportedSubtitle(total === null ? [] : unstated, '均未填报'),
  ]
    .filter(Boolean)
    .join('；');
  return mixPieChart({
    title: `${input.year} 年政府信息公开申请办理结果构成（合计）`,
    subtext,
    parts,
    unit: '件',
    partHeader: '办理结果',
    emptyText: NO_OUTCOMES,
  });
}
