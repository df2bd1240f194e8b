import { describe, expect, it } from 'vitest';
import type { TownHistoryRow } from '../db/queries/views.ts';
import { callFormatter, XSS, XSS_ESCAPED, yearTotals } from './fixtures.ts';
import { townHistoryChart } from './town-history.ts';

type K = keyof TownHistoryRow['values'];
const KEYS: K[] = ['pub_volume', 'train_sessions', 'train_people', 'apps_received', 'review_cases', 'suit_cases'];

const history: TownHistoryRow[] = [
  yearTotals<K>(2019, 1, { pub_volume: 320, train_people: 40, apps_received: 0 }, KEYS),
  // 2020: no report
  yearTotals<K>(2021, 1, { pub_volume: 410, train_people: null, apps_received: 3 }, KEYS),
  yearTotals<K>(2022, 1, { pub_volume: null, train_people: 55, apps_received: 1 }, KEYS),
];

describe('townHistoryChart', () => {
  const spec = townHistoryChart({ town: '中都街道', history });
  const o = spec.option as Record<string, any>;

  it('states the year range and the town', () => {
    expect(spec.title).toBe('2019–2022 年中都街道主要指标');
    expect(o.title.text).toBe(spec.title);
    expect(o.title.subtext).toBe('无年报：2020 年');
  });

  it('draws 主动公开总量 as bars and the others as lines, each in a panel of its unit, gaps as null', () => {
    expect(o.xAxis.map((a: any) => a.data)).toEqual(Array(3).fill(['2019', '2020', '2021', '2022']));
    expect(o.series.map((s: any) => [s.type, s.name, s.yAxisIndex, s.data])).toEqual([
      ['bar', '主动公开总量', 0, [320, null, 410, null]],
      ['line', '培训人次', 1, [40, null, null, 55]],
      ['line', '本年新收申请', 2, [0, null, 3, 1]],
    ]);
    // each unit on its own scale: about 20 件 are never drawn on an axis of 2,500 人次
    expect(o.yAxis.map((a: any) => a.name)).toEqual(['主动公开总量（条）', '培训人次（人次）', '本年新收申请（件）']);
    expect(o.series.filter((s: any) => s.type === 'line').every((s: any) => s.connectNulls === false)).toBe(true);
  });

  it('tabulates one row per year', () => {
    expect(spec.table).toEqual({
      header: ['年度', '主动公开总量（条）', '培训人次（人次）', '本年新收申请（件）'],
      rows: [
        [2019, 320, 40, 0],
        [2020, null, null, null],
        [2021, 410, null, 3],
        [2022, null, 55, 1],
      ],
    });
  });

  it('escapes the town name in the tooltip and marks years without a report', () => {
    const s = townHistoryChart({ town: XSS, history });
    const html = callFormatter((s.option as any).tooltip.formatter, [{ dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(`${XSS_ESCAPED} · 2020 年（无年报）`);
    expect(html).toContain('主动公开总量：未报告');
    expect(callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }])).toContain('本年新收申请：0 件');
  });

  it('handles a town without any report', () => {
    const s = townHistoryChart({ town: '军屯乡', history: [] });
    expect(s.title).toBe('军屯乡主要指标');
    expect((s.option as any).title.subtext).toBe('');
    expect(s.emptyText).toBe('尚无年报');
    expect(s.table.rows).toEqual([]);
  });
});
