/**
 * What every chart builder returns: the ECharts option (with its title), the size it wants, which
 * town each category is (for click-through to 镇街详情), and the data it shows as a table (for
 * 导出数据). The on-screen chart and the exported image both come from the same spec.
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
  /** height in CSS pixels the chart needs (width follows its container) */
  height: number;
  /** town key of each category on the category axis, in axis order, when categories are towns */
  categoryKeys?: string[];
  /** the values the chart shows, one row per category */
  table: ChartTable;
}
