/** What exported images say about their data: filters in force, source line, synthetic mark. */
import type { ChartSpec } from '../charts/spec.ts';
import type { TownRowBase, YearTotals } from '../db/queries/index.ts';
import { sourceLine, type ExportMeta } from '../export/export-option.ts';
import type { DashboardStore } from '../state/dashboard.svelte.ts';

export interface Counted {
  reports: number;
  synthetic: number;
}

/** Reports behind per-unit rows (a town's row is one report; an area's row sums its towns'). */
export const countRows = (rows: readonly Pick<TownRowBase, 'reports' | 'synthetic_reports'>[]): Counted => ({
  reports: rows.reduce((a, r) => a + r.reports, 0),
  synthetic: rows.reduce((a, r) => a + r.synthetic_reports, 0),
});

/** Reports behind trend series. */
export const countSeries = (series: readonly { reports: number; synthetic: number }[]): Counted => ({
  reports: series.reduce((a, s) => a + s.reports, 0),
  synthetic: series.reduce((a, s) => a + s.synthetic, 0),
});

export const countTotals = (totals: readonly Pick<YearTotals<string>, 'reports' | 'synthetic'>[]): Counted => ({
  reports: totals.reduce((a, t) => a + t.reports, 0),
  synthetic: totals.reduce((a, t) => a + t.synthetic, 0),
});

export function chartMeta(store: DashboardStore, counties: readonly string[], kind: 'year' | 'range', counted: Counted): ExportMeta {
  return {
    filters: store.describe(kind),
    source: sourceLine(counties, counted.reports, counted.synthetic),
    synthetic: counted.synthetic > 0,
  };
}

/** A stable key for the filters a query depends on. */
export const keyOf = (...parts: unknown[]): string => JSON.stringify(parts);

/** A chart of a view, before the export metadata (which depends on the filters) is attached. */
export interface ChartItem {
  spec: ChartSpec;
  fileBase: string;
  kind: 'year' | 'range';
  counted: Counted;
  /** shown under the chart (e.g. how many units were left out) */
  note?: string;
  /** the export's filter line when the view's filters do not describe the chart (one town's history) */
  filters?: string;
}

/**
 * Attach export metadata. Kept apart from building the spec so that a filter change that does
 * not touch a chart's data does not rebuild its spec, and so does not redraw it.
 */
export function withMeta(store: DashboardStore, counties: readonly string[], items: readonly ChartItem[]): (ChartItem & { meta: ExportMeta })[] {
  return items.map((c) => {
    const meta = chartMeta(store, counties, c.kind, c.counted);
    return { ...c, meta: c.filters === undefined ? meta : { ...meta, filters: c.filters } };
  });
}

/** Units drawn at most in a per-unit bar chart, and lines in a trend chart. */
export const MAX_BARS = 100;
export const MAX_LINES = 30;

/**
 * Keep the `limit` units with the largest values (in their original order), so that a chart over
 * 41,352 towns stays readable and fast; `hidden` says how many were left out. Units without a
 * value are kept (the chart names them as 未报告) only while under the limit.
 */
export function capUnits<R>(rows: readonly R[], limit: number, value: (r: R) => number | null): { rows: R[]; hidden: number } {
  if (rows.length <= limit) return { rows: [...rows], hidden: 0 };
  const ranked = rows
    .map((r, i) => ({ i, v: value(r) }))
    .filter((x): x is { i: number; v: number } => x.v !== null && Number.isFinite(x.v))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, limit);
  const keep = new Set(ranked.map((x) => x.i));
  return { rows: rows.filter((_, i) => keep.has(i)), hidden: rows.length - keep.size };
}

/** The note under a capped chart. */
export const capNote = (hidden: number, limit: number, unit: string, by: string): string =>
  hidden > 0 ? `${unit}较多，图中只画出${by}最大的 ${limit} 个，另有 ${hidden} 个未画出；可下钻或用${unit === '镇街' ? '镇街筛选' : '层级'}缩小范围。` : '';
