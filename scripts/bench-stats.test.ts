import { describe, expect, it } from 'vitest';
import { displayWidth, fmtBytes, fmtMs, fmtRate, fmtSummary, medianRun, percentile, summarize, table } from './bench-stats.ts';

describe('percentile (nearest rank)', () => {
  const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  it('takes the nearest rank of the sorted samples', () => {
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });
  it('is NaN without samples and leaves its input unsorted', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(xs[0]).toBe(5);
  });
  it('summarizes', () => {
    expect(summarize(xs)).toEqual({ n: 10, p50: 5, p95: 10, min: 1, max: 10 });
    expect(summarize([]).n).toBe(0);
  });
});

describe('formatting', () => {
  it('formats milliseconds', () => {
    expect(fmtMs(12.4)).toBe('12 ms');
    expect(fmtMs(12345)).toBe('12.3 s');
    expect(fmtMs(null)).toBe('—');
    expect(fmtMs(NaN)).toBe('—');
  });
  it('formats bytes in decimal units', () => {
    expect(fmtBytes(812)).toBe('812 B');
    expect(fmtBytes(61_234)).toBe('61.2 kB');
    expect(fmtBytes(7_135_058)).toBe('7.1 MB');
    expect(fmtBytes(1_234_000_000)).toBe('1.23 GB');
    expect(fmtBytes(undefined)).toBe('—');
  });
  it('formats throughput', () => {
    expect(fmtRate(50_000_000, 2000)).toBe('25.0 MB/s');
    expect(fmtRate(62_200, 1800)).toBe('0.03 MB/s');
    expect(fmtRate(1, 0)).toBe('—');
  });
  it('formats a summary', () => {
    expect(fmtSummary(summarize([10, 20, 30]))).toBe('20 ms / 30 ms（3 次）');
    expect(fmtSummary(summarize([]))).toBe('—');
  });
  it('pads columns by display width (CJK counts two)', () => {
    expect(displayWidth('年度 ab')).toBe(7);
    expect(table([['年度', 'x'], ['abc', 'y']])).toBe('年度  x\nabc   y');
  });
});

describe('medianRun', () => {
  it('takes the run of the median figure (the lower middle one of an even number), runs without a figure last', () => {
    const runs = [{ ms: 30 }, { ms: 10 }, { ms: null }, { ms: 20 }];
    expect(medianRun(runs, (r) => r.ms)).toEqual({ ms: 20 });
    expect(medianRun(runs.slice(0, 2), (r) => r.ms)).toEqual({ ms: 10 });
    expect(medianRun([], (r: { ms: number }) => r.ms)).toBeNull();
  });
});
