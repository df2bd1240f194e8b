/**
 * Numbers for zh-CN readers: thousands grouping, 万 / 亿 for large values, 未报告 for empty (null),
 * and `—` for a value that was reported but cannot be computed (NaN: a ratio over 0, see
 * model/measures.ts), so that a town with no application is never called 未报告.
 */
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export const NOT_REPORTED = '未报告';

/** A value as shown in tables: `1,234`, `12.5`, 未报告 for empty, `—` when not computable. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return NOT_REPORTED;
  if (!Number.isFinite(v)) return '—';
  return grouped.format(v);
}

/** A compact value for axes and labels: 9,999 → `9,999`; 12,345 → `1.23万`; 3.2e8 → `3.2亿`. */
export function formatCompact(v: number | null | undefined): string {
  if (v === null || v === undefined) return NOT_REPORTED;
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  if (abs >= 1e8) return `${trim(v / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(v / 1e4)}万`;
  return grouped.format(v);
}

function trim(x: number): string {
  return String(Number(x.toFixed(2)));
}

/** A value with its unit: `598 条`. */
export function formatWithUnit(v: number | null | undefined, unit: string): string {
  const s = formatValue(v);
  return s === NOT_REPORTED || s === '—' ? s : `${s} ${unit}`;
}

const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

/** A ratio as a percentage: 0.625 → `62.5%`; empty → 未报告; not computable (NaN, ±∞) → `—`. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined) return NOT_REPORTED;
  if (!Number.isFinite(v)) return '—';
  return percent.format(v);
}

/** A value in a measure's format. */
export function formatMeasure(v: number | null | undefined, format: 'count' | 'amount' | 'percent'): string {
  return format === 'percent' ? formatPercent(v) : formatValue(v);
}

/** A signed change: `+12`, `-3`, `0`; empty → `—`. */
export function formatDelta(v: number | null, format: 'count' | 'amount' | 'percent' = 'count'): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (format === 'percent') return `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)} 个百分点`;
  return `${v > 0 ? '+' : ''}${grouped.format(v)}`;
}

/** A 同比 ratio: `+20%`, `-5.5%`; not computable → `—`. */
export function formatRatio(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return `${v > 0 ? '+' : ''}${percent.format(v)}`;
}
