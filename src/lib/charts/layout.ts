/**
 * The layout of a chart at a given width, on screen and in exported images: every text block
 * gets its own band, measured before ECharts draws anything, so nothing is drawn on top of
 * anything else.
 *
 *   示例数据 mark (exports with synthetic data, top right; the title is kept clear of it)
 *   title (wrapped)
 *   subtitle: the builder's notes, e.g. 未报告：… (wrapped)
 *   filter line (exports)
 *   legend: every entry, in rows (one plain legend component per row: never paged, never hidden)
 *   plot: the builder's `height` px (grids shifted down, pies placed in the box)
 *   数据来源 line (exports)
 *
 * Category labels on a horizontal axis are all shown (rotated when they do not fit side by side).
 * Pie labels get room on both sides; when the pie would be too small they are left out and the
 * legend, which carries each part's value, says it all. Pure: the text measure is passed in.
 */
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from './spec.ts';
import { FONT_FAMILY } from './theme.ts';
import { wrapText, type MeasureText } from './text-measure.ts';

export interface Bands {
  /** the filters in force, e.g. 年度：2025 年；镇街：全部（15 个） (exports) */
  filters?: string;
  /** the data source line (exports) */
  source?: string;
  /** marks the image 示例数据 (exports) */
  synthetic?: boolean;
}

export interface LayoutInput {
  width: number;
  measure: MeasureText;
  bands?: Bands;
}

export interface LaidOut {
  option: EChartsOption;
  height: number;
}

export const PAD = 12;
export const SYNTHETIC_MARK = '示例数据';
const TITLE = { size: 16, line: 22 };
const SUB = { size: 12, line: 18 };
const MARK = { size: 14, line: 20 };
const LEGEND = { size: 12, row: 16, rowGap: 8, itemWidth: 20, itemHeight: 12, itemGap: 14, textGap: 5 };
/** Least radius of a pie that still has its labels beside it. */
const MIN_LABELLED_RADIUS = 56;

export const fontOf = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v && typeof v === 'object' ? [v as Obj] : []);
const numOr = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);

/** A text block of the header or footer, as an ECharts title component with exact line height. */
function textBlock(lines: readonly string[], at: Obj, style: { size: number; line: number; bold?: boolean; color: string }): Obj {
  return {
    text: lines.join('\n'),
    padding: 0,
    ...at,
    textStyle: { fontSize: style.size, lineHeight: style.line, fontWeight: style.bold ? 'bold' : 'normal', color: style.color },
  };
}

/** The names the legend lists: its own `data`, else each named series (a pie: each part). */
export function legendEntries(option: Obj): string[] {
  const legend = list(option.legend)[0];
  if (!legend || legend.show === false) return [];
  if (Array.isArray(legend.data)) return legend.data.map((d) => (typeof d === 'string' ? d : String((d as Obj).name)));
  const names = new Set<string>();
  for (const s of list(option.series)) {
    if (s.type === 'pie') for (const d of list(s.data)) names.add(String(d.name));
    else if (typeof s.name === 'string' && s.name !== '') names.add(s.name);
  }
  return [...names];
}

