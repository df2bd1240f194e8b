/**
 * What every chart builder returns: the ECharts option (its title and subtitle, legend content,
 * axes and series), the height of its plot, which town each category is (for click-through to
 * 镇街详情), and the data it shows as a table (for 导出数据). The builder does not place the
 * title, subtitle or legend: layout.ts does, for the width at hand, on screen and in exported
 * images alike.
 */
import type { EChartsOption } from 'echarts';

export type TableCell = string | number | null;

export interface ChartTable {
  header: string[];
  rows: TableCell[][];
}

export interface ChartSpec {
  /** chart title, also used in export file names */
  title: string;
  option: EChartsOption;
  /**
   * height in CSS pixels of the plot: the grid box with its axis labels (grid tops are relative
   * to it), or the box of a pie; the header and footer bands come on top (layout.ts)
   */
  height: number;
  /** when set, the plot shows this message instead of empty axes (e.g. 本年度无行政诉讼案件) */
  emptyText?: string;
  /** town key of each category on the category axis, in axis order, when categories are towns */
  categoryKeys?: string[];
  /** the values the chart shows, one row per category */
  table: ChartTable;
}
