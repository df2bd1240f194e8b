import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import { evaluate, measure } from '../model/measures.ts';
import { townKey, type Report } from '../model/report.ts';
import { parseReportFile } from '../ingest/parse-file.ts';
import { mergeFiles } from '../ingest/merge.ts';
import { datasetSummary, listTowns, perTown, ranking, reportValues } from './queries/index.ts';
import { createReportsTable, insertReports, refreshTowns, replaceAllReports } from './reports-table.ts';
import { Store } from './store.ts';
import { nodeSql } from './testing/node-sql.ts';

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');

let sql: Store;
let reports: Report[];

beforeAll(async () => {
  sql = await nodeSql();
  await createReportsTable(sql);
  const merged = mergeFiles([
    parseReportFile('kangyi_2021.json', read('data/reports/kangyi_2021.json'), { maxYear: 2026 }),
    parseReportFile('wenshang_sample_2019-2025.csv', read('data/reports/wenshang_sample_2019-2025.csv'), { maxYear: 2026 }),
  ]);
  expect(merged.issues).toEqual([]);
  reports = merged.reports;
  await insertReports(sql, reports, 'embedded');
}, 30_000);

describe('loading the embedded dataset into DuckDB', () => {
  it('holds 15 towns × 7 years', async () => {
    const s = await datasetSummary(sql);
    expect(s).toEqual({
      reports: 105,
      towns: 15,
      years: [2019, 2020, 2021, 2022, 2023, 2024, 2025],
      counties: ['汶上县'],
      syntheticReports: 104,
    });
  });

  it('gives back the real 康驿镇 2021 report exactly', async () => {
    const row = await reportValues(sql, 'code:370830106', 2021);
    expect(row).not.toBeNull();
    expect(row).toMatchObject({
      town: '康驿镇',
      county: '汶上县',
      layout: '2019',
      synthetic: false,
      source: '000_75c809bd29ead2fa.txt',
      pub_newmedia: 499,
      pub_website: 13,
      pub_board: 86,
      pub_other: null,
      pub_total: null,
      train_sessions: 6,
      train_people: 80,
      text_applications: 0,
      text_review: 0,
      text_suit: 0,
    });
    for (const m of METRICS) {
      if (m.section === 'narrative') continue;
      // every cell of the 2019 layout is 0 in the report; cells of the other layout are empty
      expect(row![m.id], m.id).toBe(m.layouts.includes('2019') ? 0 : null);
    }
  });

  it('stores every value of every report as loaded', async () => {
    for (const r of reports.filter((_, i) => i % 13 === 0)) {
      const row = await reportValues(sql, townKey(r), r.year);
      for (const m of METRICS) expect(row![m.id], `${r.town} ${r.year} ${m.id}`).toBe(r.metrics[m.id] ?? null);
    }
  });
});

describe('ranking query', () => {
  it('orders towns by 主动公开总量 as the measure definition computes it, with 未报告 last', async () => {
    for (const year of [2019, 2021, 2025]) {
      const rows = await ranking(sql, 'pub_volume', year);
      expect(rows).toHaveLength(15);
      const expected = reports
        .filter((r) => r.year === year)
        .map((r) => ({ town: r.town, value: evaluate(measure('pub_volume').expr, r) }));
      for (const e of expected) expect(rows.find((x) => x.town === e.town)?.value).toBe(e.value);
      const values = rows.map((r) => r.value);
      const firstNull = values.indexOf(null);
      const ranked = firstNull < 0 ? values : values.slice(0, firstNull);
      expect(values.slice(ranked.length).every((v) => v === null)).toBe(true);
      expect([...ranked].sort((a, b) => b! - a!)).toEqual(ranked);
      expect(rows[0]!.rank).toBe(1);
    }
  });

  it('gives tied towns the same rank and leaves 未报告 unranked', async () => {
    const rows = await ranking(sql, 't3_new_total', 2023);
    const zeros = rows.filter((r) => r.value === 0);
    expect(zeros.length).toBeGreaterThan(1);
    expect(new Set(zeros.map((r) => r.rank)).size).toBe(1);
    const unreported = await ranking(sql, 'pub_other', 2023);
    for (const r of unreported.filter((x) => x.value === null)) expect(r.rank).toBeNull();
  });

  it('binds the year as a parameter and keeps hostile town names as data', async () => {
    const hostile: Report = {
      county: '测试县',
      town: `'); DROP TABLE reports; --`,
      town_code: null,
      year: 2030,
      layout: null,
      source: '<img src=x onerror=alert(1)>',
      synthetic: false,
      metrics: { pub_total: 7 },
    };
    await insertReports(sql, [hostile], 'imported');
    const rows = await ranking(sql, 'pub_volume', 2030);
    expect(rows.find((r) => r.value === 7)).toMatchObject({ town: hostile.town, rank: 1 });
    const y = (await perTown(sql, 2030, { level: 'town', within: null, towns: null }, { v: { op: 'metric', id: 'pub_total' } })).find((r) => r.reported);
    expect(y).toMatchObject({ town: hostile.town, source: hostile.source, v: 7 });
    expect((await datasetSummary(sql)).reports).toBe(106);
    await sql.exec(`DELETE FROM ${sql.reports} WHERE year = 2030`);
    await refreshTowns(sql);
  });
});

