import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../db/queries/views.ts';
import { callFormatter, townRow, XSS, XSS_ESCAPED } from './fixtures.ts';
import { reviewStackedChart } from './review-stacked.ts';

const RESULT_IDS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const KEYS = RESULT_IDS.flatMap((c) => [`review_${c}`, `suit_${c}`] as const);
type K = (typeof KEYS)[number];
const town = (key: string, name: string, v: Partial<Record<K, number | null>>, reported = true): ReviewRow => townRow(key, name, v, KEYS, reported);

const rows: ReviewRow[] = [
  town('zd', '中都街道', { review_upheld: 2, review_corrected: 1, review_other: 0, review_pending: 0, review_total: 3, suit_upheld: 1, suit_total: 1 }),
  town('x', XSS, { review_upheld: 0, review_total: 0, suit_pending: 2, suit_total: 2 }),
  town('jt', '军屯乡', {}, false),
  town('ky', '康驿镇', { review_total: 0 }),
];

describe('reviewStackedChart', () => {
  const review = reviewStackedChart({ rows, year: 2023, kind: 'review' });
  const suit = reviewStackedChart({ rows, year: 2023, kind: 'suit' });
  const o = review.option as Record<string, any>;

  it('names 行政复议 or 行政诉讼 in the title', () => {
    expect(review.title).toBe('2023 年各镇街行政复议案件结果');
    expect(suit.title).toBe('2023 年各镇街行政诉讼案件结果');
    expect(o.title.text).toBe(review.title);
    expect((suit.option as any).title.text).toBe(suit.title);
  });

  it('stacks the four results of the kind, nulls kept', () => {
    expect(o.series.map((s: any) => [s.name, s.stack, s.data])).toEqual([
      ['结果维持', 'review', [2, 0]],
      ['结果纠正', 'review', [1, null]],
      ['其他结果', 'review', [0, null]],
      ['尚未审结', 'review', [0, null]],
    ]);
    expect((suit.option as any).series.map((s: any) => s.data)).toEqual([
      [1, null],
      [null, null],
      [null, null],
      [null, 2],
    ]);
  });

  it('draws towns stating a result, in official order, and names the others', () => {
    expect(o.yAxis.data).toEqual(['中都街道', XSS]);
    expect(o.yAxis.inverse).toBe(true);
    expect(review.categoryKeys).toEqual(['zd', 'x']);
    expect(o.title.subtext).toBe('未报告：军屯乡、康驿镇');
    expect((suit.option as any).title.subtext).toBe('含未经复议直接起诉与复议后起诉；未报告：军屯乡、康驿镇');
  });

  it('tabulates the results and the total', () => {
    expect(suit.table).toEqual({
      header: ['镇街', '结果维持（件）', '结果纠正（件）', '其他结果（件）', '尚未审结（件）', '总计（件）'],
      rows: [
        ['中都街道', 1, null, null, null, 1],
        [XSS, null, null, null, 2, 2],
      ],
    });
  });

  it('escapes the town name in the tooltip', () => {
    const html = callFormatter((suit.option as any).tooltip.formatter, [{ dataIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain(`${XSS_ESCAPED} · 行政诉讼`);
    expect(html).toContain('尚未审结：2 件');
    expect(html).toContain('结果维持：未报告');
  });
});
