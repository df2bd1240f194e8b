/** Pure helpers of the benchmarks: percentiles, summaries and formatting (unit-tested). */

/** The p-th percentile (nearest rank) of xs; NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(xs: readonly number[]): Summary {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

/** 1234.5 → "1235 ms", ≥ 10 s → "12.3 s"; missing → "—". */
export function fmtMs(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;
}

/** Bytes in decimal units: "812 B", "61.2 kB", "7.1 MB", "1.23 GB"; missing → "—". */
export function fmtBytes(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x < 1000) return `${x.toFixed(0)} B`;
  if (x < 1e6) return `${(x / 1e3).toFixed(1)} kB`;
  if (x < 1e9) return `${(x / 1e6).toFixed(1)} MB`;
  return `${(x / 1e9).toFixed(2)} GB`;
}

/** Throughput of `bytes` in `ms` as "12.3 MB/s"; missing or zero time → "—". */
export function fmtRate(bytes: number, ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return '—';
  const rate = bytes / 1e6 / (ms / 1000);
  return `${rate.toFixed(rate < 1 ? 2 : 1)} MB/s`;
}

/** "p50 / p95 (n)" of a summary. */
export function fmtSummary(s: Summary | null | undefined): string {
  if (!s || s.n === 0) return '—';
  return `${fmtMs(s.p50)} / ${fmtMs(s.p95)}（${s.n} 次）`;
}

/** Display width of a string in a monospace terminal (CJK and full-width characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** Rows as a two-or-more-column text table, columns padded by display width. */
export function table(rows: readonly (readonly string[])[]): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c) + 2))).join(''))
    .join('\n');
}

/** The run whose figure is the median (the lower middle one of an even number); null when there is none. */
export function medianRun<T>(runs: readonly T[], figure: (t: T) => number | null): T | null {
  const sorted = [...runs].sort((a, b) => (figure(a) ?? Infinity) - (figure(b) ?? Infinity));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}