describe('the compressed store used for large datasets', () => {
  it('gives the same ranking as the plain one', async () => {
    const big = await nodeSql();
    await createReportsTable(big, 1_000_000);
    await insertReports(big, reports, 'embedded');
    expect(await ranking(big, 'pub_volume', 2022)).toEqual(await ranking(sql, 'pub_volume', 2022));
    expect(await reportValues(big, 'code:370830106', 2021)).toEqual(await reportValues(sql, 'code:370830106', 2021));
  }, 30_000);
});

describe('replacing every report at once', () => {
  it('swaps in the new set and refreshes the town list', async () => {
    const db = await nodeSql();
    await createReportsTable(db);
    await insertReports(db, reports, 'embedded');
    const mine: Report = { ...reports[0]!, town: '新镇', town_code: null, year: 2024, source: 'mine.csv', synthetic: false, metrics: { pub_total: 5 } };
    await replaceAllReports(db, [mine], () => 'imported');
    expect((await datasetSummary(db)).reports).toBe(1);
    expect((await ranking(db, 'pub_volume', 2024)).map((r) => [r.town, r.value])).toEqual([['新镇', 5]]);
    const [origin] = await db.query<{ origin: string }>(`SELECT origin FROM ${db.reports}`);
    expect(origin!.origin).toBe('imported');
  }, 30_000);

  it('names towns as the data in the database does now, after every change of it', async () => {
    const db = await nodeSql();
    await createReportsTable(db);
    const first: Report = { ...reports[0]!, town: '旧名镇', town_code: '370830999', year: 2023, metrics: { pub_total: 3 } };
    await insertReports(db, [first], 'embedded');
    expect((await ranking(db, 'pub_volume', 2023)).map((r) => [r.town, r.town_code, r.county])).toEqual([['旧名镇', '370830999', first.county]]);
    // renamed in a later report: the latest name is the town's name, in every year's ranking
    await insertReports(db, [{ ...first, town: '新名镇', year: 2024 }], 'imported');
    expect((await ranking(db, 'pub_volume', 2023)).map((r) => r.town)).toEqual(['新名镇']);
    await replaceAllReports(db, [{ ...first, town: '第三个名字', county: '另一县', year: 2025 }], () => 'imported');
    expect((await ranking(db, 'pub_volume', 2025)).map((r) => [r.town, r.county])).toEqual([['第三个名字', '另一县']]);
  }, 30_000);

  it('reads the town names once per version of the data, the first time with the town list', async () => {
    const node = (await nodeSql()).sql;
    const seen: string[] = [];
    const counting = new Store({ ...node, query: (q, p) => (seen.push(q), node.query(q, p)) });
    await createReportsTable(counting);
    await insertReports(counting, reports, 'embedded');
    await listTowns(counting);
    seen.length = 0;
    await ranking(counting, 'pub_volume', 2023);
    await ranking(counting, 'pub_volume', 2022);
    expect(seen).toHaveLength(2); // the two rankings, no names
    await refreshTowns(counting);
    seen.length = 0;
    await ranking(counting, 'pub_volume', 2023);
    expect(seen).toHaveLength(2); // the names again, then the ranking
  }, 30_000);

  it('leaves the data exactly as it was when the new set cannot be written', async () => {
    const db = await nodeSql();
    await createReportsTable(db);
    await insertReports(db, reports, 'embedded');
    const before = await ranking(db, 'pub_volume', 2023);
    // a database that fails while writing the new set (e.g. out of memory)
    const refuse = vi.spyOn(db.sql, 'appendArrow').mockRejectedValueOnce(new Error('Out of Memory'));
    await expect(replaceAllReports(db, [reports[1]!], () => 'imported')).rejects.toThrow('Out of Memory');
    expect(refuse).toHaveBeenCalled();
    refuse.mockRestore();
    expect(await ranking(db, 'pub_volume', 2023)).toEqual(before);
    expect((await datasetSummary(db)).reports).toBe(105);
  }, 30_000);
});
