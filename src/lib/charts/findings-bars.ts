/**
 * 数据质量: towns ranked by the number of consistency findings, errors and warnings stacked.
 * Towns without findings are not drawn; the subtitle says how many there are.
 */
import type { TownFindings } from '../model/quality.ts';
import { horizontalLayout, yearRange } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { townBarsOption } from './town-bars.ts';

const SERIES = [
  { key: 'errors', label: '错误', color: '#c0392b' },
  { key: 'warnings', label: '警告', color: '#e3883a' },
] as const;

export function findingsBarChart(input: { rows: readonly TownFindings[]; from: number; to: number }): ChartSpec {
  const drawn = input.rows.filter((r) => r.total > 0);
  const clean = input.rows.length - drawn.length;
  const title = `${yearRange(input.from, input.to)}各镇街勾稽关系问题数`;
  const subtext = clean > 0 ? `另有 ${clean} 个镇街没有发现问题` : '';
  const layout = horizontalLayout(drawn.length);
  return {
    title,
    height: Math.round(layout.height),
    categoryKeys: drawn.map((r) => r.town_key),
    ...(drawn.length === 0 ? { emptyText: input.rows.length === 0 ? '没有可检查的报告' : '没有发现勾稽关系问题' } : {}),
    option: townBarsOption({
      title,
      subtext,
      layout,
      drawn,
      unit: '处',
      integers: true,
      series: SERIES.map((s) => ({ type: 'bar' as const, name: s.label, stack: 'findings', color: s.color, data: drawn.map((r) => r[s.key]), barMaxWidth: 22 })),
      tooltip: (r) => ({
        lines: [...SERIES.map((s) => ({ label: s.label, text: `${r[s.key]} 处`, color: s.color })), { label: '合计', text: `${r.total} 处` }],
      }),
    }),
    table: {
      header: ['镇街', '错误（处）', '警告（处）', '合计（处）'],
      rows: drawn.map((r) => [r.town, r.errors, r.warnings, r.total]),
    },
  };
}
