import { describe, expect, it } from 'vitest';
import { formatCompact, formatDelta, formatMeasure, formatPercent, formatRatio, formatValue, formatWithUnit } from './format.ts';

describe('format', () => {
  it.each([
    [0, '0'],
    [598, '598'],
    [1234, '1,234'],
    [12.5, '12.5'],
    [null, '未报告'],
    [undefined, '未报告'],
    [NaN, '—'],
    [Infinity, '—'],
  ])('formatValue(%s) = %s', (v, s) => expect(formatValue(v)).toBe(s));

  it.each([
    [9999, '9,999'],
    [12345, '1.23万'],
    [100000, '10万'],
    [320000000, '3.2亿'],
    [-15000, '-1.5万'],
    [null, '未报告'],
  ])('formatCompact(%s) = %s', (v, s) => expect(formatCompact(v)).toBe(s));

  it('adds the unit only to numbers', () => {
    expect(formatWithUnit(598, '条')).toBe('598 条');
    expect(formatWithUnit(null, '条')).toBe('未报告');
  });
});

describe('percentages and changes', () => {
  it.each([
    [0.625, '62.5%'],
    [0, '0%'],
    [1, '100%'],
    [null, '未报告'],
    [NaN, '—'],
    [Infinity, '—'],
  ])('formatPercent(%s) = %s', (v, s) => expect(formatPercent(v)).toBe(s));

  it('formats a measure by its format', () => {
    expect(formatMeasure(0.5, 'percent')).toBe('50%');
    expect(formatMeasure(1234, 'count')).toBe('1,234');
  });

  it.each([
    [12, '+12'],
    [-3, '-3'],
    [0, '0'],
    [null, '—'],
  ])('formatDelta(%s) = %s', (v, s) => expect(formatDelta(v)).toBe(s));

  it('shows a change of a percentage in 个百分点', () => {
    expect(formatDelta(0.05, 'percent')).toBe('+5.0 个百分点');
  });

  it.each([
    [0.2, '+20%'],
    [-0.055, '-5.5%'],
    [null, '—'],
    [Infinity, '—'],
  ])('formatRatio(%s) = %s', (v, s) => expect(formatRatio(v)).toBe(s));
});
