/**
 * County mix of applicants of 本年新收 for a year: 自然人 and the five kinds of 法人或其他组织,
 * as a donut; a centred 本年度无新收申请 when every kind is 0 or empty.
 */
import type { ApplicationTotals } from '../db/queries/views.ts';
import { formatWithUnit } from '../format.ts';
import { APPLICANTS, unreportedSubtitle } from './common.ts';
import { mixPieChart, sumStated } from './pie.ts';
import type { ChartSpec } from './spec.ts';

export const NO_APPLICANTS = '本年度无新收申请';

export function applicantMixChart(input: { totals: ApplicationTotals | null; year: number }): ChartSpec {
  const values = input.totals?.values;
  const parts = APPLICANTS.map((a) => ({ label: a.label, value: values?.[a.key], isOrg: a.isOrg }));
  const person = sumStated(parts.filter((p) => !p.isOrg).map((p) => p.value));
  const orgs = sumStated(parts.filter((p) => p.isOrg).map((p) => p.value));
  const unstated = parts.filter((p) => p.value === null || p.value === undefined).map((p) => p.label);
  const anyStated = person !== null || orgs !== null;
  const subtext = [
    `自然人 ${formatWithUnit(person, '件')}，法人或其他组织 ${formatWithUnit(orgs, '件')}（${input.totals?.reports ?? 0} 份报告）`,
    unreportedSubtitle(anyStated ? unstated : [], '均未填报'),
  ]
    .filter(Boolean)
    .join('；');
  return mixPieChart({
    title: `${input.year} 年政府信息公开申请人构成（合计）`,
    subtext,
    parts: parts.map(({ label, value }) => ({ label, value })),
    unit: '件',
    partHeader: '申请人',
    emptyText: NO_APPLICANTS,
  });
}
