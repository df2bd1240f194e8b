import { describe, expect, it } from 'vitest';
import { countyTrendChart, type CountyTrendSeries } from './county-trend.ts';
import { callFormatter, yearTotals } from './fixtures.ts';

const KEYS = ['pub_volume', 'train_people', 'open_rate'] as const;
type K = (typeof KEYS)[number];

const totals = [
  yearTotals<K>(2019, 12, { pub_volume: 5000, train_people: 0, open_rate: 0.8 }, KEYS, { pub_volume: 12, train_people: 9, open_rate: 7 }),
  // 2020: no report at all — a gap
  yearTotals<K>(2021, 14, { pub_volume: 6200, train_people: null, open_rate: null }, KEYS),
];

const series: CountyTrendSeries<K>[] = [
  { key: 'pub_volume', label: '主动公开总量', unit: '条', type: 'bar' },
  { key: 'train_people', label: '培训人次', unit: '人次', type: 'line' },
];

describe('countyTrendChart', () => {
  const spec = countyTrendChart({ title: '2019–2021 年全县主动公开与培训', totals, series });
  const o = spec.option as Record<string, any>;

  it('uses the given title', () => {
    expect(spec.title).toBe('2019–2021 年全县主动公开与培训');
    expect(o.title.text).toBe(spec.title);
  });

  it('draws each series per year, with missing years and unstated values as null', () => {
    expect(o.xAxis.map((a: any) => a.data)).toEqual([
      ['2019', '2020', '2021'],
      ['2019', '2020', '2021'],
    ]);
    expect(o.series.map((s: any) => [s.type, s.name, s.data])).toEqual([
      ['bar', '主动公开总量', [5000, null, 6200]],
      ['line', '培训人次', [0, null, null]],
    ]);
  });

  it('gives each unit a panel of its own, stacked, named by what it shows', () => {
    expect(o.yAxis.map((a: any) => [a.name, a.gridIndex])).toEqual([
      ['主动公开总量（条）', 0],
      ['培训人次（人次）', 1],
    ]);
    expect(o.series.map((s: any) => [s.xAxisIndex, s.yAxisIndex])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(o.grid).toHaveLength(2);
    // the panels share their left edge (years line up) and do not overlap
    expect(o.grid[0].left).toBe(o.grid[1].left);
    expect(o.grid[1].top).toBeGreaterThan(o.grid[0].top + o.grid[0].height);
    expect(spec.height).toBeGreaterThanOrEqual(o.grid[1].top + o.grid[1].height);
  });

  it('never puts a series on another unit’s scale: three units, three panels', () => {
    const three = countyTrendChart({ title: 't', totals, series: [...series, { key: 'open_rate', label: '公开率', unit: '%', type: 'line' }] });
    const p = three.option as any;
    expect(p.yAxis).toHaveLength(3);
    expect(p.series.map((s: any) => s.yAxisIndex)).toEqual([0, 1, 2]);
  });

  it('keeps a single panel and axis when the units are the same', () => {
    const one = countyTrendChart({ title: 't', totals, series: [series[0]!, { ...series[0]!, key: 'train_people', label: 'x' }] });
    expect((one.option as any).yAxis).toHaveLength(1);
    expect((one.option as any).yAxis[0].name).toBe('条');
    expect((one.option as any).series.map((s: any) => s.yAxisIndex)).toEqual([0, 0]);
  });

  it('states in the tooltip how many reports stated each value', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }]);
    expect(html).toContain('2019 年（共 12 份报告）');
    expect(html).toContain('主动公开总量：5,000 条（12 份报告填报）');
    expect(html).toContain('培训人次：0 人次（9 份报告填报）');
    const gap = callFormatter(o.tooltip.formatter, [{ dataIndex: 1 }]);
    expect(gap).toContain('2020 年（共 0 份报告）');
    expect(gap).toContain('主动公开总量：未报告');
    expect(callFormatter(o.tooltip.formatter, [{ dataIndex: 2 }])).toContain('培训人次：未报告');
  });

  it('tabulates year, each series with its unit, and the report count', () => {
    expect(spec.table).toEqual({
      header: ['年度', '主动公开总量（条）', '培训人次（人次）', '报告数'],
      rows: [
        [2019, 5000, 0, 12],
        [2020, null, null, 0],
        [2021, 6200, null, 14],
      ],
    });
  });

  it('shows a % series as percentages', () => {
    const s = countyTrendChart({ title: 't', totals, series: [series[0]!, { key: 'open_rate', label: '公开率', unit: '%', type: 'line' }] });
    const p = s.option as Record<string, any>;
    expect(p.series[1].data).toEqual([0.8, null, null]);
    expect(callFormatter(p.yAxis[1].axisLabel.formatter, 0.25)).toBe('25%');
    expect(p.yAxis[1].name).toBe('公开率（%）');
    expect(callFormatter(p.tooltip.formatter, [{ dataIndex: 0 }])).toContain('公开率：80%（7 份报告填报）');
    expect(s.table.rows[0]).toEqual([2019, 5000, 80, 12]);
  });

  it('covers the whole range when from and to are given', () => {
    const s = countyTrendChart({ title: '2018–2022 年全县主动公开与培训', totals, series, from: 2018, to: 2022 });
    expect((s.option as any).xAxis[0].data).toEqual(['2018', '2019', '2020', '2021', '2022']);
    expect((s.option as any).series[0].data).toEqual([null, 5000, null, 6200, null]);
    expect(s.table.rows.map((r) => r[0])).toEqual([2018, 2019, 2020, 2021, 2022]);
  });

  it('is empty without totals', () => {
    const s = countyTrendChart({ title: 't', totals: [], series });
    expect((s.option as any).xAxis[0].data).toEqual([]);
    expect(s.table.rows).toEqual([]);
  });
});
