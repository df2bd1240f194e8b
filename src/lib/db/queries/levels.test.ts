/**
 * Queries at 县区 / 地市 / 省 level and within an area, on generated data for all of 济宁市
 * (158 towns × 7 years), one town of 河南省, two towns without a division code and one without a
 * code or a county name (a file without a 县 column; its 县区 is 未知县区): every area
 * value must equal the aggregate of its towns' reports computed in JS from the same reports.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../../../scripts/sample/generator.ts';
import { parseDivisions, type Division } from '../../model/divisions.ts';
import { inArea, unitOf, type Level } from '../../model/levels.ts';
import { aggregate, measure } from '../../model/measures.ts';
import { townKey, type Report } from '../../model/report.ts';
import { createReportsTable, insertReports, refreshTowns } from '../reports-table.ts';
import type { Store } from '../store.ts';
import { nodeSql } from '../testing/node-sql.ts';
import { perTown } from './per-town.ts';
import { ranking, rerank } from './ranking.ts';
import type { Frame } from './scope.ts';
import { totalsByYear } from './totals.ts';
import { measureTrend, publicationByTown } from './views.ts';

const jining = parseDivisions(readFileSync(new URL('../../../../data/divisions/townships_jining_3708.csv', import.meta.url), 'utf8'));
const henan: Division = {
  code: '410102001',
  name: '林山寨街道',
  type: '街道',
  county_code: '410102',
  county: '中原区',
  city_code: '4101',
  city: '郑州市',
  province_code: '41',
  province: '河南省',
};

let sql: Store;
let reports: Report[];

beforeAll(async () => {
  const generated = [...generateReports([...jining, henan], { years: [2022, 2023] })];
  const uncoded = generated
    .filter((r) => r.town_code === '370830106')
    .flatMap((r) => [
      { ...r, county: '某县', town: '甲镇', town_code: null },
      { ...r, county: '某县', town: '乙镇', town_code: null, metrics: { ...r.metrics, pub_website: 7 } },
      { ...r, county: '', town: '丙镇', town_code: null, metrics: { ...r.metrics, pub_website: 9 } },
    ]);
  reports = [...generated, ...uncoded];
  sql = await nodeSql();
  await createReportsTable(sql);
  await insertReports(sql, reports, 'imported');
}, 60_000);

const frame = (level: Level, within: string | null = null, towns: string[] | null = null): Frame => ({ level, within, towns });
const inYear = (year: number) => reports.filter((r) => r.year === year);
const group = (rs: Report[], level: Level) => {
  const out = new Map<string, Report[]>();
  for (const r of rs) {
    const k = unitOf({ town_key: townKey(r), town_code: r.town_code, county: r.county }, level);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
};

describe('per-unit rows above 镇街', () => {
  it('县区: one row per county, named, in code order, each the sum of its towns’ reports', async () => {
    const rows = await publicationByTown(sql, 2023, frame('county'));
    const expected = group(inYear(2023), 'county');
    // coded 县区 in code order, then those without a code by county name ('' first)
    const order = (k: string) => (k.startsWith('n:') ? `~${k}` : k);
    expect(rows.map((r) => r.town_key)).toEqual([...expected.keys()].sort((a, b) => (order(a) < order(b) ? -1 : 1)));
    expect(rows.find((r) => r.town_key === '370830')?.town).toBe('汶上县');
    expect(rows.find((r) => r.town_key === '370830')?.county).toBe('济宁市');
    expect(rows.find((r) => r.town_key === 'n:某县')?.town).toBe('某县');
    // no unit is ever named by its key (`n:` was shown as a county's name)
    expect(rows.find((r) => r.town_key === 'n:')?.town).toBe('未知县区');
    expect(rows.filter((r) => r.town.startsWith('n:') || r.town === '')).toEqual([]);
    for (const r of [...(await ranking(sql, 'pub_volume', 2023, frame('county'))), ...(await measureTrend(sql, 'pub_volume', 2022, 2023, frame('county')))])
      expect(r.town, r.town_key).not.toMatch(/^n:|^$/);
    for (const r of rows) {
      const rs = expected.get(r.town_key)!;
      expect(r.reports).toBe(rs.length);
      expect(r.volume).toBe(aggregate(measure('pub_volume').expr, rs));
      expect(r.website).toBe(aggregate(measure('pub_website').expr, rs));
    }
  });

  it('省: 山东省, 河南省 and 未知省份', async () => {
    const rows = await publicationByTown(sql, 2022, frame('province'));
    expect(rows.map((r) => [r.town_key, r.town])).toEqual([
      ['37', '山东省'],
      ['41', '河南省'],
      ['?p', '未知省份'],
    ]);
    expect(rows[0]!.reports).toBe(158);
  });

  it('an area’s 仅报总数 is its towns’ totals stated without channels, so its channels, 仅报总数 and the rest add up to its volume', async () => {
    // some towns give only a total: an area then mixes both kinds
    const mixed = inYear(2023).map((r, i) =>
      i % 3 === 0 ? { ...r, year: 2031, metrics: { pub_total: (r.metrics.pub_total ?? 0) + 5 } } : { ...r, year: 2031 },
    );
    await insertReports(sql, mixed, 'imported');
    try {
      const rows = await publicationByTown(sql, 2031, frame('county'));
      const expected = group(mixed, 'county');
      const onlyTotal = (r: Report) => (['pub_website', 'pub_newmedia', 'pub_board', 'pub_other'].every((k) => r.metrics[k] == null) ? (r.metrics.pub_total ?? null) : null);
      for (const row of rows) {
        const towns = expected.get(row.town_key)!;
        const want = towns.map(onlyTotal).filter((v): v is number => v !== null);
        expect(row.total_only, row.town).toBe(want.length === 0 ? null : want.reduce((a, b) => a + b, 0));
        const channels = (row.website ?? 0) + (row.newmedia ?? 0) + (row.board ?? 0) + (row.other ?? 0);
        expect(channels + (row.total_only ?? 0), row.town).toBeLessThanOrEqual(row.volume! + 1e-9);
      }
      expect(rows.some((r) => r.total_only !== null && (r.website ?? 0) > 0)).toBe(true);
    } finally {
      await sql.exec(`DELETE FROM ${sql.reports} WHERE year = 2031`);
      await refreshTowns(sql);
    }
  });

  it('a ratio measure is the sum of numerators over the sum of denominators', async () => {
    const rows = await perTown(sql, 2023, frame('city'), { rate: measure('open_rate').expr });
    const expected = group(inYear(2023), 'city');
    for (const r of rows) {
      const want = aggregate(measure('open_rate').expr, expected.get(r.town_key)!);
      if (want === null || Number.isNaN(want)) expect(r.rate).toBe(want);
      else expect(r.rate).toBeCloseTo(want, 12);
    }
  });

  it('within an area: only its units, and the area’s totals equal the sum of its units', async () => {
    const counties = await publicationByTown(sql, 2023, frame('county', '3708'));
    expect(counties).toHaveLength(12); // 11 县区 and 济宁高新区
    const towns = await publicationByTown(sql, 2023, frame('town', '370830'));
    expect(towns).toHaveLength(jining.filter((d) => d.county_code === '370830').length);
    expect(towns.every((t) => t.town_code?.startsWith('370830'))).toBe(true);
    const wenshang = counties.find((c) => c.town_key === '370830')!;
    expect(wenshang.volume).toBe(towns.reduce((a, t) => a + (t.volume ?? 0), 0));
    const [total] = await totalsByYear(sql, 2023, 2023, { within: '370830', towns: null }, { volume: measure('pub_volume').expr });
    expect(total!.values.volume).toBe(wenshang.volume);
    const uncoded = await publicationByTown(sql, 2023, frame('town', 'n:某县'));
    expect(uncoded.map((t) => t.town).sort()).toEqual(['乙镇', '甲镇']);
    const unnamed = await publicationByTown(sql, 2023, frame('town', 'n:'));
    expect(unnamed.map((t) => [t.town, t.website])).toEqual([['丙镇', 9]]);
    const [unnamedTotal] = await totalsByYear(sql, 2023, 2023, { within: 'n:', towns: null }, { website: measure('pub_website').expr });
    expect(unnamedTotal!.values.website).toBe(9);
  });

  it('a selection of towns is summed into its areas only', async () => {
    const pick = ['code:370830106', 'code:370830102', 'code:370811002'];
    const rows = await publicationByTown(sql, 2023, frame('county', null, pick));
    expect(rows.map((r) => r.town_key)).toEqual(['370811', '370830']);
    expect(rows.find((r) => r.town_key === '370830')!.reports).toBe(2);
  });
});

describe('ranking above 镇街', () => {
  it('ranks areas by their aggregated value, with last year’s rank', async () => {
    const rows = await ranking(sql, 'pub_volume', 2023, frame('county', '3708'));
    expect(rows).toHaveLength(12);
    const values = rows.map((r) => r.value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows[0]!.rank).toBe(1);
    const prev = group(inYear(2022), 'county');
    for (const r of rows) expect(r.prev_value).toBe(aggregate(measure('pub_volume').expr, prev.get(r.town_key)!));
  });

  it('rerank of a selection equals the query’s ranking of that selection', async () => {
    const all = await ranking(sql, 'train_people', 2023, frame('town', '3708'));
    const pick = all.filter((_, i) => i % 7 === 0).map((r) => r.town_key);
    const fromSql = await ranking(sql, 'train_people', 2023, frame('town', '3708', pick));
    const set = new Set(pick);
    expect(rerank(all.filter((r) => set.has(r.town_key)))).toEqual(fromSql);
  });
});

describe('trend above 镇街', () => {
  it('sums each area per year and counts its reports', async () => {
    const series = await measureTrend(sql, 'pub_volume', 2022, 2023, frame('city'));
    const byCity = group(reports, 'city');
    for (const s of series) {
      const rs = byCity.get(s.town_key)!;
      expect(s.reports).toBe(rs.length);
      for (const p of s.points) expect(p.value).toBe(aggregate(measure('pub_volume').expr, rs.filter((r) => r.year === p.year)));
    }
    expect(series.map((s) => s.town)).toEqual(['济宁市', '郑州市', '未知地市']);
  });
});

describe('area keys', () => {
  it('inArea agrees with the SQL filter', async () => {
    const rows = await publicationByTown(sql, 2023, frame('town', '3708'));
    const expected = [...new Set(reports.filter((r) => inArea({ town_key: townKey(r), town_code: r.town_code, county: r.county }, '3708')).map(townKey))];
    expect(rows.map((r) => r.town_key).sort()).toEqual(expected.sort());
  });
});

describe('dataset summary over several counties', () => {
  it('lists the counties in code order, those without a code last', async () => {
    const { datasetSummary } = await import('./towns.ts');
    const s = await datasetSummary(sql);
    expect(s.years).toEqual([2022, 2023]);
    expect(s.counties[0]).toBe('任城区');
    expect(s.counties.slice(-2)).toEqual(['中原区', '某县']);
    expect(s.counties).toHaveLength(14);
    expect(s.reports).toBe(reports.length);
  });
});

describe('a selection of most towns is sent as what it leaves out', () => {
  it('compactSelection keeps the shorter list; exclude gives the same rows as the selection itself', async () => {
    const { compactSelection } = await import('./scope.ts');
    const all = (await publicationByTown(sql, 2023, frame('town'))).map((r) => r.town_key);
    const most = all.slice(3);
    const compact = compactSelection(most, all);
    expect(compact).toEqual({ towns: null, exclude: all.slice(0, 3) });
    expect(compactSelection(all.slice(0, 3), all)).toEqual({ towns: all.slice(0, 3) });
    const viaExclude = await publicationByTown(sql, 2023, { level: 'county', within: null, ...compact });
    const viaList = await publicationByTown(sql, 2023, frame('county', null, most));
    expect(viaExclude).toEqual(viaList);
    const [t1] = await totalsByYear(sql, 2023, 2023, { within: null, ...compact }, { v: measure('pub_volume').expr });
    const [t2] = await totalsByYear(sql, 2023, 2023, { within: null, towns: most }, { v: measure('pub_volume').expr });
    expect(t1).toEqual(t2);
  });

  it('refuses a list longer than DuckDB-WASM takes safely, with a message', async () => {
    const { MAX_SCOPE_KEYS } = await import('./scope.ts');
    const huge = Array.from({ length: MAX_SCOPE_KEYS + 1 }, (_, i) => `code:${100000000 + i}`);
    await expect(publicationByTown(sql, 2023, frame('county', null, huge))).rejects.toThrow(/所选镇街过多/);
  });
});
