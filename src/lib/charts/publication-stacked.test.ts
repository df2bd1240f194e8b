import { describe, expect, it } from 'vitest';
import type { PublicationRow } from '../db/queries/views.ts';
import { callFormatter, townRow, XSS, XSS_ESCAPED } from './fixtures.ts';
import { publicationStackedChart } from './publication-stacked.ts';

const KEYS = ['website', 'newmedia', 'board', 'other', 'total', 'total_only', 'volume'] as const;
const town = (key: string, name: string, v: Partial<Record<(typeof KEYS)[number], number | null>>, reported = true): PublicationRow =>
  townRow(key, name, v, KEYS, reported);

const rows: PublicationRow[] = [
  town('zd', '中都街道', { website: 300, newmedia: 120, board: 0, other: null, total: 420, volume: 420 }),
  town('x', XSS, { total: 88, total_only: 88, volume: 88 }),
  town('ky', '康驿镇', { website: 50, volume: 50 }),
  town('jt', '军屯乡', {}, false),
  town('gl', '郭楼镇', {}),
];

describe('publicationStackedChart', () => {
  const spec = publicationStackedChart({ rows, year: 2023 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown', () => {
    expect(spec.title).toBe('2023 年各镇街主动公开信息（按渠道）');
    expect(o.title.text).toBe(spec.title);
  });

  it('draws towns with a publication figure in official order and names the others as 未报告', () => {
    expect(o.yAxis.data).toEqual(['中都街道', XSS, '康驿镇']);
    expect(o.yAxis.inverse).toBe(true);
    expect(spec.categoryKeys).toEqual(['zd', 'x', 'ky']);
    expect(o.title.subtext).toBe('未报告：军屯乡、郭楼镇');
  });

  it('stacks the four channels and 仅报总数, keeping gaps as null and zeros as 0', () => {
    expect(o.series.map((s: any) => s.name)).toEqual(['政府网站', '政务新媒体', '公开栏等线下', '其他渠道', '仅报总数']);
    expect(new Set(o.series.map((s: any) => s.stack))).toEqual(new Set(['channels']));
    expect(o.series.map((s: any) => s.data)).toEqual([
      [300, null, 50],
      [120, null, null],
      [0, null, null],
      [null, null, null],
      [null, 88, null],
    ]);
  });

  it('makes an area’s bar its 主动公开总量: its towns’ 仅报总数, and what stated totals hold beyond their channels', () => {
    // an area of two towns: one gave channels (100 + 20) and a total of 140, the other a total of 30 only
    const area = town('370830', '汶上县', { website: 100, newmedia: 20, total: 170, total_only: 30, volume: 170 });
    const p = publicationStackedChart({ rows: [area], year: 2023, unit: '县区' }).option as Record<string, any>;
    expect(p.series.map((s: any) => [s.name, s.data[0]])).toEqual([
      ['政府网站', 100],
      ['政务新媒体', 20],
      ['公开栏等线下', null],
      ['其他渠道', null],
      ['仅报总数', 30],
      ['未分渠道', 20],
    ]);
    expect(p.series.reduce((a: number, s: any) => a + (s.data[0] ?? 0), 0)).toBe(170);
  });

  it('tabulates what is drawn, with units', () => {
    expect(spec.table).toEqual({
      header: ['镇街', '政府网站（条）', '政务新媒体（条）', '公开栏等线下（条）', '其他渠道（条）', '仅报总数（条）', '主动公开总量（条）'],
      rows: [
        ['中都街道', 300, 120, 0, null, null, 420],
        [XSS, null, null, null, null, 88, 88],
        ['康驿镇', 50, null, null, null, null, 50],
      ],
    });
  });

  it('escapes the town name in the tooltip and says 未报告 for unstated channels', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
    expect(html).toContain('政府网站：未报告');
    expect(html).toContain('仅报总数：88 条');
    expect(html).toContain('主动公开总量：88 条');
    const first = callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }]);
    expect(first).toContain('公开栏等线下：0 条');
    expect(first).not.toContain('仅报总数');
  });

  it('grows with the towns and has a single empty state without towns', () => {
    const many = Array.from({ length: 40 }, (_, i) => town(`t${i}`, `镇${i}`, { website: i, volume: i }));
    expect(publicationStackedChart({ rows: many, year: 2023 }).height).toBeGreaterThan(40 * 26);
    const none = publicationStackedChart({ rows: [town('jt', '军屯乡', {}, false)], year: 2023 });
    expect(none.table.rows).toEqual([]);
    expect((none.option as any).title.subtext).toBe('未报告：军屯乡');
    expect(none.height).toBe(240);
    expect(none.emptyText).toBe('2023 年没有镇街填报主动公开信息');
  });
});
