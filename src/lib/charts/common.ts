/**
 * Helpers shared by the chart builders: titles, the plot of horizontal bars, a year axis,
 * value formatting (percent measures are fractions 0–1), clean values for options and tables,
 * and an escaped HTML tooltip.
 */
import type { GridComponentOption, TitleComponentOption } from 'echarts';
import { formatCompact, formatPercent, formatWithUnit } from '../format.ts';
import { APPLICANT_TYPES, OUTCOME_GROUPS, REVIEW_RESULTS } from '../model/groupings.ts';
import type { MeasureFormat } from '../model/measures.ts';
import type { TableCell } from './spec.ts';
import { escapeHtml } from './escape.ts';

/** Height of one town on a horizontal bar chart, and the least height of a plot. */
export const ROW_HEIGHT = 26;
export const MIN_PLOT_HEIGHT = 240;
/** Plot height of charts whose category axis is horizontal (years). */
export const COLUMN_PLOT_HEIGHT = 320;

/** `2023 年` or `2019–2023 年`. */
export function yearRange(from: number, to: number): string {
  return from === to ? `${from} 年` : `${from}–${to} 年`;
}

/** `未报告：甲镇、乙镇`, or '' when every town reported. */
export function unreportedSubtitle(names: readonly string[], label = '未报告'): string {
  if (names.length === 0) return '';
  // a national dataset may leave thousands out: name the first ones and count the rest
  const shown = names.length > SUBTITLE_NAMES ? `${names.slice(0, SUBTITLE_NAMES).join('、')} 等 ${names.length} 个` : names.join('、');
  return `${label}：${shown}`;
}

/** At most this many names in a subtitle. */
export const SUBTITLE_NAMES = 30;

/** The rows not drawn (by identity), in order; linear even for 41,352 towns. */
export function notDrawn<R>(rows: readonly R[], drawn: readonly R[]): R[] {
  const set = new Set(drawn);
  return rows.filter((r) => !set.has(r));
}

/** The chart's title and its subtitle (notes such as 未报告：…); layout.ts places and wraps them. */
export function titleOption(text: string, subtext = ''): TitleComponentOption {
  return { text, subtext };
}

/** Plot area inside the plot box, keeping axis labels and names inside it. */
export function grid(extra: Partial<GridComponentOption> = {}): GridComponentOption {
  return { left: 8, right: 48, top: 8, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all', ...extra };
}

/**
 * Horizontal bar chart with `count` towns: the plot grows with the towns (at least
 * MIN_PLOT_HEIGHT), in steps of five towns, so that selecting or deselecting one town rarely
 * resizes the chart (a resize reallocates the canvas: about a third of a redraw, measured).
 */
export function horizontalLayout(count: number) {
  const step = 5 * ROW_HEIGHT;
  const height = Math.max(MIN_PLOT_HEIGHT, Math.ceil((count * ROW_HEIGHT + 40) / step) * step);
  return { grid: grid({ bottom: 4 }), height };
}

/** A category axis of years labelled `2019` (the title says 年): short labels that all fit. */
export function yearAxis(years: readonly number[], extra: Record<string, unknown> = {}) {
  return { type: 'category' as const, data: years.map(String), ...extra };
}

/** A number fit for an option: finite, else null (a gap; never 0). */
export function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A number fit for a table: null for 未报告, `—` for anything not finite (a division by zero). */
export function cell(v: number | null | undefined): TableCell {
  if (v === null || v === undefined) return null;
  return Number.isFinite(v) ? v : '—';
}

/** A fraction as a percentage in a table (header says %): 0.125 → 12.5. */
export function percentCell(v: number | null | undefined): TableCell {
  const c = cell(v);
  return typeof c === 'number' ? Math.round(c * 10000) / 100 : c;
}

export { formatPercent };

/** Short form for labels and axes. */
export function formatShort(v: number | null | undefined, format: MeasureFormat = 'count'): string {
  return format === 'percent' ? formatPercent(v) : formatCompact(v);
}

/** Full form for tooltips: `1,234 条`, `12.5%`. */
export function formatFull(v: number | null | undefined, unit: string, format: MeasureFormat = 'count'): string {
  return format === 'percent' ? formatPercent(v) : formatWithUnit(v, unit);
}

/**
 * Table header for a value column: `政府网站（条）`; a label that names its unit already (the form's
 * own `本年收费金额（单位：万元）`) is not given it twice.
 */
export function header(label: string, unit: string): string {
  if (!unit || label.endsWith(`（${unit}）`) || label.includes(`（单位：${unit}）`)) return label;
  return `${label}（${unit}）`;
}

/** The data index an ECharts tooltip callback is about (item or axis trigger). */
export function dataIndexOf(p: unknown): number {
  const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: unknown } | undefined;
  return typeof first?.dataIndex === 'number' ? first.dataIndex : -1;
}

export interface TooltipLine {
  label: string;
  text: string;
  /** a palette colour (ours, never file-supplied) for the dot before the line */
  color?: string;
}

/** Tooltip HTML: every text is escaped, since headings are often town names from data files. */
export function tooltipHtml(heading: string, lines: readonly TooltipLine[]): string {
  const dot = (c: string) => `<span style="display:inline-block;margin-right:4px;border-radius:5px;width:10px;height:10px;background:${c}"></span>`;
  return [
    `<b>${escapeHtml(heading)}</b>`,
    ...lines.map((l) => `${l.color ? dot(l.color) : ''}${escapeHtml(l.label)}：${escapeHtml(l.text)}`),
  ].join('<br/>');
}

/** The six outcome groups of table 三, as keys of the application rows and totals. */
export type OutcomeKey = 'open' | 'partial' | 'deny' | 'unable' | 'reject' | 'other';
export const OUTCOMES = OUTCOME_GROUPS.map((g) => ({ key: g.id as OutcomeKey, label: g.label }));

/** 自然人 and the five kinds of 法人或其他组织, as keys of the application totals. */
export type ApplicantKey = 'by_person' | 'by_business' | 'by_research' | 'by_ngo' | 'by_legal' | 'by_org_other';
export const APPLICANTS = APPLICANT_TYPES.map((t) => ({ key: `by_${t.id}` as ApplicantKey, label: t.label, isOrg: t.isOrg }));

/** The four results of 行政复议 / 行政诉讼 (without 总计). */
export type ResultKey = 'upheld' | 'corrected' | 'other' | 'pending';
export const RESULTS = REVIEW_RESULTS.map((c) => ({ id: c.id as ResultKey, label: c.label }));
