import { describe, expect, it } from 'vitest';
import { callFormatter } from './fixtures.ts';
import { mixPieChart, sumStated } from './pie.ts';

const base = { title: '2023 年测试构成', subtext: '', unit: '件', partHeader: '类别', emptyText: '本年度无数据' };

describe('sumStated', () => {
  it.each([
    [[1, 2, null], 3],
    [[0, null], 0],
    [[null, undefined], null],
    [[], null],
    [[Number.NaN, 2], 2],
  ])('sumStated(%j) = %s', (v, s) => expect(sumStated(v)).toBe(s));
});

describe('mixPieChart', () => {
  it('draws parts above 0, keeps a part of 0 in the legend with its value, and tabulates all parts with shares', () => {
    const s = mixPieChart({ ...base, parts: [{ label: '甲', value: 3 }, { label: '乙', value: 0 }, { label: '丙', value: null }, { label: '丁', value: 1 }] });
    const o = s.option as Record<string, any>;
    expect(o.title.text).toBe('2023 年测试构成');
    expect(o.series[0].data.map((d: any) => [d.name, d.value, d.label?.show ?? true])).toEqual([
      ['甲', 3, true],
      ['乙', 0, false],
      ['丁', 1, true],
    ]);
    expect(['甲', '乙', '丙'].map((n) => callFormatter(o.legend.formatter, n))).toEqual(['甲 3 件（75%）', '乙 0 件（0%）', '丙']);
    expect(s.table.rows).toEqual([
      ['甲', 3, 75],
      ['乙', 0, 0],
      ['丙', null, null],
      ['丁', 1, 25],
    ]);
    expect(o.textStyle.fontFamily).toMatch(/^'Noto Sans CJK SC'/);
  });

  it('never divides by zero', () => {
    const s = mixPieChart({ ...base, parts: [{ label: '甲', value: 0 }, { label: '乙', value: 0 }] });
    expect(JSON.stringify(s.table)).not.toMatch(/NaN|Infinity/);
    expect(s.table.rows).toEqual([
      ['甲', 0, null],
      ['乙', 0, null],
    ]);
    expect((s.option as any).series[0].label.formatter).toBe('本年度无数据');
  });
});
