import { describe, expect, it } from 'vitest';
import { findingsByTown, missingReports } from './quality.ts';
import type { Report } from './report.ts';
import type { Finding } from './rules.ts';

const f = (town_code: string, severity: 'error' | 'warning'): Finding => ({
  rule: severity === 'error' ? 'R1' : 'R8',
  severity,
  county: '汶上县',
  town: 'x',
  town_code,
  year: 2021,
  cells: [],
  message: '',
});
const towns = [
  { town_key: 'code:1', town: '甲镇' },
  { town_key: 'code:2', town: '乙镇' },
  { town_key: 'code:3', town: '丙镇' },
];

describe('findingsByTown', () => {
  it('counts errors and warnings per town, most first, towns without findings last in official order', () => {
    const rows = findingsByTown([f('2', 'warning'), f('3', 'error'), f('3', 'warning'), f('2', 'warning')], towns);
    expect(rows.map((r) => [r.town, r.errors, r.warnings, r.total])).toEqual([
      ['丙镇', 1, 1, 2],
      ['乙镇', 0, 2, 2],
      ['甲镇', 0, 0, 0],
    ]);
  });
});

describe('missingReports', () => {
  it('lists the years in range a town has no report for', () => {
    const r = (code: string, year: number) => ({ county: '汶上县', town: 'x', town_code: code, year }) as Report;
    expect(missingReports(towns, [r('1', 2020), r('1', 2021), r('2', 2021)], 2020, 2021)).toEqual([
      { town_key: 'code:2', town: '乙镇', years: [2020] },
      { town_key: 'code:3', town: '丙镇', years: [2020, 2021] },
    ]);
  });
});
