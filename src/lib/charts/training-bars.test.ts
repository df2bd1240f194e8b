import { describe, expect, it } from 'vitest';
import type { TrainingRow } from '../db/queries/views.ts';
import { callFormatter, townRow, XSS, XSS_ESCAPED } from './fixtures.ts';
import { trainingBarsChart } from './training-bars.ts';

const KEYS = ['sessions', 'people'] as const;
const town = (key: string, name: string, v: Partial<Record<(typeof KEYS)[number], number | null>>, reported = true): TrainingRow =>
  townRow(key, name, v, KEYS, reported);

const rows: TrainingRow[] = [
  town('zd', '中都街道', { sessions: 4, people: 260 }),
  town('x', XSS, { sessions: 0, people: null }),
  town('jt', '军屯乡', {}, false),
  town('gl', '郭楼镇', { sessions: null, people: 35 }),
  town('ky', '康驿镇', {}),
];

describe('trainingBarsChart', () => {
  const spec = trainingBarsChart({ rows, year: 2022 });
  const o = spec.option as Record<string, any>;

  it('states the year and what is shown', () => {
    expect(spec.title).toBe('2022 年各镇街政务公开培训');
    expect(o.title.text).toBe(spec.title);
  });

  it('draws towns that state either figure, in official order', () => {
    expect(o.yAxis.map((a: any) => a.data)).toEqual([
      ['中都街道', XSS, '郭楼镇'],
      ['中都街道', XSS, '郭楼镇'],
    ]);
    // names once, on the left panel
    expect(o.yAxis.map((a: any) => a.axisLabel.show)).toEqual([true, false]);
    expect(spec.categoryKeys).toEqual(['zd', 'x', 'gl']);
    expect(o.title.subtext).toBe('未报告：军屯乡、康驿镇');
  });

  it('puts 培训次数 in the left panel (次) and 培训人次 in the right one (人次), each on its own scale, nulls kept', () => {
    expect(o.series.map((s: any) => [s.name, s.xAxisIndex, s.yAxisIndex, s.data])).toEqual([
      ['培训次数', 0, 0, [4, 0, null]],
      ['培训人次', 1, 1, [260, null, 35]],
    ]);
    expect(o.xAxis.map((a: any) => [a.name, a.gridIndex])).toEqual([
      ['次', 0],
      ['人次', 1],
    ]);
    expect(o.grid).toHaveLength(2);
  });

  it('tabulates what is drawn', () => {
    expect(spec.table).toEqual({
      header: ['镇街', '培训次数（次）', '培训人次（人次）'],
      rows: [
        ['中都街道', 4, 260],
        [XSS, 0, null],
        ['郭楼镇', null, 35],
      ],
    });
  });

  it('escapes the town name in the tooltip', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
    expect(html).toContain('培训次数：0 次');
    expect(html).toContain('培训人次：未报告');
    expect(callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }])).toContain('培训人次：260 人次');
  });

  it('grows with the towns, a row each, so that 158 town names all show', () => {
    const many = Array.from({ length: 158 }, (_, i) => town(`t${i}`, `镇${i}`, { sessions: i }));
    const s = trainingBarsChart({ rows: many, year: 2022 });
    expect(s.height).toBeGreaterThanOrEqual(158 * 26);
    expect((s.option as any).yAxis[0].axisLabel.interval).toBe(0);
  });

  it('says so instead of drawing empty axes when every town had no training', () => {
    expect(trainingBarsChart({ rows: [town('a', '甲镇', { sessions: 0, people: 0 })], year: 2022 }).emptyText).toBe('2022 年各镇街均未开展政务公开培训');
    expect(spec.emptyText).toBeUndefined();
  });
});
