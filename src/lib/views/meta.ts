/** What exported images say about their data: filters in force, source line, synthetic mark. */
import type { ChartSpec } from '../charts/spec.ts';
import type { TownRowBase, YearTotals } from '../db/queries/index.ts';
import { sourceLine, type ExportMeta } from '../export/export-option.ts';
import type { DashboardStore } from '../state/dashboard.svelte.ts';

export interface Counted {
  reports: number;
  synthetic: number;
}

export const countRows = (rows: readonly Pick<TownRowBase, 'reported' | 'synthetic'>[]): Counted => ({
  reports: rows.filter((r) => r.reported).length,
  synthetic: rows.filter((r) => r.reported && r.synthetic).length,
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
}

/**
 * Attach export metadata. Kept apart from building the spec so that a filter change that does
 * not touch a chart's data does not rebuild its spec, and so does not redraw it.
 */
export function withMeta(store: DashboardStore, counties: readonly string[], items: readonly ChartItem[]): (ChartItem & { meta: ExportMeta })[] {
  return items.map((c) => ({ ...c, meta: chartMeta(store, counties, c.kind, c.counted) }));
}