/** Items into rows of at most `width`, in order. */
export function packRows<T>(items: readonly { item: T; width: number }[], width: number, gap: number): T[][] {
  const rows: T[][] = [];
  let row: T[] = [];
  let x = 0;
  for (const { item, width: w } of items) {
    if (row.length > 0 && x + gap + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    x += (row.length > 0 ? gap : 0) + w;
    row.push(item);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendLabel(legend: Obj | undefined): (name: string) => string {
  const f = legend?.formatter;
  if (typeof f === 'function') return (name) => String((f as (n: string) => unknown)(name));
  if (typeof f === 'string') return (name) => f.replace(/\{name\}/g, name);
  return (name) => name;
}

/**
 * A horizontal category axis showing every label: side by side when they fit, else rotated by
 * 45° or 90°. Returns the extra height the rotated labels need.
 */
function fitCategoryAxis(axis: Obj, width: number, measure: MeasureText): { axis: Obj; extra: number } {
  const labels = ((axis.data as unknown[] | undefined) ?? []).map((d, i) => {
    const v = d && typeof d === 'object' && 'value' in (d as Obj) ? String((d as Obj).value) : String(d);
    const f = (axis.axisLabel as Obj | undefined)?.formatter;
    return typeof f === 'function' ? String((f as (v: string, i: number) => unknown)(v, i)) : v;
  });
  const widths = labels.map((l) => Math.max(...l.split('\n').map((s) => measure(s, fontOf(12)))));
  const widest = Math.max(0, ...widths);
  const slot = labels.length > 0 ? width / labels.length : width;
  const rotate = widest + 8 <= slot ? 0 : slot >= 20 ? 45 : 90;
  const extra = rotate === 0 ? 0 : Math.ceil(widest * Math.sin((rotate * Math.PI) / 180));
  return { axis: { ...axis, axisLabel: { ...(axis.axisLabel as Obj | undefined), interval: 0, rotate, hideOverlap: false } }, extra };
}

/** Width of the plot's drawing area for category labels: the grid's width less the value axis. */
function gridWidth(grid: Obj | undefined, inner: number): number {
  const w = grid?.width;
  const base = typeof w === 'number' ? w : typeof w === 'string' && w.endsWith('%') ? (inner * parseFloat(w)) / 100 : inner;
  return Math.max(40, base - 70);
}

function placePie(s: Obj, box: { top: number; height: number; inner: number }, measure: MeasureText): Obj {
  const label = (s.label as Obj | undefined) ?? {};
  const centred = label.position === 'center';
  const format = label.formatter;
  const texts = list(s.data)
    .filter((d) => numOr(d.value, 0) > 0)
    .map((d) => (typeof format === 'function' ? String((format as (p: Obj) => unknown)({ name: d.name, value: d.value, data: d })) : String(d.name)));
  const widest = Math.max(0, ...texts.flatMap((t) => t.split('\n').map((l) => measure(l, fontOf(12)))));
  // beside the label: the two leader-line segments (10 + 10), ECharts' bleed margin (10) and a little air
  const room = centred || label.show === false ? 0 : widest + 44;
  let outer = Math.min(box.height / 2 - 24, box.inner / 2 - room);
  const labelled = !centred && label.show !== false && outer >= MIN_LABELLED_RADIUS;
  if (!labelled && !centred) outer = Math.min(box.height / 2 - 8, box.inner / 2 - 8);
  outer = Math.max(24, Math.floor(outer));
  const ring = Array.isArray(s.radius);
  return {
    ...s,
    left: PAD,
    right: PAD,
    top: box.top,
    height: box.height,
    center: ['50%', '50%'],
    radius: ring ? [Math.round(outer * 0.62), outer] : outer,
    avoidLabelOverlap: true,
    ...(centred
      ? {}
      : labelled
        ? { label: { ...label, show: true, position: 'outside' }, labelLine: { show: true, length: 10, length2: 10 }, labelLayout: { hideOverlap: true } }
        : { label: { show: false }, labelLine: { show: false } }),
  };
}

/** The option of `spec` laid out at `width`, with the height it needs. */
export function layoutChart(spec: ChartSpec, input: LayoutInput): LaidOut {
  const { width, measure, bands = {} } = input;
  const o = spec.option as Obj;
  const inner = width - 2 * PAD;
  const subtext = String(list(o.title)[0]?.subtext ?? '');
  const titles: Obj[] = [];
  let y = PAD;

  const markWidth = bands.synthetic ? Math.ceil(measure(SYNTHETIC_MARK, fontOf(MARK.size, true))) + PAD : 0;
  if (bands.synthetic) titles.push(textBlock([SYNTHETIC_MARK], { right: PAD, top: y }, { ...MARK, bold: true, color: '#c0392b' }));
  const titleLines = wrapText(spec.title, inner - 2 * markWidth, fontOf(TITLE.size, true), measure);
  titles.push(textBlock(titleLines, { left: 'center', top: y }, { ...TITLE, bold: true, color: '#222' }));
  y += Math.max(titleLines.length * TITLE.line, bands.synthetic ? MARK.line : 0);

  for (const [text, color] of [
    [subtext, '#666'],
    [bands.filters ?? '', '#444'],
  ] as const) {
    if (text === '') continue;
    const lines = wrapText(text, inner, fontOf(SUB.size), measure);
    y += 4;
    titles.push(textBlock(lines, { left: 'center', top: y }, { ...SUB, color }));
    y += lines.length * SUB.line;
  }

  const entries = spec.emptyText ? [] : legendEntries(o);
  const legendBase = list(o.legend)[0];
  const legends: Obj[] = [];
  if (entries.length > 0) {
    y += 8;
    const label = legendLabel(legendBase);
    const rows = packRows(
      entries.map((name) => ({ item: name, width: LEGEND.itemWidth + LEGEND.textGap + Math.ceil(measure(label(name), fontOf(LEGEND.size)) * 1.03) + 2 })),
      inner,
      LEGEND.itemGap,
    );
    const { top: _t, bottom: _b, left: _l, right: _r, width: _w, height: _h, type: _type, orient: _o, data: _d, ...rest } = legendBase ?? {};
    rows.forEach((row, i) =>
      legends.push({
        ...rest,
        type: 'plain',
        orient: 'horizontal',
        data: row,
        top: y + i * (LEGEND.row + LEGEND.rowGap),
        left: 'center',
        padding: 0,
        itemGap: LEGEND.itemGap,
        itemWidth: LEGEND.itemWidth,
        itemHeight: LEGEND.itemHeight,
        textStyle: { ...((rest.textStyle as Obj | undefined) ?? {}), fontSize: LEGEND.size, lineHeight: LEGEND.row },
      }),
    );
    y += rows.length * LEGEND.row + (rows.length - 1) * LEGEND.rowGap;
  }
  const plotTop = Math.ceil(y + 12);

  let footer = 0;
  if (bands.source) {
    const lines = wrapText(bands.source, inner, fontOf(SUB.size), measure);
    titles.push(textBlock(lines, { left: PAD, bottom: PAD }, { ...SUB, color: '#555' }));
    footer = lines.length * SUB.line + PAD + 8;
  }

  const grids = list(o.grid);
  let extra = 0;
  const xAxes = list(o.xAxis).map((a, i) => {
    if (a.type !== 'category' || spec.emptyText) return a;
    const fitted = fitCategoryAxis(a, gridWidth(grids[numOr(a.gridIndex, i)] ?? grids[0], inner), measure);
    extra = Math.max(extra, fitted.extra);
    return fitted.axis;
  });
  const yAxes = list(o.yAxis).map((a) => (a.type === 'category' ? { ...a, axisLabel: { ...(a.axisLabel as Obj | undefined), interval: 0 } } : a));
  // a message needs no more than a few lines of room, however many towns the empty chart had
  const plotHeight = spec.emptyText ? Math.min(spec.height, 160) : spec.height + extra;

  const option: Obj = {
    ...o,
    title: titles,
    legend: legends,
    grid: grids.map((g) => ({
      ...g,
      top: plotTop + numOr(g.top, 0),
      ...(g.height === undefined ? { bottom: footer + numOr(g.bottom, 0) } : {}),
    })),
    series: list(o.series).map((s) => (s.type === 'pie' ? placePie(s, { top: plotTop, height: plotHeight, inner }, measure) : s)),
    ...(xAxes.length > 0 ? { xAxis: spec.emptyText ? xAxes.map((a) => ({ ...a, show: false })) : xAxes } : {}),
    ...(yAxes.length > 0 ? { yAxis: spec.emptyText ? yAxes.map((a) => ({ ...a, show: false })) : yAxes } : {}),
  };
  if (spec.emptyText) {
    option.series = [];
    titles.push(textBlock([spec.emptyText], { left: 'center', top: plotTop + plotHeight / 2 - 12 }, { size: 16, line: 24, color: '#666' }));
  }
  return { option: option as EChartsOption, height: plotTop + plotHeight + footer };
}
