import { describe, expect, it } from 'vitest';
import { capNote, capUnits, countRows } from './meta.ts';

describe('capUnits', () => {
  const rows = [5, null, 9, 1, 9, 3].map((v, i) => ({ id: i, v }));

  it('keeps everything under the limit', () => {
    expect(capUnits(rows, 10, (r) => r.v)).toEqual({ rows, hidden: 0 });
  });

  it('keeps the largest values in their original order, ties by position', () => {
    const { rows: kept, hidden } = capUnits(rows, 3, (r) => r.v);
    expect(kept.map((r) => r.id)).toEqual([0, 2, 4]);
    expect(hidden).toBe(3);
  });

  it('works on a national list', () => {
    const many = Array.from({ length: 41_352 }, (_, i) => ({ v: (i * 7919) % 1000 }));
    const { rows: kept, hidden } = capUnits(many, 100, (r) => r.v);
    expect(kept).toHaveLength(100);
    expect(hidden).toBe(41_252);
    expect(Math.min(...kept.map((r) => r.v))).toBe(997); // 41 or 42 towns per value: 999, 998, then part of 997
  });

  it('says what was left out, in Chinese', () => {
    expect(capNote(0, 100, '镇街', '主动公开总量')).toBe('');
    expect(capNote(5, 100, '县区', '主动公开总量')).toContain('另有 5 个未画出');
  });
});

describe('countRows', () => {
  it('counts the reports behind unit rows', () => {
    expect(countRows([{ reports: 3, synthetic_reports: 1 }, { reports: 0, synthetic_reports: 0 }])).toEqual({ reports: 3, synthetic: 1 });
  });
});
