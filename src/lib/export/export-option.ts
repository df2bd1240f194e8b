/**
 * The exported version of a chart: the same spec laid out (layout.ts) at the export width, with
 * the filters in force, a footer with the data source, and a 示例数据 mark when any shown data is
 * synthetic, each in its own band; on white, without animation. Pure but for the text measure,
 * which is the canvas's in the browser and passed in by tests.
 */
import type { EChartsOption } from 'echarts';
import { layoutChart } from '../charts/layout.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { measureText, type MeasureText } from '../charts/text-measure.ts';

export interface ExportMeta {
  /** the filters in force, e.g. 年度：2023 年；镇街：全部（15 个） */
  filters: string;
  /** the data source line */
  source: string;
  /** whether any data shown is synthetic */
  synthetic: boolean;
}

export const EXPORT_WIDTH = 960;

/** The option and height of the exported image of `spec`. */
export function exportLayout(spec: ChartSpec, meta: ExportMeta, measure: MeasureText = measureText): { option: EChartsOption; height: number } {
  const laid = layoutChart(spec, { width: EXPORT_WIDTH, measure, bands: meta });
  return { option: { ...laid.option, animation: false, backgroundColor: '#fff' } as EChartsOption, height: laid.height };
}

/** The data source line: how many reports a chart draws on, and how many are synthetic. */
export function sourceLine(counties: readonly string[], reports: number, synthetic: number): string {
  const where = counties.length > 0 && counties.length <= 3 ? counties.join('、') : '';
  return `数据来源：${where}各镇街《政府信息公开工作年度报告》${reports} 份${synthetic > 0 ? `（其中示例数据 ${synthetic} 份）` : ''}`;
}
