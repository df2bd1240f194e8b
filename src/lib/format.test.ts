import { describe, expect, it } from 'vitest';
import { formatCompact, formatValue, formatWithUnit } from './format.ts';

describe('format', () => {
  it.each([
    [0, '0'],
    [598, '598'],
    [1234, '1,234'],
    [12.5, '12.5'],
    [null, '未报告'],
    [undefined, '未报告'],
    [NaN, '未报告'],
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
