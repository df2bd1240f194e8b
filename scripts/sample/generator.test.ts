import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDivisions } from '../../src/lib/model/divisions.ts';
import { toWideCsv } from '../../src/lib/ingest/write-csv.ts';
import { checkAll } from '../../src/lib/model/rules.ts';
import { reportKey, type Report } from '../../src/lib/model/report.ts';
import { evaluate, measure } from '../../src/lib/model/measures.ts';
import { parseReportFile } from '../../src/lib/ingest/parse-file.ts';
import { parseFileColumns } from '../../src/lib/ingest/parse-columns.ts';
import { normalizeText } from '../../src/lib/ingest/values.ts';
import { BREAKS, DEFAULT_YEARS, generateReports, SAMPLE_SOURCE, selectDivisions } from './generator.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const divisions = parseDivisions(read('data/divisions/townships_cn.csv'));
const wenshang = selectDivisions(divisions, { counties: ['370830'] });
const anchors = parseReportFile('kangyi_2021.json', read('data/reports/kangyi_2021.json')).reports;
const generate = (opts = {}) => [...generateReports(wenshang, { anchors, ...opts })];
const synthetic = (rs: Report[]) => rs.filter((r) => r.synthetic);

describe('sample generator', () => {
  it('knows the 15 units of 汶上县 in code order', () => {
    expect(wenshang.map((d) => d.name)).toEqual([
      '中都街道', '汶上街道', '南站街道', '南旺镇', '次邱镇', '寅寺镇', '郭楼镇', '康驿镇',
      '苑庄镇', '义桥镇', '郭仓镇', '白石镇', '杨店镇', '刘楼镇', '军屯乡',
    ]);
  });

  it('gives the same bytes for the same seed, and different bytes for another seed', () => {
    const a = toWideCsv(synthetic(generate()));
    const b = toWideCsv(synthetic(generate()));
    const c = toWideCsv(synthetic(generate({ seed: 7 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('matches the committed sample file (regenerate with npm run generate)', () => {
    expect(toWideCsv(synthetic(generate()))).toBe(read('data/reports/wenshang_sample_2019-2025.csv'));
  });

  it('names the source of its reports in words (镇街详情 showed a path), read back exactly as written', () => {
    expect(SAMPLE_SOURCE).toBe('程序生成的示例数据');
    expect(normalizeText(SAMPLE_SOURCE)).toBe(SAMPLE_SOURCE);
    expect(new Set(synthetic(generate()).map((r) => r.source))).toEqual(new Set([SAMPLE_SOURCE]));
    // the committed file as the dashboard reads it: every report's 来源 as written, every identity
    // taken as DuckDB reads it (a full-width form in the source would have to be rewritten at an import)
    const file = 'wenshang_sample_2019-2025.csv';
    const bytes = new TextEncoder().encode(read(`data/reports/${file}`));
    expect(new Set(parseReportFile(file, bytes).reports.map((r) => r.source))).toEqual(new Set([SAMPLE_SOURCE]));
    const columns = parseFileColumns(file, bytes);
    expect(columns.fast).toBe(true);
    expect(new Set(columns.columns.source)).toEqual(new Set([SAMPLE_SOURCE]));
    expect([...columns.asRead!].every((x) => x === 1)).toBe(true);
  });

  it('makes one report per town and year, with the real 康驿镇 2021 report in place of a generated one', () => {
    const all = generate();
    expect(all).toHaveLength(15 * DEFAULT_YEARS.length);
    expect(new Set(all.map(reportKey)).size).toBe(all.length);
    const kangyi = all.find((r) => r.town === '康驿镇' && r.year === 2021)!;
    expect(kangyi.synthetic).toBe(false);
    expect(kangyi.metrics.pub_newmedia).toBe(499);
    expect(all.filter((r) => !r.synthetic)).toHaveLength(1);
  });

  it('breaks the consistency rules only where BREAKS documents it', () => {
    const findings = checkAll(generate());
    const found = new Set(findings.map((f) => `${f.town_code}@${f.year}:${f.rule}`));
    const documented = new Set(BREAKS.map((b) => `${b.town_code}@${b.year}:${b.rule}`));
    expect(found).toEqual(documented);
    for (const b of BREAKS) expect(wenshang.find((d) => d.code === b.town_code)?.name).toBe(b.town);
  });

  it('satisfies every rule without the breaks', () => {
    expect(checkAll(generate({ breaks: false }))).toEqual([]);
  });

  it('uses layout 2019 until 2020, 2021 from 2023, and keeps a few towns on 2019 in 2021–2022', () => {
    const all = synthetic(generate());
    for (const r of all) {
      if (r.year <= 2020) expect(r.layout).toBe('2019');
      if (r.year >= 2023) expect(r.layout).toBe('2021');
    }
    const lagging = all.filter((r) => r.year >= 2021 && r.year <= 2022 && r.layout === '2019');
    expect(lagging.length).toBeGreaterThan(0);
    expect(lagging.length).toBeLessThan(15);
    // values exist only for metrics of the report's layout
    for (const r of all) {
      expect(r.metrics.t2_rules_issued === null).toBe(r.layout === '2019');
      expect(r.metrics.t2_license_prev === null).toBe(r.layout === '2021');
      expect(r.metrics.t3_other_misc_total === null).toBe(r.layout === '2019');
    }
  });

  it('has plausible magnitudes: publications in tens to hundreds, rare applications, some empty narrative values', () => {
    const all = synthetic(generate());
    const volumes = all.map((r) => evaluate(measure('pub_volume').expr, r)).filter((v): v is number => v !== null);
    expect(Math.min(...volumes)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...volumes)).toBeLessThan(5000);
    const withApplications = all.filter((r) => (r.metrics.t3_new_total ?? 0) > 0);
    expect(withApplications.length).toBeGreaterThan(0);
    expect(withApplications.length).toBeLessThan(all.length / 2);
    const emptyNarrative = all.filter((r) => r.metrics.train_sessions === null || r.metrics.pub_board === null);
    expect(emptyNarrative.length).toBeGreaterThan(0);
    const zeroCells = all.flatMap((r) => Object.entries(r.metrics).filter(([k, v]) => k.startsWith('t3_') && v !== null).map(([, v]) => v));
    expect(zeroCells.filter((v) => v === 0).length / zeroCells.length).toBeGreaterThan(0.9);
  });

  it('gives a town the same reports whether generated with its county or with its province', () => {
    const county = synthetic(generate()).filter((r) => r.town === '郭仓镇');
    const shandong = selectDivisions(divisions, { provinces: ['37'] });
    expect(shandong.length).toBeGreaterThan(1000);
    const fromProvince = [...generateReports(shandong.filter((d) => d.county_code === '370830'), { anchors })].filter(
      (r) => r.town === '郭仓镇',
    );
    expect(fromProvince).toEqual(county);
    expect(selectDivisions(divisions, { country: true })).toHaveLength(41352);
  });

  it('selects a prefecture by its city code: 济宁市 3708 has 158 towns, 汶上县 among them', () => {
    const jining = selectDivisions(divisions, { prefectures: ['3708'] });
    expect(jining).toHaveLength(158);
    expect(jining.filter((d) => d.county_code === '370830')).toEqual(wenshang);
  });
});
