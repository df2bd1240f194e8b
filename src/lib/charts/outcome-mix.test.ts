import { describe, expect, it } from 'vitest';
import type { ApplicationTotals } from '../db/queries/views.ts';
import { callFormatter, XSS, XSS_ESCAPED, yearTotals } from './fixtures.ts';
import { NO_OUTCOMES, outcomeMixChart } from './outcome-mix.ts';

type K = keyof ApplicationTotals['values'];
const KEYS: K[] = ['received', 'carried_in', 'carried_out', 'handled', 'open', 'partial', 'deny', 'unable', 'reject', 'other'];
const totals = (v: Partial<Record<K, number | null>>, reports = 14): ApplicationTotals => yearTotals<K>(2023, reports, v, KEYS);

describe('outcomeMixChart', () => {
  const spec = outcomeMixChart({ totals: totals({ open: 30, partial: 10, deny: 0, unable: 8, reject: 2, other: null }), year: 2023 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown', () => {
    expect(spec.title).toBe('2023 年政府信息公开申请办理结果构成（合计）');
    expect(o.title.text).toBe(spec.title);
    expect(o.title.subtext).toBe('办理结果合计 50 件（14 份报告）；均未填报：其他处理');
  });

  it('draws the groups above 0 as a donut', () => {
    expect(o.series).toHaveLength(1);
    expect(o.series[0].type).toBe('pie');
    expect(o.series[0].data.filter((d: any) => d.value > 0).map((d: any) => [d.name, d.value])).toEqual([
      ['予以公开', 30],
      ['部分公开', 10],
      ['无法提供', 8],
      ['不予处理', 2],
    ]);
    expect(callFormatter(o.series[0].label.formatter, { name: '予以公开', value: 30 })).toBe('予以公开\n60%');
  });

  it('tabulates all six groups with their share, null for 未报告', () => {
    expect(spec.table).toEqual({
      header: ['办理结果', '数量（件）', '占比（%）'],
      rows: [
        ['予以公开', 30, 60],
        ['部分公开', 10, 20],
        ['不予公开', 0, 0],
        ['无法提供', 8, 16],
        ['不予处理', 2, 4],
        ['其他处理', null, null],
      ],
    });
  });

  it('escapes the tooltip and states count and share', () => {
    expect(callFormatter(o.tooltip.formatter, { name: '部分公开', value: 10 })).toBe('<b>部分公开</b><br/>数量：10 件（20%）');
    const html = callFormatter(o.tooltip.formatter, { name: XSS, value: 1 });
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
  });

  it.each([
    ['all zero', totals({ open: 0, partial: 0, deny: 0, unable: 0, reject: 0, other: 0 })],
    ['all empty', totals({}, 3)],
    ['no totals', null],
  ])('shows a centred %s message instead of an empty pie', (_, t) => {
    const s = outcomeMixChart({ totals: t, year: 2021 });
    const p = s.option as Record<string, any>;
    expect(s.title).toBe('2021 年政府信息公开申请办理结果构成（合计）');
    expect(p.series[0].label).toMatchObject({ show: true, position: 'center', formatter: NO_OUTCOMES });
    expect(p.series[0].silent).toBe(true);
    expect(p.series[0].data.map((d: any) => d.name)).toEqual([NO_OUTCOMES]);
    expect(p.legend.show).toBe(false);
    expect(p.tooltip.show).toBe(false);
    expect(s.table.rows.every((r) => r[2] === null)).toBe(true);
    expect(JSON.stringify(s.table)).not.toMatch(/NaN|Infinity/);
  });
});
