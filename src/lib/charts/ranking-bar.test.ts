import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../db/queries/ranking.ts';
import { measure } from '../model/measures.ts';
import { callFormatter, XSS, XSS_ESCAPED } from './fixtures.ts';
import { rankingBarChart, rankingBarTitle } from './ranking-bar.ts';

const row = (town_key: string, town: string, value: number | null, rank: number | null): RankingRow => ({
  town_key,
  town,
  town_code: null,
  county: '汶上县',
  value,
  rank,
  reported: value !== null,
  synthetic: false,
  prev_value: null,
  prev_rank: null,
  reports: 1,
  synthetic_reports: 0,
});

const rows = [row('a', '中都街道', 900, 1), row('b', XSS, 500, 2), row('c', '康驿镇', 500, 2), row('e', '郭楼镇', 0, 4), row('d', '军屯乡', null, null)];

describe('rankingBarChart', () => {
  const spec = rankingBarChart({ rows, measure: measure('pub_volume'), year: 2021 });
  const o = spec.option as Record<string, any>;

  it('titles the chart with year and measure', () => {
    expect(spec.title).toBe('2021 年各镇街主动公开总量排名');
    expect(o.title.text).toBe(spec.title);
    expect(rankingBarTitle({ measureLabel: '公开率', year: 2020 })).toBe('2020 年各镇街公开率排名');
  });

  it('draws only reported towns, in rank order, keeps a zero, and names the unreported ones', () => {
    expect(o.yAxis.data).toEqual(['中都街道', XSS, '康驿镇', '郭楼镇']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.series[0].data).toEqual([900, 500, 500, 0]);
    expect(spec.categoryKeys).toEqual(['a', 'b', 'c', 'e']);
    expect(o.title.subtext).toBe('未报告（不参与排名）：军屯乡');
  });

  it('tabulates rank, town and value', () => {
    expect(spec.table).toEqual({
      header: ['镇街', '名次', '主动公开总量（条）'],
      rows: [
        ['中都街道', 1, 900],
        [XSS, 2, 500],
        ['康驿镇', 2, 500],
        ['郭楼镇', 4, 0],
      ],
    });
  });

  it('escapes town names in the HTML tooltip', () => {
    const html = callFormatter(o.tooltip.formatter, { name: XSS, value: 500, dataIndex: 1 });
    expect(html).not.toContain('<img');
    expect(html).toContain(XSS_ESCAPED);
    expect(html).toContain('第 2 名：500 条');
  });

  it('uses a CJK font so that exported images show Chinese', () => {
    expect(o.textStyle.fontFamily).toMatch(/^'Noto Sans CJK SC'/);
  });

  it('grows with the number of towns', () => {
    const many = Array.from({ length: 30 }, (_, i) => row(`t${i}`, `镇${i}`, 30 - i, i + 1));
    expect(rankingBarChart({ rows: many, measure: measure('pub_volume'), year: 2021 }).height).toBeGreaterThan(30 * 26);
    expect(spec.height).toBe(260);
  });

  it('has no subtitle when every town reported', () => {
    const s = rankingBarChart({ rows: rows.slice(0, 3), measure: measure('pub_volume'), year: 2021 });
    expect((s.option as any).title.subtext).toBe('');
  });

  it.each([
    [0.125, '12.5%', 12.5],
    [1, '100%', 100],
    [0, '0%', 0],
    [2 / 3, '66.7%', 66.67],
  ])('shows the percent measure %s as %s on labels, axis and tooltip', (v, text, tableValue) => {
    const s = rankingBarChart({ rows: [row('a', '中都街道', v, 1), row('d', '军屯乡', null, null)], measure: measure('open_rate'), year: 2022 });
    const p = s.option as Record<string, any>;
    expect(p.series[0].data).toEqual([v]);
    expect(callFormatter(p.series[0].label.formatter, { value: v })).toBe(text);
    expect(callFormatter(p.xAxis.axisLabel.formatter, v)).toBe(text);
    expect(callFormatter(p.tooltip.formatter, { dataIndex: 0 })).toContain(`第 1 名：${text}`);
    expect(s.table.header).toEqual(['镇街', '名次', '公开率（%）']);
    expect(s.table.rows).toEqual([['中都街道', 1, tableValue]]);
  });

  it('never lets NaN or Infinity reach the chart: a ratio without a base is named as such, apart from 未报告', () => {
    const s = rankingBarChart({
      rows: [row('a', '中都街道', Number.NaN, null), row('b', '康驿镇', Infinity, null), row('c', '军屯乡', null, null)],
      measure: measure('open_rate'),
      year: 2022,
    });
    expect((s.option as any).series[0].data).toEqual([]);
    expect(s.table.rows).toEqual([]);
    expect((s.option as any).title.subtext).toBe('无办理的申请（“—”，不参与排名）：中都街道、康驿镇\n未报告（不参与排名）：军屯乡');
    expect(s.emptyText).toBe('没有可排名的数值');
  });
});
