import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../charts/spec.ts';
import { estimateText } from '../charts/text-measure.ts';
import { EXPORT_WIDTH, exportLayout, sourceLine } from './export-option.ts';

const spec: ChartSpec = {
  title: '2023 年各镇街主动公开总量排名',
  option: {
    title: { text: '2023 年各镇街主动公开总量排名', subtext: '未报告（不参与排名）：军屯乡' },
    grid: { top: 0, bottom: 8, left: 8, right: 64 },
    series: [{ type: 'bar', data: [1, 2] }],
  },
  height: 400,
  table: { header: ['镇街', '值'], rows: [] },
};

const meta = { filters: '年度：2023 年；镇街：全部（15 个）', source: '数据来源：汶上县各镇街《政府信息公开工作年度报告》15 份', synthetic: true };

describe('exportLayout', () => {
  const { option, height } = exportLayout(spec, meta, estimateText);
  const o = option as Record<string, any>;
  const texts = o.title.map((t: any) => t.text);

  it('carries the title, the chart’s own subtitle, the filters in force, the source line and the 示例数据 mark, each a block of its own', () => {
    expect(texts).toEqual(['示例数据', spec.title, '未报告（不参与排名）：军屯乡', meta.filters, meta.source]);
  });

  it('puts the plot below the header and above the source line, and grows to hold them', () => {
    const filterBlock = o.title[3];
    expect(o.grid[0].top).toBeGreaterThan(filterBlock.top + filterBlock.textStyle.lineHeight);
    expect(o.grid[0].bottom).toBeGreaterThan(8 + 18);
    expect(height).toBe(o.grid[0].top + spec.height + (o.grid[0].bottom - 8));
  });

  it('keeps the title clear of the 示例数据 mark', () => {
    const mark = o.title[0];
    expect(mark.right).toBeGreaterThan(0);
    const titleWidth = estimateText(spec.title, 'bold 16px x');
    expect(EXPORT_WIDTH / 2 + titleWidth / 2).toBeLessThan(EXPORT_WIDTH - mark.right - estimateText('示例数据', 'bold 14px x'));
  });

  it('draws on white without animation', () => {
    expect(o.backgroundColor).toBe('#fff');
    expect(o.animation).toBe(false);
  });

  it('has no 示例数据 mark when nothing shown is synthetic', () => {
    const real = exportLayout(spec, { ...meta, synthetic: false }, estimateText).option as Record<string, any>;
    expect(real.title.map((t: any) => t.text)).not.toContain('示例数据');
  });

  it('does not change the on-screen option', () => {
    expect((spec.option as any).grid.top).toBe(0);
    expect(Array.isArray((spec.option as any).title)).toBe(false);
  });
});

describe('sourceLine', () => {
  it('names the county and counts reports, and synthetic ones', () => {
    expect(sourceLine(['汶上县'], 15, 14)).toBe('数据来源：汶上县各镇街《政府信息公开工作年度报告》15 份（其中示例数据 14 份）');
    expect(sourceLine(['汶上县'], 1, 0)).toBe('数据来源：汶上县各镇街《政府信息公开工作年度报告》1 份');
  });
});
