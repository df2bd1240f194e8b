import { describe, expect, it } from 'vitest';
import { rankChange, yearOnYear } from './compare.ts';

describe('yearOnYear', () => {
  it.each([
    [120, 100, 20, 0.2],
    [80, 100, -20, -0.2],
    [5, 0, 5, null],
    [0, 0, 0, null],
    [null, 100, null, null],
    [100, null, null, null],
  ])('%s against %s → %s, %s', (v, p, delta, ratio) => {
    expect(yearOnYear(v, p)).toEqual({ delta, ratio });
  });
});

describe('rankChange', () => {
  it.each([
    [3, 5, 2],
    [5, 3, -2],
    [4, 4, 0],
    [null, 3, null],
    [3, null, null],
  ])('rank %s, last year %s → %s', (r, p, c) => expect(rankChange(r, p)).toBe(c));
});
