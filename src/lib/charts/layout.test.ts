import { describe, expect, it } from 'vitest';
import { fontOf, layoutChart, legendEntries, packRows, SYNTHETIC_MARK } from './layout.ts';
import { mixPieChart } from './pie.ts';
import type { ChartSpec } from './spec.ts';
import { estimateText, wrapText } from './text-measure.ts';

const measure = estimateText;
const bar = (over: Partial<ChartSpec> = {}, option: Record<string, unknown> = {}): ChartSpec => ({
  title: '2025 年各镇街主动公开信息（按渠道）',
  height: 300,
  table: { header: [], rows: [] },
  option: {
    title: { text: 't', subtext: '未报告：军屯乡' },
    legend: {},
    grid: { left: 8, right: 48, top: 8, bottom: 4 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ['甲镇', '乙镇'] },
    series: ['政府网站', '政务新媒体', '公开栏等线下', '其他渠道', '仅报总数'].map((name) => ({ type: 'bar', name, data: [1, 2] })),
    ...option,
  },
  ...over,
});

type Block = { text: string; top?: number; bottom?: number; textStyle: { lineHeight: number } };
const blocks = (o: unknown) => (o as { title: Block[] }).title;

describe('wrapText', () => {
  it('breaks Chinese between characters to the width, and keeps explicit lines', () => {
    const text = '未报告：中都街道、汶上街道、南站街道、南旺镇、次邱镇、寅寺镇、郭楼镇、康驿镇';
    const lines = wrapText(`${text}\n第二行`, 120, fontOf(12), measure);
    expect(lines.join('')).toBe(`${text}第二行`);
    expect(lines.at(-1)).toBe('第二行');
    for (const l of lines) expect(measure(l, fontOf(12))).toBeLessThanOrEqual(120 + 12);
  });

  it('never starts a line with a closing mark, nor splits a number', () => {
    const lines = wrapText('甲乙丙丁、戊己 2025 年（共 1,234 份）', 48, fontOf(12), measure);
    for (const l of lines) expect(l).not.toMatch(/^[、，）]/);
    expect(lines.some((l) => l.includes('1,234'))).toBe(true);
    expect(lines.some((l) => l.includes('2025'))).toBe(true);
  });

  it('splits a single run longer than the width', () => {
    const lines = wrapText('x'.repeat(40), 60, fontOf(12), measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(40));
  });
});

describe('packRows', () => {
  it('fills rows in order without exceeding the width', () => {
    const rows = packRows([40, 40, 40, 90, 10].map((w, i) => ({ item: i, width: w })), 100, 10);
    expect(rows).toEqual([[0, 1], [2], [3], [4]]);
  });
});

