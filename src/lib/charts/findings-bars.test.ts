import { describe, expect, it } from 'vitest';
import { findingsBarChart } from './findings-bars.ts';
import { XSS } from './fixtures.ts';

const rows = [
  { town_key: 'a', town: XSS, errors: 2, warnings: 1, total: 3 },
  { town_key: 'b', town: '康驿镇', errors: 0, warnings: 1, total: 1 },
  { town_key: 'c', town: '军屯乡', errors: 0, warnings: 0, total: 0 },
];

describe('findingsBarChart', () => {
  const spec = findingsBarChart({ rows, from: 2019, to: 2025 });
  const o = spec.option as Record<string, any>;

  it('draws towns with findings, errors and warnings stacked, and counts the clean ones', () => {
    expect(spec.title).toBe('2019–2025 年各镇街勾稽关系问题数');
    expect(o.yAxis.data).toEqual([XSS, '康驿镇']);
    expect(o.series.map((s: any) => [s.name, s.data])).toEqual([
      ['错误', [2, 0]],
      ['警告', [1, 1]],
    ]);
    expect(o.title.subtext).toBe('另有 1 个镇街没有发现问题');
    expect(spec.categoryKeys).toEqual(['a', 'b']);
    expect(spec.table.rows).toEqual([
      [XSS, 2, 1, 3],
      ['康驿镇', 0, 1, 1],
    ]);
  });

  it('escapes town names in the tooltip', () => {
    const html = o.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
