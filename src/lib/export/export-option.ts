/**
 * The export version of a chart's option: the title block with the filters in force, a footer with
 * the data source, and a 示例数据 mark when any shown data is synthetic. Pure, so it is tested as data.
 */
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../charts/spec.ts';
import { FONT_FAMILY } from '../charts/theme.ts';

export interface ExportMeta {
  /** the filters in force, e.g. 年度：2023 年；镇街：全部（15 个） */
  filters: string;
  /** the data source line */
  source: string;
  /** whether any data shown is synthetic */
  synthetic: boolean;
}

export const EXPORT_WIDTH = 960;
const FOOTER = 36;
const FILTER_LINE = 20;

type Grid = { top?: number | string; bottom?: number | string; [k: string]: unknown };

function shift(grid: unknown, top: number, bottom: number): unknown {
  const one = (g: Grid): Grid => ({
    ...g,
    top: typeof g.top === 'number' ? g.top + top : (g.top ?? 60 + top),
    bottom: typeof g.bottom === 'number' ? g.bottom + bottom : (g.bottom ?? 60 + bottom),
  });
  if (Array.isArray(grid)) return grid.map((g) => one(g as Grid));
  return one((grid ?? {}) as Grid);
}

/** The chart's option with the export's title block, footer and synthetic mark. */
export function exportOption(spec: ChartSpec, meta: ExportMeta): EChartsOption {
  const o = spec.option as Record<string, unknown>;
  const title = (Array.isArray(o.title) ? o.title[0] : o.title) as Record<string, unknown> | undefined;
  const subtext = [meta.filters, typeof title?.subtext === 'string' ? title.subtext : ''].filter((s) => s !== '').join('\n');
  const graphic: unknown[] = [
    {
      type: 'text',
      left: 12,
      bottom: 10,
      style: { text: meta.source, fill: '#555', font: `12px ${FONT_FAMILY}` },
    },
  ];
  if (meta.synthetic) {
    graphic.push({
      type: 'text',
      right: 12,
      top: 10,
      style: { text: '示例数据', fill: '#c0392b', font: `bold 14px ${FONT_FAMILY}` },
    });
  }
  return {
    ...o,
    animation: false,
    backgroundColor: '#fff',
    title: { left: 'center', ...title, text: spec.title, subtext, subtextStyle: { color: '#555', ...(title?.subtextStyle as object) } },
    grid: shift(o.grid, FILTER_LINE, FOOTER),
    graphic,
  } as EChartsOption;
}

export function exportHeight(spec: ChartSpec): number {
  return spec.height + FILTER_LINE + FOOTER;
}


/** The data source line: how many reports a chart draws on, and how many are synthetic. */
export function sourceLine(counties: readonly string[], reports: number, synthetic: number): string {
  const where = counties.length > 0 && counties.length <= 3 ? counties.join('、') : '';
  return `数据来源：${where}各镇街《政府信息公开工作年度报告》${reports} 份${synthetic > 0 ? `（其中示例数据 ${synthetic} 份）` : ''}`;
}
