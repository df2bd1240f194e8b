/** Hand-built rows for the chart builder tests (not used by the app). */
import type { TownRowBase } from '../db/queries/per-town.ts';
import type { YearTotals } from '../db/queries/totals.ts';

/** A town name that must never reach a tooltip unescaped. */
export const XSS = '<img src=x onerror=alert(1)>';
export const XSS_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

/** A per-town row: reported unless `reported: false` is given; values default to null (未报告). */
export function townRow<K extends string>(
  key: string,
  town: string,
  values: Partial<Record<K, number | null>>,
  keys: readonly K[],
  reported = true,
): TownRowBase & Record<K, number | null> {
  const v = Object.fromEntries(keys.map((k) => [k, reported ? (values[k] ?? null) : null])) as Record<K, number | null>;
  return { town_key: key, town, town_code: null, county: '汶上县', reported, reports: reported ? 1 : 0, synthetic_reports: 0, synthetic: reported ? false : null, source: null, ...v };
}

/** A year of county totals: `stated` defaults to the number of reports for stated values, 0 otherwise. */
export function yearTotals<K extends string>(
  year: number,
  reports: number,
  values: Partial<Record<K, number | null>>,
  keys: readonly K[],
  stated: Partial<Record<K, number>> = {},
): YearTotals<K> {
  return {
    year,
    reports,
    synthetic: 0,
    values: Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as Record<K, number | null>,
    stated: Object.fromEntries(keys.map((k) => [k, stated[k] ?? (values[k] == null ? 0 : reports)])) as Record<K, number>,
  };
}

/** Call an ECharts callback the way ECharts would, with the given params. */
export function callFormatter(f: unknown, params: unknown): string {
  if (typeof f !== 'function') throw new Error('formatter is not a function');
  return (f as (p: unknown) => string)(params);
}
