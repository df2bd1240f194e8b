import { describe, expect, it } from 'vitest';
import { rankingBarOption } from './ranking-bar.ts';

const rows = [
  { town_key: 'a', town: '中都街道', value: 900, rank: 1 },
  { town_key: 'b', town: '<img src=x onerror=alert(1)>', value: 500, rank: 2 },
  { town_key: 'c', town: '康驿镇', value: 500, rank: 2 },
  { town_key: 'd', town: '军屯乡', value: null, rank: null },
];

describe('rankingBarOption', () => {
  const option = rankingBarOption({ rows, measureLabel: '主动公开总量', unit: '条', year: 2021 }) as Record<string, any>;

  it('titles the chart with year and measure', () => {
    expect(option.title.text).toBe('2021 年各镇街主动公开总量排名');
  });

  it('draws only reported towns, in rank order, and names the unreported ones', () => {
    expect(option.yAxis.data).toEqual(['中都街道', '<img src=x onerror=alert(1)>', '康驿镇']);
    expect(option.series[0].data).toEqual([900, 500, 500]);
    expect(option.title.subtext).toBe('未报告（不参与排名）：军屯乡');
  });

  it('escapes town names in the HTML tooltip', () => {
    const html = option.tooltip.formatter({ name: rows[1]!.town, value: 500, dataIndex: 1 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('第 2 名：500 条');
  });

  it('uses a CJK font so that exported images show Chinese', () => {
    expect(option.textStyle.fontFamily).toMatch(/^"Noto Sans CJK SC"/);
  });

  it('has no subtitle when every town reported', () => {
    const o = rankingBarOption({ rows: rows.slice(0, 3), measureLabel: 'x', unit: '条', year: 2021 }) as Record<string, any>;
    expect(o.title.subtext).toBe('');
  });
});
