/**
 * A ratio over a zero denominator (a town that received no application has no 公开率) is not
 * 未报告: SQL and JS agree that it is NaN ("—"), per town, per area and in totals, and the ranking
 * lists it after the ranked towns and before the towns that did not report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, evaluate, measure } from '../../model/measures.ts';
import type { Report } from '../../model/report.ts';
import type { Store } from '../store.ts';
import { reportsDb } from '../testing/embedded.ts';
import { perTown } from './per-town.ts';
import { ranking } from './ranking.ts';
import { totalsByYear } from './totals.ts';

const town = (n: number, metrics: Report['metrics'], county = '甲县'): Report => ({
  county,
  town: `${n}号镇`,
  town_code: `${county === '甲县' ? '370830' : '370831'}${String(100 + n)}`,
  year: 2025,
  layout: '2021',
  source: 'test',
  synthetic: false,
  metrics,
});

const REPORTS: Report[] = [
  town(1, { t3_open_total: 3, t3_partial_total: 1, t3_total_total: 8 }), // 0.5
  town(2, { t3_open_total: 0, t3_partial_total: 0, t3_total_total: 0 }), // no application: —
  town(3, { t3_open_total: 4, t3_partial_total: 0, t3_total_total: 4 }), // 1
  town(4, { pub_total: 10 }), // 公开率 not reported
  town(5, { t3_open_total: 1, t3_total_total: 2 }), // 0.5, tied with 1号镇
  town(6, { t3_open_total: 0, t3_partial_total: 0, t3_total_total: 0 }, '乙县'), // the only town of 乙县 with a value
];

let sql: Store;
beforeAll(async () => {
  sql = await reportsDb(REPORTS);
}, 30_000);

const open = measure('open_rate').expr;
const ALL = { level: 'town', within: null, towns: null } as const;

describe('a ratio whose denominator is 0', () => {
  it('is NaN per town in SQL as in JS; empty terms stay null', async () => {
    const rows = await perTown(sql, 2025, ALL, { rate: open });
    for (const r of rows) {
      const report = REPORTS.find((x) => x.town === r.town)!;
      expect(r.rate, r.town).toBe(evaluate(open, report));
    }
    expect(rows.find((r) => r.town === '2号镇')!.rate).toBeNaN();
    expect(rows.find((r) => r.town === '4号镇')!.rate).toBeNull();
  });

  it('ranks the computable values, then the ratios without a base, then 未报告', async () => {
    const rows = await ranking(sql, 'open_rate', 2025);
    expect(rows.map((r) => [r.town, r.rank])).toEqual([
      ['3号镇', 1],
      ['1号镇', 2],
      ['5号镇', 2],
      ['2号镇', null],
      ['6号镇', null],
      ['4号镇', null],
    ]);
    expect(rows.filter((r) => r.rank === null).map((r) => r.reported)).toEqual([true, true, true]);
  });

  it('makes an area total NaN only when every stated denominator is 0', async () => {
    const counties = await perTown(sql, 2025, { ...ALL, level: 'county' }, { rate: open });
    expect(counties.find((c) => c.town_key === '370831')!.rate).toBeNaN();
    expect(counties.find((c) => c.town_key === '370830')!.rate).toBeCloseTo(aggregate(open, REPORTS.slice(0, 5))!, 12);
    const [total] = await totalsByYear(sql, 2025, 2025, { within: null, towns: null }, { rate: open });
    expect(total!.values.rate).toBeCloseTo(aggregate(open, REPORTS)!, 12);
    const [none] = await totalsByYear(sql, 2025, 2025, { within: null, towns: ['code:370830102', 'code:370831106'] }, { rate: open });
    expect(none!.values.rate).toBeNaN();
    expect(aggregate(open, [REPORTS[1]!, REPORTS[5]!])).toBeNaN();
    expect(none!.stated.rate).toBe(2);
  });
});
