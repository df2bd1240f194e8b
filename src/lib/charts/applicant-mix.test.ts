import { describe, expect, it } from 'vitest';
import type { ApplicationTotals } from '../db/queries/views.ts';
import { applicantMixChart, NO_APPLICANTS } from './applicant-mix.ts';
import { callFormatter, yearTotals } from './fixtures.ts';

type K = keyof ApplicationTotals['values'];
const KEYS: K[] = ['received', 'by_person', 'by_business', 'by_research', 'by_ngo', 'by_legal', 'by_org_other'];
const totals = (v: Partial<Record<K, number | null>>): ApplicationTotals => yearTotals<K>(2022, 12, v, KEYS);

describe('applicantMixChart', () => {
  const spec = applicantMixChart({ totals: totals({ by_person: 45, by_business: 3, by_research: 0, by_ngo: null, by_legal: 2, by_org_other: 0 }), year: 2022 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown, with 自然人 against 法人或其他组织', () => {
    expect(spec.title).toBe('2022 年政府信息公开申请人构成（合计）');
    expect(o.title.text).toBe(spec.title);
    expect(o.title.subtext).toBe('自然人 45 件，法人或其他组织 5 件（12 份报告）；均未填报：社会公益组织');
  });

  it('draws 自然人 and the five kinds of organisation that are above 0; the stated zeros stay in the legend', () => {
    expect(o.series[0].data.filter((d: any) => d.value > 0).map((d: any) => [d.name, d.value])).toEqual([
      ['自然人', 45],
      ['商业企业', 3],
      ['法律服务机构', 2],
    ]);
    expect(o.series[0].data.filter((d: any) => d.value === 0).every((d: any) => d.label.show === false)).toBe(true);
    expect(callFormatter(o.series[0].label.formatter, { name: '自然人', value: 45 })).toBe('自然人\n90%');
  });

  it('tabulates the six applicant types', () => {
    expect(spec.table).toEqual({
      header: ['申请人', '数量（件）', '占比（%）'],
      rows: [
        ['自然人', 45, 90],
        ['商业企业', 3, 6],
        ['科研机构', 0, 0],
        ['社会公益组织', null, null],
        ['法律服务机构', 2, 4],
        ['其他组织', 0, 0],
      ],
    });
  });

  it('escapes the tooltip', () => {
    expect(callFormatter(o.tooltip.formatter, { name: '商业企业', value: 3 })).toBe('<b>商业企业</b><br/>数量：3 件（6%）');
    expect(callFormatter(o.tooltip.formatter, { name: '<b>', value: 3 })).toContain('&lt;b&gt;');
  });

  it.each([
    ['all zero', totals({ by_person: 0, by_business: 0, by_research: 0, by_ngo: 0, by_legal: 0, by_org_other: 0 })],
    ['all empty', totals({})],
    ['no totals', null],
  ])('shows a centred message when %s', (_, t) => {
    const s = applicantMixChart({ totals: t, year: 2022 });
    const p = s.option as Record<string, any>;
    expect(p.series[0].label).toMatchObject({ position: 'center', formatter: NO_APPLICANTS });
    expect(p.series[0].data).toEqual([expect.objectContaining({ name: NO_APPLICANTS })]);
    expect(p.legend.show).toBe(false);
  });

  it('says 未报告 rather than 0 when no type is stated', () => {
    expect((applicantMixChart({ totals: totals({}), year: 2022 }).option as any).title.subtext).toBe('自然人 未报告，法人或其他组织 未报告（12 份报告）');
  });
});
