import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../charts/spec.ts';
import { exportHeight, exportOption, sourceLine } from './export-option.ts';

const spec: ChartSpec = {
  title: '2023 年各镇街主动公开总量排名',
  option: {
    title: { text: '2023 年各镇街主动公开总量排名', subtext: '未报告（不参与排名）：军屯乡', left: 'center' },
    grid: { top: 72, bottom: 8, left: 8, right: 64 },
    series: [{ type: 'bar', data: [1, 2] }],
  },
  height: 400,
  table: { header: ['镇街', '值'], rows: [] },
};

const meta = { filters: '年度：2023 年；镇街：全部（15 个）', source: '数据来源：汶上县各镇街《政府信息公开工作年度报告》15 份', synthetic: true };

describe('exportOption', () => {
  const o = exportOption(spec, meta) as Record<string, any>;

  it('carries the title, the filters in force and the chart’s own subtitle', () => {
    expect(o.title.text).toBe(spec.title);
    expect(o.title.subtext).toBe('年度：2023 年；镇街：全部（15 个）\n未报告（不参与排名）：军屯乡');
  });

  it('adds the source line and the 示例数据 mark, and makes room for them', () => {
    const texts = o.graphic.map((g: any) => g.style.text);
    expect(texts).toEqual([meta.source, '示例数据']);
    expect(o.grid.top).toBeGreaterThan(72);
    expect(o.grid.bottom).toBeGreaterThan(8);
    expect(exportHeight(spec)).toBeGreaterThan(spec.height);
  });

  it('draws on white without animation', () => {
    expect(o.backgroundColor).toBe('#fff');
    expect(o.animation).toBe(false);
  });

  it('has no 示例数据 mark when nothing shown is synthetic', () => {
    const real = exportOption(spec, { ...meta, synthetic: false }) as Record<string, any>;
    expect(real.graphic.map((g: any) => g.style.text)).toEqual([meta.source]);
  });

  it('does not change the on-screen option', () => {
    expect((spec.option as any).grid.top).toBe(72);
    expect((spec.option as any).graphic).toBeUndefined();
  });
});

describe('sourceLine', () => {
  it('names the county and counts reports, and synthetic ones', () => {
    expect(sourceLine(['汶上县'], 15, 14)).toBe('数据来源：汶上县各镇街《政府信息公开工作年度报告》15 份（其中示例数据 14 份）');
    expect(sourceLine(['汶上县'], 1, 0)).toBe('数据来源：汶上县各镇街《政府信息公开工作年度报告》1 份');
  });
});
