import { describe, expect, it } from 'vitest';
import type { ApplicationsRow } from '../db/queries/views.ts';
import { carriedBarsChart } from './carried-bars.ts';
import { callFormatter, townRow, XSS, XSS_ESCAPED } from './fixtures.ts';

const KEYS = ['received', 'carried_in', 'carried_out', 'handled', 'open', 'partial', 'deny', 'unable', 'reject', 'other', 'by_person', 'by_business', 'by_research', 'by_ngo', 'by_legal', 'by_org_other'] as const;
const town = (key: string, name: string, v: Partial<Record<(typeof KEYS)[number], number | null>>, reported = true): ApplicationsRow =>
  townRow(key, name, v, KEYS, reported);

const rows: ApplicationsRow[] = [
  town('zd', '中都街道', { carried_in: 2, carried_out: 0, received: 9 }),
  town('jt', '军屯乡', {}, false),
  town('x', XSS, { carried_in: null, carried_out: 1 }),
  town('ky', '康驿镇', { received: 4 }),
];

describe('carriedBarsChart', () => {
  const spec = carriedBarsChart({ rows, year: 2021 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown', () => {
    expect(spec.title).toBe('2021 年各镇街政府信息公开申请结转情况');
    expect(o.title.text).toBe(spec.title);
  });

  it('draws towns stating either figure as grouped (not stacked) bars, nulls kept', () => {
    expect(o.yAxis.data).toEqual(['中都街道', XSS]);
    expect(o.yAxis.inverse).toBe(true);
    expect(spec.categoryKeys).toEqual(['zd', 'x']);
    expect(o.title.subtext).toBe('未报告：军屯乡、康驿镇');
    expect(o.series.map((s: any) => [s.name, s.stack, s.data])).toEqual([
      ['上年结转', undefined, [2, null]],
      ['结转下年度', undefined, [0, 1]],
    ]);
  });

  it('tabulates what is drawn', () => {
    expect(spec.table).toEqual({
      header: ['镇街', '上年结转（件）', '结转下年度（件）'],
      rows: [
        ['中都街道', 2, 0],
        [XSS, null, 1],
      ],
    });
  });

  it('escapes the town name in the tooltip', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 1 }, { dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
    expect(html).toContain('上年结转：未报告');
    expect(html).toContain('结转下年度：1 件');
  });

  it('grows with the towns', () => {
    const many = Array.from({ length: 30 }, (_, i) => town(`t${i}`, `镇${i}`, { carried_in: i }));
    expect(carriedBarsChart({ rows: many, year: 2021 }).height).toBeGreaterThan(30 * 26);
    expect(Number.isInteger(spec.height)).toBe(true);
  });
});
