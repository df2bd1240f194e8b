import { describe, expect, it } from 'vitest';
import type { ReviewTotals } from '../db/queries/views.ts';
import { callFormatter, yearTotals } from './fixtures.ts';
import { reviewTrendChart } from './review-trend.ts';

type K = keyof ReviewTotals['values'];
const KEYS = (['upheld', 'corrected', 'other', 'pending', 'total'] as const).flatMap((c) => [`review_${c}`, `suit_${c}`] as K[]);

const totals: ReviewTotals[] = [
  yearTotals<K>(2021, 14, { review_upheld: 3, review_corrected: 1, review_other: 0, review_pending: null, suit_upheld: 2, suit_pending: 1 }, KEYS),
  // 2022: no report at all
  yearTotals<K>(2023, 15, { review_upheld: 0, suit_corrected: 4 }, KEYS),
];

describe('reviewTrendChart', () => {
  const spec = reviewTrendChart({ totals, from: 2021, to: 2023 });
  const o = spec.option as Record<string, any>;

  it('states the year range and what is shown', () => {
    expect(spec.title).toBe('2021–2023 年行政复议与行政诉讼案件结果（合计）');
    expect(o.title.text).toBe(spec.title);
    expect(o.xAxis.data).toEqual(['2021', '2022', '2023']);
  });

  it('draws two stacks side by side, each by result, with gaps as null', () => {
    expect(o.series.map((s: any) => [s.name, s.stack, s.data])).toEqual([
      ['结果维持', 'review', [3, null, 0]],
      ['结果纠正', 'review', [1, null, null]],
      ['其他结果', 'review', [0, null, null]],
      ['尚未审结', 'review', [null, null, null]],
      ['结果维持', 'suit', [2, null, null]],
      ['结果纠正', 'suit', [null, null, 4]],
      ['其他结果', 'suit', [null, null, null]],
      ['尚未审结', 'suit', [1, null, null]],
    ]);
    expect(spec.categoryKeys).toBeUndefined();
  });

  it('tabulates one row per year', () => {
    expect(spec.table.header).toEqual([
      '年度',
      '行政复议·结果维持（件）',
      '行政复议·结果纠正（件）',
      '行政复议·其他结果（件）',
      '行政复议·尚未审结（件）',
      '行政诉讼·结果维持（件）',
      '行政诉讼·结果纠正（件）',
      '行政诉讼·其他结果（件）',
      '行政诉讼·尚未审结（件）',
      '报告数',
    ]);
    expect(spec.table.rows).toEqual([
      [2021, 3, 1, 0, null, 2, null, null, 1, 14],
      [2022, null, null, null, null, null, null, null, null, 0],
      [2023, 0, null, null, null, null, 4, null, null, 15],
    ]);
  });

  it('has a tooltip per year that says 未报告 for unstated results', () => {
    const html = callFormatter(o.tooltip.formatter, [{ dataIndex: 0 }]);
    expect(html).toContain('<b>2021 年（共 14 份报告）</b>');
    expect(html).toContain('行政复议·结果维持：3 件');
    expect(html).toContain('行政复议·尚未审结：未报告');
    expect(callFormatter(o.tooltip.formatter, [{ dataIndex: 5 }])).toBe('');
  });

  it('covers a single year', () => {
    const s = reviewTrendChart({ totals, from: 2023, to: 2023 });
    expect(s.title).toBe('2023 年行政复议与行政诉讼案件结果（合计）');
    expect(s.table.rows).toHaveLength(1);
  });
});
