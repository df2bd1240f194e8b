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
    expect(o.xAxis.data).toEqual(['2021 年', '2022 年', '2023 年']);
    expect(o.series.map((s: any) => s.name)).toEqual(['中都街道', XSS, '康驿镇']);
    expect(o.series.map((s: any) => s.data)).toEqual([
      [120, 0, 150],
      [null, 40, 60],
      [80, null, 90],
    ]);
    expect(o.series.every((s: any) => s.type === 'line' && s.connectNulls === false)).toBe(true);
  });

  it('has a scrollable legend and names towns with no value at all', () => {
    expect(o.legend.type).toBe('scroll');
    expect(o.title.subtext).toBe('各年均未报告：军屯乡');
    expect(spec.categoryKeys).toBeUndefined();
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
