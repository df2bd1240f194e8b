/**
 * 结转 per town: 上年结转 and 结转下年度 as grouped horizontal bars, towns in official order.
 * Towns that state neither are not drawn and are named in the subtitle.
 */
import type { ApplicationsRow } from '../db/queries/views.ts';
import { cell, formatFull, header, horizontalLayout, num, unreportedSubtitle, notDrawn } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { emptyBarsText, townBarsOption } from './town-bars.ts';
import { PALETTE } from './theme.ts';

const UNIT = '件';
const SERIES = [
  { key: 'carried_in', label: '上年结转' },
  { key: 'carried_out', label: '结转下年度' },
] as const;

export function carriedBarsChart(input: { rows: readonly ApplicationsRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && SERIES.some((s) => num(r[s.key]) !== null));
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}政府信息公开申请结转情况`;
  const subtext = unreportedSubtitle(unreported);
  // Two bars per town: a little more room than a single bar.
  const layout = horizontalLayout(drawn.length * 1.3);
  const series = SERIES.map((s) => ({ type: 'bar' as const, name: s.label, data: drawn.map((r) => num(r[s.key])), barMaxWidth: 12 }));
  return {
    title,
    height: Math.round(layout.height),
    categoryKeys: drawn.map((r) => r.town_key),
    emptyText: emptyBarsText(series, `${input.year} 年没有${input.unit ?? '镇街'}填报结转情况`, `${input.year} 年各${input.unit ?? '镇街'}均无结转的申请`),
    option: townBarsOption({
      title,
      subtext,
      layout,
      drawn,
      unit: UNIT,
      integers: true,
      series,
      tooltip: (r) => ({ lines: SERIES.map((s, i) => ({ label: s.label, text: formatFull(num(r[s.key]), UNIT), color: PALETTE[i] })) }),
    }),
    table: {
      header: [input.unit ?? '镇街', ...SERIES.map((s) => header(s.label, UNIT))],
      rows: drawn.map((r) => [r.town, ...SERIES.map((s) => cell(num(r[s.key])))]),
    },
  };
}
