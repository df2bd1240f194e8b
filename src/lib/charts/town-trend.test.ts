import { describe, expect, it } from 'vitest';
import type { TrendSeries } from '../db/queries/views.ts';
import { measure } from '../model/measures.ts';
import { callFormatter, XSS, XSS_ESCAPED } from './fixtures.ts';
import { townTrendChart } from './town-trend.ts';

const trend = (town_key: string, town: string, values: (number | null)[], from = 2021): TrendSeries => ({
  town_key,
  town,
  points: values.map((value, i) => ({ year: from + i, value })),
  reports: values.filter((v) => v !== null).length,
  synthetic: 0,
});

const series = [
  trend('zd', '中都街道', [120, 0, 150]),
  trend('x', XSS, [null, 40, 60]),
  trend('jt', '军屯乡', [null, null, null]),
  trend('ky', '康驿镇', [80, null, 90]),
];

describe('townTrendChart', () => {
  const spec = townTrendChart({ series, measure: measure('pub_volume'), from: 2021, to: 2023 });
  const o = spec.option as Record<string, any>;

  it('states the year range and the measure', () => {
    expect(spec.title).toBe('2021–2023 年各镇街主动公开总量变化');
    expect(o.title.text).toBe(spec.title);
    expect(townTrendChart({ series, measure: measure('pub_volume'), from: 2023, to: 2023 }).title).toBe('2023 年各镇街主动公开总量变化');
  });

  it('draws one line per town with gaps as null, never 0', () => {
    expect(o.xAxis.data).toEqual(['2021', '2022', '2023']);
    expect(o.series.map((s: any) => s.name)).toEqual(['中都街道', XSS, '康驿镇']);
    expect(o.series.map((s: any) => s.data)).toEqual([
      [120, 0, 150],
      [null, 40, 60],
      [80, null, 90],
    ]);
    expect(o.series.every((s: any) => s.type === 'line' && s.connectNulls === false)).toBe(true);
  });

  it('has a legend and names towns with no value at all', () => {
    expect(o.legend).toEqual({});
    expect(o.title.subtext).toBe('各年均未报告：军屯乡');
    expect(spec.categoryKeys).toBeUndefined();
  });

  it('gives every line a look of its own: 15 towns in 15 colours, 30 in distinct colour and marker pairs', () => {
    for (const n of [15, 30]) {
      const many = Array.from({ length: n }, (_, i) => trend(`t${i}`, `镇${i}`, [i, i + 1, i + 2]));
      const lines = (townTrendChart({ series: many, measure: measure('pub_volume'), from: 2021, to: 2023 }).option as any).series;
      const looks = lines.map((s: any) => `${s.itemStyle.color} ${s.symbol} ${s.lineStyle.type}`);
      expect(new Set(looks).size).toBe(n);
      expect(lines.every((s: any) => s.itemStyle.color === s.lineStyle.color)).toBe(true);
      if (n === 15) expect(new Set(lines.map((s: any) => s.itemStyle.color)).size).toBe(15);
    }
  });

  it('names towns whose ratio never had a base apart from those that never reported', () => {
    const s = townTrendChart({
      series: [trend('a', '甲镇', [0.5, Number.NaN, 1]), trend('b', '乙镇', [Number.NaN, Number.NaN, null]), trend('c', '丙镇', [null, null, null])],
      measure: measure('open_rate'),
      from: 2021,
      to: 2023,
    });
    const p = s.option as any;
    expect(p.series.map((x: any) => [x.name, x.data])).toEqual([['甲镇', [0.5, null, 1]]]);
    expect(p.title.subtext).toBe('各年均无办理的申请（“—”）：乙镇\n各年均未报告：丙镇');
    expect(s.table.rows).toEqual([['甲镇', 50, '—', 100]]);
  });

  it('tabulates one row per town and one column per year', () => {
    expect(spec.table).toEqual({
      header: ['镇街', '2021 年（条）', '2022 年（条）', '2023 年（条）'],
      rows: [
        ['中都街道', 120, 0, 150],
        [XSS, null, 40, 60],
        ['康驿镇', 80, null, 90],
      ],
    });
  });

  it('escapes town names in the tooltip', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }]);
    expect(html).toContain('<b>2021 年</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain(`${XSS_ESCAPED}：未报告`);
    expect(html).toContain('中都街道：120 条');
  });

  it('fills years missing from a series with null and shows percent measures as %', () => {
    const s = townTrendChart({ series: [trend('zd', '中都街道', [0.5], 2022)], measure: measure('open_rate'), from: 2021, to: 2023 });
    const p = s.option as Record<string, any>;
    expect(p.series[0].data).toEqual([null, 0.5, null]);
    expect(callFormatter(p.yAxis.axisLabel.formatter, 0.125)).toBe('12.5%');
    expect(callFormatter(p.tooltip.formatter, [{ dataIndex: 1 }])).toContain('中都街道：50%');
    expect(s.table).toEqual({ header: ['镇街', '2021 年（%）', '2022 年（%）', '2023 年（%）'], rows: [['中都街道', null, 50, null]] });
  });

  it('keeps NaN out of the option', () => {
    const s = townTrendChart({ series: [trend('zd', '中都街道', [Number.NaN, 3])], measure: measure('pub_volume'), from: 2021, to: 2022 });
    expect((s.option as any).series[0].data).toEqual([null, 3]);
  });
});
