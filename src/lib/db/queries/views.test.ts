import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, evaluate, measure, metricExpr, type Expr } from '../../model/measures.ts';
import { townKey, type Report } from '../../model/report.ts';
import type { Store } from '../store.ts';
import { embeddedDb } from '../testing/embedded.ts';
import { listTowns } from './towns.ts';
import { totalsFromRows } from './totals.ts';
import type { TownRowBase } from './per-town.ts';
import { ranking } from './ranking.ts';
import {
  APPLICATION_TOTAL_KEYS,
  applicationTotals,
  applicationsByTown,
  countyTrend,
  measureTrend,
  overviewData,
  OVERVIEW_MEASURES,
  publicationByTown,
  reviewByTown,
  townHistory,
  trainingByTown,
} from './views.ts';
import type { Frame, Scope, TownScope } from './scope.ts';

const F = (towns: TownScope): Frame => ({ level: 'town', within: null, towns });
const S = (towns: TownScope): Scope => ({ within: null, towns });

let sql: Store;
let reports: Report[];
const inYear = (y: number, keys: string[] | null = null) =>
  reports.filter((r) => r.year === y && (keys === null || keys.includes(townKey(r))));

beforeAll(async () => {
  ({ sql, reports } = await embeddedDb());
}, 30_000);

const SOME = ['code:370830106', 'code:370830102', 'code:370830001'];

describe('towns', () => {
  it('lists the 15 towns in official code order', async () => {
    const towns = await listTowns(sql);
    expect(towns.map((t) => t.town_code)).toEqual([...towns.map((t) => t.town_code)].sort());
    expect(towns[0]).toMatchObject({ town: '中都街道', town_key: 'code:370830001', reports: 7 });
    expect(towns).toHaveLength(15);
  });
});

describe('ranking with last year', () => {
  it.each([null, SOME])('ranks within the town filter %j and gives last year’s rank among the same towns', async (scope) => {
    const rows = await ranking(sql, 'pub_volume', 2022, F(scope));
    expect(rows).toHaveLength(scope?.length ?? 15);
    const expr = measure('pub_volume').expr;
    for (const row of rows) {
      const cur = inYear(2022, scope).find((r) => townKey(r) === row.town_key)!;
      const prev = inYear(2021, scope).find((r) => townKey(r) === row.town_key)!;
      expect(row.value).toBe(evaluate(expr, cur));
      expect(row.prev_value).toBe(evaluate(expr, prev));
      const better = (y: number, v: number | null) =>
        v === null ? null : 1 + inYear(y, scope).filter((r) => (evaluate(expr, r) ?? -Infinity) > v).length;
      expect(row.rank).toBe(better(2022, row.value));
      expect(row.prev_rank).toBe(better(2021, row.prev_value));
    }
  });

  it('ranks a ratio; a town whose denominator is 0 reported (NaN, "—"), is unranked and listed after the ranked ones', async () => {
    for (const id of ['open_rate', 'review_correction_rate']) {
      const rows = await ranking(sql, id, 2025);
      const groups = rows.map((row) => (row.value === null ? 2 : Number.isNaN(row.value) ? 1 : 0));
      expect(groups, id).toEqual([...groups].sort());
      expect(groups.filter((g) => g === 1).length, id).toBeGreaterThan(0);
      for (const row of rows) {
        const r = inYear(2025).find((x) => townKey(x) === row.town_key);
        const expected = r ? evaluate(measure(id).expr, r) : null;
        expect(row.value, `${id} ${row.town}`).toBe(expected);
        if (r && r.metrics[id === 'open_rate' ? 't3_total_total' : 't4_review_total'] === 0) {
          expect(Number.isNaN(row.value), row.town).toBe(true);
          expect(row.reported).toBe(true);
        }
        expect(row.rank === null, row.town).toBe(groups[rows.indexOf(row)] !== 0);
      }
      const ranked = rows.filter((r) => r.rank !== null);
      expect(ranked.map((r) => r.rank)).toEqual(ranked.map((r) => 1 + ranked.filter((o) => o.value! > r.value!).length));
    }
  });
});