describe('layoutChart', () => {
  it('lists every series in the legend, in rows that fit, one plain legend per row', () => {
    for (const width of [320, 480, 960]) {
      const { option } = layoutChart(bar(), { width, measure });
      const legends = (option as { legend: { type: string; data: string[]; top: number }[] }).legend;
      expect(legends.flatMap((l) => l.data)).toEqual(['政府网站', '政务新媒体', '公开栏等线下', '其他渠道', '仅报总数']);
      expect(legends.every((l) => l.type === 'plain')).toBe(true);
      for (const l of legends) {
        const w = l.data.reduce((a, n) => a + 25 + measure(n, fontOf(12)), 0) + 14 * (l.data.length - 1);
        expect(w).toBeLessThanOrEqual(width - 24);
      }
      if (width === 320) expect(legends.length).toBeGreaterThan(1);
      const tops = legends.map((l) => l.top);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
    }
  });

  it('stacks title, subtitle, filters and legend in bands above the plot, the source line below it', () => {
    const meta = { filters: '年度：2025 年；镇街：全部（15 个）', source: '数据来源：汶上县各镇街《政府信息公开工作年度报告》15 份', synthetic: true };
    const { option, height } = layoutChart(bar(), { width: 960, measure, bands: meta });
    const o = option as { title: Block[]; legend: { top: number }[]; grid: { top: number; bottom: number }[] };
    const [mark, title, sub, filters, source] = o.title;
    expect(o.title.map((t) => t.text)).toEqual([SYNTHETIC_MARK, expect.stringContaining('2025 年'), '未报告：军屯乡', meta.filters, meta.source]);
    const bottomOf = (b: Block) => b.top! + b.text.split('\n').length * b.textStyle.lineHeight;
    expect(mark!.top).toBe(title!.top);
    expect(sub!.top).toBeGreaterThanOrEqual(bottomOf(title!));
    expect(filters!.top).toBeGreaterThanOrEqual(bottomOf(sub!));
    expect(o.legend[0]!.top).toBeGreaterThanOrEqual(bottomOf(filters!));
    expect(o.grid[0]!.top).toBeGreaterThanOrEqual(o.legend.at(-1)!.top + 16 + 8);
    // the source block sits below the plot box, inside the image
    expect(o.grid[0]!.bottom - 4).toBeGreaterThanOrEqual(source!.bottom! + source!.textStyle.lineHeight);
    expect(height).toBe(o.grid[0]!.top - 8 + 300 + (o.grid[0]!.bottom - 4));
  });

  it('wraps a long title clear of the 示例数据 mark and grows to hold it', () => {
    const long = bar({ title: '2019–2025 年各镇街政府信息公开申请办理结果与结转情况及其历年变化（合计，含示例数据）' });
    const one = layoutChart(long, { width: 960, measure, bands: { synthetic: true } });
    const narrow = layoutChart(long, { width: 360, measure, bands: { synthetic: true } });
    const titleOf = (o: unknown) => blocks(o).find((b) => b.text.startsWith('2019'))!;
    const markWidth = measure(SYNTHETIC_MARK, fontOf(14, true)) + 12;
    for (const line of titleOf(narrow.option).text.split('\n')) expect(measure(line, fontOf(16, true))).toBeLessThanOrEqual(360 - 24 - 2 * markWidth + 16);
    expect(titleOf(narrow.option).text.split('\n').length).toBeGreaterThan(titleOf(one.option).text.split('\n').length);
    expect(narrow.height).toBeGreaterThan(one.height);
  });

  it('shows every label of a horizontal category axis, rotated when they do not fit side by side', () => {
    const years = (n: number) => Array.from({ length: n }, (_, i) => String(2000 + i));
    const spec = (data: string[]): ChartSpec =>
      bar({}, { legend: undefined, xAxis: { type: 'category', data }, yAxis: { type: 'value' }, series: [{ type: 'line', name: 'x', data: data.map(() => 1) }] });
    const few = layoutChart(spec(years(7)), { width: 960, measure });
    const axis = (o: unknown) => (o as { xAxis: { axisLabel: { interval: number; rotate: number } }[] }).xAxis[0]!.axisLabel;
    expect(axis(few.option)).toMatchObject({ interval: 0, rotate: 0 });
    const many = layoutChart(spec(Array.from({ length: 40 }, (_, i) => `镇街名称${i}`)), { width: 480, measure });
    expect(axis(many.option).interval).toBe(0);
    expect(axis(many.option).rotate).toBeGreaterThan(0);
    expect(many.height).toBeGreaterThan(layoutChart(spec(years(3)), { width: 480, measure }).height);
  });

  it('puts a message in place of empty axes', () => {
    const { option, height } = layoutChart(bar({ emptyText: '本年度无行政诉讼案件', height: 600 }), { width: 480, measure });
    const o = option as { series: unknown[]; legend: unknown[]; xAxis: { show: boolean }[]; yAxis: { show: boolean }[] };
    expect(o.series).toEqual([]);
    expect(o.legend).toEqual([]);
    expect(o.xAxis[0]!.show).toBe(false);
    expect(blocks(option).map((b) => b.text)).toContain('本年度无行政诉讼案件');
    expect(height).toBeLessThan(400);
  });

  it('sizes a donut to leave its labels room, and drops the labels for the legend when too narrow', () => {
    const pie = mixPieChart({
      title: '2025 年政府信息公开申请办理结果构成（合计）',
      subtext: '',
      unit: '件',
      partHeader: '办理结果',
      emptyText: '本年度无办理结果',
      parts: [
        { label: '予以公开', value: 8 },
        { label: '部分公开', value: 2 },
        { label: '无法提供', value: 0 },
      ],
    });
    const series = (o: unknown) => (o as { series: { radius: number[]; label: { show: boolean }; top: number; height: number }[] }).series[0]!;
    const wide = layoutChart(pie, { width: 960, measure });
    const s = series(wide.option);
    expect(s.label.show).toBe(true);
    expect(s.radius[1]).toBeLessThanOrEqual(s.height / 2);
    expect(s.radius[1]! + measure('予以公开', fontOf(12)) + 40).toBeLessThanOrEqual(960 / 2);
    const tight = series(layoutChart(pie, { width: 200, measure }).option);
    expect(tight.label.show).toBe(false);
    expect(legendEntries(pie.option as Record<string, unknown>)).toEqual(['予以公开', '部分公开', '无法提供']);
  });

  it('leaves the builder’s option as it was', () => {
    const spec = bar();
    const before = JSON.stringify(spec.option);
    layoutChart(spec, { width: 480, measure, bands: { source: 's', filters: 'f', synthetic: true } });
    expect(JSON.stringify(spec.option)).toBe(before);
  });
});
