/**
 * Series over the years, one panel per unit, stacked and sharing the year axis: each unit keeps
 * its own scale, so a series of about 20 件 is never drawn flat on an axis of 2,500 人次. A panel
 * is named by its series and unit at the top of its value axis.
 */
import type { BarSeriesOption, GridComponentOption, LineSeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { COLUMN_PLOT_HEIGHT, formatShort, grid, header, yearAxis } from './common.ts';

export interface PanelSeries {
  label: string;
  unit: string;
  type: 'bar' | 'line';
  /** one value per year (null: a gap) */
  values: readonly (number | null)[];
  /** a fixed colour (else the palette's, by series order) */
  color?: string;
}

/** Height of one panel when there are several, and the space between panels. */
const PANEL_HEIGHT = 170;
const PANEL_GAP = 30;

export interface Panels {
  height: number;
  grid: GridComponentOption[];
  xAxis: XAXisComponentOption[];
  yAxis: YAXisComponentOption[];
  series: (BarSeriesOption | LineSeriesOption)[];
  /** the units in panel order */
  units: string[];
}

export function trendPanels(years: readonly number[], input: readonly PanelSeries[]): Panels {
  const units = [...new Set(input.map((s) => s.unit))];
  const one = units.length === 1;
  const panel = one ? COLUMN_PLOT_HEIGHT : PANEL_HEIGHT;
  // several panels share one left edge, so that their years line up (room for labels like 12,345)
  const grids = units.map((_, i) =>
    // a panel: its name (22 px), the axes, the year labels (24 px)
    one ? grid({ right: 24 }) : grid({ top: i * (panel + PANEL_GAP) + 22, height: panel - 46, left: 64, right: 24, outerBoundsMode: 'none' }),
  );
  const xAxis = units.map((_, i) => yearAxis(years, { gridIndex: i }) as XAXisComponentOption);
  const yAxis = units.map((u, i): YAXisComponentOption => {
    const labels = input.filter((s) => s.unit === u).map((s) => s.label);
    const percent = u === '%';
    return {
      type: 'value',
      gridIndex: i,
      // one panel: the unit alone (the legend names the series); several: what the panel shows
      name: one ? (percent ? '' : u) : header(labels.join('、'), percent ? '%' : u),
      nameTextStyle: one ? {} : { align: 'left' },
      ...(percent ? {} : { minInterval: 1 }),
      ...(one ? {} : { splitNumber: 4 }),
      axisLabel: { formatter: (v: number) => formatShort(v, percent ? 'percent' : 'count') },
    };
  });
  const series = input.map((s): BarSeriesOption | LineSeriesOption => {
    const axis = units.indexOf(s.unit);
    const base = { name: s.label, xAxisIndex: axis, yAxisIndex: axis, data: [...s.values], ...(s.color ? { itemStyle: { color: s.color } } : {}) };
    return s.type === 'bar' ? { ...base, type: 'bar', barMaxWidth: 36 } : { ...base, type: 'line', connectNulls: false, symbolSize: 7 };
  });
  return { height: units.length * panel + (units.length - 1) * PANEL_GAP, grid: grids, xAxis, yAxis, series, units };
}