describe('totals agree with the measure definitions', () => {
  it('overview sums each measure over the towns in scope, for the year and the year before', async () => {
    for (const scope of [null, SOME]) {
      const data = await overviewData(sql, 2024, S(scope), scope?.length ?? 15);
      for (const id of OVERVIEW_MEASURES) {
        const expr = measure(id).expr;
        expect(data.current!.values[id], id).toBeCloseTo(aggregate(expr, inYear(2024, scope)) ?? NaN, 9);
        expect(data.previous!.values[id], id).toBeCloseTo(aggregate(expr, inYear(2023, scope)) ?? NaN, 9);
        const stated = inYear(2024, scope).filter((r) =>
          expr.op === 'ratio' ? evaluate(expr.num, r) !== null && evaluate(expr.den, r) !== null : evaluate(expr, r) !== null,
        ).length;
        expect(data.current!.stated[id], id).toBe(stated);
      }
      expect(data.current!.reports).toBe(inYear(2024, scope).length);
    }
  });

  it('county trend has one entry per year with reports', async () => {
    const t = await countyTrend(sql, ['train_sessions', 'apps_received'], 2019, 2025, S(null));
    expect(t.map((x) => x.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const x of t) expect(x.values.train_sessions).toBe(aggregate(metricExpr('train_sessions'), inYear(x.year)));
  });
});

describe('per-town views', () => {
  const check = (townRows: readonly TownRowBase[], year: number, cols: Record<string, Expr>) => {
    for (const row of townRows as (TownRowBase & Record<string, unknown>)[]) {
      const r = inYear(year).find((x) => townKey(x) === row.town_key);
      expect(row.reported).toBe(r !== undefined);
      for (const [k, e] of Object.entries(cols)) expect(row[k], `${row.town_key} ${k}`).toBe(r ? evaluate(e, r) : null);
    }
  };

  it('publication by channel', async () => {
    const rows = await publicationByTown(sql, 2021, F(null));
    expect(rows).toHaveLength(15);
    check(rows, 2021, { website: metricExpr('pub_website'), total: metricExpr('pub_total'), volume: measure('pub_volume').expr });
    expect(rows.find((r) => r.town === '康驿镇')).toMatchObject({ website: 13, newmedia: 499, board: 86, other: null, volume: 598 });
  });

  it('training', async () => {
    const rows = await trainingByTown(sql, 2021, F(SOME));
    expect(rows.map((r) => r.town_key)).toEqual(['code:370830001', 'code:370830102', 'code:370830106']);
    check(rows, 2021, { sessions: metricExpr('train_sessions'), people: metricExpr('train_people') });
    expect(rows.find((r) => r.town === '康驿镇')).toMatchObject({ sessions: 6, people: 80 });
  });

  it('applications: outcome groups add up to handled where R2 holds', async () => {
    const rows = await applicationsByTown(sql, 2023, F(null));
    for (const r of rows.filter((x) => x.reported)) {
      const sum = (r.open ?? 0) + (r.partial ?? 0) + (r.deny ?? 0) + (r.unable ?? 0) + (r.reject ?? 0) + (r.other ?? 0);
      expect(sum).toBe(r.handled);
    }
    check(rows, 2023, { received: metricExpr('t3_new_total'), carried_out: metricExpr('t3_carried_out_total') });
  });

  it('totals summed from the per-town rows equal the totals query', async () => {
    for (const scope of [null, SOME]) {
      const rows = await applicationsByTown(sql, 2024, F(scope));
      const [fromSql] = await applicationTotals(sql, 2024, 2024, S(scope));
      expect(totalsFromRows(2024, rows, APPLICATION_TOTAL_KEYS)).toEqual(fromSql);
    }
  });

  it('application totals include the applicant mix', async () => {
    const [t] = await applicationTotals(sql, 2025, 2025, S(null));
    expect(t!.values.by_person).toBe(aggregate(metricExpr('t3_new_person'), inYear(2025)));
    const applicants = ['by_person', 'by_business', 'by_research', 'by_ngo', 'by_legal', 'by_org_other'] as const;
    const sum = applicants.reduce((a, k) => a + (t!.values[k] ?? 0), 0);
    // 寅寺镇 2025 breaks R8 only; R4 holds, so applicant columns add up to the total column
    expect(sum).toBe(t!.values.received);
  });

  it('review and litigation by result; 白石镇 2021 shows its documented R5 break', async () => {
    const rows = await reviewByTown(sql, 2021, F(null));
    const baishi = rows.find((r) => r.town === '白石镇')!;
    expect(baishi.review_upheld! + baishi.review_corrected! + baishi.review_other! + baishi.review_pending!).toBe(
      baishi.review_total! + 1,
    );
  });
});

describe('trends and history', () => {
  it('gives every town in scope a point for every year in range, empty where not reported', async () => {
    const series = await measureTrend(sql, 'pub_volume', 2019, 2025, F(SOME));
    expect(series.map((s) => s.town)).toEqual(['中都街道', '南旺镇', '康驿镇']);
    for (const s of series) {
      expect(s.points.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
      for (const p of s.points) {
        const r = inYear(p.year).find((x) => townKey(x) === s.town_key)!;
        expect(p.value).toBe(evaluate(measure('pub_volume').expr, r));
      }
    }
  });

  it('a town’s history has its own values per year', async () => {
    const h = await townHistory(sql, 'code:370830106', 2019, 2025);
    expect(h).toHaveLength(7);
    expect(h.find((x) => x.year === 2021)!.values).toMatchObject({ pub_volume: 598, train_sessions: 6, train_people: 80, apps_received: 0 });
    expect(h.find((x) => x.year === 2021)!.synthetic).toBe(0);
  });

  it('keeps hostile town keys as data in the town filter', async () => {
    const rows = await ranking(sql, 'pub_volume', 2021, F(["code:370830106') OR TRUE --", 'code:370830106']));
    expect(rows.map((r) => r.town)).toEqual(['康驿镇']);
  });
});

describe('loading reports back as Report objects', () => {
  it('gives back exactly the reports that were loaded', async () => {
    const { loadReports } = await import('./towns.ts');
    const back = await loadReports(sql, 2019, 2025, S(null));
    expect(back).toHaveLength(reports.length);
    const key = (r: Report) => `${r.town}@${r.year}`;
    const byKey = new Map(back.map((r) => [key(r), r]));
    for (const r of reports) {
      const b = byKey.get(key(r))!;
      expect({ ...b, metrics: undefined }).toEqual({ ...r, metrics: undefined });
      for (const [id, v] of Object.entries(b.metrics)) expect(v, `${key(r)} ${id}`).toBe(r.metrics[id] ?? null);
    }
    expect((await loadReports(sql, 2021, 2021, S(SOME))).map((r) => r.town)).toEqual(['中都街道', '南旺镇', '康驿镇']);
  });
});
