import { describe, expect, it } from 'vitest';
import { CodeYearTable } from './code-year-table.ts';

describe('CodeYearTable', () => {
  it('finds every pair it was given, and no other, also after growing many times', () => {
    const t = new CodeYearTable(4);
    const pairs: [number, number][] = [];
    for (let k = 0; k < 50_000; k++) pairs.push([110101001 + ((k * 7919) % 999_999_999), 2019 + (k % 7)]);
    pairs.forEach(([c, y], k) => {
      if (t.get(c, y) === undefined) t.set(c, y, k + 2);
    });
    const want = new Map<string, number>();
    pairs.forEach(([c, y], k) => {
      if (!want.has(`${c}@${y}`)) want.set(`${c}@${y}`, k + 2);
    });
    for (const [key, row] of want) {
      const [c, y] = key.split('@').map(Number);
      expect(t.get(c!, y!)).toBe(row);
    }
    expect(t.get(110101001, 2018)).toBeUndefined();
    expect(t.get(999, 2019)).toBeUndefined();
    // the same code in another year, and another code in the same year, are other pairs
    const u = new CodeYearTable();
    u.set(370830106, 2021, 5);
    expect(u.get(370830106, 2022)).toBeUndefined();
    expect(u.get(370830107, 2021)).toBeUndefined();
    expect(u.get(370830106, 2021)).toBe(5);
  });
});
