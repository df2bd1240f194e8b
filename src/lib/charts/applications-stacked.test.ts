import { describe, expect, it } from 'vitest';
import type { ApplicationsRow } from '../db/queries/views.ts';
import { applicationsStackedChart } from './applications-stacked.ts';
import { callFormatter, townRow, XSS, XSS_ESCAPED } from './fixtures.ts';

const KEYS = ['received', 'carried_in', 'carried_out', 'handled', 'open', 'partial', 'deny', 'unable', 'reject', 'other', 'by_person', 'by_business', 'by_research', 'by_ngo', 'by_legal', 'by_org_other'] as const;
const town = (key: string, name: string, v: Partial<Record<(typeof KEYS)[number], number | null>>, reported = true): ApplicationsRow =>
  townRow(key, name, v, KEYS, reported);

const rows: ApplicationsRow[] = [
  town('zd', '中都街道', { received: 12, carried_in: 1, carried_out: 2, handled: 11, open: 6, partial: 2, deny: 1, unable: 1, reject: 0, other: 1 }),
  town('x', XSS, { received: 0, handled: 0, open: 0 }),
  town('jt', '军屯乡', {}, false),
  town('ky', '康驿镇', { carried_in: 3 }),
];

describe('applicationsStackedChart', () => {
  const spec = applicationsStackedChart({ rows, year: 2023 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown', () => {
    expect(spec.title).toBe('2023 年各镇街政府信息公开申请办理结果');
    expect(o.title.text).toBe(spec.title);
  });

  it('draws towns stating outcomes or received applications, in official order', () => {
    expect(o.yAxis.data).toEqual(['中都街道', XSS]);
    expect(o.yAxis.inverse).toBe(true);
    expect(spec.categoryKeys).toEqual(['zd', 'x']);
    expect(o.title.subtext).toBe('未报告：军屯乡、康驿镇');
  });

  it('stacks the six outcome groups and marks 本年新收 separately', () => {
    expect(o.series.map((s: any) => [s.type, s.name, s.stack, s.data])).toEqual([
      ['bar', '予以公开', 'outcomes', [6, 0]],
      ['bar', '部分公开', 'outcomes', [2, null]],
      ['bar', '不予公开', 'outcomes', [1, null]],
      ['bar', '无法提供', 'outcomes', [1, null]],
      ['bar', '不予处理', 'outcomes', [0, null]],
      ['bar', '其他处理', 'outcomes', [1, null]],
      ['line', '本年新收', undefined, [12, 0]],
    ]);
    expect(o.series[6].lineStyle.opacity).toBe(0);
  });

  it('tabulates received, handled, carried in and out, and the six groups', () => {
    expect(spec.table.header).toEqual([
      '镇街',
      '本年新收（件）',
      '办理总计（件）',
      '上年结转（件）',
      '结转下年度（件）',
      '予以公开（件）',
      '部分公开（件）',
      '不予公开（件）',
      '无法提供（件）',
      '不予处理（件）',
      '其他处理（件）',
    ]);
    expect(spec.table.rows).toEqual([
      ['中都街道', 12, 11, 1, 2, 6, 2, 1, 1, 0, 1],
      [XSS, 0, 0, null, null, 0, null, null, null, null, null],
    ]);
  });

  it('escapes the town name in the tooltip', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
    expect(html).toContain('本年新收：0 件');
    expect(html).toContain('部分公开：未报告');
    expect(callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }])).toContain('结转下年度：2 件');
  });

  it('says so instead of drawing empty axes when no town reported, or every town had none', () => {
    const s = applicationsStackedChart({ rows: [town('jt', '军屯乡', {}, false)], year: 2023 });
    expect((s.option as any).yAxis.data).toEqual([]);
    expect(s.categoryKeys).toEqual([]);
    expect(s.height).toBe(240);
    expect(s.emptyText).toBe('2023 年没有镇街填报申请办理情况');
    const zeros = applicationsStackedChart({ rows: [town('jt', '军屯乡', { received: 0, open: 0 })], year: 2023 });
    expect(zeros.emptyText).toBe('2023 年各镇街均未收到、未办理政府信息公开申请');
    expect(applicationsStackedChart({ rows: [town('jt', '军屯乡', { received: 1 })], year: 2023 }).emptyText).toBeUndefined();
  });
});
